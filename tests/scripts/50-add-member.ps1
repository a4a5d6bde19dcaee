# Enrich certificate objects with computed note properties, as expiry reports do.
$now = Get-Date
$report = foreach ($cert in Get-ExchangeCertificate) {
    $cert | Add-Member -NotePropertyName DaysLeft -NotePropertyValue ($cert.NotAfter - $now).Days -PassThru
}
$report | Select-Object Thumbprint, Subject, DaysLeft | Format-Table -AutoSize

$summary = [pscustomobject]@{ Server = 'EXCH01' }
Add-Member -InputObject $summary -MemberType NoteProperty -Name Certificates -Value @($report).Count
$summary | Add-Member -NotePropertyMembers @{ Checked = $now.ToShortDateString() }
$summary | Add-Member NoteProperty Valid (@($report | Where-Object Status -eq Valid).Count) -PassThru | Format-List

# A second member with the same name needs -Force.
$summary | Add-Member -NotePropertyName Server -NotePropertyValue 'EXCH02'
$summary | Add-Member -NotePropertyName Server -NotePropertyValue 'EXCH02' -Force
$summary.Server
# Only NoteProperty members are supported.
$summary | Add-Member -MemberType ScriptMethod -Name Go -Value { 1 }
