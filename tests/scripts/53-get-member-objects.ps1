# Get-Member writes MemberDefinition objects, so scripts can filter, select and count members;
# printed, they are grouped by TypeName and ordered by MemberType, then Name.
$c = Get-ExchangeCertificate | Select-Object -First 1
($c | Get-Member -MemberType Property | Select-Object -ExpandProperty Name) -join ', '
$c | Get-Member -Name Not* | Format-Table Name, Definition -AutoSize
@($c | Get-Member | Where-Object { $_.MemberType -eq 'Method' }).Count
($c | Get-Member -Name Subject).TypeName
[pscustomobject]@{ b = 1; A = 'x' } | Get-Member
