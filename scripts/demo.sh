#!/usr/bin/env bash
# Demo: builds the release certsh binary and runs examples/pop3.ps1 against a fresh temporary
# store with a fixed clock, so every run prints the same thing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p shell-repl --bin certsh
store_dir=$(mktemp -d)
trap 'rm -rf "$store_dir"' EXIT
export CERTSH_STORE="$store_dir/store.db"
export CERTSH_SERVER="${CERTSH_SERVER:-ex2007.contoso.com}"
export CERTSH_NOW="${CERTSH_NOW:-2008-08-01T12:00:00Z}"
export NO_COLOR=1
echo "certsh demo: store $CERTSH_STORE, server $CERTSH_SERVER, now $CERTSH_NOW"
exec ./target/release/certsh -NonInteractive -File examples/pop3.ps1 "$@"
