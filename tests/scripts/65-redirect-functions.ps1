# 2>&1 and 2>$null on a function, a script block or a called script reach the errors of the
# commands inside it: a wrapper logs everything it did, or stays quiet.
function Test-Thumbprints {
    param([string[]]$Thumbprints)
    foreach ($t in $Thumbprints) {
        Get-ExchangeCertificate -Thumbprint $t | ForEach-Object { "found $($_.Subject)" }
    }
}
$known = (Get-ExchangeCertificate | Select-Object -First 1).Thumbprint
$log = Test-Thumbprints -Thumbprints $known, ('0' * 40) 2>&1
$log.Count
$log | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { "error: $($_.FullyQualifiedErrorId)" } else { $_ } }
Test-Thumbprints -Thumbprints ('1' * 40) 2>$null
"quiet: $($Error.Count -gt 0)"
$all = & { 'step 1'; Write-Error 'step 2 failed'; 'step 3' } 2>&1
$all.Count
# A filter: a function whose body runs once per pipeline object.
filter Get-ShortThumbprint { $_.Thumbprint.Substring(0, 8) }
Get-ExchangeCertificate | Get-ShortThumbprint
# All streams into one log: warnings and host text join the output with *>&1 and *> file.
function Invoke-Task { 'working'; Write-Warning 'slow store'; Write-Host 'progress: done' }
$everything = Invoke-Task *>&1
$everything | ForEach-Object { $_.GetType().Name }
$everything
$file = Join-Path $work 'task.log'
Invoke-Task *> $file
Get-Content $file
Write-Warning 'captured' 3>&1 | ForEach-Object { "3>&1: $($_.Message)" }
Write-Host 'to output' 6>&1 | ForEach-Object { "6>&1: $_" }
