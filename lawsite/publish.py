"""Build the site from the generated docs/ with MkDocs.

    python -m lawsite.publish [--config mkdocs.yml] [--site site]

The site is built into a temporary directory beside its destination and put in
place only when the build passed and every URL of the registry is still
produced (lawsite/registry.py), so a failed build leaves the previous site
untouched.
"""

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import registry
from .errors import SourceError

ROOT = Path(__file__).resolve().parent.parent


def build_site(site_dir, config_file=ROOT / "mkdocs.yml", docs_dir=None) -> None:
    """Run MkDocs (strict) into `site_dir`. Raises MkDocsException on any warning."""
    overrides = {"site_dir": str(site_dir)}
    if docs_dir is not None:
        overrides["docs_dir"] = str(docs_dir)
    config = load_config(str(config_file), **overrides)
    build(config)


def replace_directory(built: Path, target: Path) -> None:
    """Put `built` where `target` is, removing the old one only after the swap."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    built.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build the site with MkDocs.")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--site", default=str(ROOT / "site"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    target = Path(args.site).resolve()
    with tempfile.TemporaryDirectory(prefix=".build-", dir=target.parent) as temporary:
        built = Path(temporary) / "site"
        try:
            build_site(built, args.config)
            registry.check(built)
        except (MkDocsException, SourceError) as error:
            print(f"error: {error}\nthe site was not published; {target} is unchanged",
                  file=sys.stderr)
            return 1
        replace_directory(built, target)
    print(f"site built in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
