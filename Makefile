# The two commands of the README:
#   make site   set up (virtual environment, pinned dependencies) and build the site
#   make test   run every test (installs Chromium for the browser tests when missing)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

.PHONY: site corpus corpus-report test lint browser serve bench lock clean register

# The hosted site in site/ and the offline bundle in dist/, from the same pages.
site: corpus node_modules/.installed
	$(BIN)/python -m lawsite.publish

# --downloads: each ordinance's Word file and, where Chromium is (make browser), its PDF
corpus: $(STAMP)
	$(BIN)/python build_corpus.py --downloads

# Live preview while editing sources/ or translations/: http://127.0.0.1:8000/
# (another address: make serve ADDR=127.0.0.1:8001). Every rebuild is a whole one:
# MkDocs warns that a --dirty build may be wrong, which strict mode refuses.
ADDR ?= 127.0.0.1:8000
serve: corpus
	$(BIN)/python -m mkdocs serve -f mkdocs.serve.yml --dev-addr $(ADDR)

# The whole real corpus (corpora/lawrefbook/): imported into a temporary sources/ and
# built with --keep-going into a temporary docs/; prints the outcomes by cause. The
# build's messages and its report stay in the directory it names (REPORT=DIR to choose;
# CORPUS=corpora/lawrefbook/beijing for a part of the corpus).
CORPUS ?= corpora/lawrefbook
corpus-report: $(STAMP)
	@dir="$(REPORT)"; test -n "$$dir" || dir=$$(mktemp -d /tmp/lawsite-corpus-report.XXXXXX); \
	set -x; mkdir -p $$dir/sources && \
	cp sources/departments.yml sources/search-terms.yml $$dir/sources/ && \
	$(BIN)/python build_corpus.py import lawrefbook $(CORPUS) --sources $$dir/sources && \
	{ $(BIN)/python build_corpus.py --sources $$dir/sources --docs $$dir/docs \
	    --translations $$dir/no-translations --labels translations/labels --registry $$dir/registry \
	    --keep-going > $$dir/build.log 2>&1 || test $$? -eq 3 || { tail -5 $$dir/build.log; exit 1; }; } && \
	{ set +x; } 2>/dev/null && \
	echo "messages: $$dir/build.log; report: $$dir/docs/data/build-report.json" && \
	$(BIN)/python -m lawsite.report $$dir/docs/data/build-report.json

# The benchmark (separate from the tests): the launch corpus and the whole real corpus
# (corpora/lawrefbook, imported), measured in one run, the largest stage profiled; the
# report goes to benchmarks/report.md and report.json. Extras: BENCH_EXTRA="--scale 50"
# (the synthetic corpus 50 times the launch one), "--parallels" (that step alone).
BENCH_EXTRA ?=
bench: $(STAMP) browser node_modules/.installed
	$(BIN)/python -m tools.bench --corpus launch --corpus lawrefbook --profile $(BENCH_EXTRA)

# The iframe-worker shim of the offline bundle, pinned in package-lock.json.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: lint browser node_modules/.installed
	$(BIN)/python -m pytest

# The linter and the type checker (their settings are in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check lawsite tools tests build_corpus.py
	$(BIN)/python -m mypy

# Debian's Chromium for the browser tests (Playwright's own download cannot work
# here) and CJK fonts so that screenshots show Chinese. Needs root, as in CI.
browser:
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

$(STAMP): requirements.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

# Regenerate the exact pins after changing requirements.in.
lock: $(STAMP)
	$(BIN)/pip install --quiet -r requirements.in
	$(BIN)/pip freeze --exclude-editable > requirements.txt

clean:
	rm -rf site dist .site.published .site.shards .dist.bundles .docs.pdfs .docs.cache node_modules

# Add the URLs of the last build to registry/urls.txt (commit the change): a
# published URL must keep working forever, and the build checks that it does.
register:
	$(BIN)/python -m lawsite.publish.registry add site
