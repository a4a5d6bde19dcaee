# Ranges, -join, -split and -replace on thumbprints and host names.
$c = Get-ExchangeCertificate | Select-Object -First 1
$pairs = 0..4 | ForEach-Object { $c.Thumbprint.Substring($_ * 2, 2) }
$pairs -join ':'
($c.Thumbprint -replace '(..)(?!$)', '$1-').Substring(0, 14)
'mail.contoso.com,owa.contoso.com;autodiscover.contoso.com' -split '[,;]'
('a b  c' -split '\s+').Count
'CN=mail.contoso.com' -replace '^CN=', ''
'EXCH01' -replace '\d', '#'
5..1 -join ' '
(1..10 | Where-Object { $_ % 3 -eq 0 }) -join ','
$hosts = 1..3 | ForEach-Object { "mx$_.contoso.com" }
$hosts[-1]
$hosts[0..1] -join ' '
'a,b,c' -split ',', 2
