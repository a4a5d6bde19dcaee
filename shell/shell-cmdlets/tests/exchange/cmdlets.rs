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

#[test]
fn b62_b63_clone_through_the_pipeline_then_enable_positionally() {
    insta::assert_snapshot!(run(
        "$c = Get-ExchangeCertificate | New-ExchangeCertificate -Services SMTP,POP,IMAP -Force; \
         Enable-ExchangeCertificate $c.Thumbprint -Services IIS; \
         Get-ExchangeCertificate $c.Thumbprint | Format-List Subject,CertificateDomains,Services,NotBefore,NotAfter"
    ));
}

#[test]
fn b76_smtp_enablement_shows_network_service_in_access_rules() {
    insta::assert_snapshot!(run(
        "(Get-ExchangeCertificate).AccessRules | Format-Table IdentityReference,CryptoKeyRights,AccessControlType"
    ));
}

#[test]
fn s2_2_remove_asks_first_and_honours_no() {
    let mut session = session(&[false]);
    let text = transcript(
        &mut session,
        "$t = (Get-ExchangeCertificate).Thumbprint; Remove-ExchangeCertificate $t; \
         (Get-ExchangeCertificate | Measure-Object).Count; \
         Remove-ExchangeCertificate $t -Confirm:$false; (Get-ExchangeCertificate | Measure-Object).Count",
    );
    let host = session
        .host_as::<shell_cmdlets::format::TextHost>()
        .unwrap();
    assert_eq!(host.prompts.len(), 1);
    assert!(
        host.prompts[0].contains("from the computer's certificate store?"),
        "{:?}",
        host.prompts
    );
    insta::assert_snapshot!(text);
}

#[test]
fn s3_4_1_replace_question_answered_yes() {
    let mut session = session(&[true]);
    let text = transcript(
        &mut session,
        "New-ExchangeCertificate | Format-List Subject,Services",
    );
    let host = session
        .host_as::<shell_cmdlets::format::TextHost>()
        .unwrap();
    assert_eq!(host.prompts.len(), 1);
    assert!(host.prompts[0].contains("Overwrite the existing default SMTP certificate?"));
    assert!(host.prompts[0].contains("Replace it with certificate: '"));
    insta::assert_snapshot!(text);
}

#[test]
fn b41_export_and_import_a_pfx_with_a_secure_string_password() {
    let dir = tempfile::tempdir().unwrap();
    let pfx = dir.path().join("c.pfx");
    let script = format!(
        "$p = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force; \
         $c = New-ExchangeCertificate -DomainName mail.contoso.com -Services None -PrivateKeyExportable $true; \
         Export-ExchangeCertificate $c.Thumbprint -Path '{path}' -BinaryEncoded -Password $p; \
         Remove-ExchangeCertificate $c.Thumbprint -Confirm:$false; \
         Import-ExchangeCertificate -Path '{path}' -Password (ConvertTo-SecureString wrong -AsPlainText -Force); \
         Import-ExchangeCertificate -Path '{path}' -Password $p | Format-List Thumbprint,HasPrivateKey,Subject",
        path = pfx.display()
    );
    let text = run(&script).replace(&pfx.display().to_string(), "[PFX]");
    insta::assert_snapshot!(text);
}

#[test]
fn b69_import_of_a_certificate_without_a_request_and_of_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let mut ca = cert_testkit::TestCa::new();
    let foreign = ca.issue_server(
        "other.contoso.com",
        &["other.contoso.com"],
        &cert_testkit::key_2048(3),
    );
    std::fs::write(dir.path().join("other.cer"), foreign).unwrap();
    std::fs::write(dir.path().join("garbage.cer"), "this is not a certificate!").unwrap();
    let script = format!(
        "Import-ExchangeCertificate -Path '{dir}/other.cer'; Import-ExchangeCertificate -Path '{dir}/garbage.cer'",
        dir = dir.path().display()
    );
    let text = run(&script).replace(&dir.path().display().to_string(), "[DIR]");
    insta::assert_snapshot!(text);
}

#[test]
fn b64_request_written_to_path_and_listed_with_get() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("CertRequest.req");
    let script = format!(
        "New-ExchangeCertificate -DomainName pop.contoso.com -GenerateRequest -Path '{}'; \
         Get-ExchangeCertificate -DomainName pop.contoso.com | Format-List Status,CertificateRequest",
        path.display()
    );
    let text = run(&script);
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(file.starts_with("-----BEGIN NEW CERTIFICATE REQUEST-----\r\n"));
    insta::assert_snapshot!(text);
}

#[test]
fn s6_set_exchange_server_roles_and_compatibility_mode() {
    insta::assert_snapshot!(run(
        "Set-ExchangeServer -ServerRole HubTransport,ClientAccess -CompatibilityMode RTM; \
         Get-ExchangeServer | Format-List ServerRole,AdminDisplayVersion; \
         Set-ExchangeServer -ServerRole Gateway; Set-ExchangeServer -InternetWebProxy ftp://x"
    ));
}

#[test]
fn s2_2_new_with_what_if_shows_the_confirmation_message_and_creates_nothing() {
    insta::assert_snapshot!(run(
        "New-ExchangeCertificate -DomainName mail.contoso.com -GenerateRequest -WhatIf; \
         New-ExchangeCertificate -KeySize 4096 -FriendlyName Renewed -WhatIf; \
         (Get-ExchangeCertificate | Measure-Object).Count"
    ));
}

#[test]
fn s1_8_b42_thumbprints_are_case_insensitive_and_may_be_spaced_byte_pairs() {
    insta::assert_snapshot!(run("$t = (Get-ExchangeCertificate).Thumbprint; \
         $spaced = (0..19 | ForEach-Object { $t.ToLower().Substring($_ * 2, 2) }) -join ' '; $spaced; \
         (Get-ExchangeCertificate $spaced).Subject; (Get-ExchangeCertificate $t.ToLower()).Subject; \
         Get-ExchangeCertificate ''"));
}

#[test]
fn s1_2_format_list_star_shows_the_extra_properties() {
    insta::assert_snapshot!(run(
        "New-ExchangeCertificate -DomainName pop.contoso.com -GenerateRequest -FriendlyName 'POP request' | Format-List *"
    ));
}

#[test]
fn s3_3_b71_import_from_base64_instance_text_and_export_a_request_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut ca = cert_testkit::TestCa::new();
    let mut session = session(&[]);
    let root = dir.path().join("root.cer");
    let intermediate = dir.path().join("issuing.cer");
    std::fs::write(&root, ca.root_der()).unwrap();
    std::fs::write(&intermediate, ca.intermediate_der()).unwrap();
    let request_path = dir.path().join("resubmit.req");
    let prepare = format!(
        "Import-Certificate -FilePath '{root}' -CertStoreLocation Cert:\\LocalMachine\\Root | Out-Null; \
         Import-Certificate -FilePath '{intermediate}' -CertStoreLocation Cert:\\LocalMachine\\CA | Out-Null; \
         $r = New-ExchangeCertificate -DomainName imap.contoso.com -GenerateRequest; \
         Export-ExchangeCertificate $r.Thumbprint -Path '{request}' -BinaryEncoded",
        root = root.display(),
        intermediate = intermediate.display(),
        request = request_path.display(),
    );
    let text = transcript(&mut session, &prepare);
    assert_eq!(text, "[EOF]\n");
    // The CA answers the exported request file (DER with -BinaryEncoded).
    let request_der = std::fs::read(&request_path).unwrap();
    let issued = ca.answer_request(&request_der).unwrap();
    let issued_text = cert_model::Certificate::from_der(&issued).unwrap().to_pem();
    let script = format!(
        "Import-ExchangeCertificate -Instance '{issued_text}' | Enable-ExchangeCertificate -Services IMAP; \
         Get-ExchangeCertificate -DomainName imap.contoso.com | Format-List Status,RootCAType,Services,HasPrivateKey; \
         Get-IMAPSettings | Format-List X509CertificateName"
    );
    insta::assert_snapshot!(transcript(&mut session, &script));
}
