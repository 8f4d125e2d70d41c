#!/usr/bin/env bash
# Set up, then run the linters and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check linkchart tests
.venv/bin/python -m pytest "$@"
