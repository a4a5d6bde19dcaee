//! Get-ChildItem over the two providers certsh has: the `Cert:` drive (design.md §6: the
//! trust locations `Root` = Registry, `Root\.GroupPolicy`, `Root\.Enterprise`, `AuthRoot` =
//! ThirdParty, `CA` = intermediates and CRLs, and the personal store `My`, read-only here) and
//! the file system (Name, FullName, Length, LastWriteTime, Mode; `-Filter`, `-Recurse`,
//! `-File`, `-Directory`, `-Force` for hidden dot-files). Only `LocalMachine` exists on the
//! `Cert:` drive. The path helpers here are shared with Remove-Item. Tests: `tests/trust.rs`.

use std::path::{Path, PathBuf};

use cert_model::{Certificate, Crl, Thumbprint};
use exchange_server::{TrustEntry, TrustLocation};
use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value, like, wildcard_regex,
};
use time::OffsetDateTime;

use super::{AppState, objects, server_of};

/// Lists the items of a `Cert:` path or a directory.
pub struct GetChildItem;

/// The type name of the objects `Cert:\` lists.
pub const X509_STORE_LOCATION: &str = "Microsoft.PowerShell.Commands.X509StoreLocation";
/// The type name of the stores `Cert:\LocalMachine` lists.
pub const X509_STORE: &str = "System.Security.Cryptography.X509Certificates.X509Store";
/// The type name of the CRLs listed in `Cert:\LocalMachine\CA`.
pub const X509_CRL: &str = "certsh.X509Crl";
/// The type name of files.
pub const FILE_INFO: &str = "System.IO.FileInfo";
/// The type name of directories.
pub const DIRECTORY_INFO: &str = "System.IO.DirectoryInfo";
/// The base type of files and directories (their view is registered under it, so that one
/// table shows both).
pub const FILE_SYSTEM_INFO: &str = "System.IO.FileSystemInfo";

/// The provider prefix of `PSPath` on the `Cert:` drive.
const CERT_PROVIDER: &str = "Microsoft.PowerShell.Security\\Certificate::";
/// The provider prefix of `PSPath` on the file system.
const FILE_PROVIDER: &str = "Microsoft.PowerShell.Core\\FileSystem::";

/// A store of `Cert:\LocalMachine`: the personal store or a trust location.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CertStore {
    /// `My`, the personal store (Exchange certificates; read-only on the drive).
    My,
    /// A trust location.
    Trust(TrustLocation),
}

impl CertStore {
    /// The stores `Cert:\LocalMachine` lists, by name.
    const LISTED: [CertStore; 4] = [
        CertStore::Trust(TrustLocation::AuthRoot),
        CertStore::Trust(TrustLocation::Ca),
        CertStore::My,
        CertStore::Trust(TrustLocation::Root),
    ];

    fn path(self) -> &'static str {
        match self {
            CertStore::My => "My",
            CertStore::Trust(location) => location.path(),
        }
    }

    fn from_path(path: &str) -> Option<CertStore> {
        if path.eq_ignore_ascii_case("My") {
            return Some(CertStore::My);
        }
        TrustLocation::from_path(path).map(CertStore::Trust)
    }
}

/// Where a `Cert:` path points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CertPath {
    /// `Cert:\`.
    Drive,
    /// `Cert:\LocalMachine`.
    LocalMachine,
    /// `Cert:\LocalMachine\<store>`.
    Store(CertStore),
    /// `Cert:\LocalMachine\<store>\<name>`; `name` as typed.
    Item(CertStore, String),
}

/// A path given to Get-ChildItem or Remove-Item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ProviderPath {
    /// On the `Cert:` drive; `None` when it names nothing that can exist.
    Cert(Option<CertPath>),
    /// On the file system.
    File(PathBuf),
}

/// The `-Path` of the item cmdlets: positional, taking strings or objects' `PSPath` from the
/// pipeline.
pub(super) fn path_param() -> Param {
    Param::new("Path", Kind::StringList)
        .position(0)
        .alias("PSPath")
        .from_pipeline(PipelineInput::ByValue)
        .from_pipeline(PipelineInput::ByPropertyName)
}

/// Strips `prefix` from `text`, ignoring ASCII case.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Classifies a path: `Cert:…` (or a certificate `PSPath`) or a file-system path (a file
/// `PSPath` has its provider prefix removed).
pub(super) fn provider_path(text: &str) -> ProviderPath {
    let trimmed = text.trim();
    let cert = strip_prefix_ignore_case(trimmed, "cert:")
        .or_else(|| strip_prefix_ignore_case(trimmed, CERT_PROVIDER));
    if let Some(rest) = cert {
        return ProviderPath::Cert(cert_path(rest));
    }
    let file = strip_prefix_ignore_case(trimmed, FILE_PROVIDER).unwrap_or(trimmed);
    ProviderPath::File(shell_engine::file_path(file))
}

fn cert_path(rest: &str) -> Option<CertPath> {
    let normalised = rest.replace('/', "\\");
    let segments: Vec<&str> = normalised.split('\\').filter(|s| !s.is_empty()).collect();
    let Some((first, below)) = segments.split_first() else {
        return Some(CertPath::Drive);
    };
    if !first.eq_ignore_ascii_case("LocalMachine") {
        return None;
    }
    if below.is_empty() {
        return Some(CertPath::LocalMachine);
    }
    if let Some(store) = CertStore::from_path(&below.join("\\")) {
        return Some(CertPath::Store(store));
    }
    let (name, store) = below.split_last()?;
    let store = CertStore::from_path(&store.join("\\"))?;
    Some(CertPath::Item(store, (*name).to_owned()))
}

/// The canonical `Cert:\LocalMachine\<store>` text.
pub(super) fn store_text(store: CertStore) -> String {
    format!("Cert:\\LocalMachine\\{}", store.path())
}

/// PowerShell's error for a path that does not exist (`PathNotFound`, ObjectNotFound).
pub(super) fn path_not_found(call: &Call, path: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("Cannot find path '{path}' because it does not exist."),
        "PathNotFound",
        ErrorCategory::ObjectNotFound,
    )
    .with_reason("ItemNotFoundException")
    .with_target_text(path, "String")
    .with_activity(call.name.clone())
    .with_span(call.span_of("Path"))
}

/// A file-system error of an item cmdlet: `id` and `category`, the .NET exception name as
/// the reason, the path as the target, pointing at `param`.
pub(super) fn item_error(
    call: &Call,
    message: String,
    (id, category, reason): (&str, ErrorCategory, &str),
    (target, param): (&str, &str),
) -> ErrorRecord {
    ErrorRecord::new(message, id, category)
        .with_reason(reason)
        .with_target_text(target, "String")
        .with_activity(call.name.clone())
        .with_span(call.span_of(param))
}

/// The error of an item cmdlet given a `Cert:` path: the drive holds certificates, which
/// Import-Certificate, Import-ExchangeCertificate and Remove-Item manage.
pub(super) fn cert_drive_not_supported(call: &Call, path: &str, param: &str) -> ErrorRecord {
    item_error(
        call,
        format!(
            "{} is not supported on the Cert: drive ('{path}'); certificates go in with \
             Import-Certificate or Import-ExchangeCertificate.",
            call.name
        ),
        (
            "NotSupported",
            ErrorCategory::InvalidOperation,
            "PSNotSupportedException",
        ),
        (path, param),
    )
}

/// A store or provider failure as an error record.
pub(super) fn provider_error(call: &Call, error_id: &str, message: String) -> ErrorRecord {
    ErrorRecord::new(message, error_id, ErrorCategory::NotSpecified)
        .with_activity(call.name.clone())
        .with_span(call.span_of("Path"))
}

/// A certificate of a `Cert:\LocalMachine` store as PowerShell's certificate provider shows it.
pub(super) fn certificate_object(certificate: &Certificate, store: CertStore) -> Value {
    let thumbprint = certificate.thumbprint().to_string();
    let parent = format!("{CERT_PROVIDER}LocalMachine\\{}", store.path());
    let object = PsObject::new(objects::X509_CERTIFICATE2)
        .with("Thumbprint", thumbprint.as_str())
        .with("Subject", certificate.subject().to_string())
        .with("Issuer", certificate.issuer().to_string())
        .with("NotBefore", Value::DateTime(certificate.not_before()))
        .with("NotAfter", Value::DateTime(certificate.not_after()))
        .with("SerialNumber", certificate.serial_number())
        .with("PSPath", format!("{parent}\\{thumbprint}"))
        .with("PSParentPath", parent)
        .with("PSChildName", thumbprint.as_str())
        .with("PSIsContainer", false)
        .with_string_form(format!("[Subject]\n  {}", certificate.subject()));
    Value::object(object)
}

fn crl_object(crl: &Crl) -> Value {
    let thumbprint = Thumbprint::of_der(crl.der()).to_string();
    let parent = format!("{CERT_PROVIDER}LocalMachine\\CA");
    let object = PsObject::new(X509_CRL)
        .with("Thumbprint", thumbprint.as_str())
        .with("Issuer", crl.issuer().to_string())
        .with("ThisUpdate", Value::DateTime(crl.this_update()))
        .with(
            "NextUpdate",
            crl.next_update()
                .map(Value::DateTime)
                .unwrap_or(Value::Null),
        )
        .with("RevokedCount", crl.revoked().len() as i64)
        .with("PSPath", format!("{parent}\\{thumbprint}"))
        .with("PSParentPath", parent)
        .with("PSChildName", thumbprint.as_str())
        .with("PSIsContainer", false)
        .with_string_form(format!("[Issuer]\n  {}", crl.issuer()));
    Value::object(object)
}

/// The objects of one `Cert:\LocalMachine` store, each with its thumbprint.
pub(super) fn store_items(
    cx: &mut Context<AppState>,
    call: &Call,
    store: CertStore,
) -> Option<Vec<(Thumbprint, Value)>> {
    let server = server_of(cx);
    match store {
        CertStore::My => {
            let state = server.borrow_mut().state();
            match state {
                Ok(state) => Some(
                    state
                        .personal
                        .iter()
                        .map(|entry| {
                            let certificate = &entry.certificate;
                            (
                                certificate.thumbprint(),
                                certificate_object(certificate, store),
                            )
                        })
                        .collect(),
                ),
                Err(error) => {
                    cx.write_error(provider_error(
                        call,
                        "StoreFailure",
                        format!("The certificate store could not be read: {error}."),
                    ));
                    None
                }
            }
        }
        CertStore::Trust(location) => {
            let entries = server.borrow_mut().trust_entries(location);
            match entries {
                Ok(entries) => Some(
                    entries
                        .iter()
                        .map(|entry| {
                            let object = match entry {
                                TrustEntry::Certificate(certificate) => {
                                    certificate_object(certificate, store)
                                }
                                TrustEntry::Crl(crl) => crl_object(crl),
                            };
                            (entry.thumbprint(), object)
                        })
                        .collect(),
                ),
                Err(error) => {
                    cx.write_error(provider_error(
                        call,
                        "StoreFailure",
                        format!("The certificate store could not be read: {error}."),
                    ));
                    None
                }
            }
        }
    }
}

/// A store of `Cert:\\LocalMachine` as an item.
pub(super) fn store_object(store: CertStore) -> Value {
    let name = store.path();
    let object = PsObject::new(X509_STORE)
        .with("Name", name)
        .with("Location", "LocalMachine")
        .with("PSPath", format!("{CERT_PROVIDER}LocalMachine\\{name}"))
        .with("PSChildName", name)
        .with("PSIsContainer", true)
        .with_string_form(name.to_owned());
    Value::object(object)
}

/// `Cert:\\LocalMachine` as an item.
pub(super) fn location_object() -> Value {
    let names: Vec<String> = CertStore::LISTED
        .iter()
        .map(|store| store.path().to_owned())
        .collect();
    let object = PsObject::new(X509_STORE_LOCATION)
        .with("Location", "LocalMachine")
        .with("StoreNames", names)
        .with("PSPath", format!("{CERT_PROVIDER}LocalMachine"))
        .with("PSChildName", "LocalMachine")
        .with("PSIsContainer", true)
        .with_string_form("LocalMachine".to_owned());
    Value::object(object)
}

/// The file-system object PowerShell's FileSystem provider writes for `path`.
pub(super) fn file_object(path: &Path, metadata: &std::fs::Metadata) -> Value {
    // The provider's paths are full paths, whatever the user typed.
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let path = absolute.as_path();
    let is_dir = metadata.is_dir();
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned());
    let full_name = path.to_string_lossy().into_owned();
    let parent = path
        .parent()
        .map(|parent| parent.to_string_lossy().into_owned())
        .unwrap_or_default();
    let modified = metadata
        .modified()
        .ok()
        .map(|time| Value::DateTime(OffsetDateTime::from(time)))
        .unwrap_or(Value::Null);
    let read_only = metadata.permissions().readonly();
    let mode = format!(
        "{}{}{}---",
        if is_dir { 'd' } else { '-' },
        if is_dir { '-' } else { 'a' },
        if read_only { 'r' } else { '-' },
    );
    let mut object = PsObject::new(if is_dir { DIRECTORY_INFO } else { FILE_INFO })
        .with("Name", name.as_str())
        .with("FullName", full_name.as_str())
        .with("Mode", mode)
        .with("LastWriteTime", modified);
    if !is_dir {
        let extension = path
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        object = object
            .with("Length", i64::try_from(metadata.len()).unwrap_or(i64::MAX))
            .with("Extension", extension)
            .with("DirectoryName", parent.as_str());
    }
    let mut object = object
        .with("PSPath", format!("{FILE_PROVIDER}{full_name}"))
        .with("PSParentPath", format!("{FILE_PROVIDER}{parent}"))
        .with("PSChildName", name.as_str())
        .with("PSIsContainer", is_dir)
        .with_string_form(name);
    object.type_names.push(FILE_SYSTEM_INFO.to_owned());
    Value::object(object)
}

/// Whether the last component of `path` holds a wildcard (`*`, `?`, `[`).
pub(super) fn has_wildcard(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().contains(['*', '?', '[']))
}

/// The entries of `path`'s parent whose names match `path`'s last component (a wildcard),
/// sorted by name, dot-files (hidden) only with `hidden`; `None` when the parent cannot be
/// read.
pub(super) fn expand_wildcard(path: &Path, hidden: bool) -> Option<Vec<PathBuf>> {
    let pattern = path.file_name()?.to_string_lossy().into_owned();
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let regex = wildcard_regex(&pattern, false)?;
    let mut out: Vec<PathBuf> = std::fs::read_dir(&parent)
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            (hidden || !name.starts_with('.')) && regex.is_match(&name)
        })
        .map(|entry| parent.join(entry.file_name()))
        .collect();
    out.sort();
    Some(out)
}

/// What a file-system listing includes.
struct FileFilter {
    name: Option<String>,
    files: bool,
    directories: bool,
    hidden: bool,
    recurse: bool,
}

impl Cmdlet<AppState> for GetChildItem {
    fn signature(&self) -> Signature {
        Signature::new("Get-ChildItem")
            .summary(
                "Lists the certificates of a Cert:\\LocalMachine store or the items of a \
                 directory.",
            )
            .param(path_param())
            .param(Param::new("Filter", Kind::String).position(1))
            .param(Param::switch("Recurse"))
            .param(Param::switch("File"))
            .param(Param::switch("Directory"))
            .param(Param::switch("Force"))
            .param(Param::switch("Name"))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Get-ChildItem Cert:\\LocalMachine",
                summary: "The stores of the machine: AuthRoot, CA, My and Root.",
            },
            Example {
                script: "Get-ChildItem Cert:\\LocalMachine\\Root",
                summary: "The roots installed by hand (RootCAType Registry): Thumbprint and \
                          Subject.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let paths = call
            .get_optional::<Vec<String>>("Path")?
            .unwrap_or_else(|| vec![".".to_owned()]);
        let filter = match call.get_optional::<String>("Filter")? {
            Some(pattern) => match wildcard_regex(&pattern, false) {
                Some(_) => Some(pattern),
                None => {
                    return Err(ErrorRecord::new(
                        format!("The filter '{pattern}' is not a valid wildcard pattern."),
                        "InvalidFilter",
                        ErrorCategory::InvalidArgument,
                    )
                    .with_activity(call.name.clone())
                    .with_span(call.span_of("Filter")));
                }
            },
            None => None,
        };
        let names_only = call.switch("Name");
        let file_filter = FileFilter {
            name: filter,
            files: !call.switch("Directory"),
            directories: !call.switch("File"),
            hidden: call.switch("Force"),
            recurse: call.switch("Recurse"),
        };
        for text in paths {
            match provider_path(&text) {
                ProviderPath::Cert(path) => {
                    let Some(path) = path else {
                        cx.write_error(path_not_found(call, &text));
                        continue;
                    };
                    for object in cert_listing(cx, call, &text, path, file_filter.recurse) {
                        if cert_wanted(&object, &file_filter) {
                            emit(cx, object, names_only);
                        }
                    }
                }
                ProviderPath::File(path) => {
                    list_files(cx, call, &text, &path, &file_filter, names_only);
                }
            }
        }
        Ok(())
    }
}

fn emit(cx: &mut Context<AppState>, object: Value, names_only: bool) {
    if names_only {
        cx.write_output(object.property("PSChildName").unwrap_or(Value::Null));
    } else {
        cx.write_output(object);
    }
}

/// Whether a `Cert:` object passes `-Filter` (on its name), `-File` (certificates and CRLs)
/// and `-Directory` (locations and stores).
fn cert_wanted(object: &Value, filter: &FileFilter) -> bool {
    let is_container = object
        .property("PSIsContainer")
        .is_some_and(|value| matches!(value, Value::Bool(true)));
    let wanted_kind = if is_container {
        filter.directories
    } else {
        filter.files
    };
    wanted_kind
        && filter.name.as_ref().is_none_or(|pattern| {
            let name = object.property("PSChildName").unwrap_or(Value::Null);
            like(&name, &Value::from(pattern.as_str()), false)
        })
}

/// The objects a `Cert:` path lists; with `recurse`, each container's children follow it.
pub(super) fn cert_listing(
    cx: &mut Context<AppState>,
    call: &Call,
    text: &str,
    path: CertPath,
    recurse: bool,
) -> Vec<Value> {
    match path {
        CertPath::Drive => {
            let mut out = vec![location_object()];
            if recurse {
                out.extend(cert_listing(cx, call, text, CertPath::LocalMachine, true));
            }
            out
        }
        CertPath::LocalMachine => {
            let mut out: Vec<Value> = CertStore::LISTED.into_iter().map(store_object).collect();
            if recurse {
                for store in CertStore::LISTED {
                    out.extend(cert_listing(cx, call, text, CertPath::Store(store), false));
                }
            }
            out
        }
        CertPath::Store(store) => store_items(cx, call, store)
            .unwrap_or_default()
            .into_iter()
            .map(|(_, object)| object)
            .collect(),
        CertPath::Item(store, name) => {
            let Some(items) = store_items(cx, call, store) else {
                return Vec::new();
            };
            let wanted = name.parse::<Thumbprint>().ok();
            let found: Vec<Value> = items
                .into_iter()
                .filter(|(thumbprint, _)| Some(*thumbprint) == wanted)
                .map(|(_, object)| object)
                .collect();
            if found.is_empty() {
                cx.write_error(path_not_found(call, text));
            }
            found
        }
    }
}

fn list_files(
    cx: &mut Context<AppState>,
    call: &Call,
    text: &str,
    path: &Path,
    filter: &FileFilter,
    names_only: bool,
) {
    let targets = if has_wildcard(path) {
        expand_wildcard(path, filter.hidden).unwrap_or_default()
    } else {
        vec![path.to_path_buf()]
    };
    if targets.is_empty() && has_wildcard(path) {
        return;
    }
    for target in targets {
        let metadata = match std::fs::metadata(&target) {
            Ok(metadata) => metadata,
            Err(_) => {
                cx.write_error(path_not_found(call, text));
                continue;
            }
        };
        if metadata.is_dir() {
            walk(cx, call, &target, &target, filter, names_only);
        } else if filter.files && matches_name(filter, &target) {
            let object = file_object(&target, &metadata);
            emit_file(cx, object, &target, &target, names_only);
        }
    }
}

fn matches_name(filter: &FileFilter, path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    (filter.hidden || !name.starts_with('.'))
        && filter.name.as_ref().is_none_or(|pattern| {
            like(
                &Value::from(name.as_str()),
                &Value::from(pattern.as_str()),
                false,
            )
        })
}

fn emit_file(cx: &mut Context<AppState>, object: Value, root: &Path, path: &Path, names: bool) {
    if names {
        let relative = path.strip_prefix(root).unwrap_or(path);
        let relative = if relative.as_os_str().is_empty() {
            path.file_name().map(Path::new).unwrap_or(path)
        } else {
            relative
        };
        cx.write_output(Value::from(relative.to_string_lossy().into_owned()));
    } else {
        cx.write_output(object);
    }
}

/// Lists `directory` (and with `-Recurse` its subdirectories, each after its own entries are
/// listed, as PowerShell does), directories first, then files, each sorted by name.
fn walk(
    cx: &mut Context<AppState>,
    call: &Call,
    root: &Path,
    directory: &Path,
    filter: &FileFilter,
    names_only: bool,
) {
    let entries = match std::fs::read_dir(directory) {
        Ok(entries) => entries,
        Err(error) => {
            cx.write_error(
                ErrorRecord::new(
                    format!(
                        "Access to the path '{}' is denied: {error}.",
                        directory.display()
                    ),
                    "DirUnauthorizedAccessError",
                    ErrorCategory::PermissionDenied,
                )
                .with_reason("UnauthorizedAccessException")
                .with_target_text(directory.to_string_lossy(), "String")
                .with_activity(call.name.clone()),
            );
            return;
        }
    };
    let mut entries: Vec<(PathBuf, std::fs::Metadata)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| Some((entry.path(), entry.metadata().ok()?)))
        .collect();
    // Directories first, then files, each by name (PowerShell's FileSystem provider order).
    entries.sort_by(|a, b| (!a.1.is_dir(), &a.0).cmp(&(!b.1.is_dir(), &b.0)));
    let mut subdirectories = Vec::new();
    for (path, metadata) in &entries {
        let hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if hidden && !filter.hidden {
            continue;
        }
        let wanted_kind = if metadata.is_dir() {
            filter.directories
        } else {
            filter.files
        };
        if wanted_kind && matches_name(filter, path) {
            emit_file(cx, file_object(path, metadata), root, path, names_only);
        }
        if metadata.is_dir() && filter.recurse {
            subdirectories.push(path.clone());
        }
    }
    for subdirectory in subdirectories {
        walk(cx, call, root, &subdirectory, filter, names_only);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s6_cert_paths_parse() {
        assert_eq!(
            provider_path("Cert:\\"),
            ProviderPath::Cert(Some(CertPath::Drive))
        );
        assert_eq!(
            provider_path("cert:"),
            ProviderPath::Cert(Some(CertPath::Drive))
        );
        assert_eq!(
            provider_path("Cert:\\localmachine\\"),
            ProviderPath::Cert(Some(CertPath::LocalMachine))
        );
        assert_eq!(
            provider_path("Cert:/LocalMachine/Root/.GroupPolicy"),
            ProviderPath::Cert(Some(CertPath::Store(CertStore::Trust(
                TrustLocation::RootGroupPolicy
            ))))
        );
        assert_eq!(
            provider_path("Cert:\\LocalMachine\\Root\\.Enterprise\\ABC"),
            ProviderPath::Cert(Some(CertPath::Item(
                CertStore::Trust(TrustLocation::RootEnterprise),
                "ABC".to_owned()
            )))
        );
        assert_eq!(
            provider_path("Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My\\AB"),
            ProviderPath::Cert(Some(CertPath::Item(CertStore::My, "AB".to_owned())))
        );
        assert_eq!(
            provider_path("Cert:\\CurrentUser\\My"),
            ProviderPath::Cert(None)
        );
        assert_eq!(
            provider_path("Cert:\\LocalMachine\\Nope\\AB"),
            ProviderPath::Cert(None)
        );
        assert_eq!(
            provider_path("Microsoft.PowerShell.Core\\FileSystem::/tmp/a"),
            ProviderPath::File(PathBuf::from("/tmp/a"))
        );
        assert_eq!(
            provider_path("./a.cer"),
            ProviderPath::File(PathBuf::from("./a.cer"))
        );
    }
}
