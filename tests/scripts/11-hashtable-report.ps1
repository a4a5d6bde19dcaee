# A hashtable keyed by service counting certificates, then reported sorted by key.
New-ExchangeCertificate -DomainName a.contoso.com -Services SMTP -Force | Out-Null
New-ExchangeCertificate -DomainName b.contoso.com -Services IIS -Force | Out-Null
$byService = @{}
foreach ($cert in Get-ExchangeCertificate) {
    foreach ($svc in $cert.Services.ToString().Split(',')) {
        $key = $svc.Trim()
        if ($byService.ContainsKey($key)) { $byService[$key] += 1 } else { $byService[$key] = 1 }
    }
}
$byService.Keys | Sort-Object | ForEach-Object { '{0}: {1}' -f $_, $byService[$_] }
"services: $($byService.Count)"
$byService.Remove('IIS')
$byService.ContainsKey('IIS')
$byService.GetEnumerator() | Sort-Object Name | Format-Table -AutoSize
