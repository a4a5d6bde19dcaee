# Connectors FQDN audit: does a certificate on this server cover each connector's FQDN?
New-ReceiveConnector -Name 'Internet' -Usage Internet -Bindings 0.0.0.0:25 -Fqdn mail.contoso.com | Out-Null
New-SendConnector -Name 'Outbound' -AddressSpaces '*' -Fqdn relay.contoso.com | Out-Null
New-ExchangeCertificate -DomainName mail.contoso.com -Services SMTP -Force | Out-Null
$domains = Get-ExchangeCertificate | ForEach-Object { $_.CertificateDomains } | Sort-Object -Unique
$rows = @()
$rows += Get-ReceiveConnector | ForEach-Object { [pscustomobject]@{ Kind = 'Receive'; Name = $_.Name; Fqdn = "$($_.Fqdn)" } }
$rows += Get-SendConnector | ForEach-Object { [pscustomobject]@{ Kind = 'Send'; Name = $_.Name; Fqdn = "$($_.Fqdn)" } }
$rows | Sort-Object Kind, Name | Select-Object Kind, Name, Fqdn, @{n='Covered'; e={ $domains -contains $_.Fqdn }} | Format-Table -AutoSize
