#!/usr/bin/env bash
# Runs every test of the workspace. Changed snapshots fail (INSTA_UPDATE=no), and so do
# orphaned ones: insta records every snapshot it asserted in INSTA_SNAPSHOT_REFERENCES_FILE,
# and any committed .snap file not in that list fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
refs=$(mktemp)
trap 'rm -f "$refs"' EXIT
export INSTA_UPDATE=no INSTA_FORCE_PASS=0 INSTA_SNAPSHOT_REFERENCES_FILE="$refs"
cargo test --workspace --locked
status=0
while IFS= read -r snap; do
  if ! grep -qF "$(realpath "$snap")" "$refs"; then
    echo "orphaned snapshot: $snap"
    status=1
  fi
done < <(find . -path ./target -prune -o -name '*.snap' -print)
exit $status
