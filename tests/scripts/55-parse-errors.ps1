# A script with several mistakes: every top-level statement with an error is reported, in one
# block, and nothing runs (the first line would print).
'this line does not run'
$expiring = Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays( }
foreach ($c in $expiring) {
    Write-Host $c.Thumbprint
}
Export-Csv -Path -NoTypeInformation
$total = 1 +* 2
