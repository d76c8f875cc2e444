"""Refresh the vendored web assets under resources/web/vendor/ from the npm registry.

Run: python scripts/refresh_web_assets.py   (needs `npm` on PATH; the app itself never does this)

Each package is fetched with `npm pack NAME@VERSION` (pinned below), the listed files are copied
with the package's licence beside them, and resources/web/vendor/VENDORED.json records name,
version, files and SHA-256 so a reviewer can see exactly what is shipped.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "resources" / "web" / "vendor"

# name -> (version, files to copy from the package, relative to package/)
PACKAGES: dict[str, tuple[str, list[str]]] = {
    # folium 0.20 targets Leaflet 1.9.3; the atlas needs nothing else from folium's default assets.
    "leaflet": ("1.9.3", ["dist/leaflet.js", "dist/leaflet.css", "dist/images/layers.png",
                          "dist/images/layers-2x.png", "dist/images/marker-icon.png",
                          "dist/images/marker-icon-2x.png", "dist/images/marker-shadow.png"]),
    # Vector basemaps (File → Open basemap… with MVT tiles): loaded by basemap_vector.js only when
    # one is opened. The bundle includes pbf, @mapbox/vector-tile, rbush, etc. (THIRD-PARTY.md).
    "protomaps-leaflet": ("5.1.0", ["dist/protomaps-leaflet.js"]),
}
# What a bundle carries inside it, written beside its own licence (name: licence, from npm).
BUNDLED: dict[str, str] = {
    "protomaps-leaflet": (
        "protomaps-leaflet.js is a bundle (esbuild/tsup) that includes these npm packages, each under\n"
        "its own licence: @mapbox/point-geometry (ISC), @mapbox/vector-tile (BSD-3-Clause),\n"
        "@protomaps/basemaps (BSD-3-Clause), color2k (MIT), pbf (BSD-3-Clause), pmtiles\n"
        "(BSD-3-Clause), potpack (ISC), quickselect (ISC), rbush (MIT).\n"),
}
LICENCE_NAMES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "license")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(name: str, version: str, files: list[str], work: Path) -> dict:
    out = subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=work,
                         check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    with tarfile.open(work / out) as tar:
        tar.extractall(work / name, filter="data")
    pkg = work / name / "package"
    dest = VENDOR / name
    shutil.rmtree(dest, ignore_errors=True)
    copied = []
    for rel in files + [n for n in LICENCE_NAMES if (pkg / n).exists()]:
        target = dest / Path(rel).relative_to("dist") if rel.startswith("dist/") else dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pkg / rel, target)
        copied.append({"file": str(target.relative_to(VENDOR)), "sha256": sha256(target)})
    if name in BUNDLED:
        notice = dest / "THIRD-PARTY.md"
        notice.write_text(BUNDLED[name], encoding="utf-8")
        copied.append({"file": str(notice.relative_to(VENDOR)), "sha256": sha256(notice)})
    if not any(Path(c["file"]).name in LICENCE_NAMES for c in copied):
        sys.exit(f"{name}@{version}: no licence file found; refusing to vendor it")
    return {"name": name, "version": version, "source": f"npm {name}@{version}", "files": copied}


def main() -> None:
    VENDOR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        manifest = [fetch(n, v, f, Path(tmp)) for n, (v, f) in PACKAGES.items()]
    (VENDOR / "VENDORED.json").write_text(json.dumps(manifest, indent=2) + "\n")
    for entry in manifest:
        print(f"{entry['name']}@{entry['version']}: {len(entry['files'])} files")


if __name__ == "__main__":
    main()
