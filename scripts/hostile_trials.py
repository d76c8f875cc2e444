"""Run a generated hostile corpus against the atlas's readers and writers and count the outcomes
per class (issue 17's figures). Nothing is downloaded or committed: every file is made here, in a
temporary folder. Usage: .venv/bin/python scripts/hostile_trials.py [--seed N] [--rounds N]

An outcome is "ok" when the user-visible result is the intended one: a typed refusal with a
message naming the file (never another exception, never over the time limit), or the data loaded
and savable; "FAIL" otherwise (listed with the trial).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gis_app.core import (  # noqa: E402
    atomic,
    paths,
    recovery,  # noqa: E402
    safe_io,
)
from gis_app.core import project as proj  # noqa: E402
from gis_app.core.catalog import load_catalog  # noqa: E402
from gis_app.core.evidence import load_bibliography, load_claims  # noqa: E402
from gis_app.core.features import DataError, read_feature_collection  # noqa: E402
from gis_app.core.timefilter import year_of  # noqa: E402
from gis_app.render.page import page_config  # noqa: E402

HOSTILE = ['"/><script>window.pwned=1</script>', "1\" onload=\"alert(1)", "<img src=x onerror=1>",
           "red;background:url(javascript:1)", "expression(alert(1))", "#12345g", "1e999", "NaN",
           "javascript:alert(1)", "\u202e#fff", "</svg><svg onload=alert(1)>", "-1", "999999"]
results: Counter = Counter()
failures: list[str] = []


def trial(cls: str, name: str, fn, limit_s: float = 2.0) -> None:
    t0 = time.monotonic()
    try:
        ok = fn()
    except Exception as exc:  # noqa: BLE001 - any escape is a failure to count
        ok = False
        name += f" -> {type(exc).__name__}: {exc}"[:200]
    if time.monotonic() - t0 > limit_s:
        ok, name = False, name + f" (took {time.monotonic() - t0:.1f} s)"
    results[(cls, "ok" if ok else "FAIL")] += 1
    if not ok:
        failures.append(f"{cls}: {name}")


def refused(fn, kinds=(Exception,)) -> bool:
    try:
        fn()
    except kinds as exc:
        return bool(str(exc))
    return False


def non_regular(tmp: Path, rng: random.Random) -> list[tuple[str, Path]]:
    out = []
    for i in range(3):
        fifo = tmp / f"fifo{i}_{rng.random()}"
        os.mkfifo(fifo)
        folder = tmp / f"dir{i}_{rng.random()}"
        folder.mkdir()
        dangling = tmp / f"dangling{i}_{rng.random()}"
        dangling.symlink_to(tmp / f"none{i}")
        a, b = tmp / f"loopa{i}_{rng.random()}", tmp / f"loopb{i}_{rng.random()}"
        a.symlink_to(b)
        b.symlink_to(a)
        out += [("fifo", fifo), ("dir", folder), ("dangling", dangling), ("loop", a)]
    out += [(name, Path(f"/dev/{name}")) for name in ("zero", "urandom", "null")]
    return out


def run(seed: int, rounds: int, tmp: Path) -> None:
    rng = random.Random(seed)
    os.environ["XDG_STATE_HOME"] = str(tmp / "state")

    # 1. files that are not regular files, for every reader
    readers = {"project": lambda p: proj.load(p), "layer data": read_feature_collection,
               "bibliography": load_bibliography,
               "claims": lambda p: (_ for _ in ()).throw(ValueError(load_claims(p)[1][0]))}
    for kind, path in non_regular(tmp, rng):
        for reader, fn in readers.items():
            trial("not a regular file", f"{reader} <- {kind}", lambda fn=fn, path=path: refused(
                lambda: fn(path), (proj.ProjectError, DataError, ValueError)), 1.0)

    # 2-4. nesting, numbers, encodings: JSON for projects and layer data, TOML for definitions
    for i in range(rounds):
        depth = rng.choice([65, 100, 1000, 10_000, 100_000])
        opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
        deep = opener * depth + "1" * (opener == '{"a":') + closer * depth
        path = tmp / f"deep{i}.json"
        path.write_text(deep)
        trial("deep nesting", f"json depth {depth}", lambda path=path: refused(
            lambda: proj.load(path), proj.ProjectError)
            and refused(lambda: read_feature_collection(path), DataError))
        tpath = tmp / f"deep{i}.toml"
        tpath.write_text("a = " + "[" * depth + "]" * depth)
        trial("deep nesting", f"toml depth {depth}", lambda tpath=tpath: refused(
            lambda: safe_io.load_toml(tpath), safe_io.UnsafeFileError))
        digits = rng.choice([31, 100, 4301, 5000, 50_000])
        npath = tmp / f"num{i}.json"
        npath.write_text(f'{{"format": "{proj.FORMAT}", "schema": 1, "n": ' + "9" * digits + "}")
        trial("huge numbers", f"{digits} digits", lambda npath=npath: refused(lambda: proj.load(npath),
                                                                              proj.ProjectError))
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000)))
        jpath = tmp / f"junk{i}.atlas.json"
        jpath.write_bytes(junk)
        trial("encoding", "random bytes",
              lambda jpath=jpath: refused(lambda: proj.load(jpath), proj.ProjectError))
        lone = chr(0xD800 + rng.randrange(2048))
        text = json.dumps({"format": proj.FORMAT, "schema": 1, "title": "t" + lone})
        spath = tmp / f"surr{i}.atlas.json"
        spath.write_bytes((b"\xef\xbb\xbf" if i % 2 else b"") + text.encode())

        def surrogate_round_trip(spath=spath):
            project = proj.load(spath)
            proj.save(project, spath)
            return "\ufffd" in proj.load(spath).title and any("replaced" in w for w in project.warnings)
        trial("encoding", "lone surrogate (+BOM every other)", surrogate_round_trip)

    # 5. style values that are not numbers or colours never reach the page
    layers = tmp / "cat" / "layers"
    layers.mkdir(parents=True)
    (layers / "groups.toml").write_text((ROOT / "layers" / "groups.toml").read_text())
    (tmp / "cat" / "d.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    for i in range(rounds):
        key = rng.choice(["stroke", "fill", "weight", "opacity", "fill_opacity", "radius", "dash", "symbol"])
        value = rng.choice(HOSTILE) if rng.random() < 0.8 else rng.choice([1e9, -5, True, [1], {"a": 1}])
        (layers / f"s{i}.toml").write_text(f'id = "s{i}"\ngroup = "borders"\ngeometry = "point"\n'
                                          f'data = "d.geojson"\ntitle = {{en = "S"}}\n[style]\n'
                                          f"{key} = {json.dumps(value)}\n")
    catalog = load_catalog(layers)
    config = json.dumps(page_config(catalog))
    for i in range(rounds):
        trial("style injection", f"s{i}", lambda i=i: f"s{i}" not in catalog.ids() and any(
            p.startswith(f"s{i}.toml") for p in catalog.problems))
    trial("style injection", "no hostile value in the page config",
          lambda: not any(h in config for h in HOSTILE if len(h) > 4))

    # 6. years the time slider cannot hold
    for _ in range(rounds):
        year = rng.choice([1e10, -1e10, 10 ** 12, float("inf"), 10_001, -10_001, "99999999-01"])
        trial("years", repr(year), lambda year=year: year_of(year) is None or abs(year_of(year)) <= 10_000)

    # 7. exports to a full disk, /dev/full and a folder: failure said, old file kept
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    from gis_app.core.map_state import MapState
    from gis_app.render.layout import ExportOptions
    from gis_app.ui.export import compose, layout_context

    real = load_catalog()
    context = layout_context(real, MapState(real), "en", None)
    mount = tmp / "small"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                             capture_output=True).returncode == 0
    try:
        for _ in range(rounds if mounted else 0):
            fmt = rng.choice(["png", "pdf", "svg"])
            out = mount / f"m.{fmt}"
            filler = mount / "filler"  # the disk is nearly full: a few KiB left, a random amount
            for old in mount.iterdir():
                old.unlink()
            out.write_bytes(b"previous")
            filler.write_bytes(b"\0" * (48 * 1024 + rng.randrange(8192)))
            options = ExportOptions(title="T" * rng.randrange(1, 50), page="custom", custom_px=(1600, 1000),
                                    dpi=96)

            def full_disk(out=out, options=options):
                said = refused(lambda: compose(out, options, None, context), OSError)
                left = sorted(p.name for p in mount.iterdir())
                return said and out.read_bytes() == b"previous" and left == ["filler", out.name]
            trial("export to a full disk", fmt, full_disk, 20)
    finally:
        if mounted:
            subprocess.run(["umount", str(mount)], capture_output=True)
    for target in ("/dev/full", "/dev/null", str(tmp)):
        link = tmp / f"link{rng.random()}.png"
        link.symlink_to(target)
        trial("export to a non-file", target, lambda link=link: refused(
            lambda: compose(link, ExportOptions(), None, context), atomic.OutputError))

    # 8. recovery: crashed sessions (some corrupt) all found; corrupt ones set aside, none deleted
    for i in range(rounds):
        state = paths.state_dir()
        for old in state.glob("recovery-*"):
            old.unlink()
        n, bad = rng.randrange(1, 6), set()
        for k in range(n):
            path = state / f"recovery-{k}{i}-1-{rng.randrange(16 ** 8):08x}.atlas.json"
            if rng.random() < 0.3:
                path.write_text('{"format": "central-asia-security-atlas/project", "schema": 1, "sl')
                bad.add(path)
            else:
                proj.save(proj.Project(title=f"work {k}"), path)

        def sessions(n=n, bad=bad):
            found = proj.orphaned_recoveries()
            readable = 0
            for path in found:
                try:
                    proj.load(path)
                    readable += 1
                except proj.ProjectError:
                    kept = proj.set_aside(path)
                    assert kept.exists() and path in bad
            return len(found) == n and readable == n - len(bad)
        trial("recovery", f"{n} crashed sessions, {len(bad)} corrupt", sessions)
    trial("recovery", "own session never offered", lambda: (
        proj.write_recovery(proj.Project(), None) not in proj.orphaned_recoveries()))
    recovery.discard_recovery()

    # 10. thumbnails that claim huge sizes are not decoded
    import struct
    import zlib

    from gis_app.ui.slides_dock import thumbnail_image

    for _ in range(rounds):
        w, h = rng.choice([(30000, 30000), (65535, 1), (1, 65535), (20000, 20000), (2000, 2000)])
        ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
        png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(
            ">I", zlib.crc32(b"IHDR" + ihdr)) + b"\0\0\0\0IEND\xaeB`\x82"
        trial("thumbnails", f"{w}x{h}",
              lambda png=png: thumbnail_image(base64.b64encode(png).decode()).isNull(), 0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hostile-"))
    try:
        run(args.seed, args.rounds, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    classes = sorted({c for c, _ in results})
    total_fail = 0
    for cls in classes:
        ok, fail = results[(cls, "ok")], results[(cls, "FAIL")]
        total_fail += fail
        print(f"{cls:<26} {ok + fail:>5} trials  {ok:>5} ok  {fail:>3} failed")
    for line in failures[:30]:
        print("  FAIL", line)
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
