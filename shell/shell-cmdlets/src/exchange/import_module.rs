//! Import-Module: a script module (`.psm1`, or a `.ps1`) from a path, or from a directory that
//! holds `<name>.psm1`, is run in the session's scope so that its functions become commands; the
//! modules whose commands certsh has built in (PKI, the Microsoft.PowerShell.* modules) load
//! as they are. Anything else is PowerShell's "no valid module file was found".

use std::path::{Path, PathBuf};

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value, like,
};

use super::{AppState, ModuleExports, ModuleInfo};

/// Loads modules into the session.
pub struct ImportModule;

/// The type name of module objects.
pub const MODULE_INFO: &str = "System.Management.Automation.PSModuleInfo";

/// Modules whose commands are part of certsh, and the commands they stand for.
pub(super) const BUILT_IN: &[(&str, &[&str])] = &[
    (
        "PKI",
        &[
            "Export-Certificate",
            "Get-Certificate",
            "Import-Certificate",
        ],
    ),
    (
        "Microsoft.PowerShell.Management",
        &[
            "Copy-Item",
            "Get-ChildItem",
            "Get-Content",
            "Get-Item",
            "Get-Location",
            "Get-Service",
            "Move-Item",
            "New-Item",
            "Remove-Item",
            "Rename-Item",
            "Set-Content",
            "Set-Location",
            "Start-Service",
            "Stop-Service",
            "Test-Path",
        ],
    ),
    (
        "Microsoft.PowerShell.Utility",
        &[
            "ConvertTo-Csv",
            "ConvertTo-Html",
            "ConvertTo-Json",
            "Export-Csv",
            "Format-List",
            "Format-Table",
            "Get-Date",
            "Import-Csv",
            "Select-Object",
            "Select-String",
            "Send-MailMessage",
            "Sort-Object",
            "Tee-Object",
        ],
    ),
    (
        "Microsoft.PowerShell.Security",
        &["ConvertTo-SecureString", "Get-Credential"],
    ),
];

/// The object Import-Module -PassThru and Get-Module write.
pub(super) fn module_object(module: &ModuleInfo) -> Value {
    let exported: Vec<Value> = module
        .exported
        .iter()
        .map(|name| Value::from(name.as_str()))
        .collect();
    let object = PsObject::new(MODULE_INFO)
        .with("ModuleType", module.module_type)
        .with("Version", "0.0")
        .with("Name", module.name.as_str())
        .with("ExportedCommands", Value::array(exported))
        .with("Path", module.path.as_str())
        .with_string_form(module.name.clone());
    Value::object(object)
}

fn not_found(call: &Call, name: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!(
            "The specified module '{name}' was not loaded because no valid module file was \
             found in any module directory."
        ),
        "Modules_ModuleNotFound",
        ErrorCategory::ResourceUnavailable,
    )
    .with_reason("FileNotFoundException")
    .with_target_text(name, "String")
    .with_activity(call.name.clone())
    .with_span(call.span_of("Name"))
}

/// The script file a module name stands for: the file itself, or `<dir>/<dir name>.psm1`.
fn module_file(name: &str) -> Option<PathBuf> {
    let path = shell_engine::file_path(name);
    if path.is_file() {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        return matches!(extension.as_deref(), Some("psm1" | "ps1")).then_some(path);
    }
    if path.is_dir() {
        let stem = path.file_name()?.to_string_lossy().into_owned();
        let inside = path.join(format!("{stem}.psm1"));
        return inside.is_file().then_some(inside);
    }
    None
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Cmdlet<AppState> for ImportModule {
    fn signature(&self) -> Signature {
        Signature::new("Import-Module")
            .summary("Adds modules to the current session.")
            .param(
                Param::new("Name", Kind::StringList)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::switch("Force"))
            .param(Param::switch("PassThru"))
            .param(Param::switch("DisableNameChecking"))
            .param(Param::switch("Global"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Import-Module PKI -PassThru | Select-Object Name, ModuleType",
            summary: "The PKI module's certificate cmdlets are built in: it loads as it is.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let names: Vec<String> = call.get("Name")?;
        for name in names {
            let module = if let Some((known, commands)) = BUILT_IN
                .iter()
                .find(|(known, _)| known.eq_ignore_ascii_case(name.trim()))
            {
                ModuleInfo {
                    name: (*known).to_owned(),
                    module_type: "Manifest",
                    path: String::new(),
                    exported: commands.iter().map(|c| (*c).to_owned()).collect(),
                }
            } else if let Some(file) = module_file(&name) {
                let text = file.display().to_string();
                let Some(block) = cx.load_script(&text)? else {
                    cx.write_error(not_found(call, &name));
                    continue;
                };
                let before: Vec<String> = cx.functions().into_iter().map(|(n, _)| n).collect();
                let outer = cx
                    .state_mut()
                    .swap_module_exports(Some(ModuleExports::default()));
                let ran = cx.invoke_block(&block, None, Vec::new());
                let exports = cx
                    .state_mut()
                    .swap_module_exports(outer)
                    .unwrap_or_default();
                ran?;
                let mut exported = Vec::new();
                for function in cx.functions().into_iter().map(|(n, _)| n) {
                    if before.contains(&function) {
                        continue;
                    }
                    let named = exports.functions.iter().any(|pattern| {
                        like(
                            &Value::from(function.as_str()),
                            &Value::from(pattern.as_str()),
                            false,
                        )
                    });
                    // A function the module does not export stays defined: certsh has no
                    // module scopes, and the exported functions call their private helpers.
                    if !exports.called || named {
                        exported.push(function);
                    }
                }
                ModuleInfo {
                    name: stem(&file),
                    module_type: "Script",
                    path: std::path::absolute(&file)
                        .unwrap_or(file)
                        .display()
                        .to_string(),
                    exported,
                }
            } else {
                cx.write_error(not_found(call, &name));
                continue;
            };
            if call.switch("PassThru") {
                cx.write_output(module_object(&module));
            }
            cx.state_mut().add_module(module);
        }
        Ok(())
    }
}
