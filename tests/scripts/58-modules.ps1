# A team's helper module: written once, imported by the report scripts; the PKI module's
# commands are built in; a Windows-only module is reported as missing.
$module = Join-Path $work 'CertTools.psm1'
Set-Content -Path $module -Value @'
function Get-ExpiringCertificate {
    param([int]$Days = 30)
    Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays($Days) }
}
function Format-Thumb([string]$Thumbprint) { $Thumbprint.Substring(0, 8) }
'@
Import-Module $module
Get-Module | Format-Table Name, ModuleType, ExportedCommands -AutoSize
@(Get-ExpiringCertificate -Days 400).Count
Get-ExpiringCertificate -Days 400 | ForEach-Object { Format-Thumb $_.Thumbprint }
Import-Module PKI -PassThru | Select-Object Name, ModuleType
try {
    Import-Module WebAdministration -ErrorAction Stop
} catch {
    $_.FullyQualifiedErrorId
}
# A module that exports one function: Get-Module lists that one; its helper stays callable
# (certsh has no module scopes).
$private = Join-Path $work 'Renewal.psm1'
Set-Content -Path $private -Value @'
function Get-Helper { 'helper' }
function Invoke-Renewal { "renewing with $(Get-Helper)" }
Export-ModuleMember -Function Invoke-Renewal
'@
Import-Module $private -PassThru | ForEach-Object { $_.ExportedCommands -join ',' }
Invoke-Renewal
@(Get-Command Get-Helper -ErrorAction SilentlyContinue).Count
Export-ModuleMember -Function Get-Date
