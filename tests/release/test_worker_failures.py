"""No run hangs: a killed worker stops the run with a checkpoint to resume from; a worker that
cannot load its model fails the run once, fast."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from thai_polnews.pipeline.ner import default_model_path


def extract(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "thai_polnews.cli", "extract", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs,
    )


def children(pid: int):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def test_killed_worker_stops_the_run_and_resume_finishes_it(tmp_path, seed_texts):
    text = "\n".join(seed_texts.values())
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n" for i in range(1500)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = (str(src), "-o", str(out), "--no-model", "--processes", "2", "--batch-size", "4", "--quiet")
    run = extract(*args)
    state = tmp_path / "out.jsonl.partial.state"
    deadline = time.monotonic() + 120
    while not state.exists() and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.2)
    assert state.exists() and run.poll() is None, "the run ended before a worker could be killed"
    workers = [p for p in children(run.pid) if "spawn" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")]
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 1
    assert "stopped unexpectedly" in err and "--resume" in err and "Traceback" not in err
    assert not out.exists() and state.exists()
    done = subprocess.run(
        [sys.executable, "-m", "thai_polnews.cli", "extract", *args, "--resume"], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"d{i}" for i in range(1500)]


def test_damaged_model_with_two_processes_fails_once_fast(tmp_path):
    model = tmp_path / "model"
    shutil.copytree(default_model_path(), model)
    (model / "model.safetensors").write_bytes(b"damaged")
    src = tmp_path / "a.txt"
    src.write_text("สหายเหงียน วัน อาน", encoding="utf-8")
    began = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "thai_polnews.cli", "extract", str(src), "-o", str(tmp_path / "o.jsonl"),
         "--model", str(model), "--processes", "2", "--quiet"],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 2
    assert "could not be loaded" in run.stderr and "Traceback" not in run.stderr
    assert run.stderr.strip().count("\n") == 0, run.stderr
    assert time.monotonic() - began < 100
    assert not list(tmp_path.glob("o.jsonl*"))


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_missing_model_folder_with_two_processes_fails_before_any_worker(tmp_path, how):
    src = tmp_path / "a.txt"
    src.write_text("สหายเหงียน วัน อาน", encoding="utf-8")
    env = dict(os.environ)
    args = [sys.executable, "-m", "thai_polnews.cli", "extract", str(src), "-o", str(tmp_path / "o.jsonl"), "--processes", "2"]
    if how == "argument":
        args += ["--model", str(tmp_path / "none")]
    else:
        env["THAI_POLNEWS_MODEL"] = str(tmp_path / "none")
    run = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert run.returncode == 2 and "No NER model" in run.stderr and "Traceback" not in run.stderr
