//! The certificate operations over an in-memory [`ServerState`] (spec §3.1–§3.6). The store
//! layer (`server.rs`) loads the state in a transaction, runs one of these, and writes the
//! state back only when it succeeded.

use std::path::PathBuf;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use cert_generation::{PfxProtection, PrivateKey, export_pfx, import_pfx};
use cert_model::{Certificate, PublicKeyAlgorithm, Services, Thumbprint};
use time::OffsetDateTime;

use crate::domain_name::{domain_matches, is_valid_host_name};
use crate::error::{
    EnableCertificateError, ExportCertificateError, ImportCertificateError, NewCertificateError,
    RemoveCertificateError, UnusableReason,
};
use crate::generate::{Generators, make_request, make_self_signed};
use crate::import_data::{ImportData, decode_import_data};
use crate::model::{PersonalEntry, Protocol, RequestEntry, ServerState};
use crate::names::{
    CloneSource, DEFAULT_FRIENDLY_NAME, HostNames, MAX_FRIENDLY_NAME_LENGTH, NameInputs,
    NameWarning, resolve_names,
};
use crate::request_file::{RequestEncoding, encode_request};
use crate::roles::{ServerRole, roles_support};
use crate::warning::{OperationWarning, ReplaceSmtpCertificate};

/// Answers the "replace the default SMTP certificate?" question (spec §3.4.1): the shell asks
/// the host; tests answer directly. `-Force` answers yes without calling it. `None` means the
/// question could not be asked (no terminal): the operation then fails and changes nothing.
pub type ReplaceSmtpAnswer<'a> = &'a mut dyn FnMut(&ReplaceSmtpCertificate) -> Option<bool>;

/// Writes a request file: `(path, bytes, overwrite)`; the error text says why it failed.
pub type WriteRequestFile<'a> = &'a mut dyn FnMut(&PathBuf, &[u8], bool) -> Result<(), String>;

/// The parameters of New-ExchangeCertificate (spec §3.1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewCertificateOptions {
    /// `-DomainName`, `-SubjectName`, `-FriendlyName`, `-KeySize`, `-IncludeAcceptedDomains`,
    /// `-IncludeAutoDiscover`.
    pub names: NameInputs,
    /// `-PrivateKeyExportable`.
    pub private_key_exportable: bool,
    /// `-Services` (self-signed set only).
    pub services: Option<Services>,
    /// `-Instance`: the certificate to clone.
    pub instance: Option<Thumbprint>,
    /// `-GenerateRequest`.
    pub generate_request: bool,
    /// `-Path` (request set only).
    pub path: Option<PathBuf>,
    /// `-BinaryEncoded` (request set only).
    pub binary_encoded: bool,
    /// `-Force`: overwrite the request file and answer the SMTP question with yes.
    pub force: bool,
}

/// What New-ExchangeCertificate made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCertificateOutcome {
    /// The new certificate's (or request placeholder's) thumbprint.
    pub thumbprint: Thumbprint,
    /// Warnings to show.
    pub warnings: Vec<OperationWarning>,
}

/// Checks the parameter-set rules of spec §3.1 before anything else.
fn check_new_parameter_sets(options: &NewCertificateOptions) -> Result<(), NewCertificateError> {
    if options.generate_request && options.services.is_some() {
        return Err(NewCertificateError::ConflictingParameterSets);
    }
    if !options.generate_request {
        if options.binary_encoded {
            return Err(NewCertificateError::RequestArgumentWithoutRequest {
                argument: "BinaryEncoded",
            });
        }
        if options.path.is_some() {
            return Err(NewCertificateError::RequestArgumentWithoutRequest { argument: "Path" });
        }
    }
    Ok(())
}

/// The host facts name resolution needs.
fn host_names(state: &ServerState) -> HostNames {
    HostNames {
        host_name: state.config.name.clone(),
        fqdn: state.config.fqdn.clone(),
        accepted_domains: state.config.accepted_domains.clone(),
        client_access: state.config.roles.contains(&ServerRole::ClientAccess),
    }
}

/// The clone source of `-Instance`: a personal certificate or a pending request.
fn clone_source(state: &ServerState, thumbprint: Thumbprint) -> Option<CloneSource> {
    let (certificate, friendly_name) = match state.personal(thumbprint) {
        Some(entry) => (&entry.certificate, &entry.friendly_name),
        None => {
            let request = state.request(thumbprint)?;
            (&request.placeholder, &request.friendly_name)
        }
    };
    Some(CloneSource {
        domains: certificate.certificate_domains(),
        subject: certificate.subject().clone(),
        friendly_name: friendly_name.clone(),
        key_bits: certificate.public_key_size(),
    })
}

/// The names New-ExchangeCertificate would use, after its parameter-set checks.
///
/// # Errors
/// The parameter-set and naming errors of [`NewCertificateError`].
pub fn preview_names(
    state: &ServerState,
    options: &NewCertificateOptions,
) -> Result<crate::names::ResolvedNames, NewCertificateError> {
    check_new_parameter_sets(options)?;
    let source = match options.instance {
        Some(thumbprint) => Some(
            clone_source(state, thumbprint)
                .ok_or(NewCertificateError::SourceNotFound { thumbprint })?,
        ),
        None => None,
    };
    resolve_names(&options.names, &host_names(state), source.as_ref())
}

/// New-ExchangeCertificate (spec §3.1): resolves names, makes a self-signed certificate (and
/// enables its services, SMTP by default) or a request (written to `-Path` when given).
///
/// The request file is written by the caller-supplied `write_file(path, bytes, overwrite)` so
/// that the store layer can remove it again if the transaction fails.
///
/// # Errors
/// [`NewCertificateError`]: parameter sets, names, key size, generation, the request file, or
/// the errors of enabling the services.
pub fn new_certificate(
    state: &mut ServerState,
    options: &NewCertificateOptions,
    generators: &mut Generators<'_>,
    now: OffsetDateTime,
    answer: ReplaceSmtpAnswer<'_>,
    write_file: WriteRequestFile<'_>,
) -> Result<NewCertificateOutcome, NewCertificateError> {
    check_new_parameter_sets(options)?;
    let source = match options.instance {
        Some(thumbprint) => Some(
            clone_source(state, thumbprint)
                .ok_or(NewCertificateError::SourceNotFound { thumbprint })?,
        ),
        None => None,
    };
    let names = resolve_names(&options.names, &host_names(state), source.as_ref())?;
    let mut warnings: Vec<OperationWarning> = names
        .warnings
        .iter()
        .map(|warning| match warning {
            NameWarning::AutoDiscoverOnlyOnClientAccess => {
                OperationWarning::AutoDiscoverOnlyOnClientAccess
            }
        })
        .collect();
    if options.generate_request {
        let made = make_request(&names, generators, now)?;
        let thumbprint = made.placeholder.thumbprint();
        if let Some(path) = &options.path {
            let encoding = if options.binary_encoded {
                RequestEncoding::Binary
            } else {
                RequestEncoding::Base64
            };
            write_file(
                path,
                &encode_request(&made.request_der, encoding),
                options.force,
            )
            .map_err(|reason| NewCertificateError::RequestFile {
                path: path.clone(),
                reason,
            })?;
        }
        state.requests.push(RequestEntry {
            placeholder: made.placeholder,
            request_der: made.request_der,
            key: made.key,
            exportable: options.private_key_exportable,
            friendly_name: names.friendly_name,
        });
        return Ok(NewCertificateOutcome {
            thumbprint,
            warnings,
        });
    }
    let made = make_self_signed(&names, generators, now)?;
    let thumbprint = made.certificate.thumbprint();
    state.personal.push(PersonalEntry {
        certificate: made.certificate,
        key: Some(made.key),
        exportable: options.private_key_exportable,
        friendly_name: names.friendly_name,
        services: Services::NONE,
        network_service_access: false,
    });
    // Spec §3.1 "Services": the effective default is SMTP (plus what §1.7 derives); only the
    // services whose role is installed are applied by default.
    let services = match options.services {
        Some(services) => services,
        None if roles_support(&state.config.roles, Services::SMTP) => Services::SMTP,
        None => Services::NONE,
    };
    let mut enable_warnings =
        enable_certificate(state, thumbprint, Some(services), options.force, answer)?;
    warnings.append(&mut enable_warnings);
    Ok(NewCertificateOutcome {
        thumbprint,
        warnings,
    })
}

/// The certificate a new self-signed certificate would have to replace as the internal
/// transport certificate, with its NotAfter: the "replace the default SMTP certificate?"
/// question New-ExchangeCertificate will ask (spec §3.4.1), if any.
pub(crate) fn pending_smtp_question(
    state: &ServerState,
    options: &NewCertificateOptions,
) -> Option<(Thumbprint, OffsetDateTime)> {
    if options.generate_request || options.force {
        return None;
    }
    let services = match options.services {
        Some(services) => services,
        None if roles_support(&state.config.roles, Services::SMTP) => Services::SMTP,
        None => Services::NONE,
    };
    if !services.contains(Services::SMTP) {
        return None;
    }
    let current = state.config.internal_transport_certificate?;
    let entry = state.personal(current)?;
    Some((current, entry.certificate.not_after()))
}

/// Why a personal certificate cannot be used by Exchange (spec §3.4 pre-check 3), if it cannot.
pub fn unusable_reason(entry: &PersonalEntry) -> Option<UnusableReason> {
    let certificate = &entry.certificate;
    if entry.key.is_none() {
        return Some(UnusableReason::PrivateKeyMissing);
    }
    if !matches!(
        certificate.public_key().algorithm(),
        PublicKeyAlgorithm::Rsa
    ) {
        return Some(UnusableReason::KeyAlgorithmUnsupported);
    }
    if !certificate.extensions().allows_server_auth() {
        return Some(UnusableReason::PkixKpServerAuthNotFoundInEnhancedKeyUsage);
    }
    if certificate.public_key_size() < 1024 {
        return Some(UnusableReason::PublicKeyUnsupportedSize);
    }
    None
}

/// Enable-ExchangeCertificate (spec §3.4): checks, then applies each service's side effects.
/// `services` `None` re-applies the services already recorded (spec §3.4 2007 recommendation).
///
/// # Errors
/// [`EnableCertificateError`] when a role is missing, the certificate is not in the personal
/// store, or it is not usable by Exchange.
pub fn enable_certificate(
    state: &mut ServerState,
    thumbprint: Thumbprint,
    services: Option<Services>,
    force: bool,
    answer: ReplaceSmtpAnswer<'_>,
) -> Result<Vec<OperationWarning>, EnableCertificateError> {
    // Pre-check 1: roles.
    if let Some(services) = services
        && !roles_support(&state.config.roles, services)
    {
        return Err(EnableCertificateError::ServiceNotInstalled);
    }
    // Pre-check 2: the personal store only; a pending request is "not found".
    let entry = state
        .personal(thumbprint)
        .ok_or(EnableCertificateError::NotFound { thumbprint })?;
    let services = services.unwrap_or(entry.services);
    if !roles_support(&state.config.roles, services) {
        return Err(EnableCertificateError::ServiceNotInstalled);
    }
    // Pre-check 3: usable by Exchange.
    if let Some(reason) = unusable_reason(entry) {
        return Err(EnableCertificateError::NotValidForExchange { thumbprint, reason });
    }
    let domains = entry.certificate.certificate_domains();
    let subject = entry.certificate.subject().to_string();
    let not_after = entry.certificate.not_after();
    let mut warnings = Vec::new();
    for (flag, protocol) in [
        (Services::POP, Protocol::Pop3),
        (Services::IMAP, Protocol::Imap4),
    ] {
        if !services.contains(flag) {
            continue;
        }
        // Spec §3.4 POP/IMAP: X509CertificateName becomes the first CertificateDomains entry;
        // a wildcard or missing name leaves it unchanged with a warning.
        match domains.first().filter(|name| is_valid_host_name(name)) {
            Some(name) => state.protocol_mut(protocol).x509_certificate_name = Some(name.clone()),
            None => warnings.push(OperationWarning::InvalidCertificateForProtocol {
                thumbprint,
                subject: subject.clone(),
                protocol,
            }),
        }
    }
    if services.contains(Services::IIS) {
        // Seed §IIS: the default web site only.
        state.config.iis_certificate = Some(thumbprint);
    }
    if services.contains(Services::UM) {
        state.config.um_certificate = Some(thumbprint);
        let fqdn = &state.config.fqdn;
        if !domains
            .iter()
            .any(|domain| domain.eq_ignore_ascii_case(fqdn))
        {
            warnings.push(OperationWarning::UmCertificateLacksServerFqdn {
                thumbprint,
                fqdn: fqdn.clone(),
            });
        }
    }
    if services.contains(Services::SMTP) {
        replace_internal_transport_certificate(state, thumbprint, not_after, force, answer)?;
    }
    if let Some(entry) = state.personal_mut(thumbprint) {
        if services.contains(Services::SMTP) {
            // Seed §SMTP: NETWORK SERVICE gets read access to the key.
            entry.network_service_access = true;
        }
        entry.services |= services;
    }
    Ok(warnings)
}

/// Spec §3.4 SMTP: none set → set; already this one → nothing; else ask unless `force`.
fn replace_internal_transport_certificate(
    state: &mut ServerState,
    thumbprint: Thumbprint,
    not_after: OffsetDateTime,
    force: bool,
    answer: ReplaceSmtpAnswer<'_>,
) -> Result<(), EnableCertificateError> {
    let current = state.config.internal_transport_certificate;
    let current_entry = current.and_then(|current| state.personal(current));
    let replace = match (current, current_entry) {
        (Some(current), _) if current == thumbprint => false,
        (_, None) => true,
        (Some(_), Some(_)) if force => true,
        (Some(current), Some(entry)) => answer(&ReplaceSmtpCertificate {
            current,
            current_expires: entry.certificate.not_after(),
            replacement: thumbprint,
            replacement_expires: not_after,
        })
        .ok_or(EnableCertificateError::QuestionUnanswered)?,
        (None, Some(_)) => true,
    };
    if replace {
        state.config.internal_transport_certificate = Some(thumbprint);
    }
    Ok(())
}

/// Import-ExchangeCertificate (spec §3.3): completes a pending request with the CA's answer
/// (certificate or PKCS #7 chain; design.md §8.7 error when no request matches), or installs
/// a PKCS #12 file with its key.
///
/// # Errors
/// [`ImportCertificateError`] for undecodable data, a wrong password, a duplicate or an
/// unmatched certificate.
pub fn import_certificate(
    state: &mut ServerState,
    data: &[u8],
    password: Option<&str>,
    friendly_name: Option<&str>,
    private_key_exportable: bool,
) -> Result<Thumbprint, ImportCertificateError> {
    if friendly_name.is_some_and(|name| name.chars().count() > MAX_FRIENDLY_NAME_LENGTH) {
        return Err(ImportCertificateError::FriendlyNameTooLong);
    }
    match decode_import_data(data)? {
        ImportData::Certificates(ders) => {
            let certificates = ders
                .iter()
                .map(|der| Certificate::from_der(der))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|_| ImportCertificateError::DataInvalid)?;
            complete_request(state, certificates, friendly_name)
        }
        ImportData::Pkcs12(bytes) => import_pkcs12(
            state,
            &bytes,
            password,
            friendly_name,
            private_key_exportable,
        ),
    }
}

/// Whether `certificate` carries the public half of `key`.
fn pairs_with(certificate: &Certificate, key: &PrivateKey) -> bool {
    let key_spki = key.public_key_der();
    let certificate_key = certificate.public_key();
    !key_spki.is_empty()
        && (certificate_key.spki_der() == key_spki.as_slice()
            || (!certificate_key.key_bytes().is_empty()
                && key_spki.ends_with(certificate_key.key_bytes())))
}

/// Spec §3.3 step 1: pair the CA's answer with a pending request's key.
fn complete_request(
    state: &mut ServerState,
    certificates: Vec<Certificate>,
    friendly_name: Option<&str>,
) -> Result<Thumbprint, ImportCertificateError> {
    let matched = certificates
        .iter()
        .enumerate()
        .find_map(|(index, certificate)| {
            state
                .requests
                .iter()
                .position(|request| pairs_with(certificate, &request.key))
                .map(|request_index| (index, request_index))
        });
    let Some((leaf_index, request_index)) = matched else {
        let leaf = certificates
            .iter()
            .find(|certificate| !is_ca(certificate))
            .or(certificates.first())
            .ok_or(ImportCertificateError::DataInvalid)?;
        return Err(ImportCertificateError::NoMatchingRequest {
            thumbprint: leaf.thumbprint(),
        });
    };
    let leaf = certificates[leaf_index].clone();
    let thumbprint = leaf.thumbprint();
    if state.personal(thumbprint).is_some() {
        return Err(ImportCertificateError::AlreadyExists { thumbprint });
    }
    let request = state.requests.remove(request_index);
    state.personal.push(PersonalEntry {
        certificate: leaf,
        key: Some(request.key),
        exportable: request.exportable,
        friendly_name: friendly_name.map_or(request.friendly_name, str::to_owned),
        services: Services::NONE,
        network_service_access: false,
    });
    add_intermediates(
        state,
        certificates
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != leaf_index),
    );
    Ok(thumbprint)
}

fn is_ca(certificate: &Certificate) -> bool {
    certificate
        .extensions()
        .basic_constraints()
        .is_some_and(|constraints| constraints.ca)
}

/// Installs the CA certificates of a chain that are not self-signed roots into the
/// intermediate store (roots are trusted only when put in a root store on purpose).
fn add_intermediates<'c>(
    state: &mut ServerState,
    certificates: impl Iterator<Item = (usize, &'c Certificate)>,
) {
    for (_, certificate) in certificates {
        let known = state
            .intermediates
            .iter()
            .any(|existing| existing.thumbprint() == certificate.thumbprint());
        if is_ca(certificate) && !certificate.is_self_issued() && !known {
            state.intermediates.push(certificate.clone());
        }
    }
}

/// Spec §3.3 step 2: a PKCS #12 file with its key.
fn import_pkcs12(
    state: &mut ServerState,
    bytes: &[u8],
    password: Option<&str>,
    friendly_name: Option<&str>,
    private_key_exportable: bool,
) -> Result<Thumbprint, ImportCertificateError> {
    let pfx = import_pfx(bytes, password.unwrap_or_default())
        .map_err(|_| ImportCertificateError::DataInvalid)?;
    let leaf =
        Certificate::from_der(&pfx.certificate).map_err(|_| ImportCertificateError::DataInvalid)?;
    let thumbprint = leaf.thumbprint();
    if state.personal(thumbprint).is_some() {
        return Err(ImportCertificateError::AlreadyExists { thumbprint });
    }
    // A PFX answering one of our own requests completes it as well.
    if let Some(key) = &pfx.key
        && let Some(index) = state
            .requests
            .iter()
            .position(|request| &request.key == key)
    {
        state.requests.remove(index);
    }
    state.personal.push(PersonalEntry {
        certificate: leaf,
        key: pfx.key,
        exportable: private_key_exportable,
        friendly_name: friendly_name.unwrap_or(DEFAULT_FRIENDLY_NAME).to_owned(),
        services: Services::NONE,
        network_service_access: false,
    });
    let chain: Vec<Certificate> = pfx
        .chain
        .iter()
        .filter_map(|der| Certificate::from_der(der).ok())
        .collect();
    add_intermediates(state, chain.iter().enumerate());
    Ok(thumbprint)
}

/// What Export-ExchangeCertificate produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedCertificate {
    /// The file contents: PKCS #12 (DER, or its Base64 text) or PKCS #10 (DER or PEM text).
    pub data: Vec<u8>,
    /// Whether `data` is a request rather than a PKCS #12 file.
    pub is_request: bool,
    /// Whether `data` is binary (`-BinaryEncoded`).
    pub binary: bool,
}

/// The parameters of Export-ExchangeCertificate (spec §3.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The certificate or request.
    pub thumbprint: Thumbprint,
    /// `-Password`.
    pub password: Option<String>,
    /// `-BinaryEncoded`.
    pub binary_encoded: bool,
    /// PBKDF2 iterations for the PKCS #12 file ([`PfxProtection::DEFAULT_ITERATIONS`] in the
    /// product).
    pub iterations: u32,
}

/// Export-ExchangeCertificate (spec §3.5): a certificate as PKCS #12 with its key, a pending
/// request as PKCS #10.
///
/// # Errors
/// [`ExportCertificateError`] for an unknown thumbprint, a missing or non-exportable key, or a
/// missing password.
pub fn export_certificate(
    state: &ServerState,
    options: &ExportOptions,
) -> Result<ExportedCertificate, ExportCertificateError> {
    let thumbprint = options.thumbprint;
    let binary = options.binary_encoded;
    if let Some(entry) = state.personal(thumbprint) {
        let key = entry
            .key
            .as_ref()
            .ok_or(ExportCertificateError::WithoutKey)?;
        if !entry.exportable {
            return Err(ExportCertificateError::KeyNotExportable);
        }
        let password = options
            .password
            .as_deref()
            .ok_or(ExportCertificateError::PasswordRequired)?;
        let protection = PfxProtection {
            password: password.to_owned(),
            iterations: options.iterations,
        };
        let pfx = export_pfx(
            entry.certificate.der(),
            key,
            &[],
            &protection,
            &entry.friendly_name,
        )
        .map_err(|error| ExportCertificateError::Encoding {
            reason: error.to_string(),
        })?;
        let data = if binary {
            pfx
        } else {
            STANDARD.encode(pfx).into_bytes()
        };
        return Ok(ExportedCertificate {
            data,
            is_request: false,
            binary,
        });
    }
    if let Some(request) = state.request(thumbprint) {
        if request.request_der.is_empty() {
            return Err(ExportCertificateError::MissingPkcs10);
        }
        let encoding = if binary {
            RequestEncoding::Binary
        } else {
            RequestEncoding::Base64
        };
        let data = encode_request(&request.request_der, encoding);
        return Ok(ExportedCertificate {
            data,
            is_request: true,
            binary,
        });
    }
    Err(ExportCertificateError::NotFound { thumbprint })
}

/// Remove-ExchangeCertificate (spec §3.6): personal store first, then the request store. In
/// 2007 removing the internal transport certificate is allowed; the pointers to the removed
/// certificate are cleared.
///
/// # Errors
/// [`RemoveCertificateError::NotFound`] for an unknown thumbprint.
pub fn remove_certificate(
    state: &mut ServerState,
    thumbprint: Thumbprint,
) -> Result<(), RemoveCertificateError> {
    if let Some(index) = state
        .personal
        .iter()
        .position(|entry| entry.certificate.thumbprint() == thumbprint)
    {
        state.personal.remove(index);
        let config = &mut state.config;
        for pointer in [
            &mut config.internal_transport_certificate,
            &mut config.iis_certificate,
            &mut config.um_certificate,
        ] {
            if *pointer == Some(thumbprint) {
                *pointer = None;
            }
        }
        return Ok(());
    }
    if let Some(index) = state
        .requests
        .iter()
        .position(|entry| entry.placeholder.thumbprint() == thumbprint)
    {
        state.requests.remove(index);
        return Ok(());
    }
    Err(RemoveCertificateError::NotFound { thumbprint })
}

/// Whether a certificate's domains match any of `names` (Get-ExchangeCertificate -DomainName,
/// spec §3.2: wildcard certificate names match a single label).
pub fn matches_any_domain(domains: &[String], names: &[String]) -> bool {
    names
        .iter()
        .any(|name| domains.iter().any(|domain| domain_matches(domain, name)))
}
