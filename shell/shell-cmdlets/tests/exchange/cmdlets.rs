//! Spec §3 cmdlets and §5 B-statements through the shell.

use super::{run, session, transcript};

#[test]
fn s1_6_default_table_view() {
    insta::assert_snapshot!(run("Get-ExchangeCertificate"));
}

#[test]
fn b11_format_list_shows_the_14_properties() {
    insta::assert_snapshot!(run("Get-ExchangeCertificate | Format-List"));
}

#[test]
fn b61_new_self_signed_certificate_for_smtp() {
    insta::assert_snapshot!(run(
        "New-ExchangeCertificate -DomainName server1.fourthcoffee.com,server1 -Services SMTP -Force | Format-List Subject,CertificateDomains,Services,IsSelfSigned,Issuer"
    ));
}

#[test]
fn s3_4_1_replace_question_without_a_terminal_is_an_error() {
    insta::assert_snapshot!(run("New-ExchangeCertificate"));
}

#[test]
fn b67_request_shows_pending_status_and_request_text() {
    insta::assert_snapshot!(run(
        "New-ExchangeCertificate -DomainName pop.contoso.com -GenerateRequest | Format-List Status,IsSelfSigned,RootCAType,Subject"
    ));
}

#[test]
fn s2_1_services_with_generate_request_is_a_parameter_set_error() {
    insta::assert_snapshot!(run(
        "New-ExchangeCertificate -GenerateRequest -Services SMTP"
    ));
}

#[test]
fn s4_bad_arguments_give_catalogue_errors() {
    insta::assert_snapshot!(run(
        "New-ExchangeCertificate -KeySize 1536; New-ExchangeCertificate -DomainName 'bad name'; Get-ExchangeCertificate 0000000000000000000000000000000000000000; Enable-ExchangeCertificate 12345 -Services POP"
    ));
}

#[test]
fn b70_b74_enable_pop_updates_pop_settings() {
    let mut session = session(&[]);
    let script = "$c = New-ExchangeCertificate -DomainName pop.contoso.com -Services None; \
                  Enable-ExchangeCertificate $c.Thumbprint -Services POP; \
                  Get-POPSettings | Format-List X509CertificateName; \
                  Get-ExchangeCertificate $c.Thumbprint | Format-List Services";
    insta::assert_snapshot!(transcript(&mut session, script));
}

#[test]
fn s3_5_export_refuses_non_exportable_keys() {
    insta::assert_snapshot!(run(
        "Get-ExchangeCertificate | Export-ExchangeCertificate -Password (ConvertTo-SecureString x -AsPlainText -Force)"
    ));
}

#[test]
fn s3_6_remove_with_what_if_changes_nothing() {
    insta::assert_snapshot!(run(
        "Get-ExchangeCertificate | Remove-ExchangeCertificate -WhatIf; (Get-ExchangeCertificate | Measure-Object).Count"
    ));
}

#[test]
fn s3_7_wildcard_x509_certificate_name_is_refused() {
    insta::assert_snapshot!(run(
        "Set-IMAPSettings -X509CertificateName *.contoso.com; Get-IMAPSettings"
    ));
}

#[test]
fn s3_8_connectors_and_server() {
    insta::assert_snapshot!(run(
        "Get-ReceiveConnector; New-SendConnector -Name Internet -AddressSpaces 'SMTP:*;1'; Get-ExchangeServer"
    ));
}

/// The seed's POP3 walk-through, `examples/pop3.ps1`, with the real `openssl` as the CA.
/// openssl dates certificates from the wall clock, so the session's "now" is taken from the
/// file system (the work directory's modification time) plus one hour.
#[test]
fn b72_pop3_example_end_to_end() {
    let work = tempfile::tempdir().unwrap();
    let modified = std::fs::metadata(work.path()).unwrap().modified().unwrap();
    let now = time::OffsetDateTime::from(modified) + time::Duration::hours(1);
    let mut session = session(&[]);
    session.set_now(now);
    let script = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/pop3.ps1"
    ))
    .unwrap();
    session.set_variable(
        "args",
        shell_engine::Value::array(vec![shell_engine::Value::from(
            work.path().to_string_lossy().into_owned(),
        )]),
    );
    let text = transcript(&mut session, &script);
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\b[0-9A-F]{40}\b", "[THUMBPRINT]");
    settings.add_filter(r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M", "[DATE]");
    settings.add_filter(
        r"SerialNumber       : [0-9A-F]+",
        "SerialNumber       : [SERIAL]",
    );
    settings.bind(|| insta::assert_snapshot!(text));
}
