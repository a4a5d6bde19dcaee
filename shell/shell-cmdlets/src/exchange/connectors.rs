//! What the connector cmdlets share.

use exchange_server::{Connector, ConnectorChanges, ConnectorKind};
use shell_engine::{Call, Context, ErrorRecord};

use super::{AppState, errors, objects, server_of};

/// `-Fqdn` as a change: `$null` or empty clears it (the server FQDN is then used, B-81).
pub(super) fn fqdn_change(call: &Call) -> Option<Option<String>> {
    call.value("Fqdn").map(|value| {
        let text = value.to_string_form();
        if value.is_null() || text.is_empty() {
            None
        } else {
            Some(text)
        }
    })
}

fn matches_identity(connector: &Connector, identity: &str, server: &str) -> bool {
    let name = match identity.split_once('\\') {
        Some((prefix, name)) if prefix.eq_ignore_ascii_case(server) => name,
        _ => identity,
    };
    connector.name.eq_ignore_ascii_case(name)
}

/// Get-*Connector.
pub(super) fn list(
    kind: ConnectorKind,
    call: &Call,
    cx: &mut Context<AppState>,
) -> Result<(), ErrorRecord> {
    let identity = call.get_optional::<String>("Identity")?;
    let server = server_of(cx);
    let result = server.borrow_mut().connectors(kind);
    let config = server.borrow_mut().config();
    match (result, config) {
        (Ok(connectors), Ok(config)) => {
            let mut found = false;
            for connector in &connectors {
                if identity
                    .as_deref()
                    .is_none_or(|id| matches_identity(connector, id, &config.name))
                {
                    found = true;
                    cx.write_output(objects::connector(connector, &config));
                }
            }
            if let (Some(identity), false) = (identity, found) {
                let error = exchange_server::ConfigureServerError::ConnectorNotFound { identity };
                cx.write_error(errors::configure(&error, call.span_of("Identity")));
            }
        }
        (Err(error), _) | (_, Err(error)) => cx.write_error(errors::configure(&error, call.span)),
    }
    Ok(())
}

/// New-*Connector.
pub(super) fn new(
    connector: Connector,
    call: &Call,
    cx: &mut Context<AppState>,
) -> Result<(), ErrorRecord> {
    if !cx.should_process(&connector.name, &call.name)? {
        return Ok(());
    }
    let now = cx.now();
    let server = server_of(cx);
    let result = server.borrow_mut().new_connector(connector, now);
    let config = server.borrow_mut().config();
    match (result, config) {
        (Ok(created), Ok(config)) => cx.write_output(objects::connector(&created, &config)),
        (Err(error), _) | (_, Err(error)) => {
            cx.write_error(errors::configure(&error, call.span_of("Fqdn")))
        }
    }
    Ok(())
}

/// Set-*Connector.
pub(super) fn set(
    kind: ConnectorKind,
    changes: &ConnectorChanges,
    call: &Call,
    cx: &mut Context<AppState>,
) -> Result<(), ErrorRecord> {
    let identity = match call.value("Identity") {
        Some(value) => value
            .property("Identity")
            .unwrap_or_else(|| value.clone())
            .to_string_form(),
        None => String::new(),
    };
    if !cx.should_process(&identity, &call.name)? {
        return Ok(());
    }
    let now = cx.now();
    let result = server_of(cx)
        .borrow_mut()
        .set_connector(kind, &identity, changes, now);
    if let Err(error) = result {
        cx.write_error(errors::configure(&error, call.span_of("Identity")));
    }
    Ok(())
}
