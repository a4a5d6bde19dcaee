//! Get-POPSettings (spec §3.7).

use exchange_server::Protocol;
use shell_engine::{Call, Cmdlet, Context, ErrorRecord, Example, Signature};

use super::AppState;
use super::protocol_settings::{get, get_signature};

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
