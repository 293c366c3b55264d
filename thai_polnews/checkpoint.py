"""Resumable, atomic JSONL output for long extraction runs.

Records go to ``OUT.partial``; after every batch the byte size of that file and
the number of input documents consumed are saved to ``OUT.partial.state``
(written atomically). A resumed run truncates the partial file to the saved size
and skips the saved number of inputs, so no record is written twice or lost. On
success the partial file is renamed to ``OUT`` and the state file removed.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable


class CheckpointedWriter:
    """Append records batch by batch; ``commit`` after each batch, ``finish`` at the end."""

    def __init__(self, output: Path, *, resume: bool) -> None:
        self.output = Path(output)
        self.partial = self.output.with_name(self.output.name + ".partial")
        self.state_path = self.output.with_name(self.output.name + ".partial.state")
        self.consumed = 0
        self.written = 0
        size = 0
        if resume and self.state_path.exists() and not self.partial.exists() and self.output.exists():
            # killed between the final rename and the state file's removal: the run had finished
            self.state_path.unlink()
            raise FileExistsError(f"{self.output} is already complete; nothing to resume")
        if resume and self.state_path.exists():
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
            self.consumed, self.written, size = state["consumed"], state["written"], state["bytes"]
            if not self.partial.exists() or self.partial.stat().st_size < size:
                raise FileNotFoundError(
                    f"cannot resume: {self.partial} is missing or shorter than its checkpoint says; "
                    "run again without --resume"
                )
        elif resume and self.output.exists():
            raise FileExistsError(f"{self.output} is already complete; nothing to resume")
        self.resumed_from = self.consumed
        self.handle = open(self.partial, "r+b" if size else "wb")
        self.handle.truncate(size)
        self.handle.seek(size)

    def write_batch(self, lines: Iterable[str], consumed: int) -> None:
        """Append the records of one batch and save the checkpoint."""
        for line in lines:
            self.handle.write(line.encode("utf-8") + b"\n")
            self.written += 1
        self.consumed += consumed
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self._save_state()

    def finish(self) -> None:
        """Close and move the finished output into place."""
        self.handle.close()
        os.replace(self.partial, self.output)
        if self.state_path.exists():
            self.state_path.unlink()

    def close(self) -> None:
        """Close without finishing: the checkpoint stays for ``--resume``, and a partial
        file that no batch reached is removed."""
        if not self.handle.closed:
            self.handle.close()
        if not self.state_path.exists() and self.partial.exists() and self.partial.stat().st_size == 0:
            self.partial.unlink()

    def _save_state(self) -> None:
        state = {"consumed": self.consumed, "written": self.written, "bytes": self.handle.tell()}
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        os.replace(tmp, self.state_path)


def skip(items: Iterable, count: int) -> Iterable:
    """``items`` without its first ``count`` elements."""
    iterator = iter(items)
    for _ in range(count):
        if next(iterator, _END) is _END:
            break
    return iterator


_END = object()
