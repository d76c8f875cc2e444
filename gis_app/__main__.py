import sys

from gis_app.cli import main

sys.exit(main())
