#!/usr/bin/env bash
# Rare Earth Shock — the site's compressed copies, made at build time (the web build runs it last).
#   scripts/precompress.sh SITE_DIR
# Writes FILE.br (brotli -q 11) and FILE.gz (gzip -9 -n) beside every text, script,
# style, WebAssembly, SVG, JSON and font file of SITE_DIR (COMPRESSED below), each with
# its original's modification time, so a server (scripts/serve.mjs; nginx's brotli_static
# and gzip_static) sends them as they are instead of compressing on every request, and
# can tell a stale copy (older than its original) from a fresh one.
set -euo pipefail
SITE="${1:?usage: scripts/precompress.sh SITE_DIR}"
COMPRESSED='html|js|mjs|css|wasm|svg|json|txt|ttf'
for tool in gzip brotli; do
  command -v "$tool" >/dev/null || { echo "precompress: $tool is not installed (scripts/setup.sh installs it)" >&2; exit 2; }
done
[ -d "$SITE" ] || { echo "precompress: $SITE is not a directory" >&2; exit 2; }
n=0
while IFS= read -r -d '' f; do
  gzip -9 -n -k -f "$f"            # -k keeps the original
  brotli -q 11 -k -f "$f"
  touch -r "$f" "$f.gz" "$f.br"    # the original's time stamp, to the nanosecond (brotli keeps whole seconds)
  n=$((n + 1))
done < <(find "$SITE" -type f -regextype posix-extended -regex ".*\.($COMPRESSED)" -print0)
echo "precompress: $n files in $SITE, each with .br and .gz beside it"
