# A scheduled-task script: $ErrorActionPreference = 'Stop', throw with a message, Write-Error in
# a function, and an exit code for the scheduler.
$ErrorActionPreference = 'Stop'
function Assert-Certificate([string]$Name) {
    $found = Get-ExchangeCertificate | Where-Object { $_.CertificateDomains -contains $Name }
    if (-not $found) { throw "no certificate covers $Name" }
    "$Name is covered by $(@($found).Count) certificate(s)"
}
$failures = 0
foreach ($n in 'EXCH01.contoso.com', 'mail.fabrikam.com') {
    try { Assert-Certificate $n }
    catch { Write-Warning $_.Exception.Message; $failures++ }
}
try {
    Get-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000
    'not reached'
} catch [System.Exception] {
    "preference stopped: $($_.CategoryInfo.Category)"
}
"failures: $failures"
if ($failures -gt 0) { exit 3 }
'not reached either'
