#!/usr/bin/env bash
# Usage: bash scripts/e2e-setup.sh [--browser]
# Installs the pinned code-server of the end-to-end suite into e2e/code-server/node_modules
# (its own package.json and lock file, so the extension's `npm ci` stays light) and checks
# the system programs the suite needs. Idempotent: does nothing when the install is there.
#
# code-server's install builds native modules and, as shipped, cannot finish on a machine
# that reaches only the npm registry and Debian's packages. The four fixes, scripted:
#   1. its postinstall refuses root without unsafe-perm     -> npm_config_unsafe_perm=true
#   2. kerberos needs Kerberos headers                       -> Debian libkrb5-dev + pkg-config
#   3. @vscode/ripgrep downloads rg from GitHub              -> a cached archive of Debian's rg
#   4. node-pty runs `npx node-gyp`, and npm answers "no"   -> npm_config_yes=true
# (JOBS=max lets node-gyp compile on every core.)
# npm 11 also skips dependencies' install scripts unless allowed: the packages that build
# or fetch something are allowed by name below (only for this install).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=e2e/code-server
marker="$prefix/node_modules/.sfbtopo-installed"
lock_sum=$(sha256sum "$prefix/package-lock.json" | cut -d' ' -f1)

# Missing Debian packages, named as apt-get wants them.
missing=()
# --browser: the end-to-end suite drives Debian's Chromium (npm run try needs none).
if [ "${1:-}" = --browser ] && ! command -v chromium >/dev/null && [ -z "${SFBTOPO_E2E_CHROMIUM:-}" ]; then
    missing+=(chromium)
fi
installed=false
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$lock_sum" ] && [ -x "$prefix/node_modules/.bin/code-server" ]; then
    installed=true
else
    command -v rg >/dev/null || missing+=(ripgrep)
    command -v pkg-config >/dev/null || missing+=(pkg-config)
    pkg-config --exists krb5-gssapi 2>/dev/null || missing+=(libkrb5-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "e2e: cannot run the end-to-end suite: missing Debian packages ${missing[*]}" >&2
    echo "e2e: install them with: sudo apt-get install -y ${missing[*]}   (.ci/run does this in CI)" >&2
    exit 1
fi
$installed && exit 0

echo "e2e: installing code-server into $prefix (about a minute)"
started=$(date +%s)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 3. The ripgrep archive @vscode/ripgrep would download, made from Debian's rg. Its cache
# folder is named after @vscode/ripgrep's version, which code-server 4.100.3 pins to 1.15.11
# (lib/vscode/npm-shrinkwrap.json), and the archive after the rg release it wants.
ripgrep_version=1.15.11
rg_release=v13.0.0-10
mkdir -p "$work/tmp/vscode-ripgrep-cache-$ripgrep_version" "$work/rg"
cp "$(command -v rg)" "$work/rg/rg"
tar -czf "$work/tmp/vscode-ripgrep-cache-$ripgrep_version/ripgrep-$rg_release-x86_64-unknown-linux-musl.tar.gz" -C "$work/rg" rg

# npm 11 runs dependencies' install scripts only when allowed by name, and refuses the
# allowance as a flag or environment variable in a project install. So: install without
# scripts; allow code-server's and argon2's in e2e/code-server/package.json (allowScripts);
# give the two folders where code-server's postinstall runs npm again a project .npmrc
# that allows the packages there which build or fetch something; then run the scripts.
vscode="$prefix/node_modules/code-server/lib/vscode"
env_for_install=(
    TMPDIR="$work/tmp"
    npm_config_unsafe_perm=true
    npm_config_yes=true
    JOBS=max
    npm_config_audit=false
    npm_config_fund=false
    npm_config_update_notifier=false
)
rm -rf "$prefix/node_modules"
{
    env "${env_for_install[@]}" npm ci --prefix "$prefix" --ignore-scripts --loglevel=error &&
    for folder in "$vscode" "$vscode/extensions"; do
        for name in @parcel/watcher @vscode/deviceid @vscode/ripgrep @vscode/spdlog kerberos native-watchdog node-pty esbuild; do
            echo "allow-scripts[]=$name"
        done >"$folder/.npmrc"
    done &&
    env "${env_for_install[@]}" npm rebuild --prefix "$prefix" --loglevel=error
} >"$work/install.log" 2>&1 || {
    tail -n 60 "$work/install.log" >&2
    echo "e2e: code-server install failed (log above)" >&2
    exit 1
}

actual=$(node -p "require('./$vscode/node_modules/@vscode/ripgrep/package.json').version")
for built in "$vscode/node_modules/@vscode/ripgrep/bin/rg" "$vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"; do
    if [ ! -e "$built" ]; then
        tail -n 60 "$work/install.log" >&2
        echo "e2e: code-server installed without $built (@vscode/ripgrep $actual; this script prepares $ripgrep_version)" >&2
        exit 1
    fi
done
echo "$lock_sum" >"$marker"
echo "e2e: code-server installed in $(( $(date +%s) - started )) s"
