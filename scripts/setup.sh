#!/usr/bin/env bash
# Installs what a machine with only Node and npm lacks, then the workspace's dependencies.
#   bash scripts/setup.sh          pnpm (the pinned version) + dependencies: enough for `pnpm dev`
#   bash scripts/setup.sh --test   also Chromium and redis-server, which `pnpm test` needs
set -euo pipefail
cd "$(dirname "$0")/.."

pinned=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pinned" ]; then
  echo "Installing pnpm $pinned"
  npm install --global --no-fund --no-audit "pnpm@$pinned"
fi

if [ "${1:-}" = "--test" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian packages"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

pnpm install --frozen-lockfile
