"""The editor's loop: `make serve` previews the site and rebuilds it as a text is edited.

Run as an editor runs it, in a copy of the project with one fixture ordinance: start
`make serve` on a free port, read an article, edit the text, see the page change,
stop the server with Ctrl-C (SIGINT to its process group)."""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from lawsite.publish.output import hand_written_only

from .conftest import ROOT, SIMPLE, SourcesTree, wait_then_kill_group

DEADLINE = 600          # seconds: a bound for a stuck server, not a measure of speed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def project_copy(root: Path) -> Path:
    """The repository's build (Makefile, mkdocs.yml and mkdocs.serve.yml, the package, the templates and the
    hand-written pages) with a sources/ of one fixture ordinance and no translations."""
    for name in ("Makefile", "mkdocs.yml", "mkdocs.serve.yml", "build_corpus.py", "requirements.txt"):
        shutil.copy(ROOT / name, root / name)
    for name in ("lawsite", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs", root / "docs", ignore=hand_written_only(ROOT / "docs"))
    shutil.copytree(ROOT / "translations" / "labels", root / "translations" / "labels")
    (root / "registry").mkdir()
    tree = SourcesTree(root / "sources")
    tree.add(SIMPLE)
    shutil.copy(ROOT / "sources" / "departments.yml", tree.root)
    (root / ".venv").symlink_to((ROOT / ".venv").resolve())
    return root / "sources" / "ordinances" / "test-ordinance.txt"


def stamp(root: Path) -> str:
    """The Makefile's mark that the virtual environment is installed (.venv/.installed-<cksum>)."""
    with (root / "requirements.txt").open("rb") as requirements:
        crc = subprocess.run(["cksum"], stdin=requirements, capture_output=True, text=True, check=True)
    return f".venv/.installed-{crc.stdout.split()[0]}"


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(what, process, log: Path):
    """Poll `what()` until it returns something true; fail if the server ends or the deadline passes."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        found = what()
        if found:
            return found
        assert process.poll() is None, f"make serve ended ({process.returncode}):\n{log.read_text()[-3000:]}"
        time.sleep(1)
    raise AssertionError(f"not seen before the deadline:\n{log.read_text()[-3000:]}")


def test_make_serve_previews_an_edit_of_the_text(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    text = project_copy(root)
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        # the environment is the shared one: make must not reinstall it (-o: it is up to date)
        process = subprocess.Popen(["make", "-o", stamp(root), "serve", f"ADDR=127.0.0.1:{port}"], cwd=root, env=env,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/test-ordinance/article-1/"
    try:
        page = wait_for(lambda: fetch(url), process, log)
        assert "为了测试，制定本条例。" in page
        text.write_text(text.read_text(encoding="utf-8").replace("为了测试", "为了预览"), encoding="utf-8")
        page = wait_for(lambda: (found := fetch(url)) and "为了预览" in found and found, process, log)
        assert "为了预览，制定本条例。" in page and "为了测试" not in page
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)            # Ctrl-C in the editor's terminal
        wait_then_kill_group(process, 60)
    output = log.read_text()
    assert "Aborted" not in output and "Serving on" in output and "Shutting down" in output
    assert fetch(url) is None                                # the port is free again
