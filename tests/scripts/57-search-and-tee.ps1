# Searching text: the names in a certificate as openssl prints them, a report file, and the
# pipeline; Tee-Object keeps a copy; Write-Progress never reaches the output.
$c = New-ExchangeCertificate -DomainName mail.contoso.com, owa.contoso.com -Services None
$cer = Join-Path $work 'mail.cer'
$c | Export-Certificate -FilePath $cer | Out-Null
$text = openssl x509 -inform der -in $cer -noout -text
$text | Select-String 'DNS:([\w.]+)' -AllMatches | ForEach-Object { $_.Matches | ForEach-Object { $_.Groups[1].Value } }
@($text | Select-String 'Public-Key:').Count
$report = Join-Path $work 'report.csv'
Get-ExchangeCertificate | Select-Object Subject, Thumbprint | Export-Csv -Path $report -NoTypeInformation
Select-String -Path $report -Pattern 'contoso' -SimpleMatch | ForEach-Object { '{0} line {1}' -f $_.Filename, $_.LineNumber }
'CN=mail.contoso.com', 'O=Contoso', 'cn=owa' | Select-String '^CN='
'CN=mail.contoso.com', 'O=Contoso' | Select-String '^CN=' -CaseSensitive -NotMatch | ForEach-Object Line
'abc' | Select-String 'x' -Quiet
$all = @(Get-ExchangeCertificate)
$i = 0
$subjects = foreach ($cert in $all) {
    $i++
    Write-Progress -Activity 'Reading certificates' -Status $cert.Thumbprint -PercentComplete ($i * 100 / $all.Count)
    $cert.Subject
}
Write-Progress -Activity 'Reading certificates' -Completed
$subjects | Sort-Object | Tee-Object -Variable sorted | Measure-Object | ForEach-Object Count
$sorted[0]
'x' | Select-String '('
