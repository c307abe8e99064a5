"""Settings the build shares with MkDocs, read from mkdocs.yml so that each is
set in one place (the public address: `site_url`), and the date a build is pinned to
(`built_on`)."""

import datetime
import os
import subprocess
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' own tags (!ENV, !relative); they are not needed here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load(config_file: Path) -> dict:
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_Loader)
    if config.get("INHERIT"):
        parent = load(Path(config_file).parent / config["INHERIT"])
        parent.update(config)
        config = parent
    return config


def site_url(config_file: Path) -> str:
    """The public address of the site, ending in a slash."""
    url = load(config_file).get("site_url") or ""
    return url if url.endswith("/") else url + "/"


def search(config_file: Path) -> str:
    """The site's search (`extra.search`): "pagefind" on the hosted site, else Material's."""
    return (load(config_file).get("extra") or {}).get("search") or ""


def commit_time(directory: Path) -> str:
    """Seconds since the epoch of the last commit, or 0 outside a git checkout: the
    date a build is pinned to (SOURCE_DATE_EPOCH), so that builds are reproducible."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=directory,
                                capture_output=True, text=True, check=True)
        return result.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def built_on(directory: Path) -> datetime.datetime:
    """The moment a build is pinned to: SOURCE_DATE_EPOCH, else the last commit of
    `directory` (the epoch outside a checkout). The pages' statuses are computed for
    its day (lawsite/pipeline.py), the bundles' zips and READMEs are dated by it.

    >>> os.environ["SOURCE_DATE_EPOCH"] = "86400"
    >>> built_on(Path(".")).isoformat()
    '1970-01-02T00:00:00+00:00'
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH") or commit_time(directory))
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC)
