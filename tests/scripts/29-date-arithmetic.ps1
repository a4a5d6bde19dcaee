# Date arithmetic: AddDays/AddMonths, TimeSpan members, New-TimeSpan, Get-Date formats.
$now = Get-Date
$now.ToString('yyyy-MM-dd HH:mm:ss')
$now.AddMonths(6).ToString('yyyy-MM-dd')
$now.AddDays(-1).DayOfWeek
(Get-Date -Format 'yyyyMMdd')
$c = Get-ExchangeCertificate | Select-Object -First 1
$left = $c.NotAfter - $now
"{0} days {1} hours" -f $left.Days, $left.Hours
[math]::Round($left.TotalDays / 7, 1)
$span = New-TimeSpan -Start $c.NotBefore -End $c.NotAfter
$span.TotalDays
$c.NotAfter.Year - $c.NotBefore.Year
$now.Date -eq (Get-Date).Date
(Get-Date 2009-02-28).AddDays(1).ToString('MMM d')
$now -gt $c.NotBefore
