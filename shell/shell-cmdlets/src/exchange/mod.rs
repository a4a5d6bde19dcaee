//! The Exchange cmdlets (spec/cmdlets.md §3; design.md §6), the application state they run
//! on, and their views. Each cmdlet is glue: bind, call one `exchange-server` operation, write
//! the results; domain errors become records in `errors.rs`, texts live in [`messages`].

mod connectors;
mod copy_item;
mod enable_exchange_certificate;
mod errors;
mod export_certificate;
mod export_exchange_certificate;
mod export_module_member;
mod get_child_item;
mod get_event_log;
mod get_exchange_certificate;
mod get_exchange_server;
mod get_imap_settings;
mod get_item;
mod get_module;
mod get_pop_settings;
mod get_random;
mod get_receive_connector;
mod get_send_connector;
mod get_service;
mod import_certificate;
mod import_exchange_certificate;
pub mod import_module;
pub mod messages;
mod move_item;
mod new_exchange_certificate;
mod new_item;
mod new_receive_connector;
mod new_send_connector;
pub mod objects;
mod protocol_settings;
mod remove_exchange_certificate;
mod remove_item;
mod rename_item;
pub mod resolve_exchange_certificate;
pub mod select_string;
mod set_exchange_server;
mod set_imap_settings;
mod set_pop_settings;
mod set_receive_connector;
mod set_send_connector;
mod set_um_server;
mod start_service;
mod stop_service;

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use cert_model::Thumbprint;
use exchange_server::{
    Generators, KeyGenerator, OpenServerError, OperationWarning, RandomSource, Server,
    SetupOptions, SystemKeyGenerator, SystemRandomSource, local_fqdn, os_roots,
};
use shell_engine::{Cmdlet, Context, ErrorCategory, ErrorRecord, Value, format_date};
use shell_parser::Span;
use time::OffsetDateTime;

use crate::format::{
    CustomView, ListView, TableView, TableViewColumn, View, ViewGroup, ViewValue, Views,
};

pub use enable_exchange_certificate::EnableExchangeCertificate;
pub use export_certificate::ExportCertificate;
pub use export_exchange_certificate::ExportExchangeCertificate;
pub use get_child_item::GetChildItem;
pub use get_event_log::GetEventLog;
pub use get_exchange_certificate::GetExchangeCertificate;
pub use get_exchange_server::GetExchangeServer;
pub use get_imap_settings::GetImapSettings;
pub use get_item::GetItem;
pub use get_pop_settings::GetPopSettings;
pub use get_receive_connector::GetReceiveConnector;
pub use get_send_connector::GetSendConnector;
pub use get_service::GetService;
pub use import_certificate::ImportCertificate;
pub use import_exchange_certificate::ImportExchangeCertificate;
pub use new_exchange_certificate::NewExchangeCertificate;
pub use new_receive_connector::NewReceiveConnector;
pub use new_send_connector::NewSendConnector;
pub use remove_exchange_certificate::RemoveExchangeCertificate;
pub use remove_item::RemoveItem;
pub use resolve_exchange_certificate::ResolveExchangeCertificate;
pub use set_exchange_server::SetExchangeServer;
pub use set_imap_settings::SetImapSettings;
pub use set_pop_settings::SetPopSettings;
pub use set_receive_connector::SetReceiveConnector;
pub use set_send_connector::SetSendConnector;
pub use set_um_server::SetUmServer;
pub use start_service::StartService;
pub use stop_service::StopService;

/// The server FQDN used when neither the caller nor the machine gives one.
const FALLBACK_FQDN: &str = "localhost.localdomain";

/// Keys and serial numbers for new certificates.
struct Sources {
    keys: Box<dyn KeyGenerator>,
    random: Box<dyn RandomSource>,
}

/// The application state the engine's `Context<AppState>` carries: the opened store with the
/// local server, and the key and randomness sources of New-ExchangeCertificate.
pub struct AppState {
    server: Rc<RefCell<Server>>,
    sources: Rc<RefCell<Sources>>,
    pfx_iterations: u32,
    modules: Vec<ModuleInfo>,
    /// While Import-Module runs a module: what Export-ModuleMember named.
    module_exports: Option<ModuleExports>,
}

/// What a module's Export-ModuleMember calls named.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModuleExports {
    /// Whether Export-ModuleMember ran (then only the functions below are exported).
    pub called: bool,
    /// The `-Function` patterns.
    pub functions: Vec<String>,
}

/// A module Import-Module loaded into the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleInfo {
    /// The module's name (the file name without its extension, or the built-in name).
    pub name: String,
    /// `Script` for a .psm1/.ps1 file, `Manifest` for a module whose commands are built in.
    pub module_type: &'static str,
    /// The file it was loaded from (empty for built-in modules).
    pub path: String,
    /// The commands it added.
    pub exported: Vec<String>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("server", &self.server.borrow().name())
            .finish()
    }
}

impl AppState {
    /// Opens the store at `store_path`, running setup on first use (design.md §3) for the
    /// server `server_fqdn` (else this machine's FQDN), with the system key generator and
    /// random source and AuthRoot seeded from the OS CA bundle.
    ///
    /// # Errors
    /// [`OpenServerError`] when the store cannot be opened or set up.
    pub fn open(
        store_path: &Path,
        server_fqdn: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<AppState, OpenServerError> {
        AppState::open_with(
            Some(store_path),
            server_fqdn,
            now,
            Box::new(SystemKeyGenerator),
            Box::new(SystemRandomSource),
        )
    }

    /// As [`AppState::open`] with given key and randomness sources (tests pass fixed ones);
    /// `store_path` `None` opens an in-memory store without OS roots.
    ///
    /// # Errors
    /// [`OpenServerError`].
    pub fn open_with(
        store_path: Option<&Path>,
        server_fqdn: Option<&str>,
        now: OffsetDateTime,
        mut keys: Box<dyn KeyGenerator>,
        mut random: Box<dyn RandomSource>,
    ) -> Result<AppState, OpenServerError> {
        let fqdn = server_fqdn
            .map(str::to_owned)
            .or_else(local_fqdn)
            .unwrap_or_else(|| FALLBACK_FQDN.to_owned());
        let setup = SetupOptions::new(&fqdn);
        let mut generators = Generators {
            keys: keys.as_mut(),
            random: random.as_mut(),
        };
        let server = match store_path {
            Some(path) => Server::open(path, Some(&setup), os_roots, &mut generators, now)?,
            None => Server::open_in_memory(&setup, Vec::new(), &mut generators, now)?,
        };
        Ok(AppState {
            server: Rc::new(RefCell::new(server)),
            sources: Rc::new(RefCell::new(Sources { keys, random })),
            pfx_iterations: exchange_server::PFX_DEFAULT_ITERATIONS,
            modules: Vec::new(),
            module_exports: None,
        })
    }

    /// The modules Import-Module loaded, in load order.
    pub fn modules(&self) -> &[ModuleInfo] {
        &self.modules
    }

    /// Starts (`Some(default)`) or ends (`None`) the run of a module's script, returning what
    /// Export-ModuleMember collected.
    pub fn swap_module_exports(&mut self, exports: Option<ModuleExports>) -> Option<ModuleExports> {
        std::mem::replace(&mut self.module_exports, exports)
    }

    /// Records an Export-ModuleMember call; `false` when no module is being imported.
    pub fn add_module_exports(&mut self, functions: &[String]) -> bool {
        match &mut self.module_exports {
            Some(exports) => {
                exports.called = true;
                exports.functions.extend(functions.iter().cloned());
                true
            }
            None => false,
        }
    }

    /// Records a loaded module (replacing one of the same name).
    pub fn add_module(&mut self, module: ModuleInfo) {
        self.modules
            .retain(|known| !known.name.eq_ignore_ascii_case(&module.name));
        self.modules.push(module);
    }

    /// Sets the PBKDF2 iteration count of exported PFX files (tests use small counts).
    pub fn set_pfx_iterations(&mut self, iterations: u32) {
        self.pfx_iterations = iterations;
    }

    /// The server, for callers outside the cmdlets (the REPL's prompt, tests).
    pub fn server(&self) -> Rc<RefCell<Server>> {
        self.server.clone()
    }
}

/// The server of a cmdlet's context, shared so that the context stays free for prompts.
fn server_of(cx: &Context<AppState>) -> Rc<RefCell<Server>> {
    cx.state().server.clone()
}

/// The key and randomness sources of a cmdlet's context.
fn sources_of(cx: &Context<AppState>) -> Rc<RefCell<Sources>> {
    cx.state().sources.clone()
}

impl Sources {
    /// Both sources as the generators operations take.
    fn generators(&mut self) -> Generators<'_> {
        Generators {
            keys: self.keys.as_mut(),
            random: self.random.as_mut(),
        }
    }
}

/// The secret of a `SecureString` argument (a plain string is accepted as well).
fn secret(value: Option<&shell_engine::Value>) -> Option<String> {
    match value? {
        shell_engine::Value::SecureString(secret) => Some(secret.reveal().to_owned()),
        shell_engine::Value::Null => None,
        other => Some(other.to_string_form()),
    }
}

/// Parses a thumbprint argument (spec §1.8). Empty → the empty-value error; anything that is
/// not a thumbprint cannot name a certificate → `CertificateNotFound`.
fn thumbprint_argument(text: &str, span: Span) -> Result<Thumbprint, ErrorRecord> {
    if text.trim().is_empty() {
        return Err(ErrorRecord::new(
            messages::EMPTY_THUMBPRINT,
            "ParameterArgumentValidationError",
            ErrorCategory::InvalidData,
        )
        .with_reason("ParameterBindingValidationException")
        .with_span(span));
    }
    text.parse::<Thumbprint>()
        .map_err(|_| errors::not_found(text.trim(), span))
}

/// The formatting of certificate objects under the server's compatibility mode (B-11).
fn certificate_formatting(cx: &mut Context<AppState>) -> objects::CertificateFormatting {
    let rtm = server_of(cx)
        .borrow_mut()
        .config()
        .is_ok_and(|config| config.rtm_mode);
    if rtm {
        objects::CertificateFormatting::Rtm
    } else {
        objects::CertificateFormatting::Sp1
    }
}

/// Writes the warnings an operation reported.
fn write_warnings(cx: &mut Context<AppState>, warnings: &[OperationWarning]) {
    for warning in warnings {
        let text = match warning {
            OperationWarning::AutoDiscoverOnlyOnClientAccess => {
                messages::INCLUDE_AUTODISCOVER_ONLY_ON_CAS.to_owned()
            }
            OperationWarning::InvalidCertificateForProtocol {
                thumbprint,
                subject,
                protocol,
            } => messages::invalid_certificate_for_protocol(
                &thumbprint.to_string(),
                subject,
                protocol.short_name(),
            ),
            OperationWarning::UmCertificateLacksServerFqdn { thumbprint, fqdn } => {
                messages::um_certificate_lacks_fqdn(&thumbprint.to_string(), fqdn)
            }
        };
        cx.write_warning(&text);
    }
}

/// Asks the "replace the default SMTP certificate?" question through the host (spec §3.4.1,
/// ShouldContinue: `-Confirm:$false` does not suppress it). A host that cannot ask leaves the
/// error record in `unanswered` and the operation fails.
fn ask_replace_smtp(
    cx: &mut Context<AppState>,
    question: &exchange_server::ReplaceSmtpCertificate,
    unanswered: &mut Option<ErrorRecord>,
) -> Option<bool> {
    let date = |instant: OffsetDateTime| cert_model::format_date(instant);
    let query = messages::confirm_overwrite_smtp(
        &question.current.to_string(),
        &date(question.current_expires),
        &question.replacement.to_string(),
        &date(question.replacement_expires),
    );
    match cx.should_continue(&query, "Confirm") {
        Ok(answer) => Some(answer),
        Err(record) => {
            *unanswered = Some(record);
            None
        }
    }
}

/// Every Exchange cmdlet, as the engine's registry takes them.
pub fn exchange_cmdlets() -> Vec<Rc<dyn Cmdlet<AppState>>> {
    vec![
        Rc::new(NewExchangeCertificate),
        Rc::new(GetExchangeCertificate),
        Rc::new(ImportExchangeCertificate),
        Rc::new(EnableExchangeCertificate),
        Rc::new(ExportExchangeCertificate),
        Rc::new(RemoveExchangeCertificate),
        Rc::new(GetPopSettings),
        Rc::new(SetPopSettings),
        Rc::new(GetImapSettings),
        Rc::new(SetImapSettings),
        Rc::new(GetReceiveConnector),
        Rc::new(NewReceiveConnector),
        Rc::new(SetReceiveConnector),
        Rc::new(GetSendConnector),
        Rc::new(NewSendConnector),
        Rc::new(SetSendConnector),
        Rc::new(GetExchangeServer),
        Rc::new(SetExchangeServer),
        Rc::new(ImportCertificate),
        Rc::new(ExportCertificate),
        Rc::new(ResolveExchangeCertificate),
        Rc::new(GetService),
        Rc::new(StartService),
        Rc::new(StopService),
        Rc::new(GetEventLog),
        Rc::new(GetChildItem),
        Rc::new(GetItem),
        Rc::new(RemoveItem),
        Rc::new(copy_item::CopyItem),
        Rc::new(move_item::MoveItem),
        Rc::new(new_item::NewItem),
        Rc::new(rename_item::RenameItem),
        Rc::new(select_string::SelectString),
        Rc::new(import_module::ImportModule),
        Rc::new(export_module_member::ExportModuleMember),
        Rc::new(get_module::GetModule),
        Rc::new(get_random::GetRandom),
        Rc::new(SetUmServer),
    ]
}

/// The 14 properties `Get-ExchangeCertificate | fl` shows in SP1+ (spec §1.2, B-11).
pub const CERTIFICATE_LIST_PROPERTIES: [&str; 14] = [
    "AccessRules",
    "CertificateDomains",
    "HasPrivateKey",
    "IsSelfSigned",
    "Issuer",
    "NotAfter",
    "NotBefore",
    "PublicKeySize",
    "RootCAType",
    "SerialNumber",
    "Services",
    "Status",
    "Subject",
    "Thumbprint",
];

/// The Exchange views, by type name: ExchangeCertificate's default table (Thumbprint 41,
/// Services 10, Subject; spec §1.6) and its 14-property list (spec §1.2), and tables for the
/// settings, connectors and server objects (spec §3.7, §3.8 recommendations).
pub fn views() -> Vec<(&'static str, View)> {
    vec![
        (
            objects::EXCHANGE_CERTIFICATE,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("Thumbprint").width(41),
                    TableViewColumn::computed("Services", objects::services_column).width(10),
                    TableViewColumn::property("Subject"),
                ],
                group_by: None,
                auto_size: false,
            }),
        ),
        (
            objects::EXCHANGE_CERTIFICATE,
            View::List(
                ListView::properties(&CERTIFICATE_LIST_PROPERTIES)
                    .when(objects::has_sp1_formatting),
            ),
        ),
        (
            objects::X509_CERTIFICATE2,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("Thumbprint").width(41),
                    TableViewColumn::property("Subject"),
                ],
                group_by: Some(provider_group()),
                auto_size: false,
            }),
        ),
        (
            // PowerShell's X509Certificate2 list view; ExchangeCertificate objects fall back to
            // it in RTM mode (B-11).
            objects::X509_CERTIFICATE2,
            View::List(ListView::properties(&[
                "Subject",
                "Issuer",
                "Thumbprint",
                "FriendlyName",
                "NotBefore",
                "NotAfter",
            ])),
        ),
        (
            get_child_item::X509_CRL,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("Thumbprint").width(41),
                    TableViewColumn::property("Issuer"),
                ],
                group_by: Some(provider_group()),
                auto_size: false,
            }),
        ),
        (get_child_item::FILE_SYSTEM_INFO, file_table()),
        (
            import_module::MODULE_INFO,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("ModuleType").width(10),
                    TableViewColumn::property("Version").width(10),
                    TableViewColumn::property("Name").width(35),
                    TableViewColumn::property("ExportedCommands"),
                ],
                group_by: None,
                auto_size: false,
            }),
        ),
        (
            select_string::MATCH_INFO,
            View::Custom(CustomView {
                text: select_string::match_info_text,
            }),
        ),
        (
            get_child_item::X509_STORE,
            View::List(ListView::properties(&["Name"])),
        ),
        (
            get_child_item::X509_STORE_LOCATION,
            View::List(ListView::properties(&["Location", "StoreNames"])),
        ),
        (objects::POP3_SETTINGS, protocol_table()),
        (objects::IMAP4_SETTINGS, protocol_table()),
        (
            objects::RECEIVE_CONNECTOR,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("Identity"),
                    TableViewColumn::property("Bindings"),
                    TableViewColumn::property("Enabled"),
                ],
                group_by: None,
                auto_size: false,
            }),
        ),
        (
            objects::SEND_CONNECTOR,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("Identity"),
                    TableViewColumn::property("AddressSpaces"),
                    TableViewColumn::property("Enabled"),
                ],
                group_by: None,
                auto_size: false,
            }),
        ),
        (
            objects::EXCHANGE_SERVER,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("Name"),
                    TableViewColumn::property("Site"),
                    TableViewColumn::property("ServerRole"),
                    TableViewColumn::property("Edition"),
                    TableViewColumn::property("AdminDisplayVersion"),
                ],
                group_by: None,
                auto_size: false,
            }),
        ),
    ]
}

/// PowerShell's file-system table: Mode, LastWriteTime, Length, Name.
fn file_table() -> View {
    View::Table(TableView {
        columns: vec![
            TableViewColumn::property("Mode").width(7),
            TableViewColumn::computed("LastWriteTime", last_write_time)
                .width(25)
                .align(shell_format::Align::Right),
            TableViewColumn::property("Length")
                .width(14)
                .align(shell_format::Align::Right),
            TableViewColumn::property("Name"),
        ],
        group_by: Some(ViewGroup {
            label: "Directory",
            value: ViewValue::Computed(file_parent),
            custom: true,
        }),
        auto_size: false,
    })
}

/// The FileSystem view's LastWriteTime: `[String]::Format("{0,10}  {1,8}",
/// $_.LastWriteTime.ToString("d"), $_.LastWriteTime.ToString("t"))`.
fn last_write_time(object: &Value) -> Value {
    match object.property("LastWriteTime") {
        Some(Value::DateTime(time)) => Value::from(format!(
            "{:>10}  {:>8}",
            format_date(&time, "d"),
            format_date(&time, "t")
        )),
        _ => Value::Null,
    }
}

/// The directory a file-system item is in: its `PSParentPath` without the provider prefix.
fn file_parent(object: &Value) -> Value {
    let parent = object
        .property("PSParentPath")
        .map(|path| path.to_string_form())
        .unwrap_or_default();
    let directory = parent
        .strip_prefix("Microsoft.PowerShell.Core\\FileSystem::")
        .unwrap_or(&parent);
    Value::from(directory.to_owned())
}

/// The certificate provider's grouping: `   PSParentPath: Microsoft.PowerShell.Security\…`.
fn provider_group() -> ViewGroup {
    ViewGroup {
        label: "PSParentPath",
        value: ViewValue::Property("PSParentPath"),
        custom: false,
    }
}

fn protocol_table() -> View {
    View::Table(TableView {
        columns: vec![
            TableViewColumn::property("UnencryptedOrTLSBindings"),
            TableViewColumn::property("SSLBindings"),
            TableViewColumn::property("LoginType"),
            TableViewColumn::property("X509CertificateName"),
        ],
        group_by: None,
        auto_size: false,
    })
}

/// Registers [`views`] in a view registry.
pub fn register_views(registry: &mut Views) {
    for (type_name, view) in views()
        .into_iter()
        .chain(resolve_exchange_certificate::selection_views())
    {
        registry.register(type_name, view);
    }
}
