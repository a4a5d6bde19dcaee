# A JSON inventory for a monitoring system, written, read back and parsed.
$json = Join-Path $work 'inventory.json'
Get-ExchangeCertificate |
    Select-Object Thumbprint, @{n='Services'; e={ $_.Services.ToString() }}, IsSelfSigned,
        @{n='Domains'; e={ @($_.CertificateDomains) }} |
    ConvertTo-Json | Set-Content $json
Get-Content $json
$back = Get-Content $json -Raw | ConvertFrom-Json
"self-signed: $($back.IsSelfSigned)"
"domains: $($back.Domains -join ',')"
@{ server = 'EXCH01'; count = 1; ok = $true } | ConvertTo-Json -Compress
