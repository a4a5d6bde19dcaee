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

#[test]
fn b30_properties_are_not_x509_items_and_the_thumbprint_is_the_sha1_of_the_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before.cer");
    let after = dir.path().join("after.cer");
    let mut session = session(&[]);
    let out = transcript(
        &mut session,
        &format!(
            "$c = New-ExchangeCertificate -DomainName b30.contoso.com -Services None; \
             $c | Export-Certificate -FilePath '{before}' | Out-Null; \
             Enable-ExchangeCertificate $c.Thumbprint -Services POP,IMAP,IIS; \
             $e = Get-ExchangeCertificate $c.Thumbprint; \
             $e | Export-Certificate -FilePath '{after}' | Out-Null; \
             $e.Services; $e.Thumbprint",
            before = before.display(),
            after = after.display(),
        ),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "IMAP, POP, IIS", "{out}");
    // Services (and Status, RootCAType, AccessRules…) changed; the X.509 certificate did not.
    let der = std::fs::read(&before).unwrap();
    assert_eq!(der, std::fs::read(&after).unwrap());
    // The one property that is an X.509 item: the SHA-1 of the DER, upper-case hex.
    assert_eq!(
        lines[1],
        cert_model::Thumbprint::of_der(&der).to_string(),
        "{out}"
    );
    // None of the Exchange properties' values is written in the certificate.
    let text = String::from_utf8_lossy(&der);
    for property in ["IMAP", "POP", "IIS", "Valid", "ThirdParty"] {
        assert!(!text.contains(property), "{property} in the DER");
    }
}

#[test]
fn b60_only_new_exchange_certificate_makes_requests_and_self_signed_certificates() {
    // No cmdlet but New-ExchangeCertificate can make a request.
    let makers: Vec<String> = shell_cmdlets::exchange::exchange_cmdlets()
        .iter()
        .map(|cmdlet| cmdlet.signature())
        .filter(|signature| {
            signature
                .params
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case("GenerateRequest"))
        })
        .map(|signature| signature.name.clone())
        .collect();
    assert_eq!(makers, ["New-ExchangeCertificate"]);
    // Running every service, selection and setup step never files a CA request on its own.
    let out = lines(
        "Start-Service MSExchangeTransport, MSExchangePOP3, MSExchangeIMAP4, W3SVC; \
         foreach ($s in 'SMTP','POP','IMAP','IIS','AnonymousTLS') { \
             Resolve-ExchangeCertificate -Service $s | Out-Null }; \
         @(Get-ExchangeCertificate | Where-Object { $_.Status -eq 'PendingRequest' }).Count; \
         $r = New-ExchangeCertificate -GenerateRequest -DomainName ca.contoso.com; \
         $s = New-ExchangeCertificate -DomainName self.contoso.com -Services None; \
         @(Get-ExchangeCertificate | Where-Object { $_.Status -eq 'PendingRequest' }).Count; \
         $s.IsSelfSigned",
    );
    assert_eq!(out, ["0", "1", "True"]);
}

#[test]
fn b11_b110_rtm_mode_fl_shows_the_x509_view_and_fl_star_shows_everything() {
    let mut session = session(&[]);
    let labels = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| {
                line.split_once(" : ")
                    .map(|(label, _)| label.trim().to_owned())
            })
            .collect()
    };
    let sp1 = transcript(&mut session, "Get-ExchangeCertificate | Format-List");
    assert_eq!(
        labels(&sp1),
        shell_cmdlets::exchange::CERTIFICATE_LIST_PROPERTIES
    );
    let rtm = transcript(
        &mut session,
        "Set-ExchangeServer -CompatibilityMode RTM; Get-ExchangeCertificate | Format-List",
    );
    // RTM had no ExchangeCertificate list view: X509Certificate2's applies, without the
    // Exchange properties.
    assert_eq!(
        labels(&rtm),
        [
            "Subject",
            "Issuer",
            "Thumbprint",
            "FriendlyName",
            "NotBefore",
            "NotAfter"
        ]
    );
    let star = labels(&transcript(&mut session, "Get-ExchangeCertificate | fl *"));
    for property in shell_cmdlets::exchange::CERTIFICATE_LIST_PROPERTIES {
        assert!(star.iter().any(|label| label == property), "{property}");
    }
    // Back in SP1 mode the 14 properties return.
    let back = transcript(
        &mut session,
        "Set-ExchangeServer -CompatibilityMode SP1; Get-ExchangeCertificate | fl",
    );
    assert_eq!(
        labels(&back),
        shell_cmdlets::exchange::CERTIFICATE_LIST_PROPERTIES
    );
}
