# Trust store: a company root CA made with openssl is imported into Cert:\LocalMachine\Root and
# found again with Get-ChildItem Cert:\.
$ca = Join-Path $work 'rootca'
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$ca.key" -out "$ca.crt" -subj '/CN=Contoso Root CA' -days 30 2>$null
"openssl exit: $LASTEXITCODE"
Get-ChildItem Cert:\LocalMachine | Sort-Object Name | ForEach-Object Name
$before = @(Get-ChildItem Cert:\LocalMachine\Root).Count
$imported = Import-Certificate -FilePath "$ca.crt" -CertStoreLocation Cert:\LocalMachine\Root
$imported.Subject
(@(Get-ChildItem Cert:\LocalMachine\Root).Count - $before)
Get-ChildItem Cert:\LocalMachine\Root | Where-Object Subject -like '*Contoso*' | ForEach-Object Subject
Import-Certificate -FilePath "$ca.crt" -CertStoreLocation Cert:\LocalMachine\My
