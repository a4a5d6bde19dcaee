# DateTime members and formats an expiry mail uses.
$d = (Get-ExchangeCertificate | Select-Object -First 1).NotAfter
$d.ToShortDateString()
$d.ToLongDateString()
$d.ToString('s')
$d.ToString('MMMM yyyy')
$d.DayOfYear
$d.Month
$d.AddHours(-10).Hour
$d.ToUniversalTime().ToString('u')
(Get-Date -Date '2009-01-15').DayOfWeek
Get-Date -Format 'dd.MM.yyyy'
[datetime]::Today.ToString('yyyy-MM-dd')
$d.CompareTo((Get-Date)) -gt 0
$d
