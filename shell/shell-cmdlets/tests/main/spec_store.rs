//! Spec examples that need the real Exchange cmdlets, through a session on an in-memory
//! store (server EXCH01.contoso.com, cert-testkit keys and clock) at width 80.

use super::registry::run_example;

#[track_caller]
fn check(name: &str, script: &str) {
    insta::assert_snapshot!(name, format!("{script}\n---\n{}", run_example(script)));
}

#[test]
fn s8_5_misspelled_parameter_error_block() {
    check(
        "s8_5",
        "Enable-ExchangeCertificate 257C327A164ED8A6FCDAFCA7789D29B60369DCA7 -Servics POP",
    );
}

#[test]
fn s82_help_examples_of_an_exchange_cmdlet() {
    check("s82", "Get-Help Enable-ExchangeCertificate -Examples");
}

#[test]
fn s84_get_member_of_the_certificate_type() {
    check("s84", "Get-ExchangeCertificate | gm");
}

#[test]
fn s59_select_and_autosize_on_real_certificates() {
    check(
        "s59",
        "Get-ExchangeCertificate | select Thumbprint, Services | ft -AutoSize",
    );
}

#[test]
fn s7_2_default_view_then_list_of_everything() {
    check(
        "s7_2_view_and_fl_star",
        "Get-ExchangeCertificate; Get-ExchangeCertificate | fl *",
    );
}

#[test]
fn s12_completion_data_services_is_a_flags_enum() {
    check(
        "s12_services_enum_values",
        "(Get-ExchangeCertificate).Services; Get-Help New-ExchangeCertificate -Parameter Services",
    );
}
