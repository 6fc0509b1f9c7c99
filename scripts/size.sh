#!/usr/bin/env bash
# Rare Earth Shock — what a reader downloads, measured on the built site (builds nothing).
#   scripts/size.sh [SITE_DIR]      (default build/web/site)
# Lists raw, gzip -9 and brotli -q 11 sizes of every file the embed downloads
# (embed.html, app.js, style.css, rareshock.js, rareshock.wasm, favicon.svg), their
# total, the static fallback image separately, the offline single file's raw
# size, and each other language's download: its embed page instead of English's
# (judged against the same budget), and, for Japanese, the face it alone fetches
# (font-ja.ttf), listed separately on top (not judged: a face is the language's own
# cost, like an image). Checks the budgets (1 kB = 1000 bytes): every edition's embed
# total compressed ≤ 250 kB, judged on gzip, the larger of the two (goal ≤ 150 kB);
# offline file ≤ 600 kB. "Method and sources" is not in the embed download: the embeds
# fetch it when the reader opens it (method.html, method.<lang>.html).
# Prints PASS or FAIL and exits 1 on FAIL (2 if the site is missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SITE="${1:-$ROOT/build/web/site}"
BUDGET=250000; GOAL=150000; OFFLINE_BUDGET=600000

for tool in gzip brotli; do
  command -v "$tool" >/dev/null || { echo "size: $tool is not installed (scripts/setup.sh installs it)"; exit 2; }
done
[ -f "$SITE/embed.html" ] || { echo "size: $SITE/embed.html not found: build the site first (cmake --build build/web)"; exit 2; }

raw()  { stat -c %s "$1"; }
gz()   { gzip -9 -n -c "$1" | wc -c; }
br()   { brotli -q 11 -c "$1" | wc -c; }
kb()   { awk -v b="$1" 'BEGIN { printf "%.1f kB", b / 1000 }'; }
row()  { printf '%-26s %10s %10s %10s\n' "$@"; }

FILES=(embed.html app.js style.css rareshock.js rareshock.wasm favicon.svg)
status=0; tr=0; tg=0; tb=0; lang_totals=()
echo "Embed download ($SITE):"
row file raw gzip brotli
for f in "${FILES[@]}"; do
  p="$SITE/$f"
  if [ ! -f "$p" ]; then row "$f" missing - -; status=1; continue; fi
  r=$(raw "$p"); g=$(gz "$p"); b=$(br "$p")
  tr=$((tr + r)); tg=$((tg + g)); tb=$((tb + b))
  row "$f" "$r" "$g" "$b"
done
row "TOTAL" "$tr" "$tg" "$tb"
echo "  = $(kb "$tr") raw, $(kb "$tg") gzip, $(kb "$tb") brotli"

# The fallback picture: referenced by the HTML, shown without JS/WebGL2/WebAssembly.
fallback=$(grep -o 'src="fallback\.[a-z]*"' "$SITE/embed.html" | head -1 | sed 's/src="\(.*\)"/\1/' || true)
echo
if [ -n "$fallback" ] && [ -f "$SITE/$fallback" ]; then
  echo "Static fallback (listed separately; not in the total):"
  row file raw gzip brotli
  row "$fallback" "$(raw "$SITE/$fallback")" "$(gz "$SITE/$fallback")" "$(br "$SITE/$fallback")"
elif [ -n "$fallback" ]; then
  echo "Static fallback: $fallback is referenced by embed.html but missing (scripts/make-fallback.mjs makes it)"
else
  echo "Static fallback: none referenced"
fi

# The other languages: the same files with their own embed page; Japanese also fetches its face.
echo
echo "Other languages (their embed page instead of embed.html; font-ja.ttf only for Japanese):"
row file raw gzip brotli
en_r=$(raw "$SITE/embed.html"); en_g=$(gz "$SITE/embed.html"); en_b=$(br "$SITE/embed.html")
for page in "$SITE"/embed.*.html; do
  [ -f "$page" ] || continue
  lang=$(basename "$page" .html); lang=${lang#embed.}
  lr=$((tr - en_r + $(raw "$page"))); lg=$((tg - en_g + $(gz "$page"))); lb=$((tb - en_b + $(br "$page")))
  row "$(basename "$page")" "$(raw "$page")" "$(gz "$page")" "$(br "$page")"
  row "TOTAL $lang" "$lr" "$lg" "$lb"
  echo "  = $lang: $(kb "$lr") raw, $(kb "$lg") gzip, $(kb "$lb") brotli"
  lang_totals+=("$lang $lg $lb")
  if [ "$lang" = ja ]; then  # the face Japanese alone fetches, on top
    face="$SITE/font-ja.ttf"
    if [ -f "$face" ]; then
      fr=$(raw "$face"); fg=$(gz "$face"); fb=$(br "$face")
      row "+ font-ja.ttf (Japanese face)" "$fr" "$fg" "$fb"
      echo "  = ja with its face: $(kb $((lr + fr))) raw, $(kb $((lg + fg))) gzip, $(kb $((lb + fb))) brotli (the face: $(kb "$fg") gzip, $(kb "$fb") brotli)"
    else
      row "font-ja.ttf" missing - -; status=1
    fi
  fi
done

echo
off="$SITE/rareshock-offline.html"
for f in "$SITE"/rareshock-offline.*.html; do
  [ -f "$f" ] && echo "Offline single file: $(basename "$f") $(raw "$f") bytes raw ($(kb "$(raw "$f")")), $(gz "$f") gzip"
done
if [ -f "$off" ]; then
  o=$(raw "$off")
  echo "Offline single file: rareshock-offline.html $o bytes raw ($(kb "$o")), $(gz "$off") gzip"
else
  echo "Offline single file: rareshock-offline.html missing"; o=0; status=1
fi

echo
verdict() { if [ "$2" -le "$3" ]; then echo "PASS  $1: $(kb "$2") ≤ $(kb "$3")"; else echo "FAIL  $1: $(kb "$2") > $(kb "$3")"; status=1; fi; }
verdict "embed download, gzip" "$tg" "$BUDGET"
verdict "embed download, brotli" "$tb" "$BUDGET"
# The other languages, judged on the same budget (their extra bytes are their own
# page's string table; the Japanese face is listed above, on top).
for t in "${lang_totals[@]}"; do
  set -- $t
  verdict "embed download ($1), gzip" "$2" "$BUDGET"
  verdict "embed download ($1), brotli" "$3" "$BUDGET"
done
for f in "$SITE"/rareshock-offline.*.html; do
  [ -f "$f" ] && verdict "offline file $(basename "$f"), raw" "$(raw "$f")" "$OFFLINE_BUDGET"
done
true
[ "$o" -gt 0 ] && verdict "offline file, raw" "$o" "$OFFLINE_BUDGET"
if [ "$tg" -le "$GOAL" ]; then echo "goal  embed download ≤ $(kb $GOAL) gzip: met ($(kb "$tg"))"
else echo "goal  embed download ≤ $(kb $GOAL) gzip: not yet ($(kb "$tg"))"; fi
if [ "$status" -eq 0 ]; then echo "size: PASS"; else echo "size: FAIL"; fi
exit "$status"
