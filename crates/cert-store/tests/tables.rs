//! Typed round trips of every table.

use cert_model::{Services, Thumbprint};
use cert_store::{
    AcceptedDomainRow, ConnectorKind, ConnectorRow, CrlRow, EntryType, EventRow,
    IntermediateCertificateRow, KeyId, PendingRequestRow, PersonalCertificateRow, PhysicalStore,
    Protocol, ProtocolSettingsRow, RootCertificateRow, ServerRow, ServerVersion, Store, StoreError,
};
use time::macros::datetime;

type Result<T> = std::result::Result<T, StoreError>;

fn store() -> Store {
    Store::open_in_memory().expect("SQLite can open an in-memory database")
}

fn thumb(der: &[u8]) -> Thumbprint {
    Thumbprint::of_der(der)
}

fn server() -> ServerRow {
    ServerRow {
        name: "EXCH01".into(),
        fqdn: "EXCH01.contoso.com".into(),
        roles: vec![
            "Mailbox".into(),
            "ClientAccess".into(),
            "HubTransport".into(),
        ],
        version: ServerVersion::Sp1,
        internet_web_proxy: None,
        um_startup_mode: "Secured".into(),
        um_certificate: None,
        internal_transport_certificate: Some(thumb(b"cert")),
        iis_certificate: None,
    }
}

#[test]
fn servers_round_trip_and_update_in_place() {
    let mut store = store();
    store
        .transaction(|tx| {
            tx.put_server(&server())?;
            assert_eq!(tx.server("exch01")?, Some(server()));
            let mut changed = server();
            changed.version = ServerVersion::Rtm;
            changed.internet_web_proxy = Some("http://proxy:8080".into());
            changed.iis_certificate = Some(thumb(b"iis"));
            changed.internal_transport_certificate = None;
            tx.put_server(&changed)?;
            assert_eq!(tx.servers()?, vec![changed]);
            assert!(tx.delete_server("EXCH01")?);
            assert!(!tx.delete_server("EXCH01")?);
            assert_eq!(tx.server("EXCH01")?, None);
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn accepted_domains_round_trip() {
    let mut store = store();
    store
        .transaction(|tx| {
            let contoso = AcceptedDomainRow {
                domain: "contoso.com".into(),
                authoritative: true,
            };
            let fabrikam = AcceptedDomainRow {
                domain: "fabrikam.com".into(),
                authoritative: false,
            };
            tx.put_accepted_domain(&fabrikam)?;
            tx.put_accepted_domain(&contoso)?;
            assert_eq!(tx.accepted_domains()?, vec![contoso.clone(), fabrikam]);
            assert!(tx.delete_accepted_domain("FABRIKAM.COM")?);
            assert_eq!(tx.accepted_domains()?, vec![contoso]);
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

fn personal(der: &[u8], key: Option<KeyId>) -> PersonalCertificateRow {
    PersonalCertificateRow {
        thumbprint: thumb(der),
        der: der.to_vec(),
        friendly_name: "Microsoft Exchange".into(),
        services: Services::SMTP | Services::POP,
        network_service_access: true,
        private_key: key,
        key_exportable: false,
        created_order: 0,
    }
}

#[test]
fn personal_certificates_round_trip_in_creation_order() {
    let mut store = store();
    store
        .transaction(|tx| {
            let key = tx.insert_private_key(b"pkcs8 bytes")?;
            assert_eq!(tx.private_key(key)?, Some(b"pkcs8 bytes".to_vec()));
            let second_first = personal(b"zzz", Some(key));
            let later = personal(b"aaa", None);
            assert_eq!(tx.insert_personal_certificate(&second_first)?, 1);
            assert_eq!(tx.insert_personal_certificate(&later)?, 2);
            let rows = tx.personal_certificates()?;
            assert_eq!(rows.len(), 2);
            assert_eq!(
                rows[0],
                PersonalCertificateRow {
                    created_order: 1,
                    ..second_first.clone()
                }
            );
            assert_eq!(rows[1].thumbprint, thumb(b"aaa"));
            let mut enabled = rows[1].clone();
            enabled.services = Services::IMAP | Services::IIS | Services::UM;
            enabled.friendly_name = "renamed".into();
            assert!(tx.update_personal_certificate(&enabled)?);
            assert_eq!(tx.personal_certificate(&thumb(b"aaa"))?, Some(enabled));
            assert!(tx.delete_personal_certificate(&thumb(b"zzz"))?);
            assert!(tx.delete_private_key(key)?);
            assert_eq!(tx.personal_certificates()?.len(), 1);
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn duplicate_personal_certificate_is_already_exists() {
    let mut store = store();
    let result: Result<()> = store.transaction(|tx| {
        tx.insert_personal_certificate(&personal(b"one", None))?;
        tx.insert_personal_certificate(&personal(b"one", None))?;
        Ok(())
    });
    let err = result.unwrap_err();
    assert_eq!(
        err,
        StoreError::AlreadyExists {
            what: format!("personal certificate {}", thumb(b"one"))
        }
    );
    // The failed transaction left nothing behind.
    assert_eq!(
        store.transaction(|tx| tx.personal_certificates()).unwrap(),
        Vec::new()
    );
}

#[test]
fn key_in_use_cannot_be_deleted() {
    let mut store = store();
    let result: Result<bool> = store.transaction(|tx| {
        let key = tx.insert_private_key(b"k")?;
        tx.insert_personal_certificate(&personal(b"c", Some(key)))?;
        tx.delete_private_key(key)
    });
    assert!(
        matches!(result, Err(StoreError::Database { .. })),
        "{result:?}"
    );
}

#[test]
fn pending_requests_round_trip() {
    let mut store = store();
    store
        .transaction(|tx| {
            let key = tx.insert_private_key(b"request key")?;
            let request = PendingRequestRow {
                thumbprint: thumb(b"placeholder"),
                placeholder_der: b"placeholder".to_vec(),
                request_der: b"pkcs10".to_vec(),
                subject: "C=us, O=contoso corp, CN=popserver.fourthcoffee.com".into(),
                domains: vec!["popserver.fourthcoffee.com".into()],
                private_key: key,
                friendly_name: "Microsoft Exchange".into(),
                key_exportable: true,
                created_order: 0,
            };
            assert_eq!(tx.insert_pending_request(&request)?, 1);
            let stored = PendingRequestRow {
                created_order: 1,
                ..request.clone()
            };
            assert_eq!(
                tx.pending_request(&thumb(b"placeholder"))?,
                Some(stored.clone())
            );
            assert_eq!(tx.pending_requests()?, vec![stored]);
            assert!(matches!(
                tx.insert_pending_request(&request),
                Err(StoreError::AlreadyExists { .. })
            ));
            assert!(tx.delete_pending_request(&thumb(b"placeholder"))?);
            assert_eq!(tx.pending_requests()?, Vec::new());
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn root_and_intermediate_stores_round_trip() {
    let mut store = store();
    store
        .transaction(|tx| {
            let root = |store| RootCertificateRow {
                thumbprint: thumb(b"root"),
                physical_store: store,
                der: b"root".to_vec(),
            };
            assert!(tx.insert_root_certificate(&root(PhysicalStore::ThirdParty))?);
            assert!(tx.insert_root_certificate(&root(PhysicalStore::Registry))?);
            assert!(!tx.insert_root_certificate(&root(PhysicalStore::Registry))?);
            assert_eq!(
                tx.root_certificates()?,
                vec![
                    root(PhysicalStore::Registry),
                    root(PhysicalStore::ThirdParty)
                ]
            );
            assert!(tx.delete_root_certificate(&thumb(b"root"), PhysicalStore::Registry)?);
            assert!(!tx.delete_root_certificate(&thumb(b"root"), PhysicalStore::GroupPolicy)?);
            assert_eq!(
                tx.root_certificates()?,
                vec![root(PhysicalStore::ThirdParty)]
            );

            let intermediate = IntermediateCertificateRow {
                thumbprint: thumb(b"ca"),
                der: b"ca".to_vec(),
            };
            assert!(tx.insert_intermediate_certificate(&intermediate)?);
            assert!(!tx.insert_intermediate_certificate(&intermediate)?);
            assert_eq!(tx.intermediate_certificates()?, vec![intermediate]);
            assert!(tx.delete_intermediate_certificate(&thumb(b"ca"))?);
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn crls_round_trip_and_a_fetch_replaces_the_cached_copy() {
    let mut store = store();
    store
        .transaction(|tx| {
            let fetched = CrlRow {
                id: 0,
                issuer: "CN=Issuing CA, O=Contoso".into(),
                der: b"crl v1".to_vec(),
                this_update: datetime!(2008-08-06 10:04:02 UTC),
                next_update: Some(datetime!(2008-08-14 10:04:02 UTC)),
                source_url: Some("http://pki.contoso.com/ca.crl".into()),
            };
            let imported = CrlRow {
                source_url: None,
                next_update: None,
                ..fetched.clone()
            };
            tx.put_crl(&fetched)?;
            let imported_id = tx.put_crl(&imported)?;
            let refreshed = CrlRow {
                der: b"crl v2".to_vec(),
                ..fetched.clone()
            };
            let refreshed_id = tx.put_crl(&refreshed)?;
            let rows = tx.crls()?;
            assert_eq!(
                rows,
                vec![
                    CrlRow {
                        id: imported_id,
                        ..imported
                    },
                    CrlRow {
                        id: refreshed_id,
                        ..refreshed
                    }
                ]
            );
            assert!(tx.delete_crl(imported_id)?);
            assert_eq!(tx.crls()?.len(), 1);
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn protocol_settings_round_trip() {
    let mut store = store();
    store
        .transaction(|tx| {
            assert_eq!(tx.protocol_settings(Protocol::Pop3)?, None);
            let pop = ProtocolSettingsRow {
                protocol: Protocol::Pop3,
                x509_certificate_name: Some("EXCH01.contoso.com".into()),
                unencrypted_or_tls_bindings: vec!["0.0.0.0:110".into()],
                ssl_bindings: vec!["0.0.0.0:995".into()],
                login_type: "SecureLogin".into(),
                banner: String::new(),
                properties: vec![
                    ("MaxCommandSize".into(), "512".into()),
                    ("AuthenticatedConnectionTimeout".into(), "00:30:00".into()),
                ],
            };
            tx.put_protocol_settings(&pop)?;
            let imap = ProtocolSettingsRow {
                protocol: Protocol::Imap4,
                x509_certificate_name: None,
                ..pop.clone()
            };
            tx.put_protocol_settings(&imap)?;
            assert_eq!(tx.protocol_settings(Protocol::Pop3)?, Some(pop.clone()));
            let changed = ProtocolSettingsRow {
                x509_certificate_name: Some("pop.contoso.com".into()),
                ..pop
            };
            tx.put_protocol_settings(&changed)?;
            assert_eq!(tx.protocol_settings(Protocol::Pop3)?, Some(changed));
            assert_eq!(tx.protocol_settings(Protocol::Imap4)?, Some(imap));
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn connectors_round_trip() {
    let mut store = store();
    store
        .transaction(|tx| {
            let receive = ConnectorRow {
                kind: ConnectorKind::Receive,
                name: "Default EXCH01".into(),
                fqdn: Some("EXCH01.contoso.com".into()),
                bindings: vec!["0.0.0.0:25".into(), "[::]:25".into()],
                address_spaces: Vec::new(),
                remote_ip_ranges: vec!["0.0.0.0-255.255.255.255".into()],
                enabled: true,
            };
            let send = ConnectorRow {
                kind: ConnectorKind::Send,
                name: "Internet".into(),
                fqdn: None,
                bindings: Vec::new(),
                address_spaces: vec!["SMTP:*;1".into()],
                remote_ip_ranges: Vec::new(),
                enabled: false,
            };
            tx.put_connector(&send)?;
            tx.put_connector(&receive)?;
            assert_eq!(tx.connectors()?, vec![receive.clone(), send.clone()]);
            let renamed = ConnectorRow {
                fqdn: Some("mail.contoso.com".into()),
                ..send
            };
            tx.put_connector(&renamed)?;
            assert_eq!(
                tx.connector(ConnectorKind::Send, "internet")?,
                Some(renamed)
            );
            assert!(tx.delete_connector(ConnectorKind::Receive, "Default EXCH01")?);
            assert_eq!(
                tx.connector(ConnectorKind::Receive, "Default EXCH01")?,
                None
            );
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn events_round_trip_per_log() {
    let mut store = store();
    store
        .transaction(|tx| {
            let event = EventRow {
                id: 0,
                time: datetime!(2008-08-07 10:04:02.250 UTC),
                log: "Application".into(),
                source: "MSExchangeTransport".into(),
                event_id: 12014,
                entry_type: EntryType::Error,
                message: "no certificate".into(),
            };
            let first = tx.append_event(&event)?;
            let other = EventRow {
                log: "System".into(),
                ..event.clone()
            };
            tx.append_event(&other)?;
            let second = tx.append_event(&EventRow {
                entry_type: EntryType::Warning,
                ..event.clone()
            })?;
            let rows = tx.events("application")?;
            assert_eq!(
                rows,
                vec![
                    EventRow {
                        id: first,
                        ..event.clone()
                    },
                    EventRow {
                        id: second,
                        entry_type: EntryType::Warning,
                        ..event
                    }
                ]
            );
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

#[test]
fn settings_round_trip() {
    let mut store = store();
    store
        .transaction(|tx| {
            tx.set_setting("setup.completed", "true")?;
            tx.set_setting("setup.completed", "yes")?;
            assert_eq!(tx.setting("setup.completed")?.as_deref(), Some("yes"));
            assert!(tx.delete_setting("setup.completed")?);
            assert!(!tx.delete_setting("setup.completed")?);
            Ok::<_, StoreError>(())
        })
        .unwrap();
}
