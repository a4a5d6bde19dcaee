# Group-Object by Status: a pending request next to valid certificates.
New-ExchangeCertificate -GenerateRequest -SubjectName 'c=US, o=Contoso, cn=mail.contoso.com' -DomainName mail.contoso.com -Path (Join-Path $work 'mail.req') -Force | Out-Null
New-ExchangeCertificate -DomainName web.contoso.com -Services IIS -Force | Out-Null
Get-ExchangeCertificate | Group-Object Status | Sort-Object Name | Format-Table Count, Name -AutoSize
$groups = Get-ExchangeCertificate | Group-Object Status -AsHashTable
$groups.Keys | Sort-Object
(Get-ExchangeCertificate | Group-Object Status | Where-Object Name -eq 'Valid').Group | ForEach-Object Subject
