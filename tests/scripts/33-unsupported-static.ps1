# .NET static members beyond the shell's own object model give a clear "not supported" error
# and the script carries on; the supported ones ([math], [string]) work.
[System.Net.Dns]::GetHostName()
'after the first static member'
$text = [System.IO.File]::ReadAllText((Join-Path $work 'x.txt'))
"text is null: $($null -eq $text)"
[math]::Max(1024, 2048)
[string]::Join(', ', @('SMTP', 'IIS'))
