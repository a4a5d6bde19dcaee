//! Set-POPSettings (spec §3.7).

use exchange_server::Protocol;
use shell_engine::{Call, Cmdlet, Context, ErrorRecord, Example, Signature};

use super::AppState;
use super::protocol_settings::{set, set_signature};

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
