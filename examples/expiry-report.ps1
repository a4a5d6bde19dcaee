# Certificate expiry report: which certificates of this server expire within N days (default
# 400), what they are enabled for, and a CSV and HTML copy of the report.
#
#   certsh -Store ./store.db examples/expiry-report.ps1 [days] [output-directory]

$days = 400
if ($args.Count -gt 0) { $days = [int]$args[0] }
$out = '.'
if ($args.Count -gt 1) { $out = $args[1] }

$now = Get-Date
$report = Get-ExchangeCertificate |
    Where-Object { $_.Status -ne 'PendingRequest' } |
    Select-Object Thumbprint, Services, Subject, NotAfter,
        @{Name = 'DaysLeft'; Expression = { ($_.NotAfter - $now).Days }} |
    Sort-Object DaysLeft

$expiring = @($report | Where-Object DaysLeft -LT $days)
Write-Host "$($expiring.Count) of $(@($report).Count) certificates expire within $days days (as of $($now.ToString('yyyy-MM-dd')))"
$expiring | Format-Table Thumbprint, Services, DaysLeft -AutoSize

$expiring | Export-Csv -Path (Join-Path $out 'expiring.csv') -NoTypeInformation
$expiring | ConvertTo-Html -Title 'Expiring certificates' -Property Subject, Services, DaysLeft |
    Set-Content -Path (Join-Path $out 'expiring.html')
Get-Content (Join-Path $out 'expiring.csv') | Select-Object -First 1
