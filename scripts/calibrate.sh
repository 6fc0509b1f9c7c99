#!/usr/bin/env bash
# The calibration report of docs/methodology.md: the fit of the cover shape on
# the first recorded stops, "2025 as reported" against the record (fitted and
# not fitted), and the sensitivity to each assumption. Prints Markdown.
#   scripts/calibrate.sh          print the report
#   scripts/calibrate.sh --write  also put its numbers into the tables every edition
#                                 of the methodology copies (the fit, what moves the
#                                 answer, what the assumptions do: tools/check-calibration.mjs);
#                                 the words around them, and the record table, take a hand
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
cmake --preset native >/dev/null
cmake --build build/native -j"${JOBS:-2}" --target calibration >/dev/null
case "${1:-}" in
  "") exec build/native/bench/calibration ;;
  --write) build/native/bench/calibration | tee /dev/stderr | node tools/check-calibration.mjs --write ;;
  *) echo "usage: scripts/calibrate.sh [--write]" >&2; exit 2 ;;
esac
