#!/usr/bin/env bash
# Quick start: set up, build the fictional demo corpus into demo.db and show what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/linkchart build examples/demo --db demo.db
.venv/bin/linkchart entities --db demo.db
.venv/bin/linkchart export --db demo.db --format json --output demo-graph.json
echo "Exported demo-graph.json; try: .venv/bin/linkchart show NAME --db demo.db"
