# A JSON configuration file drives the certificates to create; the result is written back as JSON.
$cfgPath = Join-Path $work 'certs.json'
@'
{
  "server": "EXCH01",
  "certificates": [
    { "name": "mail.contoso.com", "services": "SMTP", "keySize": 2048 },
    { "name": "pop.contoso.com", "services": "POP", "keySize": 1024 }
  ]
}
'@ | Set-Content $cfgPath
$cfg = Get-Content $cfgPath -Raw | ConvertFrom-Json
"server: $($cfg.server), entries: $($cfg.certificates.Count)"
$made = foreach ($entry in $cfg.certificates) {
    $c = New-ExchangeCertificate -DomainName $entry.name -Services $entry.services -KeySize $entry.keySize -Force
    [pscustomobject]@{ Name = $entry.name; Bits = $c.PublicKeySize; Services = "$($c.Services)" }
}
$made | ConvertTo-Json
$made | ConvertTo-Json -Compress | Set-Content (Join-Path $work 'made.json')
(Get-Content (Join-Path $work 'made.json') | ConvertFrom-Json).Name -join ' '
