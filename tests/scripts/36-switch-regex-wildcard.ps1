# switch -Wildcard and -Regex classify certificates by subject; $Matches carries the capture.
foreach ($n in 'mail', 'owa', 'legacy-01') {
    New-ExchangeCertificate -DomainName "$n.contoso.com" -Services None -Force | Out-Null
}
foreach ($c in Get-ExchangeCertificate | Sort-Object Subject) {
    switch -Wildcard ($c.Subject) {
        'CN=mail*' { "$($c.Subject): transport"; break }
        'CN=owa*'  { "$($c.Subject): web" }
        default    { "$($c.Subject): other" }
    }
}
switch -Regex ((Get-ExchangeCertificate).Subject) {
    'legacy-(\d+)' { "legacy number $($Matches[1])" }
    '^CN=[A-Z0-9]+$' { "server certificate $_" }
}
$kind = switch (3) { 1 { 'one' } 3 { 'three' } }
"kind: $kind"
