"""Qt widgets: the main window, the map view, the docks."""
