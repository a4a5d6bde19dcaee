# Export-ExchangeCertificate to a PFX protected by a SecureString password, then import it back
# after removing the original.
$pw = ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force
$cert = New-ExchangeCertificate -DomainName move.contoso.com -Services None -PrivateKeyExportable $true -Force
$pfx = Join-Path $work 'move.pfx'
Export-ExchangeCertificate -Thumbprint $cert.Thumbprint -Path $pfx -BinaryEncoded -Password $pw | Out-Null
"pfx written: $(Test-Path $pfx)"
Remove-ExchangeCertificate -Thumbprint $cert.Thumbprint -Confirm:$false
"after remove: $(@(Get-ExchangeCertificate | Where-Object Subject -eq 'CN=move.contoso.com').Count)"
$imported = Import-ExchangeCertificate -Path $pfx -Password $pw
$imported.Thumbprint -eq $cert.Thumbprint
Get-ExchangeCertificate -Thumbprint $cert.Thumbprint | Format-List Subject, HasPrivateKey, IsSelfSigned
$wrong = ConvertTo-SecureString 'wrong' -AsPlainText -Force
try { Import-ExchangeCertificate -Path $pfx -Password $wrong -ErrorAction Stop } catch { "wrong password: $($_.FullyQualifiedErrorId)" }
