#!/usr/bin/env bash
# Builds the web app (release) and serves it on http://127.0.0.1:${PORT:-8080}/ until Ctrl-C,
# as a host should: each file's .br or .gz copy with Content-Encoding when the browser accepts it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
scripts/setup.sh --check || scripts/setup.sh
export NODE_PATH=/usr/share/nodejs EM_CLOSURE_COMPILER="$ROOT/node_modules/.bin/google-closure-compiler"
cmake --preset web >/dev/null
cmake --build --preset web
exec node scripts/serve.mjs --root build/web/site --port "${PORT:-8080}" --host 127.0.0.1
