#!/bin/sh
# Compares leaf -> intermediate -> root RSA-2048 validation throughput of certsh's validator
# with `openssl verify` on the same certificates (made here by openssl).
# Usage: crates/cert-validation/benches/openssl_compare.sh [N]   (run from the workspace root)
set -eu
N=${1:-1000}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
cd "$DIR"
cat > ca.ext <<'EXT'
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EXT
cat > leaf.ext <<'EXT'
basicConstraints=CA:FALSE
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EXT
openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -days 365 \
    -subj "/CN=Compare Root CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout inter.key -out inter.csr -subj "/CN=Compare Issuing CA" 2>/dev/null
openssl x509 -req -in inter.csr -CA root.pem -CAkey root.key -set_serial 2 -days 365 \
    -extfile ca.ext -out inter.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=leaf" 2>/dev/null
i=1
while [ "$i" -le "$N" ]; do
    openssl x509 -req -in leaf.csr -CA inter.pem -CAkey inter.key -set_serial $((1000 + i)) \
        -days 365 -extfile leaf.ext -out "leaf$i.pem" 2>/dev/null
    i=$((i + 1))
done
LEAVES=$(i=1; while [ "$i" -le "$N" ]; do printf 'leaf%s.pem ' "$i"; i=$((i + 1)); done)
cd - >/dev/null
cargo build -q --release -p cert-validation --example verify
BIN=target/release/examples/verify
now() { date +%s.%N; }
t0=$(now)
(cd "$DIR" && openssl verify -CAfile root.pem -untrusted inter.pem $LEAVES) > "$DIR/openssl.out"
t1=$(now)
(cd "$DIR" && "$OLDPWD/$BIN" -CAfile root.pem -untrusted inter.pem $LEAVES) > "$DIR/certsh.out" 2> "$DIR/certsh.err"
t2=$(now)
ok_openssl=$(grep -c ': OK$' "$DIR/openssl.out" || true)
ok_certsh=$(grep -c ': OK$' "$DIR/certsh.out" || true)
echo "leaves: $N (openssl OK: $ok_openssl, certsh OK: $ok_certsh)"
echo "openssl verify (whole process): $(echo "$t1 - $t0" | bc) s -> $(echo "$N / ($t1 - $t0)" | bc) leaves/s"
echo "certsh verify  (whole process): $(echo "$t2 - $t1" | bc) s -> $(echo "$N / ($t2 - $t1)" | bc) leaves/s"
cat "$DIR/certsh.err"
