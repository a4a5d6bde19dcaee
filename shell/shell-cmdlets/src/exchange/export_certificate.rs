//! Export-Certificate, as the Windows PKI module has it: the public part of a certificate of
//! `Cert:\LocalMachine` (the personal store `My` or a trust store) written as DER (`-Type
//! CERT`, the default) or as a certificates-only PKCS #7 file (`-Type P7B`). This is how the
//! certificate UM uses reaches the trusted store of IP gateways and IP PBXs (spec B-105):
//! Export-ExchangeCertificate writes PKCS #12 with the key, which a gateway must not get.
//! `-Type SST` (a Windows serialized store) is not offered: nothing outside Windows reads it.

use std::rc::Rc;

use cert_model::{Certificate, Thumbprint};
use exchange_server::{TrustLocation, pkcs7_certificates_only};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, EnumType, ErrorCategory, ErrorRecord, Example, Kind,
    Param, PipelineInput, Signature, Value,
};

use super::get_child_item::{
    CertPath, CertStore, ProviderPath, file_object, item_error, provider_path, store_text,
};
use super::{AppState, server_of};

/// Writes the public certificate of a `Cert:` item (or of an Exchange certificate) to a file.
pub struct ExportCertificate;

fn cert_type() -> Rc<EnumType> {
    EnumType::new("CertType", &[("CERT", 0), ("P7B", 1)])
}

/// Where the certificate to export is looked for.
enum Wanted {
    /// A thumbprint in one store.
    InStore(CertStore, String),
    /// A thumbprint in any store (an ExchangeCertificate object: the personal store first).
    Anywhere(String),
}

/// What `-Cert` names: a `Cert:` item (object or path) or an object with a Thumbprint.
fn wanted(value: &Value) -> Option<Wanted> {
    let path = match value {
        Value::Object(_) => value
            .property("PSPath")
            .filter(|path| !path.is_null())
            .map(|path| path.to_string_form()),
        other => Some(other.to_string_form()),
    };
    if let Some(path) = path {
        return match provider_path(&path) {
            ProviderPath::Cert(Some(CertPath::Item(store, name))) => {
                Some(Wanted::InStore(store, name))
            }
            _ => None,
        };
    }
    value
        .property("Thumbprint")
        .map(|thumbprint| Wanted::Anywhere(thumbprint.to_string_form()))
}

/// The certificate `wanted` names, from the store.
fn find(cx: &mut Context<AppState>, wanted: &Wanted) -> Result<Option<Certificate>, String> {
    let (store, text) = match wanted {
        Wanted::InStore(store, text) => (Some(*store), text),
        Wanted::Anywhere(text) => (None, text),
    };
    let Ok(thumbprint) = text.parse::<Thumbprint>() else {
        return Ok(None);
    };
    let state = server_of(cx)
        .borrow_mut()
        .state()
        .map_err(|error| error.to_string())?;
    let personal = state
        .personal
        .iter()
        .map(|entry| (CertStore::My, &entry.certificate));
    let roots = state.roots.iter().map(|root| {
        let location = TrustLocation::ALL
            .into_iter()
            .find(|location| location.root_ca_type() == Some(root.category))
            .unwrap_or(TrustLocation::Root);
        (CertStore::Trust(location), &root.certificate)
    });
    let intermediates = state
        .intermediates
        .iter()
        .map(|certificate| (CertStore::Trust(TrustLocation::Ca), certificate));
    Ok(personal
        .chain(roots)
        .chain(intermediates)
        .find(|(held_in, certificate)| {
            certificate.thumbprint() == thumbprint && store.is_none_or(|store| store == *held_in)
        })
        .map(|(_, certificate)| certificate.clone()))
}

impl Cmdlet<AppState> for ExportCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Export-Certificate")
            .summary("Exports the public part of a certificate as DER (.cer) or PKCS #7 (.p7b).")
            .description(
                "Writes a certificate of Cert:\\LocalMachine\\My or of a trust store, or the \
                 certificate of an ExchangeCertificate object, to -FilePath without its private \
                 key: DER for -Type CERT (the default), a certificates-only PKCS #7 file for -Type \
                 P7B. An existing file is replaced unless -NoClobber is given. Writes the file's \
                 FileInfo.",
            )
            .supports_should_process(ConfirmImpact::Low)
            .param(
                Param::new("Cert", Kind::Object)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("FilePath", Kind::String).mandatory())
            .param(Param::new("Type", Kind::Enum(cert_type())))
            .param(Param::switch("NoClobber"))
            .param(Param::switch("Force"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-ExchangeCertificate -DomainName EXCH01.contoso.com | Export-Certificate -FilePath /tmp/certsh-um.cer | Select-Object Name, Length",
            summary: "Write the public part of the default certificate, for an IP gateway's trusted store.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let cert = call.value("Cert").cloned().unwrap_or(Value::Null);
        let path: String = call.get("FilePath")?;
        let p7b = call
            .value("Type")
            .is_some_and(|value| value.to_string_form().eq_ignore_ascii_case("P7B"));
        let Some(wanted) = wanted(&cert) else {
            let text = cert.to_string_form();
            cx.write_error(item_error(
                call,
                format!("Cannot bind parameter 'Cert'. '{text}' is not a certificate of the Cert: drive."),
                (
                    "CannotConvertArgument",
                    ErrorCategory::InvalidArgument,
                    "ParameterBindingException",
                ),
                (&text, "Cert"),
            ));
            return Ok(());
        };
        let certificate = match find(cx, &wanted) {
            Ok(Some(certificate)) => certificate,
            Ok(None) => {
                let shown = match &wanted {
                    Wanted::InStore(store, text) => format!("{}\\{text}", store_text(*store)),
                    Wanted::Anywhere(text) => format!("Cert:\\LocalMachine\\My\\{text}"),
                };
                cx.write_error(item_error(
                    call,
                    format!("Cannot find path '{shown}' because it does not exist."),
                    (
                        "PathNotFound",
                        ErrorCategory::ObjectNotFound,
                        "ItemNotFoundException",
                    ),
                    (&shown, "Cert"),
                ));
                return Ok(());
            }
            Err(reason) => {
                cx.write_error(item_error(
                    call,
                    format!("The certificate store could not be read: {reason}."),
                    ("StoreFailure", ErrorCategory::ReadError, "StoreException"),
                    ("Cert:\\LocalMachine", "Cert"),
                ));
                return Ok(());
            }
        };
        let target = shell_engine::file_path(&path);
        if call.switch("NoClobber") && target.exists() {
            cx.write_error(item_error(
                call,
                format!("The file '{path}' already exists."),
                ("NoClobber", ErrorCategory::ResourceExists, "IOException"),
                (&path, "FilePath"),
            ));
            return Ok(());
        }
        if !cx.should_process(&path, "Export certificate")? {
            return Ok(());
        }
        let bytes = if p7b {
            pkcs7_certificates_only(&[certificate.der()])
        } else {
            certificate.der().to_vec()
        };
        if call.switch("Force")
            && let Ok(metadata) = std::fs::metadata(&target)
            && metadata.permissions().readonly()
        {
            let mut permissions = metadata.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            let _ = std::fs::set_permissions(&target, permissions);
        }
        match std::fs::write(&target, &bytes).and_then(|()| std::fs::metadata(&target)) {
            Ok(metadata) => cx.write_output(file_object(&target, &metadata)),
            Err(reason) => cx.write_error(item_error(
                call,
                format!("The file '{path}' could not be written: {reason}."),
                ("WriteFile", ErrorCategory::WriteError, "IOException"),
                (&path, "FilePath"),
            )),
        }
        Ok(())
    }
}
