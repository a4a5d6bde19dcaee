# A function with pipeline input and begin/process/end blocks that summarises certificates.
function Get-CertSummary {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, ValueFromPipeline = $true)]
        $Certificate,
        [int]$WarnDays = 400
    )
    begin { $count = 0; $soon = @() }
    process {
        $count++
        $days = ($Certificate.NotAfter - (Get-Date)).Days
        if ($days -lt $WarnDays) { $soon += $Certificate.Subject }
    }
    end {
        [pscustomobject]@{ Total = $count; ExpiringSoon = $soon.Count; Subjects = $soon -join '; ' }
    }
}
New-ExchangeCertificate -DomainName legacy.contoso.com -Services None -Force | Out-Null
Get-ExchangeCertificate | Get-CertSummary
Get-ExchangeCertificate | Get-CertSummary -WarnDays 30 | Format-List
