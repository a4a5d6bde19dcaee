//! Import-Certificate into the machine's trust stores (design.md §6: `Root` = Registry,
//! `Root\.GroupPolicy`, `Root\.Enterprise`, `AuthRoot` = ThirdParty, `CA` = intermediates and
//! CRLs), as the Windows PKI module does.

use cert_model::{Certificate, Crl, RootCaType};
use exchange_server::{ImportData, TrustLocation, decode_import_data};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::get_child_item::{CertStore, certificate_object};
use super::{AppState, errors, server_of};

/// Imports certificates (or CRLs) into `Cert:\LocalMachine\…` trust stores.
pub struct ImportCertificate;

/// Where a `-CertStoreLocation` puts things.
#[derive(Clone, Copy)]
enum TrustStore {
    Root(RootCaType),
    Intermediate,
}

impl TrustStore {
    /// The `Cert:\\LocalMachine` store this is (for the objects written).
    fn drive_store(self) -> CertStore {
        let location = match self {
            TrustStore::Root(RootCaType::GroupPolicy) => TrustLocation::RootGroupPolicy,
            TrustStore::Root(RootCaType::Enterprise) => TrustLocation::RootEnterprise,
            TrustStore::Root(RootCaType::ThirdParty) => TrustLocation::AuthRoot,
            TrustStore::Root(_) => TrustLocation::Root,
            TrustStore::Intermediate => TrustLocation::Ca,
        };
        CertStore::Trust(location)
    }
}

fn trust_store(location: &str) -> Option<TrustStore> {
    let normalised = location
        .trim()
        .replace('/', "\\")
        .trim_end_matches('\\')
        .to_ascii_lowercase();
    let path = normalised.strip_prefix("cert:\\localmachine\\")?;
    match path {
        "root" => Some(TrustStore::Root(RootCaType::Registry)),
        "root\\.grouppolicy" => Some(TrustStore::Root(RootCaType::GroupPolicy)),
        "root\\.enterprise" => Some(TrustStore::Root(RootCaType::Enterprise)),
        "authroot" => Some(TrustStore::Root(RootCaType::ThirdParty)),
        "ca" => Some(TrustStore::Intermediate),
        _ => None,
    }
}

/// The certificates of a file: PEM (certificate and PKCS7 blocks), DER, Base64, or a PKCS #7
/// bundle (`.p7b`), as the PKI module reads them. A PFX is refused: its key belongs to
/// Import-ExchangeCertificate.
fn certificates_of(data: &[u8]) -> Result<Vec<Certificate>, String> {
    match decode_import_data(data) {
        Ok(ImportData::Certificates(ders)) => ders
            .iter()
            .map(|der| Certificate::from_der(der).map_err(|error| error.to_string()))
            .collect(),
        Ok(ImportData::Pkcs12(_)) => Err(
            "it is a PKCS #12 (PFX) file; certificates with keys go in with \
             Import-ExchangeCertificate"
                .to_owned(),
        ),
        Err(_) => Certificate::parse_any(data).map_err(|error| error.to_string()),
    }
}

impl Cmdlet<AppState> for ImportCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Import-Certificate")
            .summary("Imports CA certificates or CRLs into a Cert:\\LocalMachine trust store.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(
                Param::new("FilePath", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("CertStoreLocation", Kind::String).mandatory())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Import-Certificate -FilePath C:\\ca.cer -CertStoreLocation Cert:\\LocalMachine\\My",
            summary: "The personal store is Import-ExchangeCertificate's: this is refused.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let path: String = call.get("FilePath")?;
        let location: String = call.get("CertStoreLocation")?;
        let Some(store) = trust_store(&location) else {
            cx.write_error(
                errors::record(
                    "UnsupportedCertStoreLocation",
                    format!(
                        "The store '{location}' is not a trust store of this computer. Use \
                         Cert:\\LocalMachine\\Root, AuthRoot, Root\\.GroupPolicy, Root\\.Enterprise \
                         or CA; certificates with keys go in with Import-ExchangeCertificate."
                    ),
                )
                .with_span(call.span_of("CertStoreLocation")),
            );
            return Ok(());
        };
        let data = match std::fs::read(shell_engine::file_path(&path)) {
            Ok(data) => data,
            Err(error) => {
                cx.write_error(
                    errors::record(
                        "ImportCertificateFileInvalid",
                        super::messages::import_file_invalid(&error.to_string()),
                    )
                    .with_span(call.span_of("FilePath")),
                );
                return Ok(());
            }
        };
        if !cx.should_process(&path, "Import certificate")? {
            return Ok(());
        }
        let now = cx.now();
        let server = server_of(cx);
        match certificates_of(&data) {
            Ok(certificates) => {
                for certificate in certificates {
                    let result = match store {
                        TrustStore::Root(category) => {
                            server
                                .borrow_mut()
                                .add_trusted_root(certificate.clone(), category, now)
                        }
                        TrustStore::Intermediate => server
                            .borrow_mut()
                            .add_intermediate(certificate.clone(), now),
                    };
                    match result {
                        Ok(_) => {
                            cx.write_output(certificate_object(&certificate, store.drive_store()))
                        }
                        Err(error) => cx.write_error(errors::configure(&error, call.span)),
                    }
                }
            }
            Err(certificate_error) => match (store, Crl::parse_any(&data)) {
                (TrustStore::Intermediate, Ok(crls)) => {
                    for crl in crls {
                        if let Err(error) = server.borrow_mut().add_crl(crl, now) {
                            cx.write_error(errors::configure(&error, call.span));
                        }
                    }
                }
                _ => cx.write_error(
                    errors::record(
                        "ImportCertificateDataInvalid",
                        format!("The file '{path}' holds no certificate: {certificate_error}."),
                    )
                    .with_span(call.span_of("FilePath")),
                ),
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s6_cert_store_locations_map_to_root_types() {
        assert!(matches!(
            trust_store("Cert:\\LocalMachine\\Root"),
            Some(TrustStore::Root(RootCaType::Registry))
        ));
        assert!(matches!(
            trust_store("cert:/localmachine/authroot/"),
            Some(TrustStore::Root(RootCaType::ThirdParty))
        ));
        assert!(matches!(
            trust_store("Cert:\\LocalMachine\\CA"),
            Some(TrustStore::Intermediate)
        ));
        assert!(trust_store("Cert:\\LocalMachine\\My").is_none());
        assert!(trust_store("C:\\temp").is_none());
    }
}
