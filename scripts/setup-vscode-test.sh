#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 for the browser) into .vscode-test/ for the integration tests.
# Idempotent: a second run with the right version installed does nothing.
# Why each step is needed: see "A real VS Code on this machine" in the design notes.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
DEST=.vscode-test/code-server
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"

installed_version() {
  node -e 'try { process.stdout.write(require(process.argv[1]).version) } catch { }' \
    "$PWD/$DEST/node_modules/code-server/package.json"
}

if [ -f "$ENTRY" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] \
  && [ -f "$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  echo "setup-vscode-test: code-server $CODE_SERVER_VERSION already installed in $DEST"
  exit 0
fi

# The install itself needs Debian's ripgrep (below); chromium is only needed by the test runner, which says so.
if ! command -v rg >/dev/null 2>&1; then
  echo "setup-vscode-test: 'rg' is missing; install it with: apt-get install -y ripgrep" >&2
  exit 1
fi

# VS Code's kerberos module compiles from source here (its prebuilt download cannot work offline) and needs the
# GSS-API headers.
if [ ! -f /usr/include/gssapi/gssapi.h ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libkrb5-dev
  else
    echo "setup-vscode-test: the GSS-API headers are missing; install libkrb5-dev (Debian) or krb5-devel" >&2
    exit 1
  fi
fi

# @vscode/ripgrep downloads a prebuilt rg at install time, which cannot work offline; it looks in this cache
# first, so the Debian binary goes there in the archive layout it expects.
TMP_DIR="$(node -p 'require("os").tmpdir()')"
RG_CACHE="$TMP_DIR/vscode-ripgrep-cache-1.15.11"
RG_ARCHIVE="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$RG_ARCHIVE" ]; then
  mkdir -p "$RG_CACHE"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$RG_ARCHIVE" -C "$staging" rg
  rm -rf "$staging"
fi

mkdir -p "$DEST"
if [ ! -f "$DEST/package.json" ]; then
  printf '{ "name": "vscode-test-code-server", "private": true }\n' >"$DEST/package.json"
fi

# node-pty's install runs npx (needs yes); native modules build against the local Node headers (nodedir);
# code-server's postinstall refuses to run as root unless unsafe_perm is set (CI runs as root).
attempt=1
until (cd "$DEST" && npm_config_yes=true npm_config_nodedir=/usr npm_config_unsafe_perm=true \
  npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION"); do
  if [ "$attempt" -ge 3 ]; then
    echo "setup-vscode-test: installing code-server@$CODE_SERVER_VERSION failed $attempt times" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  echo "setup-vscode-test: retrying the install (attempt $attempt)" >&2
  sleep 5
done

if [ ! -f "$ENTRY" ]; then
  echo "setup-vscode-test: install finished but $ENTRY is missing" >&2
  exit 1
fi
echo "setup-vscode-test: code-server $(installed_version) installed in $DEST"
