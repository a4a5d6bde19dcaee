//! Get-Module: the modules Import-Module loaded into this session (`-ListAvailable` adds the
//! modules certsh has built in).

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, Signature, Value, like,
};

use super::import_module::{BUILT_IN, module_object};
use super::{AppState, ModuleInfo};

/// Lists modules.
pub struct GetModule;

impl Cmdlet<AppState> for GetModule {
    fn signature(&self) -> Signature {
        Signature::new("Get-Module")
            .summary("Gets the modules that have been imported into the current session.")
            .param(Param::new("Name", Kind::StringList).position(0))
            .param(Param::switch("ListAvailable"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-Module -ListAvailable | Select-Object Name, ModuleType",
            summary: "The modules whose commands certsh has built in.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let patterns: Vec<String> = call
            .get_optional("Name")?
            .unwrap_or_else(|| vec!["*".to_owned()]);
        let mut modules: Vec<ModuleInfo> = cx.state().modules().to_vec();
        if call.switch("ListAvailable") {
            for (name, commands) in BUILT_IN {
                if !modules.iter().any(|m| m.name.eq_ignore_ascii_case(name)) {
                    modules.push(ModuleInfo {
                        name: (*name).to_owned(),
                        module_type: "Manifest",
                        path: String::new(),
                        exported: commands.iter().map(|c| (*c).to_owned()).collect(),
                    });
                }
            }
        }
        for module in &modules {
            let name = Value::from(module.name.as_str());
            if patterns
                .iter()
                .any(|pattern| like(&name, &Value::from(pattern.as_str()), false))
            {
                cx.write_output(module_object(module));
            }
        }
        Ok(())
    }
}
