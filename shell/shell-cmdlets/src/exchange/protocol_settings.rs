//! Get-POPSettings, Set-POPSettings, Get-IMAPSettings, Set-IMAPSettings (spec §3.7): one
//! shared implementation, four thin cmdlets.

use exchange_server::{Protocol, ProtocolSettingsChanges};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::{AppState, errors, objects, server_of};

fn get_signature(name: &str, protocol: &str) -> Signature {
    Signature::new(name)
        .summary(&format!("Shows the {protocol} settings of the server."))
        .param(Param::new("Server", Kind::String).from_pipeline(PipelineInput::ByValue))
        .param(Param::new("DomainController", Kind::String))
}

fn set_signature(name: &str, protocol: &str) -> Signature {
    Signature::new(name)
        .summary(&format!("Changes the {protocol} settings of the server."))
        .supports_should_process(ConfirmImpact::Medium)
        .param(Param::new("Server", Kind::String))
        .param(Param::new("X509CertificateName", Kind::String))
        .param(Param::new(
            "LoginType",
            Kind::Enum(objects::login_type_type()),
        ))
        .param(Param::new("UnencryptedOrTLSBindings", Kind::StringList))
        .param(Param::new("SSLBindings", Kind::StringList))
        .param(Param::new("Banner", Kind::String))
        .param(Param::new("DomainController", Kind::String))
}

fn get(protocol: Protocol, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
    let server = server_of(cx);
    let name = server.borrow().name().to_owned();
    let result = server.borrow_mut().protocol_settings(protocol);
    match result {
        Ok(settings) => cx.write_output(objects::protocol_settings(&settings, &name)),
        Err(error) => cx.write_error(errors::configure(&error, call.span)),
    }
    Ok(())
}

fn set(protocol: Protocol, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
    let x509_certificate_name = match call.value("X509CertificateName") {
        Some(value) if value.is_null() || value.to_string_form().is_empty() => Some(None),
        Some(value) => Some(Some(value.to_string_form())),
        None => None,
    };
    let changes = ProtocolSettingsChanges {
        x509_certificate_name,
        login_type: call.value("LoginType").and_then(objects::login_type_of),
        unencrypted_or_tls_bindings: call
            .get_optional::<Vec<String>>("UnencryptedOrTLSBindings")?,
        ssl_bindings: call.get_optional::<Vec<String>>("SSLBindings")?,
        banner: call.get_optional::<String>("Banner")?,
    };
    let server = server_of(cx);
    let target = format!("{}\\1", server.borrow().name());
    if !cx.should_process(&target, &format!("Set-{}Settings", protocol.short_name()))? {
        return Ok(());
    }
    let now = cx.now();
    let result = server
        .borrow_mut()
        .set_protocol_settings(protocol, &changes, now);
    if let Err(error) = result {
        cx.write_error(errors::configure(
            &error,
            call.span_of("X509CertificateName"),
        ));
    }
    Ok(())
}

/// Get-POPSettings.
pub struct GetPopSettings;

impl Cmdlet<AppState> for GetPopSettings {
    fn signature(&self) -> Signature {
        get_signature("Get-POPSettings", "POP3")
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-POPSettings | Format-List",
            summary: "Show every POP3 setting (seed §POP3 and IMAP4).",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        get(Protocol::Pop3, call, cx)
    }
}

/// Set-POPSettings.
pub struct SetPopSettings;

impl Cmdlet<AppState> for SetPopSettings {
    fn signature(&self) -> Signature {
        set_signature("Set-POPSettings", "POP3")
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-POPSettings -X509CertificateName pop.contoso.com; Get-POPSettings",
            summary: "Choose the name POP3 selects its certificate by.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        set(Protocol::Pop3, call, cx)
    }
}

/// Get-IMAPSettings.
pub struct GetImapSettings;

impl Cmdlet<AppState> for GetImapSettings {
    fn signature(&self) -> Signature {
        get_signature("Get-IMAPSettings", "IMAP4")
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-IMAPSettings",
            summary: "Show the IMAP4 bindings and certificate name.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        get(Protocol::Imap4, call, cx)
    }
}

/// Set-IMAPSettings.
pub struct SetImapSettings;

impl Cmdlet<AppState> for SetImapSettings {
    fn signature(&self) -> Signature {
        set_signature("Set-IMAPSettings", "IMAP4")
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-IMAPSettings -X509CertificateName *.contoso.com",
            summary: "A wildcard is refused: X509CertificateName must be a host name.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        set(Protocol::Imap4, call, cx)
    }
}
