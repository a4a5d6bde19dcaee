# Collections in reports: array growth, indexing, slicing, -contains/-in, hashtable keys and
# values, nested hashtables, and method calls on them.
$names = @()
$names += 'mail.contoso.com'
$names += 'owa.contoso.com', 'autodiscover.contoso.com'
$names.Count
$names[1]
$names[-1]
$names[0..1] -join ','
$names -contains 'owa.contoso.com'
'smtp.contoso.com' -in $names
$names.IndexOf('autodiscover.contoso.com')
$sorted = $names | Sort-Object { $_.Length }
$sorted[0]
$config = @{ Server = 'EXCH01'; Ports = @{ POP = 995; IMAP = 993 } }
$config.Ports.POP
$config['Ports']['IMAP']
$config.Keys | Sort-Object
($config.Ports.Values | Measure-Object -Sum).Sum
$copy = $config.Clone()
$copy.Server = 'EXCH02'
"$($config.Server) $($copy.Server)"
$empty = @()
"empty: $($empty.Count) $($null -eq $empty[0])"
