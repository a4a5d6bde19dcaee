# Error handling an administrator relies on: non-terminating errors, -ErrorAction Stop with
# try/catch, $? and the error record's fields.
Get-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000
"after a non-terminating error: $?"
try {
    Get-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000 -ErrorAction Stop
    'not reached'
} catch {
    "caught: $($_.FullyQualifiedErrorId)"
}
Enable-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000 -Servics POP
Write-Warning 'done with errors'
