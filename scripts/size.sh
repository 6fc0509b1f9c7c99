#!/usr/bin/env bash
# Rare Earth Shock — what a reader downloads, measured on the built site (builds nothing).
#   scripts/size.sh [SITE_DIR]      (default build/web/site)
# Lists raw, gzip and brotli sizes of every file the embed downloads (embed.html,
# app.js, style.css, rareshock.js, rareshock.wasm, favicon.svg), their total, the static
# fallback image separately, the offline single file's raw size, and each other
# language's download: its embed page instead of English's and, for Japanese, the face it
# alone fetches (font-ja.ttf) on top. The gzip and brotli sizes are those of the copies
# the site ships beside each file (FILE.gz, gzip -9 -n; FILE.br, brotli -q 11; written by
# scripts/precompress.sh at build time), which the server sends as the request's
# Accept-Encoding allows (scripts/serve.mjs; README "Serving the files" for other servers);
# a downloaded file without a fresh copy (missing, or older than the file) fails, and is
# measured by compressing it. Judged (1 kB = 1000 bytes) on the bytes a browser downloads,
# brotli, which every current browser asks for over HTTPS: every edition's embed download
# ≤ 210 kB (goal ≤ 150 kB; Japanese with its face, goal ≤ 215 kB); gzip, for a client
# without brotli, is listed, not judged; the offline file ≤ 600 kB raw. "Method and
# sources" is not in the embed download: the embeds fetch it when the reader opens it
# (method.html, method.<lang>.html).
# Then a profile of rareshock.wasm (wasm-objdump, from Debian's wabt): its sections, the
# largest functions, named from the symbol map the build writes beside it
# (rareshock.js.symbols, in BUILD_DIR/src/platform/web, BUILD_DIR being the site's parent),
# the largest data segments, and the code by origin (Dear ImGui, ours, libc++, the rest).
# Sizes there are raw bytes after -Oz and LTO: a function holds what was inlined into it.
# Prints PASS or FAIL and exits 1 on FAIL (2 if the site or a tool is missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SITE="${1:-$ROOT/build/web/site}"
# The budget was 250 kB judged on gzip; judged on brotli (about 15 % smaller here) it is
# 210 kB, a step towards the goal that fails the download as it was before the cuts.
BUDGET=210000; GOAL=150000; JA_FACE_GOAL=215000; OFFLINE_BUDGET=600000

for tool in gzip brotli wasm-objdump; do
  command -v "$tool" >/dev/null || { echo "size: $tool is not installed (scripts/setup.sh installs it)"; exit 2; }
done
[ -f "$SITE/embed.html" ] || { echo "size: $SITE/embed.html not found: build the site first (cmake --build build/web)"; exit 2; }

raw()  { stat -c %s "$1"; }
# The shipped copy FILE.$2 is fresh: there, and not older than FILE.
fresh() { [ -f "$1.$2" ] && [ ! "$1" -nt "$1.$2" ]; }
gz()   { if fresh "$1" gz; then raw "$1.gz"; else gzip -9 -n -c "$1" | wc -c; fi; }
br()   { if fresh "$1" br; then raw "$1.br"; else brotli -q 11 -c "$1" | wc -c; fi; }
kb()   { awk -v b="$1" 'BEGIN { printf "%.1f kB", b / 1000 }'; }
row()  { printf '%-26s %10s %10s %10s\n' "$@"; }

FILES=(embed.html app.js style.css rareshock.js rareshock.wasm favicon.svg)
status=0; tr=0; tg=0; tb=0; lang_totals=()
echo "Embed download ($SITE; gzip and brotli: the .gz and .br copies the server sends):"
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
  echo "Static fallback: $fallback is referenced by embed.html but missing (the site generator, tools/site/fallback.mjs, makes it)"
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
      ja_face_b=$((lb + fb))
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

# What the wasm is made of: wasm-objdump's sections, function bodies and data segments.
# The symbol map names function i on line "i:name" (names escaped as \xx hex).
echo
wasm="$SITE/rareshock.wasm"
symbols="$(dirname "$SITE")/src/platform/web/rareshock.js.symbols"
if [ ! -f "$wasm" ]; then
  echo "Wasm profile: $wasm missing"
else
  echo "Wasm profile (rareshock.wasm; raw bytes, after -Oz and LTO: a function holds what was inlined into it):"
  dump=$(wasm-objdump -x "$wasm")
  wasm-objdump -h "$wasm" | awk '/start=/ { s = $0; sub(/.*size=/, "", s); sub(/\).*/, "", s); printf "  section %-9s %8d bytes\n", $1, s + 0 }'
  if [ -f "$symbols" ] && cmp -s "$wasm" "$(dirname "$symbols")/rareshock.wasm"; then
    funcs=$(printf '%s\n' "$dump" | awk '
      function unhex(h) { return (index("0123456789abcdef", substr(h, 1, 1)) - 1) * 16 + index("0123456789abcdef", substr(h, 2, 1)) - 1 }
      function unescape(s,   out, i, c) {
        out = ""
        for (i = 1; i <= length(s); i++) {
          c = substr(s, i, 1)
          if (c == "\\" && substr(s, i + 1, 2) ~ /^[0-9a-f][0-9a-f]$/) { out = out sprintf("%c", unhex(substr(s, i + 1, 2))); i += 2 }
          else out = out c
        }
        return out
      }
      FNR == NR { p = index($0, ":"); name[substr($0, 1, p - 1)] = unescape(substr($0, p + 1)); next }
      /^Code\[/ { code = 1; next }
      /^[A-Z][a-z]*\[/ { code = 0 }
      code && /func\[/ {
        match($0, /func\[[0-9]+\]/); i = substr($0, RSTART + 5, RLENGTH - 6)
        match($0, /size=[0-9]+/); print substr($0, RSTART + 5, RLENGTH - 5) "\t" (i in name ? name[i] : "func[" i "]")
      }' "$symbols" - | sort -t "$(printf '\t')" -k1,1nr)
    echo "  largest functions:"
    printf '%s\n' "$funcs" | awk -F '\t' 'NR <= 15 { n = $2; if (length(n) > 110) n = substr(n, 1, 107) "..."; printf "  %8d  %s\n", $1, n }'
    echo "  code by origin:"
    printf '%s\n' "$funcs" | awk -F '\t' '
      { n = $2; g = "libc, compiler runtime, Emscripten glue and the rest"
        if (n ~ /ImGui|^Im[A-Z]|^stb|^Stb|TableSettingsHandler|WindowSettingsHandler/) g = "Dear ImGui (imgui_*.cpp, stb_*)"
        else if (n ~ /rareshock::|^rs_|^main$/) g = "Rare Earth Shock (src/)"
        else if (n ~ /std::/) g = "libc++ templates"
        bytes[g] += $1; count[g]++ }
      END { for (g in bytes) printf "  %8d  %4d functions  %s\n", bytes[g], count[g], g }' | sort -rn
  else
    echo "  (functions not named: $symbols missing, or not from the build of this wasm)"
  fi
  echo "  largest data segments (their first 64 bytes as text):"
  printf '%s\n' "$dump" | awk '
    /^ - segment\[/ { if (seg != "") print size "\t" seg "\t" text; match($0, /size=[0-9]+/); size = substr($0, RSTART + 5, RLENGTH - 5) + 0
                      seg = $2; text = ""; want = 4; next }
    want > 0 && /^  - [0-9a-f]+:/ { text = text substr($0, index($0, ": ") + 43, 16); want--; next }
    /^[A-Z][a-z]*\[/ && !/^Data/ { want = 0 }
    END { if (seg != "") print size "\t" seg "\t" text }' \
    | sort -t "$(printf '\t')" -k1,1nr | awk -F '\t' 'NR <= 6 { printf "  %8d  %-13s %s\n", $1, $2, $3 }'
fi

echo
verdict() { if [ "$2" -le "$3" ]; then echo "PASS  $1: $(kb "$2") ≤ $(kb "$3")"; else echo "FAIL  $1: $(kb "$2") > $(kb "$3")"; status=1; fi; }
goal() { if [ "$2" -le "$3" ]; then echo "goal  $1 ≤ $(kb "$3"): met ($(kb "$2"))"; else echo "goal  $1 ≤ $(kb "$3"): not yet ($(kb "$2"))"; fi; }
# Every downloaded file ships its compressed copies, fresh.
copies_ok=1
for p in "${FILES[@]/#/$SITE/}" "$SITE"/embed.*.html "$SITE/font-ja.ttf"; do
  [ -f "$p" ] || continue
  for c in br gz; do
    fresh "$p" "$c" || { echo "FAIL  $(basename "$p").$c: missing or older than $(basename "$p") (scripts/precompress.sh writes it)"; copies_ok=0; status=1; }
  done
done
[ "$copies_ok" -eq 1 ] && echo "PASS  every downloaded file has its .br and .gz beside it"
verdict "embed download, brotli" "$tb" "$BUDGET"
# The other languages, judged on the same budget (their extra bytes are their own
# page's string table; the Japanese face is listed above, on top).
for t in "${lang_totals[@]}"; do
  set -- $t
  verdict "embed download ($1), brotli" "$3" "$BUDGET"
done
for f in "$SITE"/rareshock-offline.*.html; do
  [ -f "$f" ] && verdict "offline file $(basename "$f"), raw" "$(raw "$f")" "$OFFLINE_BUDGET"
done
true
[ "$o" -gt 0 ] && verdict "offline file, raw" "$o" "$OFFLINE_BUDGET"
goal "embed download, brotli" "$tb" "$GOAL"
for t in "${lang_totals[@]}"; do
  set -- $t
  goal "embed download ($1), brotli" "$3" "$GOAL"
done
[ -n "${ja_face_b:-}" ] && goal "embed download (ja) with its face, brotli" "$ja_face_b" "$JA_FACE_GOAL"
if [ "$status" -eq 0 ]; then echo "size: PASS"; else echo "size: FAIL"; fi
exit "$status"
