# The UM certificate's public part goes to the IP gateways' trusted store (B-105): export it
# without its key as .cer (DER) and .p7b, check it with openssl, and import the bundle into a
# trust store as a gateway-side tool would.
$c = New-ExchangeCertificate -DomainName um.contoso.com, EXCH01.contoso.com -Services None -Force
Set-UMServer -Identity EXCH01 -UMStartupMode TLS
Enable-ExchangeCertificate -Thumbprint $c.Thumbprint -Services UM -Force
$um = Get-ExchangeCertificate | Where-Object { $_.Services -match 'UM' }
$cer = Join-Path $work 'um.cer'
$p7b = Join-Path $work 'um.p7b'
$um | Export-Certificate -FilePath $cer | Format-Table Name, Length
Export-Certificate -Cert "Cert:\LocalMachine\My\$($um.Thumbprint)" -FilePath $p7b -Type P7B | ForEach-Object Name
$fingerprint = openssl x509 -inform der -in $cer -noout -fingerprint -sha1
($fingerprint -split '=')[1] -replace ':', '' -eq $um.Thumbprint
$printed = openssl pkcs7 -inform der -in $p7b -print_certs
@($printed | Where-Object { $_ -like '*BEGIN CERTIFICATE*' }).Count
@($printed | Where-Object { $_ -like '*PRIVATE KEY*' }).Count
Import-Certificate -FilePath $p7b -CertStoreLocation Cert:\LocalMachine\Root | Format-Table Thumbprint, Subject
try {
    Export-Certificate -Cert $um -FilePath $cer -NoClobber -ErrorAction Stop
} catch {
    "again with -NoClobber: $($_.FullyQualifiedErrorId); still $((Get-Item $cer).Length) bytes"
}
