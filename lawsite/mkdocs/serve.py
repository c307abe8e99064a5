"""The live preview's hook (mkdocs.serve.yml, which `make serve` uses): before each
rebuild, regenerate docs/ from sources/; only the pages of what changed are rewritten
(and then rebuilt). A bad source is reported, and the preview keeps the last good pages.

It is a hook of its own so that a build (each shard, each bundle) does not import the
pipeline, and with it the enrichment's scikit-learn and SciPy: 3 s of CPU in every
MkDocs process for a function that only `mkdocs serve` calls.
"""

import logging
from pathlib import Path

from lawsite.core.errors import SourceError
from lawsite.pipeline import build
from lawsite.project import Project

_command = {"name": ""}           # the MkDocs command: build, or serve (a live preview)


def on_startup(command, dirty):
    _command["name"] = command


def on_pre_build(config):
    if _command["name"] != "serve":
        return
    root = Path(config.config_file_path).parent
    try:
        build(Project.of(root / "sources", docs=config.docs_dir, mkdocs_config=config.config_file_path))
    except SourceError as error:
        logging.getLogger("mkdocs").error(f"lawsite: {error}")
