# A profile-style script: short names for the commands used all day, and loop variables
# cleaned up between runs.
Set-Alias -Name gxc -Value Get-ExchangeCertificate
New-Alias -Name rxc -Value Resolve-ExchangeCertificate
(gxc | Measure-Object).Count
(Get-Alias gxc).Definition
New-Alias -Name gxc -Value Get-Date
foreach ($c in gxc) { $last = $c.Thumbprint.Substring(0, 8) }
$last
Remove-Variable -Name last, c
$null -eq $last
$report = 'x'
Clear-Variable report
"[$report] $(@(Get-Variable report).Count)"
Remove-Variable nothing -ErrorAction SilentlyContinue
"still here"
