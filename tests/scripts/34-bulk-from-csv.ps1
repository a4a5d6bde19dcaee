# Bulk creation from a CSV the administrator keeps: one certificate per row, services from the
# file, a summary table at the end, and a row with a bad service name reported, not fatal.
$csv = Join-Path $work 'hosts.csv'
@'
Host,Services,KeySize
mail.contoso.com,SMTP,2048
pop.contoso.com,POP,1024
web.contoso.com,Webmail,2048
'@ | Set-Content $csv
$made = 0
foreach ($row in Import-Csv $csv) {
    try {
        $c = New-ExchangeCertificate -DomainName $row.Host -Services $row.Services -KeySize ([int]$row.KeySize) -Force -ErrorAction Stop
        $made++
    } catch {
        Write-Warning "row $($row.Host): $($_.Exception.Message)"
    }
}
"created $made of $(@(Import-Csv $csv).Count)"
Get-ExchangeCertificate | Where-Object { $_.Subject -ne 'CN=EXCH01' } | Sort-Object Subject |
    Select-Object Subject, Services, PublicKeySize | ConvertTo-Csv -NoTypeInformation
