"""The shape of the package: no import cycles between its modules, no imports
hidden inside functions, and no module that reaches for the repository root."""

import ast
import re
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



SITE = PACKAGE / "site"
# `<` followed by a tag name (or `</` and one): HTML, whatever the tag
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*")


def html_in_code(source: str) -> list[int]:
    """The lines where Python code writes HTML: an f-string, or a string that is not a
    docstring, holding a tag. (markup.element, the one escaping helper of the hot
    per-款 path, names no tag: its caller gives the tag's name.)"""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text = node.value
        else:
            continue
        if TAG.search(text):
            found.append(node.lineno)
    return sorted(set(found))


def language_forks(source: str) -> list[int]:
    """The lines of `… if lang.official else …`: a choice between two languages'
    renderings, which belongs to i18n.Language, the labels or a table by language code."""
    found = [node.lineno for node in ast.walk(ast.parse(source)) if isinstance(node, ast.IfExp)
             and any(isinstance(part, ast.Attribute) and part.attr == "official" for part in ast.walk(node.test))]
    found += [number for number, line in enumerate(source.split("\n"), 1) if ".official else" in line]
    return sorted(set(found))


def site_modules() -> dict[str, str]:
    return {str(path.relative_to(PACKAGE.parent)): path.read_text(encoding="utf-8") for path in sorted(SITE.glob("*.py"))}


def test_the_site_writes_no_html_in_python():
    """HTML is written by the templates (lawsite/site/templates/), which escape every value."""
    assert [f"{name}:{line}" for name, source in site_modules().items() for line in html_in_code(source)] == []


def test_the_site_has_no_language_forks():
    assert [f"{name}:{line}" for name, source in site_modules().items() for line in language_forks(source)] == []


def test_the_checks_find_html_and_forks():
    source = ('"""A <b>docstring</b> may show HTML."""\n'
              'a = f\'<span class="x">{y}</span>\'\n'
              'b = "<div>" + z\n'
              'c = d if lang.official else e\n'
              'f = "a < b" + f"{a}<{b}"\n'
              'def g():\n'
              '    """<p>also</p>"""\n'
              '    return (x if site.lang.official\n'
              '            else y)\n')
    assert html_in_code(source) == [2, 3]
    assert language_forks(source) == [4, 8]


def test_no_module_imports_another_s_private_names():
    """A name with a leading underscore is its module's own (compare_pages.cell is public,
    for the what-changed pages)."""
    found = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lawsite"):
                found += [f"{name}:{node.lineno}: {alias.name}" for alias in node.names
                          if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert found == []
