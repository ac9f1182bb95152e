"""The apps depend on each other one way only, as docs/architecture.md draws it.

Every import in every module of our apps is read (inside functions too, where a cycle
would hide), and each app may import only the apps listed for it below.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# app → the apps of ours it may import. Read it bottom up: the publishing core, the content
# types and feedback on it, the site on top, the demo content beside the site.
ALLOWED = {
    "publishing": set(),
    "initiatives": {"publishing", "media"},
    "resources": {"publishing", "media"},
    "feedback": {"publishing"},
    "media": {"publishing"},
    "contributions": {"publishing", "initiatives", "feedback"},
    "portal": {"publishing", "media", "initiatives", "resources"},
    "demo": {"publishing", "media", "initiatives", "resources", "portal"},
}


def apps(root=ROOT) -> list[str]:
    return sorted(path.parent.name for path in root.glob("*/apps.py"))


def imported_apps(app: str, root=ROOT) -> dict[str, set[str]]:
    """For each module of `app` (migrations left out: frozen history), the apps it imports."""
    ours = set(apps(root))
    found = {}
    for path in (root / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
        found[str(path.relative_to(root))] = (names & ours) - {app}
    return found


def test_every_app_has_a_place_in_the_layers():
    assert set(apps()) == set(ALLOWED)


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_imports_run_one_way(app):
    wrong = {
        module: sorted(imported - ALLOWED[app])
        for module, imported in imported_apps(app).items()
        if imported - ALLOWED[app]
    }
    assert wrong == {}, f"{app} may import only {sorted(ALLOWED[app])}"


def test_the_layers_have_no_cycle():
    def reachable(start, seen=()):
        for other in ALLOWED[start]:
            if other in seen:
                continue
            yield other
            yield from reachable(other, (*seen, other))

    assert all(app not in set(reachable(app)) for app in ALLOWED)


def test_the_check_sees_imports_inside_functions(tmp_path):
    for app in ("publishing", "portal"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "apps.py").write_text("", encoding="utf-8")
    probe = tmp_path / "publishing" / "probe.py"
    probe.write_text("def late():\n    from portal import views\n", encoding="utf-8")

    assert imported_apps("publishing", tmp_path)["publishing/probe.py"] == {"portal"}
