# A notification mail body built from a here-string with embedded expressions.
$cert = Get-ExchangeCertificate | Select-Object -First 1
$days = ($cert.NotAfter - (Get-Date)).Days
$body = @"
Server:      $((Get-ExchangeServer | Select-Object -First 1).Name)
Certificate: $($cert.Subject)
Services:    $($cert.Services)
Expires:     $($cert.NotAfter.ToString('dddd, MMMM d, yyyy'))
Days left:   $days
"@
$body
$literal = @'
Literal $days stays as written
'@
$literal
($body -split "`n").Count
