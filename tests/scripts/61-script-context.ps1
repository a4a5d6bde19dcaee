# What a script knows about itself and its host: its folder for companion files, its name for
# log lines, the host's name and width for layout, and its own variables.
Split-Path -Leaf $PSScriptRoot
Split-Path -Leaf $PSCommandPath
$MyInvocation.MyCommand.Name
"$($Host.Name) $($Host.Version.Major).$($Host.Version.Minor)"
$Host.UI.RawUI.WindowTitle = 'Certificate report'
$Host.UI.RawUI.WindowTitle
$reportDays = 30
$reportOwner = 'ops'
Get-Variable report*
(Get-Variable -Name reportDays -ValueOnly) * 2
