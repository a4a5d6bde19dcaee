# String methods used when tidying subjects and thumbprints.
$cert = New-ExchangeCertificate -DomainName Mail.Contoso.com -Services None -Force
$s = $cert.Subject
$s.Length
$s.ToLower()
$s.StartsWith('CN=')
$s.Substring(3).Split('.')[0]
$s.Replace('CN=', '').ToUpper()
$s.IndexOf('.')
$s.Contains('Contoso')
'  padded  '.Trim() + '|'
'x'.PadLeft(5, '.') + 'y'.PadRight(3, '-') + '|'
$cert.Thumbprint.Substring(0, 8).ToLowerInvariant()
[string]::IsNullOrEmpty($cert.FriendlyName)
'a,b,,c'.Split(',').Count
'mail.contoso.com'.EndsWith('.com')
('{0}' -f $s).Equals($s)
