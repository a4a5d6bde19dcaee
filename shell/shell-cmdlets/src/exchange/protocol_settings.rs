//! What Get-/Set-POPSettings and Get-/Set-IMAPSettings share (spec §3.7).

use exchange_server::{Protocol, ProtocolSettingsChanges};
use shell_engine::{
    Call, ConfirmImpact, Context, ErrorRecord, Kind, Param, PipelineInput, Signature,
};

use super::{AppState, errors, objects, server_of};

pub(super) fn get_signature(name: &str, protocol: &str) -> Signature {
    Signature::new(name)
        .summary(&format!("Shows the {protocol} settings of the server."))
        .param(Param::new("Server", Kind::String).from_pipeline(PipelineInput::ByValue))
        .param(Param::new("DomainController", Kind::String))
}

pub(super) fn set_signature(name: &str, protocol: &str) -> Signature {
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

pub(super) fn get(
    protocol: Protocol,
    call: &Call,
    cx: &mut Context<AppState>,
) -> Result<(), ErrorRecord> {
    let server = server_of(cx);
    let name = server.borrow().name().to_owned();
    let result = server.borrow_mut().protocol_settings(protocol);
    match result {
        Ok(settings) => cx.write_output(objects::protocol_settings(&settings, &name)),
        Err(error) => cx.write_error(errors::configure(&error, call.span)),
    }
    Ok(())
}

pub(super) fn set(
    protocol: Protocol,
    call: &Call,
    cx: &mut Context<AppState>,
) -> Result<(), ErrorRecord> {
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
