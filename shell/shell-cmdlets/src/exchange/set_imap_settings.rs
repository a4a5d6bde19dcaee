//! Set-IMAPSettings (spec §3.7).

use exchange_server::Protocol;
use shell_engine::{Call, Cmdlet, Context, ErrorRecord, Example, Signature};

use super::AppState;
use super::protocol_settings::{set, set_signature};

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
