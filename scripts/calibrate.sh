#!/usr/bin/env bash
# The calibration report of docs/methodology.md: the fit of the cover shape on
# the first recorded stops, "2025 as reported" against the record (fitted and
# not fitted), and the sensitivity to each assumption. Prints Markdown.
#   scripts/calibrate.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
cmake --preset native >/dev/null
cmake --build build/native -j"${JOBS:-2}" --target calibration >/dev/null
exec build/native/bench/calibration
