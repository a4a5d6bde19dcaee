//! The worked examples of spec §12 that involve built-ins, with a stand-in
//! Get-ExchangeCertificate that returns the two certificates of §7.8 (the real cmdlet is
//! tested with the Exchange cmdlets).

use std::rc::Rc;

use shell_cmdlets::format::TextHost;
use shell_cmdlets::registry::{register_builtins, standard_views};
use shell_engine::{
    Call, Cmdlet, Context, EnumType, ErrorRecord, Origin, PsObject, Session, Signature, Value,
};

/// Returns the two certificates of spec §7.8.
struct FakeGetExchangeCertificate;

fn certificate(
    thumbprint: &str,
    services: &str,
    subject: &str,
    domains: &[&str],
    key: bool,
    not_after: time::OffsetDateTime,
) -> Value {
    let services_type = EnumType::flags(
        "AllowedServices",
        &[
            ("None", 0),
            ("IMAP", 1),
            ("POP", 2),
            ("UM", 4),
            ("IIS", 8),
            ("SMTP", 16),
        ],
    );
    let services = services_type
        .parse(services)
        .map(Value::Enum)
        .unwrap_or(Value::Null);
    let domains: Vec<Value> = domains.iter().map(|d| Value::from(*d)).collect();
    Value::object(
        PsObject::new("ExchangeCertificate")
            .with("CertificateDomains", Value::array(domains))
            .with("HasPrivateKey", key)
            .with("IsSelfSigned", false)
            .with("Issuer", "CN=3rdPartyCAExample.com")
            .with("NotAfter", not_after)
            .with("PublicKeySize", 2048)
            .with("RootCAType", "ThirdParty")
            .with("Services", services)
            .with("Status", "Valid")
            .with("Subject", subject)
            .with("Thumbprint", thumbprint)
            .with_string_form(format!(
                "[Subject]\n  {subject}\n\n[Thumbprint]\n  {thumbprint}"
            )),
    )
}

impl Cmdlet<()> for FakeGetExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Get-ExchangeCertificate").summary("Stand-in returning two certificates.")
    }

    fn run(&self, _call: &Call, cx: &mut Context<()>) -> Result<(), ErrorRecord> {
        cx.write_output(certificate(
            "257C327A164ED8A6FCDAFCA7789D29B60369DCA7",
            "IMAP, POP",
            "C=us, O=contoso corp, CN=popserver.fourthcoffee.com",
            &["popserver.fourthcoffee.com", "fourthcoffee.com"],
            true,
            time::macros::datetime!(2008-08-07 10:04:02 UTC),
        ));
        cx.write_output(certificate(
            "C0D0B9213B6A5B7DD0F5CF76C2A9F3DE8EBC4FC4",
            "SMTP",
            "CN=server1",
            &["server1", "server1.contoso.com"],
            false,
            time::macros::datetime!(2009-01-01 00:00:00 UTC),
        ));
        Ok(())
    }
}

fn run_at(script: &str, width: usize) -> String {
    let views = Rc::new(standard_views());
    let host = TextHost::new(views.clone(), width);
    let now = time::macros::datetime!(2008-08-01 12:00:00 UTC);
    let mut session: Session<()> = Session::new((), Box::new(host), now);
    register_builtins(&mut session, &views);
    session.register(Rc::new(FakeGetExchangeCertificate));
    session.run_script(script, Origin::Interactive);
    let host = session
        .host_as_mut::<TextHost>()
        .expect("the host is a TextHost");
    host.end_session();
    host.transcript()
}

#[track_caller]
fn check(name: &str, script: &str) {
    insta::assert_snapshot!(name, format!("{script}\n---\n{}", run_at(script, 80)));
}

#[test]
fn s53_where_simplified_syntax() {
    check(
        "s53",
        "Get-ExchangeCertificate | where Status -eq Valid | % Thumbprint",
    );
}

#[test]
fn s54_where_script_block() {
    check(
        "s54",
        "Get-ExchangeCertificate | ? { $_.Status -eq \"Valid\" -and $_.Services -ne \"None\" } | % Thumbprint",
    );
}

#[test]
fn s55_match_on_flags_string_form() {
    check(
        "s55",
        "Get-ExchangeCertificate | ? {$_.Services -match \"POP\"} | % Thumbprint",
    );
}

#[test]
fn s56_foreach_member_name() {
    check("s56", "Get-ExchangeCertificate | % Thumbprint");
}

#[test]
fn s57_foreach_alias_with_block() {
    check("s57", "Get-ExchangeCertificate | foreach { $_.Thumbprint }");
}

#[test]
fn s58_first_and_expand_property() {
    check(
        "s58",
        "Get-ExchangeCertificate | Select-Object -First 1 -ExpandProperty CertificateDomains",
    );
}

#[test]
fn s59_select_then_table_autosize() {
    check(
        "s59",
        "Get-ExchangeCertificate | select Thumbprint, Services | ft -AutoSize",
    );
}

#[test]
fn s60_sort_descending_first() {
    check(
        "s60",
        "Get-ExchangeCertificate | Sort-Object NotAfter -Descending | Select-Object -First 3 | % Thumbprint",
    );
}

#[test]
fn s61_array_count() {
    check("s61", "$certs = @(Get-ExchangeCertificate); $certs.Count");
}

#[test]
fn s62_member_enumeration() {
    check("s62", "(Get-ExchangeCertificate).Thumbprint");
}

#[test]
fn s7_8_select_three_properties_table() {
    check(
        "s7_8_select_table",
        "Get-ExchangeCertificate | Select-Object Thumbprint, Services, HasPrivateKey",
    );
}

#[test]
fn s7_8_table_fits_width_60() {
    let script = "Get-ExchangeCertificate | ft Thumbprint, Subject, Services";
    insta::assert_snapshot!(
        "s7_8_width_60",
        format!("{script}\n---\n{}", run_at(script, 60))
    );
}

#[test]
fn s7_8_list_of_collections() {
    check(
        "s7_8_list_collections",
        "Get-ExchangeCertificate | fl Thumbprint, CertificateDomains",
    );
}

#[test]
fn s75_set_variable_array() {
    check("s75", "Set-Variable AB A,B; $AB; $AB.GetType().Name");
}

#[test]
fn s76_sv_named_and_positional() {
    check(
        "s76",
        "sv -Name tp 257C327A164ED8A6FCDAFCA7789D29B60369DCA7; $tp",
    );
}

#[test]
fn s78_write_output_double_dash() {
    check("s78", "Write-Output -- -Services");
}

#[test]
fn s81_filter_and_contains() {
    check("s81", "1,2,3 -eq 2; 1,2,3 -contains 2");
}

#[test]
fn s83_get_command_wildcard() {
    check("s83", "Get-Command *ExchangeCertificate");
}

#[test]
fn s84_get_member_of_certificates() {
    check("s84", "Get-ExchangeCertificate | gm");
}

#[test]
fn s85_out_file_width_120() {
    let dir = std::env::temp_dir().join(format!("certsh-s85-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("certs.txt");
    let script = format!(
        "Get-ExchangeCertificate | fl | Out-File {} -Width 120",
        path.display()
    );
    let transcript = run_at(&script, 80);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    insta::assert_snapshot!("s85", format!("{transcript}---file---\n{text}"));
}

#[test]
fn s86_implicit_get_prefix() {
    check("s86", "ExchangeCertificate | % Thumbprint");
}

#[test]
fn s8_5_unknown_parameter_error() {
    check(
        "s8_5_named_parameter_not_found",
        "Get-ExchangeCertificate | Select-Object -Bogus 1",
    );
}

#[test]
fn s6_2_ambiguous_parameter_lists_candidates() {
    check("s6_2_ambiguous", "1 | Select-Object -S 1");
}
