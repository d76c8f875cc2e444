"""Central Asia Security Atlas: an offline desktop GIS for the study of security in Central Asia."""

__version__ = "0.1.0"
