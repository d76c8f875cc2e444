"""The atlas model: catalog, layers, evidence, map state. Imports neither Qt nor folium."""
