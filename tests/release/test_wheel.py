"""A normal install: the built wheel, in a fresh virtual environment, run from outside the
repository, gives the same records as the editable install, model entities included."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from thai_polnews.cli import main


def test_wheel_install_extracts_the_seeds_like_the_editable_install(tmp_path, root):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(root)],
        check=True, cwd=tmp_path, timeout=600,
    )
    wheel = next(dist.glob("thai_polnews-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python, script = venv / "bin" / "python", venv / "bin" / "thai-polnews"
    # The dependencies (torch, spaCy, ...) come from this interpreter's site-packages, added after the
    # venv's own as a plain path: its .pth files (an editable install of this repository) are not run.
    venv_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    Path(venv_site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "THAI_POLNEWS_MODEL"}}
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True, timeout=300, cwd=outside, env=env,
    )
    where = subprocess.run(
        [str(python), "-c", "import thai_polnews; print(thai_polnews.__file__)"],
        capture_output=True, text=True, cwd=outside, env=env,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr
    seeds = sorted(str(p) for p in (root / "seeds").glob("*.txt"))
    installed = outside / "installed.jsonl"
    run = subprocess.run(
        [str(script), "extract", *seeds, "-o", str(installed), "--quiet", "--processes", "1"],
        capture_output=True, text=True, cwd=outside, env=env, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    help_ = subprocess.run([str(script), "train", "--help"], capture_output=True, text=True, cwd=outside, env=env)
    assert help_.returncode == 0, help_.stderr

    editable = tmp_path / "editable.jsonl"
    assert main(["extract", *seeds, "-o", str(editable), "--quiet", "--processes", "1"]) == 0
    got = [json.loads(line) for line in installed.read_text(encoding="utf-8").splitlines()]
    want = [json.loads(line) for line in editable.read_text(encoding="utf-8").splitlines()]
    assert got == want
    labels = {e["label"] for r in got for e in r["entities"]}
    assert {"PERSON", "LOCATION", "ORGANIZATION", "POSITION", "DATE", "DOC_CODE"} <= labels
