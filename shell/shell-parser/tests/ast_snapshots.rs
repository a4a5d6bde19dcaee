//! Full `Debug` snapshots of larger ASTs: they pin every span and field the tree notation
//! of the other tests leaves out.

use insta::assert_debug_snapshot;

#[test]
fn design8_function_with_attributes_and_named_blocks() {
    let source = "<# .SYNOPSIS Enables. #>\nfunction Enable-All {\n  [CmdletBinding()]\n  param([Parameter(Mandatory)][string[]]$Services = 'POP')\n  process { $_ | Enable-ExchangeCertificate -Services:$Services 2>&1 }\n}";
    assert_debug_snapshot!(shell_parser::parse(source).unwrap());
}

#[test]
fn s65_try_catch_spans() {
    let source = "try { Get-X 0x10 } catch [System.Exception] { \"failed: $($_.Message)\" }";
    assert_debug_snapshot!(shell_parser::parse(source).unwrap());
}

#[test]
fn sec2_11_incomplete_error_record() {
    assert_debug_snapshot!(shell_parser::parse("Get-X | % {\n  $_.Name").unwrap_err());
}
