# Shortcuts for developers; the README's commands are the scripts themselves (no make needed).
.PHONY: setup run test bench lint

setup:
	bash scripts/setup.sh
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
bench: setup
	.venv/bin/python scripts/bench.py
lint: setup
	.venv/bin/ruff check gis_app tests scripts
