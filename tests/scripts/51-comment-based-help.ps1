<#
.SYNOPSIS
Lists the certificates that expire within a window.
.DESCRIPTION
Reads every Exchange certificate and keeps those whose NotAfter falls
within the given number of days.
.PARAMETER Days
How many days ahead to look.
#>
function Get-ExpiringCertificate {
    param([int]$Days = 30)
    Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays($Days) }
}

Get-Help Get-ExpiringCertificate
Get-Help Get-ExpiringCertificate -Parameter Days
@(Get-ExpiringCertificate -Days 400).Count
