# Issue 6: certificates expiring within a limit, exported to CSV and read back.
Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin -ErrorAction SilentlyContinue
$limit = (Get-Date).AddDays(400)
$csv = Join-Path $work 'expiring.csv'
Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt $limit } |
    Select-Object Thumbprint, Subject, @{n='DaysLeft'; e={ ($_.NotAfter - (Get-Date)).Days }} |
    Export-Csv -Path $csv -NoTypeInformation
Get-Content $csv
$rows = Import-Csv $csv
"rows: $(@($rows).Count)"
$rows | ForEach-Object { "{0} expires in {1} days" -f $_.Subject, $_.DaysLeft }
