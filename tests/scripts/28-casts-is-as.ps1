# Casts, -is and -as on values from certificates and user input.
$c = Get-ExchangeCertificate | Select-Object -First 1
$c.NotAfter -is [datetime]
$c.PublicKeySize -is [int]
'2048' -as [int]
('abc' -as [int]) -eq $null
[int]'42' + 1
[string]$c.PublicKeySize + '!'
[datetime]'2009-01-31' -lt $c.NotAfter
[bool]0
[bool]'false'
@(1, 2) -is [array]
[double]'3.5' * 2
$days = [int](($c.NotAfter - (Get-Date)).TotalDays)
$days.GetType().Name
[timespan]'1.02:03:04' | ForEach-Object { $_.TotalHours }
