"""Turns core objects into a map page or an image. Knows no widgets."""
