#!/usr/bin/env bash
# What a first visit to a page costs: every request headless Chromium makes for it (read from its
# NetLog), each file's size as sent (gzip where the server compresses) and as stored.
#
#   bench/page-weight.sh http://127.0.0.1:18097/papers/date/2025-03-12
set -euo pipefail
url=${1:?usage: bench/page-weight.sh URL}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --window-size=1280,1600 --virtual-time-budget=5000 \
  --log-net-log="$work/net.json" --dump-dom "$url" >/dev/null 2>&1
origin=$(printf '%s' "$url" | sed -E 's#^(https?://[^/]+).*#\1#')
grep -o "\"url\":\"$origin[^\"]*\"" "$work/net.json" | sed -E 's/^"url":"(.*)"$/\1/' | grep -vx "$origin/" | sort -u >"$work/urls"
printf '%-60s %10s %10s\n' file sent stored
total_sent=0; total_stored=0; n=0
while read -r file; do
  sent=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$file")
  stored=$(curl -s -o /dev/null -w '%{size_download}' "$file")
  printf '%-60s %10d %10d\n' "${file#"$origin"}" "$sent" "$stored"
  total_sent=$((total_sent + sent)); total_stored=$((total_stored + stored)); n=$((n + 1))
done <"$work/urls"
printf '%-60s %10d %10d\n' "total: $n requests" "$total_sent" "$total_stored"
