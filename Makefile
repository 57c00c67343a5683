# Two commands on a fresh machine: `make run` and `make test`. Both create .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PG_BIN := /usr/lib/postgresql/15/bin

SPARK_STAMP := $(VENV)/.spark-installed

.PHONY: run test install spark java postgres chromium clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@echo "Building the gazetteer index (once, about a minute)..."
	$(PY) -c "from flashpoint.resolve.places.gazetteer_index import ensure_index; ensure_index()"
	@echo "Installing the web page's packages from npm (package-lock.json) and copying them..."
	npm ci --no-audit --no-fund --silent
	npm run --silent build
	touch $(STAMP)

# The main job on the sample articles: extract, store in the embedded default, summarise, export.
run: $(STAMP)
	$(VENV)/bin/flashpoint ingest samples/
	@mkdir -p out
	$(VENV)/bin/flashpoint events --format geojson > out/events.geojson
	$(VENV)/bin/flashpoint events --format acled > out/events_acled.csv
	$(VENV)/bin/flashpoint events --format jsonl > out/events.jsonl
	$(VENV)/bin/flashpoint timeline
	@echo "Outputs: out/events.geojson (opens in QGIS), out/events_acled.csv, out/events.jsonl"
	@echo "Starting the web page and API on the store; Ctrl-C stops it."
	$(VENV)/bin/flashpoint serve

# The Spark engine is an optional extra (pip install flashpoint[spark]); the tests use it.
spark: $(SPARK_STAMP)

$(SPARK_STAMP): $(STAMP) requirements-spark.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-spark.lock
	touch $(SPARK_STAMP)

# Spark runs on Java 17; install Debian's when no java is on PATH (if that fails, the Spark
# tests skip and say why).
java:
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null) || echo "make: no Java 17 installed; the Spark tests will skip"

# PostgreSQL tests need Debian's server binaries; install them when missing.
postgres:
	@test -x $(PG_BIN)/initdb || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null)

# The page's browser tests drive Debian's Chromium (no browser download); install it when missing.
chromium:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

test: $(STAMP) spark java postgres chromium
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache node_modules src/flashpoint/web/vendor
