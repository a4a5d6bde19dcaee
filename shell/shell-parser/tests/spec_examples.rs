//! Every §12 example of spec/shell-language.md that has a `parse:` line.

use crate::support::{check, check_err};

#[test]
fn s01_pipeline_with_named_parameter() {
    check(
        "Get-ExchangeCertificate | Enable-ExchangeCertificate -Services POP",
        "(pipe (cmd Get-ExchangeCertificate) (cmd Enable-ExchangeCertificate -Services w'POP'))",
    );
}

#[test]
fn s02_comma_with_spaces_makes_array() {
    check(
        r#"New-ExchangeCertificate -DomainName "server1.fourthcoffee.com", "server1" -Services "SMTP""#,
        r#"(cmd New-ExchangeCertificate -DomainName (arr dq"server1.fourthcoffee.com" dq"server1") -Services dq"SMTP")"#,
    );
}

#[test]
fn s03_colon_parameters_and_quoted_commas() {
    check(
        r#"New-ExchangeCertificate -DomainName popserver.fourthcoffee.com -SubjectName "c=us,o=contoso corp, cn=popserver.fourthcoffee.com" -PrivateKeyExportable:$True -GenerateRequest:$True -Path "C:\CertRequest.req""#,
        r#"(cmd New-ExchangeCertificate -DomainName w'popserver.fourthcoffee.com' -SubjectName dq"c=us,o=contoso corp, cn=popserver.fourthcoffee.com" -PrivateKeyExportable:$True -GenerateRequest:$True -Path dq"C:\CertRequest.req")"#,
    );
}

#[test]
fn s04_colon_with_quoted_value() {
    check(
        r#"Import-ExchangeCertificate -Path "C:\CertificateFile.cer" | Enable-ExchangeCertificate -Services:"POP""#,
        r#"(pipe (cmd Import-ExchangeCertificate -Path dq"C:\CertificateFile.cer") (cmd Enable-ExchangeCertificate -Services:dq"POP"))"#,
    );
}

#[test]
fn s05_thumbprint_starting_with_digits_is_bare_word() {
    check(
        "Get-ExchangeCertificate 257C327A164ED8A6FCDAFCA7789D29B60369DCA7 | fl *",
        "(pipe (cmd Get-ExchangeCertificate w'257C…DCA7') (cmd fl w'*'))",
    );
}

#[test]
fn s06_two_commands() {
    check(
        "Get-POPSettings | fl",
        "(pipe (cmd Get-POPSettings) (cmd fl))",
    );
}

#[test]
fn s07_positional_then_colon() {
    check(
        r#"Enable-ExchangeCertificate 257C327A164ED8A6FCDAFCA7789D29B60369DCA7 -Services:"POP""#,
        r#"(cmd Enable-ExchangeCertificate w'257C…DCA7' -Services:dq"POP")"#,
    );
}

#[test]
fn s08_bare_word_array() {
    check(
        "Get-ExchangeCertificate 257C327A164ED8A6FCDAFCA7789D29B60369DCA7 | New-ExchangeCertificate -Services SMTP,POP,IMAP",
        "(pipe (cmd Get-ExchangeCertificate w'257C…DCA7') (cmd New-ExchangeCertificate -Services (arr w'SMTP' w'POP' w'IMAP')))",
    );
}

const ENABLE: &str =
    "Enable-ExchangeCertificate -Thumbprint 257C327A164ED8A6FCDAFCA7789D29B60369DCA7";
const ENABLE_TREE: &str = "(cmd Enable-ExchangeCertificate -Thumbprint w'257C…DCA7'";

#[test]
fn s09_services_array() {
    check(
        &format!("{ENABLE} -Services POP,IMAP"),
        &format!("{ENABLE_TREE} -Services (arr w'POP' w'IMAP'))"),
    );
}

#[test]
fn s10_comma_inside_string_is_one_string() {
    check(
        &format!(r#"{ENABLE} -Services "POP, IMAP""#),
        &format!(r#"{ENABLE_TREE} -Services dq"POP, IMAP")"#),
    );
}

#[test]
fn s11_space_after_comma() {
    check(
        &format!("{ENABLE} -Services POP, IMAP"),
        &format!("{ENABLE_TREE} -Services (arr w'POP' w'IMAP'))"),
    );
}

#[test]
fn s12_space_before_comma() {
    check(
        &format!("{ENABLE} -Services POP ,IMAP"),
        &format!("{ENABLE_TREE} -Services (arr w'POP' w'IMAP'))"),
    );
}

#[test]
fn s13_newline_after_comma_continues() {
    check(
        &format!("{ENABLE} -Services POP,\n    IMAP"),
        &format!("{ENABLE_TREE} -Services (arr w'POP' w'IMAP'))"),
    );
    check_err(
        &format!("{ENABLE} -Services POP,"),
        "MissingExpression",
        1,
        94,
        true,
    );
}

#[test]
fn s14_missing_comma_gives_two_arguments() {
    check(
        &format!("{ENABLE} -Services POP IMAP"),
        &format!("{ENABLE_TREE} -Services w'POP' w'IMAP')"),
    );
}

#[test]
fn s18_switch_with_colon_false() {
    check(
        "Enable-ExchangeCertificate 257C327A164ED8A6FCDAFCA7789D29B60369DCA7 -Services POP -Force:$false",
        "(cmd Enable-ExchangeCertificate w'257C…DCA7' -Services w'POP' -Force:$false)",
    );
}

#[test]
fn s19_switch_does_not_take_next_element() {
    check(
        "Enable-ExchangeCertificate -Services POP -Force $false",
        "(cmd Enable-ExchangeCertificate -Services w'POP' -Force $false)",
    );
}

#[test]
fn s24_colon_argument_bare_word() {
    check(
        "Get-ExchangeCertificate -Thumbprint:257C327A164ED8A6FCDAFCA7789D29B60369DCA7",
        "(cmd Get-ExchangeCertificate -Thumbprint:w'257C…DCA7')",
    );
}

#[test]
fn s25_whitespace_after_colon() {
    check(
        "Get-ExchangeCertificate -Thumbprint: 257C327A164ED8A6FCDAFCA7789D29B60369DCA7",
        "(cmd Get-ExchangeCertificate -Thumbprint:w'257C…DCA7')",
    );
}

#[test]
fn s26_backtick_continuation() {
    check(
        "New-ExchangeCertificate -DomainName pop.contoso.com `\n    -Services POP",
        "(cmd New-ExchangeCertificate -DomainName w'pop.contoso.com' -Services w'POP')",
    );
    check(
        "New-ExchangeCertificate -DomainName pop.contoso.com `\r\n    -Services POP",
        "(cmd New-ExchangeCertificate -DomainName w'pop.contoso.com' -Services w'POP')",
    );
}

#[test]
fn s27_backtick_space_splits_command() {
    check(
        "New-ExchangeCertificate -DomainName pop.contoso.com ` \n    -Services POP",
        "(cmd New-ExchangeCertificate -DomainName w'pop.contoso.com'); (cmd -Services w'POP')",
    );
}

#[test]
fn s28_trailing_pipes_and_script_block() {
    check(
        "Get-ExchangeCertificate |\n    Where-Object { $_.Services -match 'POP' } |\n    Format-List Thumbprint, Services",
        "(pipe (cmd Get-ExchangeCertificate) (cmd Where-Object (sb (-match (. $_ Services) sq'POP'))) (cmd Format-List (arr w'Thumbprint' w'Services')))",
    );
}

#[test]
fn s29_comment_lines_after_trailing_pipe() {
    check(
        "Get-ExchangeCertificate |\n    # only the thumbprints\n    Select-Object Thumbprint",
        "(pipe (cmd Get-ExchangeCertificate) (cmd Select-Object w'Thumbprint'))",
    );
}

#[test]
fn s30_trailing_pipe_is_incomplete() {
    check_err("Get-ExchangeCertificate |", "EmptyPipeElement", 1, 26, true);
}

#[test]
fn s31_line_comment() {
    check(
        "Get-ExchangeCertificate # every certificate in the store",
        "(cmd Get-ExchangeCertificate)",
    );
}

#[test]
fn s32_block_comment_between_arguments() {
    check(
        "Get-ExchangeCertificate <# which one #> -Thumbprint 257C327A164ED8A6FCDAFCA7789D29B60369DCA7",
        "(cmd Get-ExchangeCertificate -Thumbprint w'257C…DCA7')",
    );
}

#[test]
fn s33_hash_inside_word_is_not_comment() {
    check("Write-Output a#b", "(cmd Write-Output w'a#b')");
}

#[test]
fn s34_single_quotes_are_verbatim() {
    check(
        "Write-Output 'It''s $5 `n'",
        "(cmd Write-Output sq\"It's $5 `n\")",
    );
}

#[test]
fn s35_double_quote_escapes() {
    check(
        r#"Write-Output "He said ""POP"" on `$port`tnow""#,
        "(cmd Write-Output dq\"He said \\\"POP\\\" on $port\tnow\")",
    );
}

#[test]
fn s36_backslash_is_not_an_escape() {
    check(
        r#"Write-Output "C:\new\table.req""#,
        r#"(cmd Write-Output dq"C:\new\table.req")"#,
    );
}

#[test]
fn s37_variable_in_double_quotes() {
    check(
        r#"Get-ExchangeCertificate -Thumbprint "$tp""#,
        "(cmd Get-ExchangeCertificate -Thumbprint dq[$tp])",
    );
}

#[test]
fn s38_subexpression_in_double_quotes() {
    check(
        r#"Write-Host "Thumbprint: $($c.Thumbprint)""#,
        r#"(cmd Write-Host dq["Thumbprint: " (sub (. $c Thumbprint))])"#,
    );
}

#[test]
fn s39_member_access_not_expanded_in_string() {
    check(
        r#"Write-Host "Thumbprint: $c.Thumbprint""#,
        r#"(cmd Write-Host dq["Thumbprint: " $c ".Thumbprint"])"#,
    );
}

#[test]
fn s40_variable_followed_by_colon_is_an_error() {
    check_err(
        r#"Write-Host "$tp: enabled""#,
        "InvalidVariableReferenceWithDrive",
        1,
        13,
        false,
    );
    let errors = shell_parser::parse(r#"Write-Host "$tp: enabled""#).unwrap_err();
    assert_eq!(errors.errors[0].span, shell_parser::Span::new(12, 16));
    assert_eq!(
        errors.errors[0].message,
        "Variable reference is not valid. ':' was not followed by a valid variable name \
         character. Consider using ${} to delimit the name."
    );
}

#[test]
fn s41_braced_variable_name() {
    // The tree notation prints `${tp}` as `$tp`: the AST does not keep the braces.
    check(
        r#"Write-Host "${tp}: enabled""#,
        r#"(cmd Write-Host dq[$tp ": enabled"])"#,
    );
}

#[test]
fn s42_subexpression_inside_bare_word() {
    check(
        "Write-Output cert$(1+1).req",
        r#"(cmd Write-Output x["cert" (sub (+ n(1) n(1))) ".req"])"#,
    );
}

#[test]
fn s43_member_access_on_variable_argument() {
    check("Write-Output $tp.txt", "(cmd Write-Output (. $tp txt))");
}

#[test]
fn s44_dot_after_variable_in_string_is_text() {
    check(
        r#"Write-Output "$tp.txt""#,
        r#"(cmd Write-Output dq[$tp ".txt"])"#,
    );
}

#[test]
fn s45_argument_number_keeps_source_text() {
    check(
        "Get-ExchangeCertificate 1234567890",
        "(cmd Get-ExchangeCertificate n(1234567890,'1234567890'))",
    );
    check(
        "Get-ExchangeCertificate 1234567890123456789012345678901234567890",
        "(cmd Get-ExchangeCertificate n(1.2345678901234568e39,'1234567890123456789012345678901234567890'))",
    );
}

#[test]
fn s46_argument_numbers_and_parenthesised_number() {
    check(
        "Write-Output 0x10 (0x10) 1kb",
        "(cmd Write-Output n(16,'0x10') (paren n(16)) n(1024,'1kb'))",
    );
}

#[test]
fn s48_digits_followed_by_letters_are_a_bare_word() {
    check(
        "New-ExchangeCertificate -KeySize 2048bits",
        "(cmd New-ExchangeCertificate -KeySize w'2048bits')",
    );
}

#[test]
fn s52_drive_colon_and_backslash_in_bare_word() {
    check(
        r"New-ExchangeCertificate -GenerateRequest -Path C:\CertRequest.req -DomainName mail.contoso.com",
        r"(cmd New-ExchangeCertificate -GenerateRequest -Path w'C:\CertRequest.req' -DomainName w'mail.contoso.com')",
    );
}

#[test]
fn s53_dash_eq_is_a_parameter_in_argument_mode() {
    check(
        "Get-ExchangeCertificate | where Status -eq Valid",
        "(pipe (cmd Get-ExchangeCertificate) (cmd where w'Status' -eq w'Valid'))",
    );
}

#[test]
fn s54_script_block_with_logical_operators() {
    check(
        r#"Get-ExchangeCertificate | ? { $_.Status -eq "Valid" -and $_.Services -ne "None" }"#,
        r#"(pipe (cmd Get-ExchangeCertificate) (cmd ? (sb (-and (-eq (. $_ Status) dq"Valid") (-ne (. $_ Services) dq"None")))))"#,
    );
}

#[test]
fn s57_foreach_after_pipe_is_a_command() {
    check(
        "Get-ExchangeCertificate | foreach { $_.Thumbprint }",
        "(pipe (cmd Get-ExchangeCertificate) (cmd foreach (sb (. $_ Thumbprint))))",
    );
}

#[test]
fn s61_assignment_then_member_access() {
    check(
        "$certs = @(Get-ExchangeCertificate); $certs.Count",
        "(assign $certs (arrx (cmd Get-ExchangeCertificate))); (. $certs Count)",
    );
}

#[test]
fn s62_member_access_on_parenthesised_pipeline() {
    check(
        "(Get-ExchangeCertificate).Thumbprint",
        "(. (paren (cmd Get-ExchangeCertificate)) Thumbprint)",
    );
}

#[test]
fn s63_else_alone_is_a_command() {
    check(r#"else { "no key" }"#, r#"(cmd else (sb dq"no key"))"#);
    check(
        "if ($c.HasPrivateKey) { \"has key\" }\nelse { \"no key\" }",
        r#"(if ((. $c HasPrivateKey) (dq"has key")) (else (dq"no key")))"#,
    );
}

#[test]
fn s64_foreach_statement() {
    check(
        "foreach ($cert in Get-ExchangeCertificate) {\n    if ($cert.Services -match \"POP\") { $cert.Thumbprint }\n}",
        r#"(foreach $cert (cmd Get-ExchangeCertificate) ((if ((-match (. $cert Services) dq"POP") ((. $cert Thumbprint))))))"#,
    );
}

#[test]
fn s65_try_catch_with_subexpression_in_string() {
    check(
        "try {\n    Enable-ExchangeCertificate 0000000000000000000000000000000000000000 -Services POP -ErrorAction Stop\n} catch {\n    Write-Host \"failed: $($_.Exception.Message)\"\n}",
        r#"(try ((cmd Enable-ExchangeCertificate n(0,'0000000000000000000000000000000000000000') -Services w'POP' -ErrorAction w'Stop')) (catch ((cmd Write-Host dq["failed: " (sub (. (. $_ Exception) Message))]))))"#,
    );
}

#[test]
fn s68_hash_literal_and_splat() {
    check(
        "$p = @{ Services = 'POP'; Force = $true }\nEnable-ExchangeCertificate 257C327A164ED8A6FCDAFCA7789D29B60369DCA7 @p",
        "(assign $p (hash (Services sq'POP') (Force $true))); (cmd Enable-ExchangeCertificate w'257C…DCA7' @p)",
    );
}

#[test]
fn s69_member_access_continues_subexpression_argument() {
    check(
        "Enable-ExchangeCertificate $(Get-ExchangeCertificate -DomainName pop.contoso.com).Thumbprint -Services POP",
        "(cmd Enable-ExchangeCertificate (. (sub (cmd Get-ExchangeCertificate -DomainName w'pop.contoso.com')) Thumbprint) -Services w'POP')",
    );
}

#[test]
fn s70_array_subexpression_member_in_string() {
    check(
        r#"Write-Host "Found $(@(Get-ExchangeCertificate).Count) certificate(s)""#,
        r#"(cmd Write-Host dq["Found " (sub (. (arrx (cmd Get-ExchangeCertificate)) Count)) " certificate(s)"])"#,
    );
}

#[test]
fn s71_stray_space_after_verb() {
    check(
        "Get- ExchangeCertificate 257C327A164ED8A6FCDAFCA7789D29B60369DCA7 | fl *",
        "(pipe (cmd Get- w'ExchangeCertificate' w'257C…DCA7') (cmd fl w'*'))",
    );
}

#[test]
fn s72_less_than_is_reserved() {
    check_err(
        "Get-ExchangeCertificate <thumbprint> | fl *",
        "RedirectionNotSupported",
        1,
        25,
        false,
    );
    assert_eq!(
        crate::support::message("Get-ExchangeCertificate <thumbprint> | fl *"),
        "The '<' operator is reserved for future use."
    );
}

#[test]
fn s73_no_space_after_pipe() {
    check(
        "Get-ExchangeCertificate |FL*",
        "(pipe (cmd Get-ExchangeCertificate) (cmd FL*))",
    );
}

#[test]
fn s77_exit_with_number() {
    check("exit 3", "(exit n(3))");
}

#[test]
fn s78_end_of_parameters() {
    check(
        "Write-Output -- -Services",
        "(cmd Write-Output -- w'-Services')",
    );
}

#[test]
fn s79_logical_operators_share_one_level() {
    check(
        "$true -or $false -and $false",
        "(-and (-or $true $false) $false)",
    );
}

#[test]
fn s80_not_binds_tighter_than_comparison() {
    check(
        "-not $c.HasPrivateKey -eq $true",
        "(-eq (-not (. $c HasPrivateKey)) $true)",
    );
}

#[test]
fn s81_comma_binds_tighter_than_comparison() {
    check(
        "1,2,3 -eq 2; 1,2,3 -contains 2",
        "(-eq (arr n(1) n(2) n(3)) n(2)); (-contains (arr n(1) n(2) n(3)) n(2))",
    );
}

#[test]
fn s86_implicit_get_is_a_plain_command() {
    check("ExchangeCertificate", "(cmd ExchangeCertificate)");
}
