# A script from the internet that uses a class: certsh says clearly that classes are not
# supported instead of misbehaving.
'before the class'
class CertReport {
    [string]$Subject
    [int]$Days
}
'never printed: the script does not parse'
