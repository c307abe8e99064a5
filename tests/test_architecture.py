"""The shape of the package: no import cycles between its modules, no imports
hidden inside functions, and no module that reaches for the repository root."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lawsite"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(node: ast.AST, known: set[str]) -> list[str]:
    """The package's modules an import statement imports (`from a.b import c` is the
    module a.b.c when there is one, else a.b)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name in known]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in known:
        found = [f"{node.module}.{alias.name}" for alias in node.names if f"{node.module}.{alias.name}" in known]
        return found or [node.module]
    return []


def graph() -> dict[str, set[str]]:
    found = modules()
    edges = {}
    for name, path in found.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges[name] = {target for node in ast.walk(tree) for target in imported(node, set(found))} - {name}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every module that is on a cycle, with one cycle through it (depth-first)."""
    found, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == "open":
                found.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [])
    return found


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_cycle_check_finds_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c", "a"]]


def test_relative_imports_are_not_used():
    """Every import of the package is absolute, so that the graph above sees it."""
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            assert not (isinstance(node, ast.ImportFrom) and node.level), f"{name}:{node.lineno}"


def test_no_imports_inside_functions():
    """An import inside a function hides a dependency (and a cycle) from the reader."""
    for path in modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                local = [inner.lineno for inner in ast.walk(node) if isinstance(inner, (ast.Import, ast.ImportFrom))]
                assert not local, f"{path.relative_to(PACKAGE.parent)}:{local[0]}: import inside {node.name}()"


def test_no_module_reaches_for_the_repository_root():
    """Paths come from the Project; a module may find only its own files (beside it)."""
    for path in modules().values():
        text = path.read_text(encoding="utf-8")
        for line_number, line in enumerate(text.split("\n"), 1):
            if "__file__" in line:
                assert ".parent.parent" not in line and "parents[" not in line, \
                    f"{path.relative_to(PACKAGE.parent)}:{line_number}: {line.strip()}"
