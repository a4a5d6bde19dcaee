# Scripts copied from the internet often collect results in a .NET ArrayList; certsh has no .NET
# types, so New-Object fails clearly, the method call on the resulting $null is PowerShell's
# null-valued error, and the PowerShell-native array works.
$list = New-Object System.Collections.ArrayList
[void]$list.Add('first')
$list = @()
Get-ExchangeCertificate | ForEach-Object { $list += $_.Thumbprint.Substring(0, 8) }
"collected $($list.Count): $($list -join ', ')"
