# An advanced function with [Parameter(Mandatory)] and a typed parameter: called right, called
# with a value that does not convert, and called without the mandatory parameter (a script has
# no terminal to prompt on).
function Test-CertExpiry {
    param(
        [Parameter(Mandatory = $true)][string]$Thumbprint,
        [int]$Days = 30
    )
    $c = Get-ExchangeCertificate -Thumbprint $Thumbprint -ErrorAction Stop
    $left = ($c.NotAfter - (Get-Date)).Days
    if ($left -lt $Days) { "$($c.Subject) expires in $left days" } else { "$($c.Subject) is fine for $left days" }
}
$t = (Get-ExchangeCertificate | Select-Object -First 1).Thumbprint
Test-CertExpiry -Thumbprint $t
Test-CertExpiry $t -Days 400
Test-CertExpiry -Thumbprint $t -Days soon
Test-CertExpiry
'end'
