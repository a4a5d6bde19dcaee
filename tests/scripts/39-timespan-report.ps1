# TimeSpan arithmetic for a renewal calendar: New-TimeSpan, comparisons and totals.
$warn = New-TimeSpan -Days 60
$c = Get-ExchangeCertificate | Select-Object -First 1
$left = $c.NotAfter - (Get-Date)
$left.GetType().Name
$left -gt $warn
"{0:N0} hours left" -f $left.TotalHours
$renewOn = $c.NotAfter - $warn
"renew on $($renewOn.ToString('yyyy-MM-dd'))"
$left.Add($warn).Days
(New-TimeSpan -Hours 36).TotalDays
(New-TimeSpan -Start '2008-08-07' -End '2008-09-01').Days
[timespan]::FromDays(2).TotalHours
$left
