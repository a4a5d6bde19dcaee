# Certificate events in the application log: a connector FQDN no certificate covers makes the
# transport log an event when it starts.
Set-ReceiveConnector 'Default EXCH01' -Fqdn mail.fabrikam.com
Start-Service MSExchangeTransport
$events = @(Get-EventLog -LogName Application -Source MSExchangeTransport -Newest 10)
"events: $($events.Count)"
$events | Group-Object EntryType | Sort-Object Name | Format-Table Name, Count -AutoSize
$events | Select-Object -First 1 | Format-List EventID, EntryType, Source, Message
$events | Where-Object { $_.EventID -eq 12014 } | Measure-Object | ForEach-Object { "12014 events: $($_.Count)" }
