# Report housekeeping: a dated folder for this run's CSV, last run's report archived by renaming,
# a copy for the share, and an old folder moved away.
$reports = Join-Path $work 'reports'
$today = Join-Path $reports ('{0:yyyy-MM-dd}' -f (Get-Date))
New-Item -ItemType Directory -Path $today | Select-Object Name, Mode
New-Item -ItemType Directory -Path $today -Force | Out-Null
New-Item -Path $reports -Name 'last.csv' -ItemType File -Value 'Thumbprint' | Select-Object Name, Length
Rename-Item -Path (Join-Path $reports 'last.csv') -NewName 'previous.csv' -PassThru | ForEach-Object Name
Get-ExchangeCertificate | Select-Object Thumbprint, NotAfter |
    Export-Csv -Path (Join-Path $today 'certificates.csv') -NoTypeInformation
$share = Join-Path $work 'share'
New-Item -ItemType Directory -Path $share | Out-Null
Copy-Item -Path (Join-Path $today '*.csv') -Destination $share -PassThru | ForEach-Object Name
Copy-Item -Path $reports -Destination (Join-Path $work 'backup') -Recurse
(Get-ChildItem (Join-Path $work 'backup') -Recurse -File).Name
Move-Item -Path (Join-Path $work 'backup') -Destination (Join-Path $share 'backup')
Test-Path (Join-Path $share 'backup/previous.csv')
# Mistakes: an existing file, a path as a new name, a missing source, the Cert: drive.
New-Item -Path $reports -Name 'previous.csv'
Rename-Item (Join-Path $reports 'previous.csv') -NewName 'x/y.csv'
Copy-Item (Join-Path $work 'missing.csv') $share
Copy-Item Cert:\LocalMachine\My $share
