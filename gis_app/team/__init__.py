"""The team workspace: shared layers, evidence, annotations and lectures on PostgreSQL/PostGIS.

No Qt here (the window's side is in gis_app/ui). psycopg is imported only by the modules that talk
to a server, so the atlas starts without it. See the README's "Team workspace" section.
"""
