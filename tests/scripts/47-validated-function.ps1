# A reusable enable function with validated parameters, [switch] and $PSBoundParameters: good
# calls work, bad ones are refused before the function body runs.
function Enable-MailCertificate {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidatePattern('^[0-9A-F]{40}$')][string]$Thumbprint,
        [ValidateSet('POP', 'IMAP', 'SMTP', 'IIS')][string[]]$Service = 'SMTP',
        [ValidateRange(1024, 4096)][int]$MinimumKeySize = 2048,
        [switch]$PassThru
    )
    $cert = Get-ExchangeCertificate -Thumbprint $Thumbprint
    if ($cert.PublicKeySize -lt $MinimumKeySize) {
        Write-Warning "$($cert.Subject) has a $($cert.PublicKeySize)-bit key"
        return
    }
    Enable-ExchangeCertificate -Thumbprint $Thumbprint -Services ($Service -join ',') -Force
    "enabled $($cert.Subject) for $($Service -join ', ') (options: $(($PSBoundParameters.Keys | Sort-Object) -join ' '))"
    if ($PassThru) { Get-ExchangeCertificate -Thumbprint $Thumbprint | ForEach-Object Services }
}
$small = New-ExchangeCertificate -DomainName small.contoso.com -KeySize 1024 -Services None -Force
$big = New-ExchangeCertificate -DomainName big.contoso.com -Services None -Force
Enable-MailCertificate -Thumbprint $big.Thumbprint -Service POP, IMAP -PassThru
Enable-MailCertificate -Thumbprint $small.Thumbprint
Enable-MailCertificate -Thumbprint $small.Thumbprint -MinimumKeySize 1024 -Service SMTP
Enable-MailCertificate -Thumbprint $big.Thumbprint -Service UM
Enable-MailCertificate -Thumbprint $big.Thumbprint -MinimumKeySize 512
Enable-MailCertificate -Thumbprint 'not-a-thumbprint'
'done'
