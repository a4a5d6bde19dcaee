//! The registry: every cmdlet of certsh, the aliases of spec §6.1 and the standard views.

use std::rc::Rc;

use shell_engine::{Cmdlet, Value};

use crate::builtin::*;
use shell_format::Align;

use crate::format::{TableView, TableViewColumn, View, ViewGroup, ViewValue, Views};

/// The names of the built-in cmdlets, in registry order.
pub const BUILTIN_NAMES: &[&str] = &[
    "Format-List",
    "Format-Table",
    "Select-Object",
    "Where-Object",
    "ForEach-Object",
    "Sort-Object",
    "Measure-Object",
    "Group-Object",
    "Out-File",
    "Out-String",
    "Out-Null",
    "Out-Host",
    "Tee-Object",
    "Compare-Object",
    "Invoke-Expression",
    "Write-Output",
    "Write-Host",
    "Write-Warning",
    "Write-Error",
    "Write-Verbose",
    "Write-Progress",
    "Get-Help",
    "Get-Command",
    "Get-Alias",
    "Get-Member",
    "Set-Variable",
    "Get-Variable",
    "Remove-Variable",
    "Clear-Variable",
    "Set-Alias",
    "New-Alias",
    "Clear-Host",
    "Get-Date",
    "New-TimeSpan",
    "New-Object",
    "Add-Member",
    "ConvertTo-SecureString",
    "Get-Content",
    "Set-Content",
    "Add-Content",
    "Test-Path",
    "Join-Path",
    "Split-Path",
    "Get-Location",
    "Set-Location",
    "Read-Host",
    "Start-Sleep",
    "Add-PSSnapin",
    "Get-PSSnapin",
    "ConvertTo-Json",
    "ConvertFrom-Json",
    "ConvertTo-Csv",
    "ConvertFrom-Csv",
    "Export-Csv",
    "Import-Csv",
    "ConvertTo-Html",
    "Get-Credential",
    "Send-MailMessage",
    "Start-Transcript",
    "Stop-Transcript",
];

/// The aliases of spec §6.1: `(alias, command)`.
pub const ALIASES: &[(&str, &str)] = &[
    ("fl", "Format-List"),
    ("ft", "Format-Table"),
    ("select", "Select-Object"),
    ("where", "Where-Object"),
    ("?", "Where-Object"),
    ("foreach", "ForEach-Object"),
    ("%", "ForEach-Object"),
    ("help", "Get-Help"),
    ("man", "Get-Help"),
    ("cls", "Clear-Host"),
    ("clear", "Clear-Host"),
    ("sort", "Sort-Object"),
    ("measure", "Measure-Object"),
    ("group", "Group-Object"),
    ("echo", "Write-Output"),
    ("write", "Write-Output"),
    ("gcm", "Get-Command"),
    ("gm", "Get-Member"),
    ("gal", "Get-Alias"),
    ("oh", "Out-Host"),
    ("sv", "Set-Variable"),
    ("set", "Set-Variable"),
    ("gc", "Get-Content"),
    ("cat", "Get-Content"),
    ("type", "Get-Content"),
    ("sc", "Set-Content"),
    ("ac", "Add-Content"),
    ("sleep", "Start-Sleep"),
    ("epcsv", "Export-Csv"),
    ("ipcsv", "Import-Csv"),
    ("gci", "Get-ChildItem"),
    ("ls", "Get-ChildItem"),
    ("dir", "Get-ChildItem"),
    ("ri", "Remove-Item"),
    ("rm", "Remove-Item"),
    ("del", "Remove-Item"),
    ("erase", "Remove-Item"),
    ("rmdir", "Remove-Item"),
    ("rd", "Remove-Item"),
    ("gi", "Get-Item"),
    ("ni", "New-Item"),
    ("cpi", "Copy-Item"),
    ("cp", "Copy-Item"),
    ("copy", "Copy-Item"),
    ("mi", "Move-Item"),
    ("mv", "Move-Item"),
    ("move", "Move-Item"),
    ("rni", "Rename-Item"),
    ("ren", "Rename-Item"),
    ("gl", "Get-Location"),
    ("pwd", "Get-Location"),
    ("sl", "Set-Location"),
    ("cd", "Set-Location"),
    ("chdir", "Set-Location"),
    ("sls", "Select-String"),
    ("tee", "Tee-Object"),
    ("ipmo", "Import-Module"),
    ("compare", "Compare-Object"),
    ("diff", "Compare-Object"),
    ("iex", "Invoke-Expression"),
    ("gmo", "Get-Module"),
    ("rv", "Remove-Variable"),
    ("clv", "Clear-Variable"),
    ("sal", "Set-Alias"),
    ("nal", "New-Alias"),
    ("gv", "Get-Variable"),
];

fn display_name(value: &Value) -> Value {
    value.property("DisplayName").unwrap_or(Value::Null)
}

/// The views of the built-in object types: Get-Command's table and the hashtable entries'
/// `Name` (30 columns) / `Value` table of PowerShell's Hashtable view.
pub fn builtin_views(views: &mut Views) {
    views.register(
        location::PATH_INFO,
        View::Table(TableView {
            columns: vec![TableViewColumn::property("Path")],
            group_by: None,
            auto_size: false,
        }),
    );
    // Get-Member's view (§7.9): one auto-sized table per TypeName.
    views.register(
        get_member::MEMBER_DEFINITION,
        View::Table(TableView {
            columns: vec![
                TableViewColumn::property("Name"),
                TableViewColumn::property("MemberType"),
                TableViewColumn::property("Definition"),
            ],
            group_by: Some(ViewGroup {
                label: "TypeName",
                value: ViewValue::Property("TypeName"),
                custom: false,
            }),
            auto_size: true,
        }),
    );
    views.register(
        get_command::COMMAND_INFO,
        View::Table(TableView {
            columns: vec![
                TableViewColumn::property("CommandType").width(15),
                TableViewColumn::computed("Name", display_name).width(50),
                TableViewColumn::property("Version").width(10),
                TableViewColumn::property("Source"),
            ],
            group_by: None,
            auto_size: false,
        }),
    );
    // PowerShell's PSVariable view: Name (30), then Value, both left-aligned.
    views.register(
        "System.Management.Automation.PSVariable",
        View::Table(TableView {
            columns: vec![
                TableViewColumn::property("Name")
                    .width(30)
                    .align(Align::Left),
                TableViewColumn::property("Value").align(Align::Left),
            ],
            group_by: None,
            auto_size: false,
        }),
    );
    views.register(
        "System.Collections.DictionaryEntry",
        View::Table(TableView {
            columns: vec![
                TableViewColumn::property("Name")
                    .width(30)
                    .align(Align::Left),
                TableViewColumn::property("Value").align(Align::Left),
            ],
            group_by: None,
            auto_size: false,
        }),
    );
}

/// The built-in cmdlets, generic over the application state, in [`BUILTIN_NAMES`] order.
pub fn builtin_cmdlets<S: 'static>(views: &Rc<Views>) -> Vec<Rc<dyn Cmdlet<S>>> {
    vec![
        Rc::new(FormatList {
            views: views.clone(),
        }),
        Rc::new(FormatTable {
            views: views.clone(),
        }),
        Rc::new(SelectObject),
        Rc::new(WhereObject),
        Rc::new(ForEachObject),
        Rc::new(SortObject),
        Rc::new(MeasureObject),
        Rc::new(GroupObject),
        Rc::new(OutFile {
            views: views.clone(),
        }),
        Rc::new(OutString {
            views: views.clone(),
        }),
        Rc::new(OutNull),
        Rc::new(OutHost {
            views: views.clone(),
        }),
        Rc::new(TeeObject {
            views: views.clone(),
        }),
        Rc::new(CompareObject),
        Rc::new(InvokeExpression),
        Rc::new(WriteOutput),
        Rc::new(WriteHost),
        Rc::new(WriteWarning),
        Rc::new(WriteError),
        Rc::new(WriteVerbose),
        Rc::new(WriteProgress),
        Rc::new(GetHelp),
        Rc::new(GetCommand),
        Rc::new(GetAlias),
        Rc::new(GetMember),
        Rc::new(SetVariable),
        Rc::new(GetVariable),
        Rc::new(RemoveVariable),
        Rc::new(ClearVariable),
        Rc::new(SetAlias),
        Rc::new(NewAlias),
        Rc::new(ClearHost),
        Rc::new(GetDate),
        Rc::new(NewTimeSpan),
        Rc::new(NewObject),
        Rc::new(AddMember),
        Rc::new(ConvertToSecureString),
        Rc::new(GetContent),
        Rc::new(SetContent),
        Rc::new(AddContent),
        Rc::new(TestPath),
        Rc::new(JoinPath),
        Rc::new(SplitPath),
        Rc::new(GetLocation),
        Rc::new(SetLocation),
        Rc::new(ReadHost),
        Rc::new(StartSleep),
        Rc::new(AddPSSnapin),
        Rc::new(GetPSSnapin),
        Rc::new(ConvertToJson),
        Rc::new(ConvertFromJson),
        Rc::new(ConvertToCsv),
        Rc::new(ConvertFromCsv),
        Rc::new(ExportCsv),
        Rc::new(ImportCsv),
        Rc::new(ConvertToHtml),
        Rc::new(GetCredential),
        Rc::new(SendMailMessage),
        Rc::new(StartTranscript),
        Rc::new(StopTranscript),
    ]
}

/// The standard views: the built-in types' views (and the Exchange types' once registered).
pub fn standard_views() -> Views {
    let mut views = Views::new();
    builtin_views(&mut views);
    views
}

/// Registers the built-in cmdlets and the aliases of §6.1 in a session.
pub fn register_builtins<S: 'static>(session: &mut shell_engine::Session<S>, views: &Rc<Views>) {
    for cmdlet in builtin_cmdlets::<S>(views) {
        session.register(cmdlet);
    }
    for (alias, command) in ALIASES {
        session.register_alias(alias, command);
    }
}

/// The standard views plus the Exchange types' views.
pub fn all_views() -> Views {
    let mut views = standard_views();
    crate::exchange::register_views(&mut views);
    views
}

/// Every cmdlet of certsh: the built-ins, then the Exchange cmdlets.
pub fn all_cmdlets(views: &Rc<Views>) -> Vec<Rc<dyn Cmdlet<crate::exchange::AppState>>> {
    let mut out = builtin_cmdlets::<crate::exchange::AppState>(views);
    out.extend(crate::exchange::exchange_cmdlets());
    out
}

/// Registers every cmdlet and the aliases of §6.1 in a certsh session.
pub fn register_all(
    session: &mut shell_engine::Session<crate::exchange::AppState>,
    views: &Rc<Views>,
) {
    for cmdlet in all_cmdlets(views) {
        session.register(cmdlet);
    }
    for (alias, command) in ALIASES {
        session.register_alias(alias, command);
    }
}
