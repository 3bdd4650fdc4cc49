#!/usr/bin/env bash
# Debian packages the test suite needs beyond Node.js: nft checks the nftables export;
# the end-to-end suite runs the packaged extension in code-server with Debian's Chromium,
# and code-server's install builds native modules (kerberos needs libkrb5-dev and
# pkg-config) and takes Debian's ripgrep instead of a download; its Japanese workbench's
# screenshots need a CJK font (fonts-noto-cjk), or Chromium draws boxes. Idempotent.
set -euo pipefail
missing=()
for package in nftables chromium fonts-noto-cjk ripgrep libkrb5-dev pkg-config; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
echo "installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
