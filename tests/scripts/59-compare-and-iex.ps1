# Before and after a renewal: which certificates are new and which went away; a command line
# kept in a configuration string is run with Invoke-Expression.
$before = @(Get-ExchangeCertificate)
$new = New-ExchangeCertificate -DomainName mail.contoso.com -Services None
$old = Get-ExchangeCertificate -DomainName EXCH01.contoso.com | Select-Object -First 1
Remove-ExchangeCertificate -Thumbprint $old.Thumbprint -Confirm:$false
$after = @(Get-ExchangeCertificate)
Compare-Object -ReferenceObject $before -DifferenceObject $after -Property Subject, Thumbprint | Format-Table -AutoSize
(Compare-Object $before $after -Property Thumbprint -IncludeEqual | Where-Object SideIndicator -eq '==').Count
Compare-Object 'EXCH01', 'EXCH02' 'EXCH02', 'EXCH03' -PassThru
$report = 'Get-ExchangeCertificate | Select-Object -ExpandProperty Subject'
Invoke-Expression $report
iex 'Get-Date -Format yyyy-MM-dd'
