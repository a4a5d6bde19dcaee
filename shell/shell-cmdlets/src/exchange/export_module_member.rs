//! Export-ModuleMember: inside a module that Import-Module runs, names the functions the module
//! exports (its ExportedCommands); elsewhere, PowerShell's error. The other functions stay
//! defined (certsh has no module scopes; the exported functions call them).

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::AppState;

/// Names the functions a module exports.
pub struct ExportModuleMember;

impl Cmdlet<AppState> for ExportModuleMember {
    fn signature(&self) -> Signature {
        Signature::new("Export-ModuleMember")
            .summary("Specifies the module members that are exported.")
            .param(
                Param::new("Function", Kind::StringList)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("Cmdlet", Kind::StringList))
            .param(Param::new("Variable", Kind::StringList))
            .param(Param::new("Alias", Kind::StringList))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Export-ModuleMember -Function Get-ExpiringCertificate",
            summary: "Outside a module this is PowerShell's error; in a .psm1 it makes \
                      Get-ExpiringCertificate the module's exported command.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let functions: Vec<String> = call.get_optional("Function")?.unwrap_or_default();
        if !cx.state_mut().add_module_exports(&functions) {
            return Err(ErrorRecord::new(
                "The Export-ModuleMember cmdlet can only be called from inside a module.",
                "Modules_CanOnlyExecuteExportModuleMemberInsideAModule",
                ErrorCategory::PermissionDenied,
            )
            .with_reason("InvalidOperationException")
            .with_activity(call.name.clone()));
        }
        Ok(())
    }
}
