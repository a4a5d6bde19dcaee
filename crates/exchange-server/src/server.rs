//! [`Server`]: the local Exchange server over one store; every operation is one store
//! transaction, and a failed operation changes nothing (design.md §3).

use std::path::{Path, PathBuf};

use cert_model::{Certificate, Crl, RootCaType, Services, Thumbprint};
use cert_store::{Store, StoreError};
use time::OffsetDateTime;

use crate::certificate_view::ExchangeCertificate;
use crate::domain_name::{is_valid_domain_name, is_valid_host_name};
use crate::error::{
    ConfigureServerError, EnableCertificateError, ExportCertificateError, GetCertificateError,
    ImportCertificateError, NewCertificateError, OpenServerError, RemoveCertificateError,
};
use crate::generate::{Generators, PreparedKey, PreparedRandom, make_self_signed};
use crate::import_data::ImportData;
use crate::model::{
    Connector, ConnectorKind, LoginType, Protocol, ProtocolSettings, ServerConfig, ServerState,
    TrustedRoot,
};
use crate::names::ResolvedNames;
use crate::operations::{
    ExportOptions, ExportedCertificate, NewCertificateOptions, NewCertificateOutcome,
    ReplaceSmtpAnswer, enable_certificate, export_certificate, import_certificate,
    matches_any_domain, new_certificate, pending_smtp_question, preview_names, remove_certificate,
};
use crate::persist;
use crate::roles::ServerRole;
use crate::setup::{SetupOptions, setup_server};
use crate::view::Evaluator;
use crate::warning::OperationWarning;
use crate::warning::ReplaceSmtpCertificate;

/// The local Exchange server: an open store plus the name of the server it holds.
pub struct Server {
    pub(crate) store: Store,
    name: String,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Get-ExchangeCertificate filters (spec §3.2).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CertificateQuery {
    /// `-Thumbprint`.
    pub thumbprint: Option<Thumbprint>,
    /// `-DomainName`.
    pub domain_names: Vec<String>,
}

/// Set-POPSettings / Set-IMAPSettings changes; `None` leaves a property unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProtocolSettingsChanges {
    /// `-X509CertificateName` (`Some(None)` clears it).
    pub x509_certificate_name: Option<Option<String>>,
    /// `-LoginType`.
    pub login_type: Option<LoginType>,
    /// `-UnencryptedOrTLSBindings`.
    pub unencrypted_or_tls_bindings: Option<Vec<String>>,
    /// `-SSLBindings`.
    pub ssl_bindings: Option<Vec<String>>,
    /// `-Banner`.
    pub banner: Option<String>,
}

/// Set-ReceiveConnector / Set-SendConnector changes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConnectorChanges {
    /// `-Fqdn` (`Some(None)` clears it: the server FQDN is used).
    pub fqdn: Option<Option<String>>,
    /// `-Enabled`.
    pub enabled: Option<bool>,
    /// `-Bindings` (Receive).
    pub bindings: Option<Vec<String>>,
    /// `-AddressSpaces` (Send).
    pub address_spaces: Option<Vec<String>>,
}

impl Server {
    /// Opens the store at `path` (created if missing) and the local server in it. On first use
    /// runs setup (design.md §3) with `setup`: the server, AuthRoot from `roots`, and the
    /// default self-signed certificate.
    ///
    /// # Errors
    /// [`OpenServerError`] when the store cannot be opened, no server exists and `setup` is
    /// `None`, the name is invalid, or the default certificate cannot be made.
    pub fn open(
        path: &Path,
        setup: Option<&SetupOptions>,
        roots: impl FnOnce() -> Vec<TrustedRoot>,
        generators: &mut Generators<'_>,
        now: OffsetDateTime,
    ) -> Result<Server, OpenServerError> {
        let store = Store::open(path)?;
        Server::with_store(store, setup, roots, generators, now)
    }

    /// As [`Server::open`], over an in-memory store (tests).
    ///
    /// # Errors
    /// As [`Server::open`].
    pub fn open_in_memory(
        setup: &SetupOptions,
        roots: Vec<TrustedRoot>,
        generators: &mut Generators<'_>,
        now: OffsetDateTime,
    ) -> Result<Server, OpenServerError> {
        let store = Store::open_in_memory()?;
        Server::with_store(store, Some(setup), || roots, generators, now)
    }

    fn with_store(
        mut store: Store,
        setup: Option<&SetupOptions>,
        roots: impl FnOnce() -> Vec<TrustedRoot>,
        generators: &mut Generators<'_>,
        now: OffsetDateTime,
    ) -> Result<Server, OpenServerError> {
        let existing = store.transaction(persist::local_server_name)?;
        if let Some(name) = existing {
            return Ok(Server { store, name });
        }
        let setup = setup.ok_or(OpenServerError::NoServer)?;
        if !is_valid_domain_name(&setup.fqdn) || setup.fqdn.starts_with("*.") {
            return Err(OpenServerError::InvalidServerName {
                fqdn: setup.fqdn.clone(),
            });
        }
        let state =
            setup_server(setup, roots(), generators, now).map_err(OpenServerError::Setup)?;
        let name = state.config.name.clone();
        store.transaction(|transaction| -> Result<(), OpenServerError> {
            // Another shell may have set the store up while we generated keys.
            if persist::local_server_name(transaction)?.is_none() {
                persist::create(transaction, &state, now)?;
            }
            Ok(())
        })?;
        let name = store
            .transaction(persist::local_server_name)?
            .unwrap_or(name);
        Ok(Server { store, name })
    }

    /// The local server's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Runs `operation` on the loaded state in one transaction; the changed state is written
    /// back only when it succeeds.
    fn change<T, E: From<StoreError>>(
        &mut self,
        now: OffsetDateTime,
        operation: impl FnOnce(&mut ServerState) -> Result<T, E>,
    ) -> Result<T, E> {
        let name = self.name.clone();
        self.store.transaction(|transaction| {
            let (mut state, ids) = persist::load(transaction, &name)?;
            let before = state.clone();
            let value = operation(&mut state)?;
            persist::save(transaction, &before, &state, &ids, now, false)?;
            Ok(value)
        })
    }

    /// Reads the state in one transaction.
    fn read<T, E: From<StoreError>>(
        &mut self,
        operation: impl FnOnce(&ServerState) -> Result<T, E>,
    ) -> Result<T, E> {
        let name = self.name.clone();
        self.store.transaction(|transaction| {
            let (state, _) = persist::load(transaction, &name)?;
            operation(&state)
        })
    }

    /// The whole server state (for tests and diagnostics).
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    pub fn state(&mut self) -> Result<ServerState, StoreError> {
        self.read(|state| Ok(state.clone()))
    }

    /// New-ExchangeCertificate (spec §3.1). The key is generated and the SMTP replacement
    /// question (spec §3.4.1) is asked before the store's write lock is taken, so a slow key or
    /// a slow answer never blocks another shell; the transaction then makes the same certificate
    /// from the prepared key and serial. The request file (`-Path`) is written inside the
    /// transaction and removed again if the transaction fails.
    ///
    /// # Errors
    /// [`NewCertificateError`].
    pub fn new_certificate(
        &mut self,
        options: &NewCertificateOptions,
        generators: &mut Generators<'_>,
        now: OffsetDateTime,
        answer: ReplaceSmtpAnswer<'_>,
    ) -> Result<NewCertificateOutcome, NewCertificateError> {
        let generation = |error: &dyn std::fmt::Display| NewCertificateError::Generation {
            reason: error.to_string(),
        };
        let (names, question) = self.read(|state| {
            Ok::<_, NewCertificateError>((
                preview_names(state, options)?,
                pending_smtp_question(state, options),
            ))
        })?;
        let key = generators
            .keys
            .generate_rsa(names.key_size)
            .map_err(|e| generation(&e))?;
        // 64 bytes cover the serials of a certificate and of a request's placeholder.
        let random = PreparedRandom::draw(generators.random, 64).map_err(|e| generation(&e))?;
        let mut answered: Option<(ReplaceSmtpCertificate, bool)> = None;
        if let Some((current, current_expires)) = question {
            let made = make_self_signed(
                &names,
                &mut Generators {
                    keys: &mut PreparedKey(Some(key.clone())),
                    random: &mut random.clone(),
                },
                now,
            )?;
            let asked = ReplaceSmtpCertificate {
                current,
                current_expires,
                replacement: made.certificate.thumbprint(),
                replacement_expires: made.certificate.not_after(),
            };
            let reply = answer(&asked).ok_or(EnableCertificateError::QuestionUnanswered)?;
            answered = Some((asked, reply));
        }
        let mut written: Option<PathBuf> = None;
        let result = self.change(now, |state| {
            let mut keys = PreparedKey(Some(key));
            let mut replay = random;
            let mut generators = Generators {
                keys: &mut keys,
                random: &mut replay,
            };
            new_certificate(
                state,
                options,
                &mut generators,
                now,
                // The question was answered above; a different question (another shell
                // changed the default certificate meanwhile) fails the operation.
                &mut |question| match &answered {
                    Some((asked, reply)) if asked == question => Some(*reply),
                    _ => None,
                },
                &mut |path, bytes, force| {
                    write_new_file(path, bytes, force)?;
                    written = Some(path.clone());
                    Ok(())
                },
            )
        });
        if result.is_err()
            && let Some(path) = written
        {
            // The file belongs to a request that was never stored; a failed removal leaves a
            // stray file, which is harmless.
            let _ = std::fs::remove_file(path);
        }
        result
    }

    /// The names New-ExchangeCertificate would use (for its confirmation message), without
    /// changing anything.
    ///
    /// # Errors
    /// The naming errors of [`NewCertificateError`].
    pub fn preview_names(
        &mut self,
        options: &NewCertificateOptions,
    ) -> Result<ResolvedNames, NewCertificateError> {
        self.read(|state| preview_names(state, options))
    }

    /// Get-ExchangeCertificate (spec §3.2): personal certificates and pending requests, newest
    /// NotBefore first, filtered by thumbprint and domain names.
    ///
    /// # Errors
    /// [`GetCertificateError::NotFound`] when `-Thumbprint` names nothing (or nothing that
    /// matches `-DomainName`).
    pub fn get_certificates(
        &mut self,
        query: &CertificateQuery,
        now: OffsetDateTime,
    ) -> Result<Vec<ExchangeCertificate>, GetCertificateError> {
        // Read in one transaction, evaluated outside it: CRL fetches (design.md §6a) never hold
        // the store's write lock; what was fetched goes into the CRL cache afterwards.
        let state = self.read(|state| Ok::<_, GetCertificateError>(state.clone()))?;
        let state = &state;
        {
            let evaluator = Evaluator::new(state);
            let mut all: Vec<ExchangeCertificate> = state
                .personal
                .iter()
                .filter(|entry| {
                    query
                        .thumbprint
                        .is_none_or(|t| entry.certificate.thumbprint() == t)
                })
                .map(|entry| evaluator.personal(entry, now))
                .chain(
                    state
                        .requests
                        .iter()
                        .filter(|entry| {
                            query
                                .thumbprint
                                .is_none_or(|t| entry.placeholder.thumbprint() == t)
                        })
                        .map(|entry| evaluator.request(entry)),
                )
                .filter(|certificate| {
                    query.domain_names.is_empty()
                        || matches_any_domain(&certificate.certificate_domains, &query.domain_names)
                })
                .collect();
            // Spec §3.2: newest NotBefore first (a stable sort keeps store order for ties).
            all.sort_by_key(|certificate| std::cmp::Reverse(certificate.certificate.not_before()));
            if let Some(thumbprint) = query.thumbprint
                && all.is_empty()
            {
                return Err(GetCertificateError::NotFound { thumbprint });
            }
            let fetched = evaluator.fetched_crls();
            if !fetched.is_empty() {
                self.store.transaction(|transaction| {
                    crate::crl_fetch::store_fetched(transaction, &fetched)
                })?;
            }
            Ok(all)
        }
    }

    /// One certificate or request by thumbprint.
    ///
    /// # Errors
    /// [`GetCertificateError::NotFound`].
    pub fn certificate(
        &mut self,
        thumbprint: Thumbprint,
        now: OffsetDateTime,
    ) -> Result<ExchangeCertificate, GetCertificateError> {
        let query = CertificateQuery {
            thumbprint: Some(thumbprint),
            domain_names: Vec::new(),
        };
        let mut found = self.get_certificates(&query, now)?;
        found
            .pop()
            .ok_or(GetCertificateError::NotFound { thumbprint })
    }

    /// Import-ExchangeCertificate (spec §3.3) from bytes; returns the imported certificate.
    ///
    /// # Errors
    /// [`ImportCertificateError`].
    pub fn import_certificate(
        &mut self,
        data: &[u8],
        password: Option<&str>,
        friendly_name: Option<&str>,
        private_key_exportable: bool,
        now: OffsetDateTime,
    ) -> Result<ExchangeCertificate, ImportCertificateError> {
        self.change(now, |state| {
            let thumbprint =
                import_certificate(state, data, password, friendly_name, private_key_exportable)?;
            let evaluator = Evaluator::new(state);
            let entry = state
                .personal(thumbprint)
                .ok_or(ImportCertificateError::DataInvalid)?;
            let view = evaluator.personal(entry, now);
            // Spec §3.3 step 1: a CA's answer whose chain ends in an untrusted root is refused;
            // a PKCS #12 file (step 2) is installed whatever its chain.
            let completes_request = matches!(
                crate::import_data::decode_import_data(data),
                Ok(ImportData::Certificates(_))
            );
            if completes_request && view.status == cert_model::Status::Untrusted {
                return Err(ImportCertificateError::UntrustedRoot);
            }
            Ok(view)
        })
    }

    /// Import-ExchangeCertificate -Path: reads the file, then imports it.
    ///
    /// # Errors
    /// [`ImportCertificateError::ReadFile`] and the errors of [`Server::import_certificate`].
    pub fn import_certificate_file(
        &mut self,
        path: &Path,
        password: Option<&str>,
        friendly_name: Option<&str>,
        private_key_exportable: bool,
        now: OffsetDateTime,
    ) -> Result<ExchangeCertificate, ImportCertificateError> {
        let data = std::fs::read(path).map_err(|error| ImportCertificateError::ReadFile {
            path: path.to_path_buf(),
            reason: error.to_string(),
        })?;
        self.import_certificate(&data, password, friendly_name, private_key_exportable, now)
    }

    /// Enable-ExchangeCertificate (spec §3.4).
    ///
    /// # Errors
    /// [`EnableCertificateError`].
    pub fn enable_certificate(
        &mut self,
        thumbprint: Thumbprint,
        services: Option<Services>,
        force: bool,
        answer: ReplaceSmtpAnswer<'_>,
        now: OffsetDateTime,
    ) -> Result<Vec<OperationWarning>, EnableCertificateError> {
        self.change(now, |state| {
            enable_certificate(state, thumbprint, services, force, answer)
        })
    }

    /// Export-ExchangeCertificate (spec §3.5): the file contents.
    ///
    /// # Errors
    /// [`ExportCertificateError`].
    pub fn export_certificate(
        &mut self,
        options: &ExportOptions,
    ) -> Result<ExportedCertificate, ExportCertificateError> {
        self.read(|state| export_certificate(state, options))
    }

    /// Export-ExchangeCertificate -Path: writes the file (refusing to overwrite unless
    /// `force`).
    ///
    /// # Errors
    /// [`ExportCertificateError::WriteFile`] and the errors of [`Server::export_certificate`].
    pub fn export_certificate_file(
        &mut self,
        options: &ExportOptions,
        path: &Path,
        force: bool,
    ) -> Result<ExportedCertificate, ExportCertificateError> {
        let exported = self.export_certificate(options)?;
        write_new_file(path, &exported.data, force).map_err(|reason| {
            ExportCertificateError::WriteFile {
                path: path.to_path_buf(),
                reason,
            }
        })?;
        Ok(exported)
    }

    /// Remove-ExchangeCertificate (spec §3.6).
    ///
    /// # Errors
    /// [`RemoveCertificateError`].
    pub fn remove_certificate(
        &mut self,
        thumbprint: Thumbprint,
        now: OffsetDateTime,
    ) -> Result<(), RemoveCertificateError> {
        self.change(now, |state| remove_certificate(state, thumbprint))
    }

    /// Get-POPSettings / Get-IMAPSettings.
    ///
    /// # Errors
    /// [`ConfigureServerError::Store`].
    pub fn protocol_settings(
        &mut self,
        protocol: Protocol,
    ) -> Result<ProtocolSettings, ConfigureServerError> {
        self.read(|state| Ok(state.protocol(protocol).clone()))
    }

    /// Set-POPSettings / Set-IMAPSettings (spec §3.7): `X509CertificateName` must be a DNS host
    /// name, not a wildcard.
    ///
    /// # Errors
    /// [`ConfigureServerError::InvalidCertificateName`].
    pub fn set_protocol_settings(
        &mut self,
        protocol: Protocol,
        changes: &ProtocolSettingsChanges,
        now: OffsetDateTime,
    ) -> Result<(), ConfigureServerError> {
        if let Some(Some(name)) = &changes.x509_certificate_name
            && !is_valid_host_name(name)
        {
            return Err(ConfigureServerError::InvalidCertificateName { name: name.clone() });
        }
        self.change(now, |state| {
            let settings = state.protocol_mut(protocol);
            if let Some(name) = &changes.x509_certificate_name {
                settings.x509_certificate_name = name.clone();
            }
            if let Some(login_type) = changes.login_type {
                settings.login_type = login_type;
            }
            if let Some(bindings) = &changes.unencrypted_or_tls_bindings {
                settings.unencrypted_or_tls_bindings = bindings.clone();
            }
            if let Some(bindings) = &changes.ssl_bindings {
                settings.ssl_bindings = bindings.clone();
            }
            if let Some(banner) = &changes.banner {
                settings.banner = banner.clone();
            }
            Ok(())
        })
    }

    /// Get-ReceiveConnector / Get-SendConnector: the connectors of `kind`.
    ///
    /// # Errors
    /// [`ConfigureServerError::Store`].
    pub fn connectors(
        &mut self,
        kind: ConnectorKind,
    ) -> Result<Vec<Connector>, ConfigureServerError> {
        self.read(|state| {
            Ok(state
                .connectors
                .iter()
                .filter(|connector| connector.kind == kind)
                .cloned()
                .collect())
        })
    }

    /// New-ReceiveConnector / New-SendConnector.
    ///
    /// # Errors
    /// [`ConfigureServerError::ConnectorExists`] or an invalid FQDN.
    pub fn new_connector(
        &mut self,
        connector: Connector,
        now: OffsetDateTime,
    ) -> Result<Connector, ConfigureServerError> {
        check_fqdn(connector.fqdn.as_deref())?;
        self.change(now, |state| {
            let exists = state.connectors.iter().any(|other| {
                other.kind == connector.kind && other.name.eq_ignore_ascii_case(&connector.name)
            });
            if exists {
                return Err(ConfigureServerError::ConnectorExists {
                    name: connector.name.clone(),
                });
            }
            state.connectors.push(connector.clone());
            Ok(connector)
        })
    }

    /// Set-ReceiveConnector / Set-SendConnector. `identity` is the connector name, optionally
    /// prefixed with the server name (`EXCH01\Default EXCH01`).
    ///
    /// # Errors
    /// [`ConfigureServerError::ConnectorNotFound`] or an invalid FQDN.
    pub fn set_connector(
        &mut self,
        kind: ConnectorKind,
        identity: &str,
        changes: &ConnectorChanges,
        now: OffsetDateTime,
    ) -> Result<Connector, ConfigureServerError> {
        if let Some(fqdn) = &changes.fqdn {
            check_fqdn(fqdn.as_deref())?;
        }
        let server_name = self.name.clone();
        self.change(now, |state| {
            let name = connector_name(identity, &server_name);
            let connector = state
                .connectors
                .iter_mut()
                .find(|connector| {
                    connector.kind == kind && connector.name.eq_ignore_ascii_case(name)
                })
                .ok_or_else(|| ConfigureServerError::ConnectorNotFound {
                    identity: identity.to_owned(),
                })?;
            if let Some(fqdn) = &changes.fqdn {
                connector.fqdn = fqdn.clone();
            }
            if let Some(enabled) = changes.enabled {
                connector.enabled = enabled;
            }
            if let Some(bindings) = &changes.bindings {
                connector.bindings = bindings.clone();
            }
            if let Some(spaces) = &changes.address_spaces {
                connector.address_spaces = spaces.clone();
            }
            Ok(connector.clone())
        })
    }

    /// Adds a root CA certificate to a trusted root store (`Cert:\LocalMachine\Root` is
    /// `Registry`, `AuthRoot` is `ThirdParty`…; spec §1.1); `false` when it was already there.
    ///
    /// # Errors
    /// [`ConfigureServerError::Store`].
    pub fn add_trusted_root(
        &mut self,
        certificate: Certificate,
        category: RootCaType,
        now: OffsetDateTime,
    ) -> Result<bool, ConfigureServerError> {
        self.change(now, |state| {
            let root = TrustedRoot {
                certificate,
                category,
            };
            if state.roots.contains(&root) {
                return Ok(false);
            }
            state.roots.push(root);
            Ok(true)
        })
    }

    /// Adds an intermediate CA certificate (`Cert:\LocalMachine\CA`); `false` when known.
    ///
    /// # Errors
    /// [`ConfigureServerError::Store`].
    pub fn add_intermediate(
        &mut self,
        certificate: Certificate,
        now: OffsetDateTime,
    ) -> Result<bool, ConfigureServerError> {
        self.change(now, |state| {
            if state.intermediates.contains(&certificate) {
                return Ok(false);
            }
            state.intermediates.push(certificate);
            Ok(true)
        })
    }

    /// Adds a CRL (imported into `Cert:\LocalMachine\CA`, design.md §6a); `false` when known.
    ///
    /// # Errors
    /// [`ConfigureServerError::Store`].
    pub fn add_crl(&mut self, crl: Crl, now: OffsetDateTime) -> Result<bool, ConfigureServerError> {
        self.change(now, |state| {
            if state.crls.contains(&crl) {
                return Ok(false);
            }
            state.crls.push(crl);
            Ok(true)
        })
    }

    /// Get-ExchangeServer: the server configuration.
    ///
    /// # Errors
    /// [`ConfigureServerError::Store`].
    pub fn config(&mut self) -> Result<ServerConfig, ConfigureServerError> {
        self.read(|state| Ok(state.config.clone()))
    }

    /// Set-ExchangeServer: the proxy (as [`Server::set_internet_web_proxy`]), the roles and the
    /// RTM/SP1 compatibility mode, in one transaction.
    ///
    /// # Errors
    /// [`ConfigureServerError::InvalidProxy`].
    pub fn set_server(
        &mut self,
        changes: &ServerChanges,
        now: OffsetDateTime,
    ) -> Result<(), ConfigureServerError> {
        if let Some(Some(url)) = &changes.internet_web_proxy
            && !is_proxy_url(url)
        {
            return Err(ConfigureServerError::InvalidProxy { url: url.clone() });
        }
        self.change(now, |state| {
            if let Some(proxy) = &changes.internet_web_proxy {
                state.config.internet_web_proxy = proxy.clone();
            }
            if let Some(roles) = &changes.roles {
                let mut roles = roles.clone();
                roles.sort();
                roles.dedup();
                state.config.roles = roles;
            }
            if let Some(rtm_mode) = changes.rtm_mode {
                state.config.rtm_mode = rtm_mode;
            }
            Ok(())
        })
    }

    /// Set-ExchangeServer -InternetWebProxy (design.md §6a): `http://host:port`, or `None` to
    /// clear it.
    ///
    /// # Errors
    /// [`ConfigureServerError::InvalidProxy`].
    pub fn set_internet_web_proxy(
        &mut self,
        proxy: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<(), ConfigureServerError> {
        if let Some(url) = proxy
            && !is_proxy_url(url)
        {
            return Err(ConfigureServerError::InvalidProxy {
                url: url.to_owned(),
            });
        }
        self.change(now, |state| {
            state.config.internet_web_proxy = proxy.map(str::to_owned);
            Ok(())
        })
    }
}

/// Set-ExchangeServer changes (design.md §6: "a way to set roles and RTM/SP1 mode").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ServerChanges {
    /// `-InternetWebProxy` (`Some(None)` clears it).
    pub internet_web_proxy: Option<Option<String>>,
    /// `-ServerRole`: the installed roles.
    pub roles: Option<Vec<ServerRole>>,
    /// `-CompatibilityMode`: Exchange 2007 RTM behaviour when true, SP1+ when false.
    pub rtm_mode: Option<bool>,
}

/// `EXCH01\Default EXCH01` → `Default EXCH01` when the prefix is this server.
fn connector_name<'a>(identity: &'a str, server: &str) -> &'a str {
    match identity.split_once('\\') {
        Some((prefix, name)) if prefix.eq_ignore_ascii_case(server) => name,
        _ => identity,
    }
}

fn check_fqdn(fqdn: Option<&str>) -> Result<(), ConfigureServerError> {
    match fqdn {
        Some(name) if !is_valid_host_name(name) => Err(ConfigureServerError::InvalidFqdn {
            name: name.to_owned(),
        }),
        _ => Ok(()),
    }
}

/// `http://host:port` with a DNS host name or IPv4 address and a port (design.md §6a).
fn is_proxy_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let rest = rest.trim_end_matches('/');
    let Some((host, port)) = rest.rsplit_once(':') else {
        return false;
    };
    is_valid_host_name(host) && port.parse::<u16>().is_ok_and(|port| port > 0)
}

/// Writes `bytes` to a new file; an existing file is replaced only with `overwrite`.
fn write_new_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), String> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if overwrite {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|error| error.to_string())?;
    file.write_all(bytes).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s6a_proxy_urls_are_http_host_port() {
        assert!(is_proxy_url("http://proxy.contoso.com:8080"));
        assert!(is_proxy_url("http://10.0.0.1:3128/"));
        assert!(!is_proxy_url("https://proxy:8080"));
        assert!(!is_proxy_url("http://proxy"));
        assert!(!is_proxy_url("http://proxy:0"));
    }

    #[test]
    fn s3_8_connector_identity_may_carry_the_server_name() {
        assert_eq!(
            connector_name("EXCH01\\Default EXCH01", "exch01"),
            "Default EXCH01"
        );
        assert_eq!(connector_name("Internet", "EXCH01"), "Internet");
    }
}
