//! Get-IMAPSettings (spec §3.7).

use exchange_server::Protocol;
use shell_engine::{Call, Cmdlet, Context, ErrorRecord, Example, Signature};

use super::AppState;
use super::protocol_settings::{get, get_signature};

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
