#!/usr/bin/env bash
# Demo: builds the release certsh binary and runs examples/pop3.ps1 against a fresh temporary
# store, with "now" pinned for the whole run through CERTSH_NOW.
#
# pop3.ps1 uses openssl as the outside CA, and openssl dates the certificates it issues from
# the wall clock; so the pinned instant defaults to the next whole minute (just after the
# certificates' NotBefore). Set CERTSH_NOW yourself to pin another instant.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v openssl >/dev/null || { echo "demo.sh: openssl must be on PATH" >&2; exit 1; }
cargo build --release --locked -q -p shell-repl --bin certsh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CERTSH_STORE="$work/store.db"
export CERTSH_SERVER="${CERTSH_SERVER:-ex2007.fourthcoffee.com}"
export CERTSH_NOW="${CERTSH_NOW:-$(date -u -d '+1 minute' +%Y-%m-%dT%H:%M:00Z)}"
export NO_COLOR=1
echo "certsh demo: store $CERTSH_STORE, server $CERTSH_SERVER, now $CERTSH_NOW"
./target/release/certsh -NonInteractive -File examples/pop3.ps1 "$work"
