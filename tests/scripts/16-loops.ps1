# while, do/while, do/until and for loops with break and continue over certificates.
$certs = @(Get-ExchangeCertificate)
foreach ($n in 1..4) { New-ExchangeCertificate -DomainName "n$n.contoso.com" -Services None -Force | Out-Null }
$certs = @(Get-ExchangeCertificate | Sort-Object Subject)
for ($i = 0; $i -lt $certs.Count; $i++) {
    if ($certs[$i].Subject -eq 'CN=n2.contoso.com') { continue }
    if ($i -ge 4) { break }
    "$i $($certs[$i].Subject)"
}
$i = 0
while ($true) {
    $i++
    if ($i -gt 3) { break }
    "while $i"
}
$j = 10
do { "do-while $j"; $j -= 4 } while ($j -gt 0)
$k = 0
do { $k += 2 } until ($k -ge 5)
"until stopped at $k"
foreach ($c in $certs) { if ($c.Subject -match 'n3') { "found $($c.Subject)"; break } }
