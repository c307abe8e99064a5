"""MkDocs hooks: the seam between the generated docs/ and MkDocs.

- on_config: load the navigation and the redirects (short forms of article URLs,
  retired URLs) that build_corpus.py wrote (docs/.nav.yml, docs/.redirects.yml),
  so adding an ordinance never means editing mkdocs.yml; point the snippets that
  hand-written pages include at the generated docs/.fragments/; pin the build
  date to the last commit (SOURCE_DATE_EPOCH) so two builds of one commit are
  byte-identical.
"""

import logging
import os
import subprocess
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError


def on_config(config):
    logging.getLogger("jieba").setLevel(logging.WARNING)      # it logs its start-up at DEBUG
    nav_file = Path(config.docs_dir) / ".nav.yml"
    if not nav_file.exists():
        raise PluginError(f"{nav_file} is missing: run `python build_corpus.py` first")
    config.nav = yaml.safe_load(nav_file.read_text(encoding="utf-8"))
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(Path(config.docs_dir) / ".fragments")]
    redirects = config.plugins.get("redirects")
    if redirects is not None:                    # the hosted site; the offline one has none
        redirects.config["redirect_maps"] = yaml.safe_load(
            (Path(config.docs_dir) / ".redirects.yml").read_text(encoding="utf-8"))
    os.environ.setdefault("SOURCE_DATE_EPOCH", commit_time(Path(config.config_file_path).parent))
    return config


def commit_time(directory: Path) -> str:
    """Seconds since the epoch of the last commit, or 0 outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=directory,
                                capture_output=True, text=True, check=True)
        return result.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"
