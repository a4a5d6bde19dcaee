//! The `Cert:` drive and the file system through Get-ChildItem and Remove-Item, and
//! Set-UMServer, run as scripts through a whole session (engine, binder, Out-Default, error
//! rendering) on an in-memory store with cert-testkit's fixed keys, serials and clock. A
//! change of trust made through the drive shows in Get-ExchangeCertificate's Status and
//! RootCAType (design.md §6).

#![allow(clippy::unwrap_used)] // Test helpers fail loudly by design.

use std::path::Path;
use std::rc::Rc;

use cert_testkit::{FixedKeys, SeededRandom, TestCa, fixed_now};
use shell_cmdlets::exchange::{AppState, exchange_cmdlets, register_views};
use shell_cmdlets::format::TextHost;
use shell_cmdlets::registry::{register_builtins, standard_views};
use shell_engine::{Origin, Session};

/// A session on a fresh in-memory server `EXCH01.contoso.com`.
fn session() -> Session<AppState> {
    answering(&[])
}

/// As [`session`], with a host that answers questions with `answers`, in order.
fn answering(answers: &[bool]) -> Session<AppState> {
    let mut views = standard_views();
    register_views(&mut views);
    let views = Rc::new(views);
    let mut host = TextHost::new(views.clone(), 120);
    host.answers.extend(answers.iter().copied());
    let mut state = AppState::open_with(
        None,
        Some("EXCH01.contoso.com"),
        fixed_now(),
        Box::new(FixedKeys::new()),
        Box::new(SeededRandom::new(11)),
    )
    .unwrap();
    state.set_pfx_iterations(2);
    let mut session = Session::new(state, Box::new(host), fixed_now());
    register_builtins(&mut session, &views);
    for cmdlet in exchange_cmdlets() {
        session.register(cmdlet);
    }
    session
}

/// Runs `script` in `session` and returns its transcript (stdout, `[stderr]`, `[EOF]`).
fn transcript(session: &mut Session<AppState>, script: &str) -> String {
    session.run_script(script, Origin::Interactive);
    let host = session.host_as_mut::<TextHost>().unwrap();
    host.end_session();
    let text = host.transcript();
    host.stdout.clear();
    host.stderr.clear();
    text
}

/// A session whose personal store holds `CN=imap.contoso.com`, issued by the test PKI's
/// intermediate (in `CA`), whose root was imported into `root_store` through
/// Import-Certificate; returns the session, the directory of the PKI files and the root's
/// thumbprint.
fn pki_session(root_store: &str) -> (Session<AppState>, tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut ca = TestCa::new();
    let mut session = session();
    let root = dir.path().join("root.cer");
    let intermediate = dir.path().join("issuing.cer");
    let crl = dir.path().join("root.crl");
    std::fs::write(&root, ca.root_der()).unwrap();
    std::fs::write(&intermediate, ca.intermediate_der()).unwrap();
    std::fs::write(&crl, ca.root_crl(&[])).unwrap();
    let request_path = dir.path().join("imap.req");
    let prepare = format!(
        "Import-Certificate -FilePath '{root}' -CertStoreLocation {root_store} | Out-Null; \
         Import-Certificate -FilePath '{intermediate}' -CertStoreLocation Cert:\\LocalMachine\\CA | Out-Null; \
         $r = New-ExchangeCertificate -DomainName imap.contoso.com -GenerateRequest; \
         Export-ExchangeCertificate $r.Thumbprint -Path '{request}' -BinaryEncoded",
        root = root.display(),
        intermediate = intermediate.display(),
        request = request_path.display(),
    );
    assert_eq!(transcript(&mut session, &prepare), "[EOF]\n");
    let issued = ca
        .answer_request(&std::fs::read(&request_path).unwrap())
        .unwrap();
    let issued_text = cert_model::Certificate::from_der(&issued).unwrap().to_pem();
    let import = format!("Import-ExchangeCertificate -Instance '{issued_text}' | Out-Null");
    assert_eq!(transcript(&mut session, &import), "[EOF]\n");
    let thumbprint = cert_model::Certificate::from_der(ca.root_der())
        .unwrap()
        .thumbprint()
        .to_string();
    (session, dir, thumbprint)
}

const LEAF_STATUS: &str =
    "Get-ExchangeCertificate -DomainName imap.contoso.com | Format-List Status,RootCAType";

#[test]
fn s6_removing_the_root_through_the_cert_drive_makes_the_leaf_untrusted() {
    let (mut session, _dir, root) = pki_session("Cert:\\LocalMachine\\Root");
    let script = format!(
        "{LEAF_STATUS}; Get-ChildItem Cert:\\LocalMachine\\Root; \
         Remove-Item Cert:\\LocalMachine\\Root\\{root}; \
         Get-ChildItem Cert:\\LocalMachine\\Root; {LEAF_STATUS}"
    );
    insta::assert_snapshot!(transcript(&mut session, &script));
}

#[test]
fn s6_group_policy_enterprise_and_authroot_give_their_root_ca_types() {
    for (store, root_ca_type) in [
        ("Cert:\\LocalMachine\\Root", "Registry"),
        ("Cert:\\LocalMachine\\Root\\.GroupPolicy", "GroupPolicy"),
        ("Cert:\\LocalMachine\\Root\\.Enterprise", "Enterprise"),
        ("Cert:\\LocalMachine\\AuthRoot", "ThirdParty"),
    ] {
        let (mut session, _dir, root) = pki_session(store);
        let script = format!(
            "(Get-ExchangeCertificate -DomainName imap.contoso.com).Status; \
             (Get-ExchangeCertificate -DomainName imap.contoso.com).RootCAType; \
             (Get-ChildItem {store}).Thumbprint"
        );
        assert_eq!(
            transcript(&mut session, &script),
            format!("Valid\n{root_ca_type}\n{root}\n[EOF]\n"),
            "{store}"
        );
        // Removing it from that store (the path's own spelling) takes the trust away.
        let script = format!(
            "Remove-Item {store}\\{root}; \
             (Get-ExchangeCertificate -DomainName imap.contoso.com).Status; \
             @(Get-ChildItem {store}).Count"
        );
        assert_eq!(
            transcript(&mut session, &script),
            "Untrusted\n0\n[EOF]\n",
            "{store}"
        );
    }
}

#[test]
fn s6_removing_an_unknown_thumbprint_is_an_error_and_changes_nothing() {
    let (mut session, _dir, root) = pki_session("Cert:\\LocalMachine\\Root");
    // The root is in Root, not in AuthRoot; the other thumbprint is nowhere.
    let script = format!(
        "Remove-Item Cert:\\LocalMachine\\AuthRoot\\{root}; \
         Remove-Item Cert:\\LocalMachine\\Root\\0000000000000000000000000000000000000000; \
         Remove-Item Cert:\\LocalMachine\\Root\\not-a-thumbprint; \
         Get-ChildItem Cert:\\LocalMachine\\Root; {LEAF_STATUS}"
    );
    insta::assert_snapshot!(transcript(&mut session, &script));
}

#[test]
fn s6_whatif_names_the_certificate_and_changes_nothing() {
    let (mut session, _dir, root) = pki_session("Cert:\\LocalMachine\\Root");
    let script = format!(
        "Remove-Item Cert:\\LocalMachine\\Root\\{root} -WhatIf; \
         Get-ChildItem Cert:\\LocalMachine\\Root | Remove-Item -WhatIf; \
         Get-ChildItem Cert:\\LocalMachine\\Root; {LEAF_STATUS}"
    );
    insta::assert_snapshot!(transcript(&mut session, &script));
}

#[test]
fn s6_piping_the_listing_into_remove_item_removes_it() {
    let (mut session, _dir, _root) = pki_session("Cert:\\LocalMachine\\Root\\.Enterprise");
    let script = format!(
        "Get-ChildItem Cert:\\LocalMachine\\Root\\.Enterprise | Remove-Item; \
         @(Get-ChildItem Cert:\\LocalMachine\\Root\\.Enterprise).Count; {LEAF_STATUS}"
    );
    insta::assert_snapshot!(transcript(&mut session, &script));
}

#[test]
fn s6_the_drive_and_local_machine_list_the_stores() {
    let mut session = session();
    insta::assert_snapshot!(transcript(
        &mut session,
        "Get-ChildItem Cert:\\ | Format-List Location,StoreNames; Get-ChildItem Cert:\\LocalMachine | Format-Table Name; \
         Get-ChildItem Cert:\\CurrentUser\\My"
    ));
}

#[test]
fn s6_recurse_filter_file_and_directory_on_the_cert_drive() {
    let (mut session, _dir, root) = pki_session("Cert:\\LocalMachine\\Root");
    let prefix = &root[..4];
    let script = format!(
        "Get-ChildItem Cert:\\ -Recurse -File | Format-Table Thumbprint,Subject,PSParentPath; \
         (Get-ChildItem Cert:\\LocalMachine -Recurse -Directory).Name; \
         Get-ChildItem Cert:\\ -Recurse -Name; \
         (Get-ChildItem Cert:\\LocalMachine\\Root -Filter {prefix}*).Subject; \
         @(Get-ChildItem Cert:\\LocalMachine\\Root -Filter 0000*).Count; \
         Get-ChildItem Cert:\\LocalMachine\\Root\\{root} | Format-List *"
    );
    insta::assert_snapshot!(transcript(&mut session, &script));
}

#[test]
fn s6_ca_lists_intermediates_and_crls_and_removes_a_crl() {
    let (mut session, dir, _root) = pki_session("Cert:\\LocalMachine\\Root");
    let crl = dir.path().join("root.crl");
    let script = format!(
        "Import-Certificate -FilePath '{crl}' -CertStoreLocation Cert:\\LocalMachine\\CA; \
         Get-ChildItem Cert:\\LocalMachine\\CA | Format-List Thumbprint,Subject,Issuer,ThisUpdate; \
         Get-ChildItem Cert:\\LocalMachine\\CA | Where-Object {{ $_.ThisUpdate }} | Remove-Item; \
         Get-ChildItem Cert:\\LocalMachine\\CA",
        crl = crl.display()
    );
    insta::assert_snapshot!(transcript(&mut session, &script));
}

#[test]
fn s6_the_personal_store_lists_exchange_certificates_and_leaves_removal_to_exchange() {
    let mut session = session();
    insta::assert_snapshot!(transcript(
        &mut session,
        "Get-ChildItem Cert:\\LocalMachine\\My; \
         Get-ChildItem Cert:\\LocalMachine\\My | Remove-Item; \
         @(Get-ExchangeCertificate).Count"
    ));
}

/// A directory `a.txt` (5 bytes), `b.cer` (3 bytes), `.hidden`, `sub/c.txt` (1 byte), every
/// entry last written at the test clock's time.
fn file_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("sub")).unwrap();
    for (name, content) in [
        ("a.txt", "hello"),
        ("b.cer", "abc"),
        (".hidden", ""),
        ("sub/c.txt", "c"),
    ] {
        std::fs::write(root.join(name), content).unwrap();
    }
    let time = std::time::SystemTime::from(fixed_now());
    for name in ["a.txt", "b.cer", ".hidden", "sub/c.txt", "sub"] {
        std::fs::File::open(root.join(name))
            .unwrap()
            .set_modified(time)
            .unwrap();
    }
    dir
}

/// Runs `script` with `$d` set to `dir` (so that error positions do not depend on where the
/// temporary directory is); the transcript shows `dir` as `<dir>`, and the error targets in
/// CategoryInfo lines (shortened by length) as `<target>`.
fn run_in(session: &mut Session<AppState>, dir: &Path, script: &str) -> String {
    let shown = dir.display().to_string();
    let set = format!("$d = '{shown}'");
    assert_eq!(transcript(session, &set), "[EOF]\n");
    transcript(session, script)
        .replace(&shown, "<dir>")
        .lines()
        .map(|line| {
            match (
                line.find("+ CategoryInfo"),
                line.find(": ("),
                line.rfind(":String)"),
            ) {
                (Some(_), Some(open), Some(close)) if open < close => {
                    format!("{}: (<target>{}", &line[..open], &line[close..])
                }
                _ => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn s6_file_system_listing() {
    let dir = file_tree();
    let mut session = session();
    insta::assert_snapshot!(run_in(
        &mut session,
        dir.path(),
        "Get-ChildItem \"$d\"; \
         Get-ChildItem \"$d\" -Recurse -Name; \
         Get-ChildItem \"$d\" -Recurse -File -Filter *.txt | Format-Table Name,Length,FullName; \
         Get-ChildItem \"$d\" -Directory -Force -Name; \
         Get-ChildItem \"$d/*.cer\" | Format-List Name,Length,Mode,LastWriteTime; \
         Get-ChildItem \"$d/missing\""
    ));
}

#[test]
fn s6_file_system_removal() {
    let dir = file_tree();
    let mut session = session();
    insta::assert_snapshot!(run_in(
        &mut session,
        dir.path(),
        "Remove-Item \"$d/a.txt\" -WhatIf; \
         Remove-Item \"$d/sub\" -Recurse -WhatIf; \
         Remove-Item \"$d/a.txt\"; \
         Remove-Item \"$d/missing.txt\"; \
         Remove-Item \"$d/sub\" -Recurse; \
         Get-ChildItem \"$d\" -Force -Name"
    ));
    assert!(!dir.path().join("a.txt").exists());
    assert!(!dir.path().join("sub").exists());
    assert!(dir.path().join("b.cer").exists());
    // A wildcard leaves the hidden file unless -Force is given.
    run_in(&mut session, dir.path(), "Remove-Item \"$d/*\"");
    assert!(!dir.path().join("b.cer").exists());
    assert!(dir.path().join(".hidden").exists());
    run_in(&mut session, dir.path(), "Remove-Item \"$d/*\" -Force");
    assert!(!dir.path().join(".hidden").exists());
}

#[test]
fn s6_removing_a_directory_with_children_without_recurse_needs_an_answer() {
    let dir = file_tree();
    let mut session = session();
    insta::assert_snapshot!(run_in(&mut session, dir.path(), "Remove-Item \"$d/sub\""));
    assert!(dir.path().join("sub/c.txt").exists());
    // "No" keeps it; "Yes" removes it with its children.
    let mut session = answering(&[false]);
    run_in(&mut session, dir.path(), "Remove-Item \"$d/sub\"");
    assert!(dir.path().join("sub/c.txt").exists());
    let mut session = answering(&[true]);
    run_in(&mut session, dir.path(), "Remove-Item \"$d/sub\"");
    assert!(!dir.path().join("sub").exists());
}

fn um_startup_mode(session: &Session<AppState>) -> String {
    let server = session.state().server();
    let mut server = server.borrow_mut();
    server.config().unwrap().um_startup_mode
}

#[test]
fn b101_set_um_server_sets_the_startup_mode() {
    let mut session = session();
    assert_eq!(um_startup_mode(&session), "TCP");
    assert_eq!(
        transcript(
            &mut session,
            "Set-UMServer -Identity EXCH01 -UMStartupMode tls"
        ),
        "[EOF]\n"
    );
    assert_eq!(um_startup_mode(&session), "TLS");
    assert_eq!(
        transcript(&mut session, "Set-UMServer -UMStartupMode Dual"),
        "[EOF]\n"
    );
    assert_eq!(um_startup_mode(&session), "Dual");
}

#[test]
fn b101_set_um_server_refuses_unknown_modes_and_servers_and_honours_whatif() {
    let mut session = session();
    insta::assert_snapshot!(transcript(
        &mut session,
        "Set-UMServer -UMStartupMode Secure; \
         Set-UMServer -Identity EXCH02 -UMStartupMode TLS; \
         Set-UMServer EXCH01.contoso.com -UMStartupMode TLS -WhatIf"
    ));
    assert_eq!(um_startup_mode(&session), "TCP");
}

/// The certificate `um.contoso.com` enabled for UM, and its thumbprint.
fn um_certificate(session: &mut Session<AppState>) -> String {
    let script = "$um = New-ExchangeCertificate -DomainName EXCH01.contoso.com,um.contoso.com \
                  -Services None; Enable-ExchangeCertificate $um.Thumbprint -Services UM; \
                  (Get-ExchangeCertificate $um.Thumbprint).Services; $um.Thumbprint";
    let out = transcript(session, script);
    let lines: Vec<&str> = out.lines().collect();
    // POP and IMAP come with it: their X509CertificateName is the server's FQDN (spec §1.7).
    assert_eq!(lines.first(), Some(&"IMAP, POP, UM"), "{out}");
    lines[1].to_owned()
}

fn openssl_reads(args: &[&str]) -> Option<String> {
    let output = std::process::Command::new("openssl").args(args).output();
    match output {
        Ok(output) => {
            assert!(
                output.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            Some(String::from_utf8_lossy(&output.stdout).into_owned())
        }
        Err(error) => {
            eprintln!("openssl is not installed ({error}); skipping the openssl half");
            None
        }
    }
}

#[test]
fn b105_the_um_certificate_exports_public_only_as_der_and_p7b_for_ip_gateways() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session();
    let thumbprint = um_certificate(&mut session);
    let cer = dir.path().join("um.cer");
    let p7b = dir.path().join("um.p7b");
    let script = format!(
        "$c = Get-ExchangeCertificate | Where-Object {{ $_.Services -match 'UM' }}; \
         $c | Export-Certificate -FilePath '{cer}' | Format-List Name,Length; \
         Export-Certificate -Cert $c -FilePath '{p7b}' -Type P7B | ForEach-Object Name",
        cer = cer.display(),
        p7b = p7b.display(),
    );
    let out = transcript(&mut session, &script);
    let der = std::fs::read(&cer).unwrap();
    assert!(
        out.contains(&format!("Name   : um.cer\nLength : {}\n", der.len())),
        "{out}"
    );
    assert!(out.contains("um.p7b\n"), "{out}");
    // The .cer file is the certificate itself: DER, nothing else, no key.
    let certificate = cert_model::Certificate::from_der(&der).unwrap();
    assert_eq!(certificate.thumbprint().to_string(), thumbprint);
    // The .p7b holds exactly that certificate.
    assert_eq!(
        exchange_server::decode_import_data(&std::fs::read(&p7b).unwrap()).unwrap(),
        exchange_server::ImportData::Certificates(vec![der.clone()])
    );
    // openssl (what a gateway's tooling uses) reads both and finds no key.
    if let Some(fingerprint) = openssl_reads(&[
        "x509",
        "-inform",
        "der",
        "-in",
        &cer.display().to_string(),
        "-noout",
        "-fingerprint",
        "-sha1",
    ]) {
        assert_eq!(
            fingerprint
                .trim()
                .rsplit('=')
                .next()
                .unwrap()
                .replace(':', ""),
            thumbprint
        );
        let printed = openssl_reads(&[
            "pkcs7",
            "-inform",
            "der",
            "-in",
            &p7b.display().to_string(),
            "-print_certs",
        ])
        .unwrap();
        assert_eq!(printed.matches("BEGIN CERTIFICATE").count(), 1, "{printed}");
        assert!(!printed.contains("PRIVATE KEY"), "{printed}");
    }
}

#[test]
fn b105_export_certificate_errors_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session();
    let thumbprint = um_certificate(&mut session);
    let existing = dir.path().join("um.cer");
    std::fs::write(&existing, b"keep me").unwrap();
    let out = run_in(
        &mut session,
        dir.path(),
        &format!(
            "Get-ExchangeCertificate {thumbprint} | Export-Certificate -FilePath \"$d/um.cer\" -NoClobber; \
             Export-Certificate -Cert Cert:\\LocalMachine\\Root\\{thumbprint} -FilePath \"$d/x.cer\"; \
             Export-Certificate -Cert 42 -FilePath \"$d/x.cer\"; \
             Export-Certificate -Cert (Get-ExchangeCertificate {thumbprint}) -FilePath \"$d/x.cer\" -Type SST; \
             Export-Certificate -Cert Cert:\\LocalMachine\\My\\{thumbprint} -FilePath \"$d/x.cer\" -WhatIf"
        ),
    );
    assert_eq!(std::fs::read(&existing).unwrap(), b"keep me");
    assert!(!dir.path().join("x.cer").exists());
    insta::assert_snapshot!(out.replace(&thumbprint, "<thumbprint>"));
}

#[test]
fn s6_import_certificate_reads_pkcs7_bundles() {
    let dir = tempfile::tempdir().unwrap();
    let ca = TestCa::new();
    let root = cert_model::Certificate::from_der(ca.root_der()).unwrap();
    let intermediate = cert_model::Certificate::from_der(ca.intermediate_der()).unwrap();
    let bundle = dir.path().join("root.p7b");
    std::fs::write(
        &bundle,
        exchange_server::pkcs7_certificates_only(&[ca.root_der()]),
    )
    .unwrap();
    // The PEM form (`-----BEGIN PKCS7-----`) of the intermediate.
    let pem = dir.path().join("issuing.p7b");
    let encoded = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        exchange_server::pkcs7_certificates_only(&[ca.intermediate_der()]),
    );
    std::fs::write(
        &pem,
        format!("-----BEGIN PKCS7-----\n{encoded}\n-----END PKCS7-----\n"),
    )
    .unwrap();
    let mut session = session();
    let out = transcript(
        &mut session,
        &format!(
            "Import-Certificate -FilePath '{}' -CertStoreLocation Cert:\\LocalMachine\\Root | ForEach-Object Thumbprint; \
             Import-Certificate -FilePath '{}' -CertStoreLocation Cert:\\LocalMachine\\CA | ForEach-Object Thumbprint",
            bundle.display(),
            pem.display()
        ),
    );
    assert_eq!(
        out,
        format!(
            "{}\n{}\n[EOF]\n",
            root.thumbprint(),
            intermediate.thumbprint()
        )
    );
    let listed = transcript(
        &mut session,
        "(Get-ChildItem Cert:\\LocalMachine\\Root).Thumbprint; (Get-ChildItem Cert:\\LocalMachine\\CA).Thumbprint",
    );
    assert!(listed.contains(&root.thumbprint().to_string()), "{listed}");
    assert!(
        listed.contains(&intermediate.thumbprint().to_string()),
        "{listed}"
    );
}

#[test]
fn s6_get_item_returns_the_item_itself() {
    let dir = file_tree();
    let (mut session, _pki, root) = pki_session("Cert:\\LocalMachine\\Root");
    let out = run_in(
        &mut session,
        dir.path(),
        &format!(
            "Get-Item \"$d/a.txt\" | Format-List Name,Length,Mode; \
             (Get-Item \"$d/sub\").Mode; \
             (Get-Item \"$d/*.txt\").Name; \
             Get-Item \"$d/*.none\"; \
             (Get-Item Cert:\\LocalMachine\\Root\\{root}).Subject; \
             (Get-Item Cert:\\LocalMachine\\Root\\*).Thumbprint -eq '{root}'; \
             (Get-Item Cert:\\LocalMachine\\CA).Name; \
             Get-Item \"$d/missing.txt\"; \
             Get-Item Cert:\\LocalMachine\\Root\\0000"
        ),
    );
    insta::assert_snapshot!(out.replace(&root, "<root>"));
}
