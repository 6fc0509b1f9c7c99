#!/usr/bin/env bash
# Idempotent setup: installs everything the build and the tests need on Debian 12.
# Skips what is already there; stops with a clear message naming what could not be installed.
#   scripts/setup.sh            install what is missing
#   scripts/setup.sh --check    exit 0 if everything is present, 1 otherwise (installs nothing)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

IMGUI_VERSION=1.86
DEPS_DIR="$ROOT/.deps"
IMGUI_DIR="$DEPS_DIR/imgui"

APT_PACKAGES=(
  cmake ninja-build g++ clang lld libclang-rt-14-dev    # native build, sanitizers, libFuzzer
  emscripten                                            # WebAssembly toolchain (3.1.6, clang 14, binaryen)
  libglm-dev googletest libgtest-dev libbenchmark-dev    # glm, GoogleTest sources, Google Benchmark
  chromium                                              # browser engines for the e2e tests: Chromium,
  firefox-esr webkit2gtk-driver xvfb                    #   Firefox ESR, WebKitGTK (WebKitWebDriver + MiniBrowser), under Xvfb
  fonts-inter fonttools brotli wabt                     # text face, subsetter, payload sizes, wasm profile (wasm-objdump)
  fonts-ipafont-gothic                                  # the Japanese face (IPA Gothic, TrueType), subset at build time
  librsvg2-bin                                          # rsvg-convert: the social card (og:image) at build time
  nodejs npm node-acorn                                 # Node for WASM tests; acorn for emcc's optimiser
  dpkg-dev                                              # apt-get source
  default-jre-headless                                  # closure compiler (Java flavour as fallback)
)

log() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

missing_apt() {
  local p missing=()
  for p in "${APT_PACKAGES[@]}"; do
    # nodejs/npm may come from elsewhere on the machine: accept the commands.
    case "$p" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  printf '%s\n' "${missing[@]}"
}

imgui_ok() { [ -f "$IMGUI_DIR/imgui.h" ] && grep -q "IMGUI_VERSION *\"$IMGUI_VERSION\"" "$IMGUI_DIR/imgui.h"; }
NPM_PACKAGES=(playwright-core puppeteer-core google-closure-compiler)
# Every package of package.json installed, and not older than package-lock.json.
npm_ok() {
  local p
  for p in "${NPM_PACKAGES[@]}"; do [ -f "$ROOT/node_modules/$p/package.json" ] || return 1; done
  [ -f "$ROOT/node_modules/.package-lock.json" ] && [ ! "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]
}

check_all() {
  [ -z "$(missing_apt)" ] && imgui_ok && npm_ok
}

if [ "${1:-}" = "--check" ]; then
  check_all && exit 0 || exit 1
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null && SUDO=sudo || die "not root and no sudo: cannot install packages"; fi

# ---- 1. Debian packages -------------------------------------------------------------------
mapfile -t MISSING < <(missing_apt | sed '/^$/d')
if [ "${#MISSING[@]}" -gt 0 ]; then
  log "installing Debian packages: ${MISSING[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || die "apt-get update failed"
  if ! $SUDO apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/tmp/rareshock-apt.log 2>&1; then
    tail -20 /tmp/rareshock-apt.log >&2
    still=$(missing_apt | tr '\n' ' ')
    die "could not install Debian packages: ${still:-(see /tmp/rareshock-apt.log)}"
  fi
  still=$(missing_apt | tr '\n' ' ')
  [ -z "${still// /}" ] || die "could not install Debian packages: $still"
else
  log "Debian packages: all present"
fi

# ---- 2. Dear ImGui 1.86 sources from Debian's source package -------------------------------
if ! imgui_ok; then
  log "fetching Dear ImGui $IMGUI_VERSION sources (apt-get source imgui)"
  SRC_LIST=/etc/apt/sources.list.d/rareshock-deb-src.sources
  if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    uri=${uri:-http://deb.debian.org/debian}
    printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
      | $SUDO tee "$SRC_LIST" >/dev/null
    $SUDO apt-get update -qq || die "apt-get update (deb-src) failed"
  fi
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq --download-only imgui >/dev/null 2>&1 && dpkg-source -x --skip-patches ./*.dsc src >/dev/null 2>&1) \
    || die "could not fetch the imgui source package (apt-get source imgui)"
  mkdir -p "$DEPS_DIR"
  rm -rf "$IMGUI_DIR"
  mv "$tmp/src" "$IMGUI_DIR"
  rm -rf "$tmp"
  imgui_ok || die "imgui source package is not version $IMGUI_VERSION"
else
  log "Dear ImGui $IMGUI_VERSION: present"
fi

# ---- 3. npm test and build tools, pinned by package-lock.json -------------------------------
if ! npm_ok; then
  log "installing npm packages from package-lock.json"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) \
    || die "could not install npm packages (npm ci)"
else
  log "npm packages: present"
fi

log "ready"
