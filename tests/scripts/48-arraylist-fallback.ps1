# Scripts copied from the internet collect results in a .NET ArrayList or List[T]: certsh's arrays
# grow in place for them (Add returns the new index, as ArrayList's does), and the
# PowerShell-native `+=` works as well.
$list = New-Object System.Collections.ArrayList
[void]$list.Add('first')
Get-ExchangeCertificate | ForEach-Object { $list.Add($_.Thumbprint.Substring(0, 8)) | Out-Null }
"collected $($list.Count): $($list -join ', ')"
$names = [System.Collections.Generic.List[string]]::new()
$names.AddRange([string[]]@('b', 'a'))
$names.Insert(0, 'c')
$names.Remove('a')
$names -join ','
$plain = @()
Get-ExchangeCertificate | ForEach-Object { $plain += $_.Subject }
"plain $($plain.Count): $($plain -join ', ')"
