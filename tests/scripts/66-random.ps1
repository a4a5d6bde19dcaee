# Random values from the session's random source (seeded in these tests, the OS generator in
# certsh): a PFX password, a sample of certificates to audit, a die roll.
$chars = (65..90) + (97..122) + (48..57)
$password = -join ($chars | Get-Random -Count 16 | ForEach-Object { [char]$_ })
$password.Length
($password.ToCharArray() | Select-Object -Unique).Count
$roll = Get-Random -Minimum 1 -Maximum 7
$roll -ge 1 -and $roll -le 6
@(Get-ExchangeCertificate | Get-Random -Count 5).Count
Get-Random -Minimum 10 -Maximum 10
