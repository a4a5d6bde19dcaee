# Report objects built three ways: New-Object PSObject, [pscustomobject] and [ordered].
$c = Get-ExchangeCertificate | Select-Object -First 1
$a = New-Object PSObject -Property @{ Subject = $c.Subject }
$a | Add-Member -MemberType NoteProperty -Name Days -Value (($c.NotAfter - (Get-Date)).Days) -ErrorAction SilentlyContinue
$a
$b = [pscustomobject]@{ Subject = $c.Subject; Services = "$($c.Services)"; Days = ($c.NotAfter - (Get-Date)).Days }
$b | Format-List
$o = [ordered]@{ First = 1; Second = 2; Third = 3 }
$o.Keys -join ' > '
$o['Second']
$o.Count
$b.PSObject.Properties.Name -join ','
