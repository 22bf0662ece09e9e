"""The shipped Python inventory (conf/inventories/python3.inv) and the site's intersphinx wiring.

Every Python name the pages link to must resolve, with the role the page uses, to a page of
https://docs.python.org/3/library/, and a build must get there without touching the network.
"""

import runpy
import socket
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from inventories import update_python_inventory
from sphinx.application import Sphinx
from sphinx.domains.python import PythonDomain
from sphinx.util.docutils import docutils_namespace

CONF_DIR = Path(__file__).resolve().parent.parent / "conf"
INVENTORY = CONF_DIR / "inventories" / "python3.inv"
DOCS = "https://docs.python.org/3"

# (role, name, page): the references the site makes, or is about to.
LINKED = [
    ("func", "asyncio.gather", "library/asyncio-task.html"),
    ("func", "asyncio.wait", "library/asyncio-task.html"),
    ("func", "asyncio.wait_for", "library/asyncio-task.html"),
    ("func", "asyncio.timeout", "library/asyncio-task.html"),
    ("func", "asyncio.timeout_at", "library/asyncio-task.html"),
    ("meth", "asyncio.Timeout.reschedule", "library/asyncio-task.html"),
    ("class", "asyncio.TaskGroup", "library/asyncio-task.html"),
    ("meth", "asyncio.TaskGroup.create_task", "library/asyncio-task.html"),
    ("meth", "asyncio.Task.cancel", "library/asyncio-task.html"),
    ("meth", "asyncio.Task.uncancel", "library/asyncio-task.html"),
    ("meth", "asyncio.Task.cancelling", "library/asyncio-task.html"),
    ("func", "asyncio.as_completed", "library/asyncio-task.html"),
    ("func", "asyncio.shield", "library/asyncio-task.html"),
    ("func", "asyncio.create_task", "library/asyncio-task.html"),
    ("func", "asyncio.eager_task_factory", "library/asyncio-task.html"),
    ("exc", "asyncio.CancelledError", "library/asyncio-exceptions.html"),
    ("meth", "asyncio.Queue.shutdown", "library/asyncio-queue.html"),
    ("func", "asyncio.print_call_graph", "library/asyncio-graph.html"),
    ("class", "contextvars.Context", "library/contextvars.html"),
    ("exc", "ExceptionGroup", "library/exceptions.html"),
    ("exc", "BaseExceptionGroup", "library/exceptions.html"),
]


@pytest.fixture(scope="module")
def inventory() -> dict[str, dict[str, str]]:
    return update_python_inventory.load(INVENTORY.read_bytes())


def object_types(role: str) -> list[str]:
    """The inventory types a Python-domain role can resolve to (e.g. meth: py:method, ...)."""
    return [f"py:{name}" for name, objtype in PythonDomain.object_types.items() if role in objtype.roles]


@pytest.mark.parametrize(("role", "name", "page"), LINKED, ids=[name for _, name, _ in LINKED])
def test_linked_name_resolves(inventory: dict[str, dict[str, str]], role: str, name: str, page: str) -> None:
    uris = [inventory[t][name] for t in object_types(role) if name in inventory.get(t, {})]
    assert uris == [f"{DOCS}/{page}#{name}"], f"{{py:{role}}}`{name}`"


def test_inventory_holds_the_additions_and_not_the_removals() -> None:
    lines = update_python_inventory.entry_lines(INVENTORY.read_bytes())
    entries = {update_python_inventory.entry_key(line): line for line in lines}
    for key, line in update_python_inventory.read_additions().items():
        assert entries.get(key) == line
    assert not update_python_inventory.read_removals() & entries.keys()


def test_site_uses_the_shipped_inventory() -> None:
    conf = runpy.run_path(str(CONF_DIR / "conf.py"))
    assert "sphinx.ext.intersphinx" in conf["extensions"]
    assert conf["intersphinx_mapping"] == {"python": (DOCS, str(INVENTORY))}


def test_build_links_to_python_docs_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any) -> None:
        raise AssertionError(f"the build tried to connect to {args[1:]}")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    conf = runpy.run_path(str(CONF_DIR / "conf.py"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx.ext.intersphinx"]\n'
        f"intersphinx_mapping = {conf['intersphinx_mapping']!r}\n"
        "nitpicky = True\n"
    )
    references = "".join(f"- {{py:{role}}}`{name}`\n" for role, name, _ in LINKED)
    (src / "index.md").write_text(f"# Links\n\n{references}")
    warnings = StringIO()
    # A namespace of its own: nodes registered by an earlier Sphinx app in this process
    # would otherwise be "already registered" here, a warning that depends on test order.
    with docutils_namespace():
        app = Sphinx(
            src, src, tmp_path / "html", tmp_path / "doctrees", "html",
            status=StringIO(), warning=warnings, warningiserror=True,
        )  # fmt: skip
        app.build()
    assert warnings.getvalue() == ""
    html = (tmp_path / "html" / "index.html").read_text()
    for _, name, page in LINKED:
        assert f'href="{DOCS}/{page}#{name}"' in html
