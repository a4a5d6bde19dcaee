# try/catch around failing cmdlets with -ErrorAction Stop, finally, and $Error.
$missing = 'ABCDEF0123456789ABCDEF0123456789ABCDEF01'
try {
    Enable-ExchangeCertificate -Thumbprint $missing -Services SMTP -ErrorAction Stop
    'not reached'
} catch {
    Write-Warning "enable failed: $($_.Exception.Message)"
} finally {
    'cleanup ran'
}
$ok = $true
try { Remove-ExchangeCertificate -Thumbprint $missing -Confirm:$false -ErrorAction Stop }
catch { $ok = $false }
"removal succeeded: $ok"
Get-ExchangeCertificate -Thumbprint $missing -ErrorAction SilentlyContinue
"silent error recorded: $($Error.Count -gt 0)"
