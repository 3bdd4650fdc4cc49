#!/usr/bin/env bash
# Copies the README's screenshots from the last end-to-end run (npm run test:e2e saves
# them in out/e2e-results/screenshots) into docs/, shrunk with pngquant when it is there
# (apt-get install pngquant): they also ship in the .vsix, for the Extensions view.
set -euo pipefail
cd "$(dirname "$0")/.."
from=out/e2e-results/screenshots
mkdir -p docs
for name in diagnostics hover-5061 export-result rules-preview import-beside rule-changes topology-map; do
    [ -f "$from/$name.png" ] || { echo "$from/$name.png is missing: run npm run test:e2e first" >&2; exit 1; }
    if command -v pngquant >/dev/null; then
        pngquant --quality 70-95 --speed 1 --strip --force --output "docs/$name.png" "$from/$name.png"
    else
        cp "$from/$name.png" "docs/$name.png"
    fi
done
ls -l docs/*.png
