# trap is outside the supported subset: the script is refused with a clear error before any of it
# runs, as a parse error would be.
'never printed'
trap { "trapped: $_"; continue }
Get-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000 -ErrorAction Stop
