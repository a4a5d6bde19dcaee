# The Exchange 2010-style byte round trip: export to a FileData object, save it with
# Set-Content -Encoding Byte, remove the certificate, read the bytes back with Get-Content
# -Encoding Byte -ReadCount 0 and import them with -FileData.
$pw = ConvertTo-SecureString -String 'P@ssw0rd' -AsPlainText -Force
$c = New-ExchangeCertificate -DomainName backup.contoso.com -PrivateKeyExportable $true -Services None
$file = Export-ExchangeCertificate -Thumbprint $c.Thumbprint -BinaryEncoded:$true -Password $pw
$file.GetType().Name
$file.FileData.Count -gt 1000
$pfx = Join-Path $work 'backup.pfx'
Set-Content -Path $pfx -Value $file.FileData -Encoding Byte
Remove-ExchangeCertificate -Thumbprint $c.Thumbprint -Confirm:$false
@(Get-ExchangeCertificate -DomainName backup.contoso.com).Count
$bytes = [Byte[]]$(Get-Content -Path $pfx -Encoding Byte -ReadCount 0)
$back = Import-ExchangeCertificate -FileData $bytes -Password $pw
$back.Thumbprint -eq $c.Thumbprint
$back | Format-List Subject, HasPrivateKey, CertificateDomains
Import-ExchangeCertificate -FileData $file -Password $pw
Import-ExchangeCertificate -FileData 'not bytes'
[Byte[]]@(1, 300)
