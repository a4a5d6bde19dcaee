# Parsing text as admins' scripts do: [regex] statics for names and serials, and
# [datetime]::ParseExact for dates written by other tools.
$subject = 'C=us, O=contoso corp, CN=popserver.fourthcoffee.com'
$m = [regex]::Match($subject, 'CN=([^,]+)')
"$($m.Success) $($m.Groups[1].Value) at $($m.Index)"
([regex]::Matches('DNS:mail.contoso.com, DNS:owa.contoso.com', 'DNS:([\w.]+)') | ForEach-Object { $_.Groups[1].Value }) -join ';'
[regex]::IsMatch('EXCH01', 'exch01')
[regex]::IsMatch('EXCH01', 'exch01', 'IgnoreCase')
[regex]::Replace('12:34:56:78', ':', '')
[regex]::Match('no cn here', 'CN=(\w+)').Success
$expiry = [datetime]::ParseExact('31/12/2026 23:59', 'dd/MM/yyyy HH:mm', $null)
$expiry.ToString('yyyy-MM-dd HH:mm')
[datetime]::ParseExact('Dec 05 2026 3:04 PM', 'MMM dd yyyy h:mm tt', [Globalization.CultureInfo]::InvariantCulture).Hour
try { [datetime]::ParseExact('2026-13-01', 'yyyy-MM-dd', $null) } catch { $_.Exception.Message }
