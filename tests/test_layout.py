"""The layout: inference never imports the training package, and no module imports itself
through a circle of imports."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "thai_polnews"


def imported_modules(code: str) -> set:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True, timeout=300)
    return {m for m in out.stdout.split() if m.startswith("thai_polnews")}


def test_loading_and_processing_import_no_training_module():
    mods = imported_modules(
        "import thai_polnews\n"
        "nlp = thai_polnews.load(device='cpu')\n"
        "doc = nlp('สหายเหงียน วัน อาน เลขาธิการคณะกรรมการพรรคจังหวัดไห่เซือง 27-CT/TW 3 มีนาคม 2568')\n"
        "thai_polnews.to_record(doc)\n"
        "from thai_polnews.cli import main\n"
        "main(['extract', '--help']) if False else None\n"
    )
    assert "thai_polnews.ner.predict" in mods  # the check sees what the pipeline imports
    assert not {m for m in mods if m.startswith("thai_polnews.training")}


@pytest.mark.parametrize("command, module", [("train", "thai_polnews.training.ner.train"), ("synth", "thai_polnews.training.synth")])
def test_training_commands_import_the_training_package_only_when_called(command, module):
    before = imported_modules("import thai_polnews.cli")
    assert not {m for m in before if m.startswith("thai_polnews.training")}
    after = imported_modules(f"from thai_polnews.cli import main\ntry:\n    main(['{command}', '--help'])\nexcept SystemExit:\n    pass")
    assert module in after


def module_graph() -> dict:
    """Module -> the package modules it imports (every import statement, TYPE_CHECKING ones too)."""
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = name if parts[-1] == "__init__" else name.rsplit(".", 1)[0]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            edges |= {t for t in targets if t.startswith("thai_polnews")}
        graph[name] = edges
    return {m: {t for t in e if t in graph and t != m} for m, e in graph.items()}


def test_no_import_circles():
    graph = module_graph()
    # a package's __init__ re-exporting its own modules is not a circle between modules
    graph = {m: {t for t in e if not m.startswith(t + ".")} for m, e in graph.items()}
    state, stack, circles = {}, [], []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                circles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert not circles, circles
