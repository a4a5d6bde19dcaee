//! Spec §5.2–§5.5 statements about fields and properties, checked through the shell with
//! scalar output (one value per line), so each assertion reads like the statement it pins.

use super::{run, session, transcript};

/// The stdout lines of a script's transcript, without the `[EOF]` marker and blank lines.
fn lines(script: &str) -> Vec<String> {
    run(script)
        .lines()
        .filter(|l| !l.is_empty() && *l != "[EOF]")
        .map(str::to_owned)
        .collect()
}

#[test]
fn b10_b73_enabling_changes_properties_never_fields_or_thumbprint() {
    let mut session = session(&[]);
    let fields = "$c = Get-ExchangeCertificate -DomainName pop.contoso.com; \
        '{0}|{1}|{2}|{3}|{4}|{5}|{6}' -f $c.Thumbprint, $c.Subject, $c.Issuer, $c.NotBefore, \
        $c.NotAfter, ($c.CertificateDomains -join ','), $c.Status";
    let before = transcript(
        &mut session,
        &format!(
            "$n = New-ExchangeCertificate -DomainName pop.contoso.com -Services None; {fields}"
        ),
    );
    let enabled = transcript(
        &mut session,
        "Get-ExchangeCertificate -DomainName pop.contoso.com | \
         Enable-ExchangeCertificate -Services POP,IMAP; \
         (Get-ExchangeCertificate -DomainName pop.contoso.com).Services",
    );
    let after = transcript(&mut session, fields);
    assert!(enabled.starts_with("IMAP, POP\n"), "{enabled}");
    assert_eq!(
        before, after,
        "fields changed by Enable-ExchangeCertificate"
    );
    assert!(after.contains("|Valid\n"), "{after}");
    // No cmdlet edits fields: there is no Set-ExchangeCertificate.
    let set = run("Set-ExchangeCertificate -Thumbprint x");
    assert!(set.contains("CommandNotFoundException"), "{set}");
}

#[test]
fn b17_the_san_list_is_only_visible_through_certificate_domains() {
    let members = run(
        "New-ExchangeCertificate -DomainName a.contoso.com,b.contoso.com -Services None | Out-Null; \
         Get-ExchangeCertificate -DomainName b.contoso.com | Get-Member",
    );
    assert!(
        members.contains("CertificateDomains   Property   string[]"),
        "{members}"
    );
    assert!(!members.contains("Alternative"), "{members}");
    let domains = lines(
        "$c = New-ExchangeCertificate -DomainName a.contoso.com,b.contoso.com -Services None; \
         $c.CertificateDomains",
    );
    assert_eq!(domains, ["a.contoso.com", "b.contoso.com"]);
}

#[test]
fn b18_certificate_domains_come_from_domain_name_and_subject_name() {
    let domains = lines(
        "$c = New-ExchangeCertificate -SubjectName 'cn=mail.contoso.com' \
         -DomainName autodiscover.contoso.com,legacy.contoso.com -Services None; \
         $c.CertificateDomains",
    );
    assert_eq!(
        domains,
        [
            "mail.contoso.com",
            "autodiscover.contoso.com",
            "legacy.contoso.com"
        ]
    );
}

#[test]
fn b20_new_exchange_certificate_has_no_validity_parameters() {
    for parameter in ["NotBefore", "NotAfter"] {
        let out = run(&format!(
            "New-ExchangeCertificate -DomainName x.contoso.com -{parameter} 1/1/2009"
        ));
        assert!(
            out.contains(&format!(
                "A parameter cannot be found that matches parameter name '{parameter}'."
            )),
            "{out}"
        );
        assert!(
            out.contains("NamedParameterNotFound,New-ExchangeCertificate"),
            "{out}"
        );
    }
}

#[test]
fn b22_certificate_request_is_produced_by_generate_request() {
    let out = lines(
        "$r = New-ExchangeCertificate -GenerateRequest -DomainName req.contoso.com; \
         $s = New-ExchangeCertificate -DomainName self.contoso.com -Services None; \
         $r.Status; $r.CertificateRequest.Length -gt 100; $null -eq $s.CertificateRequest",
    );
    assert_eq!(out, ["PendingRequest", "True", "True"]);
}

#[test]
fn b32_setup_creates_the_default_self_signed_certificate() {
    let out = lines(
        "$all = @(Get-ExchangeCertificate); $all.Count; $all[0].IsSelfSigned; \
         $all[0].Services; $all[0].Subject; $all[0].RootCAType",
    );
    // Services also carries the flags derived from POP3/IMAP4 X509CertificateName (spec §1.7),
    // which setup points at the server's name; SMTP is the one setup enables.
    assert_eq!(out[..2], ["1", "True"]);
    assert!(out[2].split(", ").any(|s| s == "SMTP"), "{out:?}");
    assert_eq!(out[3..], ["CN=EXCH01", "None"]);
}
