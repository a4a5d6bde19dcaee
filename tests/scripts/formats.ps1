# Output shapes of spec §7 on the Exchange types: the registered table view, fl *, a selected
# list, and Out-String feeding a string pipeline.
Get-ExchangeCertificate
Get-ExchangeCertificate | Format-List *
Get-ExchangeCertificate | Format-List Thumbprint, Services, Status
"Out-String -Stream lines: $((Get-ExchangeCertificate | Out-String -Stream).Count)"
Get-POPSettings | Format-List X509CertificateName, LoginType
Get-ExchangeCertificate | Get-Member -MemberType Property | Out-String -Stream | Select-Object -First 9
