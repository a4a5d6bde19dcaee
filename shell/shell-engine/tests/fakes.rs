//! Fake cmdlets with the assumed signatures of spec §12.0, a recording state and helpers.

use std::rc::Rc;

use shell_engine::*;

pub const TP: &str = "257C327A164ED8A6FCDAFCA7789D29B60369DCA7";

/// One recorded invocation: command name and `(parameter, value text, how)`.
pub type Invocation = (String, Vec<(String, String, BoundHow)>);

/// The application state of the tests: a log of invocations.
#[derive(Default)]
pub struct Log {
    pub calls: Vec<Invocation>,
}

fn record(call: &Call, cx: &mut Context<Log>) {
    let params = call
        .params
        .iter()
        .map(|p| (p.name.clone(), p.value.to_string_form(), p.how))
        .collect();
    cx.state_mut().calls.push((call.name.clone(), params));
}

pub fn services_type() -> Rc<EnumType> {
    EnumType::flags(
        "AllowedServices",
        &[
            ("None", 0),
            ("IMAP", 1),
            ("POP", 2),
            ("UM", 4),
            ("IIS", 8),
            ("SMTP", 16),
        ],
    )
}

fn certificate(tp: &str, services: i64, has_key: bool) -> Value {
    Value::object(
        PsObject::new("ExchangeCertificate")
            .with("Thumbprint", tp)
            .with(
                "Services",
                EnumValue {
                    ty: services_type(),
                    value: services,
                },
            )
            .with("Status", "Valid")
            .with("HasPrivateKey", has_key)
            .with(
                "CertificateDomains",
                vec!["a.contoso.com".to_string(), "b.contoso.com".to_string()],
            )
            .with_string_form(format!("[Subject]\n  CN=cert {tp}")),
    )
}

fn not_found(tp: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("The certificate with thumbprint {tp} was not found."),
        "CertificateNotFound",
        ErrorCategory::ObjectNotFound,
    )
    .with_reason("CertificateNotFoundException")
    .with_target(Value::from(tp))
}

pub struct GetExchangeCertificate;
impl Cmdlet<Log> for GetExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Get-ExchangeCertificate")
            .param(
                Param::new("Thumbprint", Kind::String)
                    .position(0)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("DomainName", Kind::StringList))
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        record(call, cx);
        let certs = [
            certificate(TP, 2, true),
            certificate("1111111111111111111111111111111111111111", 16, false),
        ];
        if call.is_bound("DomainName") {
            cx.write_warning("DomainName is ignored by this fake");
        }
        match call.get_optional::<String>("Thumbprint")? {
            Some(tp) => match certs
                .iter()
                .find(|c| c.member("Thumbprint").to_string_form() == tp)
            {
                Some(c) => cx.write_output(c.clone()),
                None => cx.write_error(not_found(&tp).with_span(call.span_of("Thumbprint"))),
            },
            None => certs.into_iter().for_each(|c| cx.write_output(c)),
        }
        Ok(())
    }
}

pub struct EnableExchangeCertificate;
impl Cmdlet<Log> for EnableExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Enable-ExchangeCertificate")
            .param(
                Param::new("Thumbprint", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("Services", Kind::Flags(services_type())).mandatory())
            .param(Param::switch("Force"))
            .supports_should_process(ConfirmImpact::Medium)
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        record(call, cx);
        let tp: String = call.get("Thumbprint")?;
        if tp != TP {
            cx.write_error(not_found(&tp).with_span(call.span_of("Thumbprint")));
            return Ok(());
        }
        let services = call
            .value("Services")
            .map(Value::to_string_form)
            .unwrap_or_default();
        if cx.should_process(&tp, &format!("Enable {services}"))? {
            cx.write_output(Value::from(format!("enabled {services}")));
        }
        Ok(())
    }
}

pub struct NewExchangeCertificate;
impl Cmdlet<Log> for NewExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("New-ExchangeCertificate")
            .param(Param::switch("BinaryEncoded"))
            .param(Param::new("DomainName", Kind::StringList))
            .param(Param::switch("Force"))
            .param(Param::new("FriendlyName", Kind::String))
            .param(Param::switch("GenerateRequest"))
            .param(Param::switch("IncludeAcceptedDomains"))
            .param(Param::new("Instance", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::new("KeySize", Kind::Int32))
            .param(Param::new("Path", Kind::String))
            .param(Param::new("PrivateKeyExportable", Kind::Boolean))
            .param(Param::new("Services", Kind::Flags(services_type())))
            .param(Param::new("SubjectKeyIdentifier", Kind::String))
            .param(Param::new("SubjectName", Kind::String))
            .supports_should_process(ConfirmImpact::Medium)
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        record(call, cx);
        Ok(())
    }
}

pub struct RemoveExchangeCertificate;
impl Cmdlet<Log> for RemoveExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Remove-ExchangeCertificate")
            .param(
                Param::new("Thumbprint", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .supports_should_process(ConfirmImpact::High)
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        let tp: String = call.get("Thumbprint")?;
        if cx.should_process(&tp, "Remove certificate")? {
            record(call, cx);
        }
        Ok(())
    }
}

pub struct WriteOutput;
impl Cmdlet<Log> for WriteOutput {
    fn signature(&self) -> Signature {
        Signature::new("Write-Output")
            .param(
                Param::new("InputObject", Kind::ObjectList)
                    .position(0)
                    .mandatory()
                    .allow_null()
                    .from_pipeline(PipelineInput::ByValue)
                    .remaining(),
            )
            .param(Param::switch("NoEnumerate"))
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        let v = call.value("InputObject").cloned().unwrap_or_default();
        if call.switch("NoEnumerate") {
            cx.write_output(v);
        } else {
            cx.write_output_enumerated(v);
        }
        Ok(())
    }
}

pub struct WriteHost;
impl Cmdlet<Log> for WriteHost {
    fn signature(&self) -> Signature {
        Signature::new("Write-Host")
            .param(
                Param::new("Object", Kind::Object)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .remaining(),
            )
            .param(Param::switch("NoNewline"))
            .param(Param::new("Separator", Kind::Object))
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        let sep = call
            .value("Separator")
            .map(Value::to_string_form)
            .unwrap_or_else(|| " ".into());
        let text = call
            .value("Object")
            .map(|v| {
                v.enumerate()
                    .iter()
                    .map(Value::to_string_form)
                    .collect::<Vec<_>>()
                    .join(&sep)
            })
            .unwrap_or_default();
        cx.host().write_host(&text, !call.switch("NoNewline"));
        Ok(())
    }
}

pub struct SetVariable;
impl Cmdlet<Log> for SetVariable {
    fn signature(&self) -> Signature {
        Signature::new("Set-Variable")
            .param(
                Param::new("Name", Kind::StringList)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(
                Param::new("Value", Kind::Object)
                    .position(1)
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::switch("PassThru"))
            .param(Param::new("Scope", Kind::String))
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        record(call, cx);
        let names: Vec<String> = call.get("Name")?;
        let value = call.value("Value").cloned().unwrap_or_default();
        for n in names {
            cx.set_variable(&n, value.clone());
        }
        Ok(())
    }
}

const OPERATORS: [(&str, &str, &str); 3] = [
    ("EQ", "IEQ", "EqualSet"),
    ("Like", "ILike", "LikeSet"),
    ("Match", "IMatch", "MatchSet"),
];

pub struct WhereObject;
impl Cmdlet<Log> for WhereObject {
    fn signature(&self) -> Signature {
        let mut sig = Signature::new("Where-Object")
            .default_set("EqualSet")
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(
                Param::new("FilterScript", Kind::ScriptBlock)
                    .in_set("ScriptBlockSet")
                    .position(0)
                    .mandatory(),
            );
        let mut property = Param::new("Property", Kind::String);
        let mut value = Param::new("Value", Kind::Object);
        for (_, _, set) in OPERATORS {
            property = property.in_set(set).position(0).mandatory();
            value = value.in_set(set).position(1);
        }
        sig = sig.param(property).param(value);
        for (name, alias, set) in OPERATORS {
            sig = sig.param(Param::switch(name).alias(alias).in_set(set).mandatory());
        }
        sig
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        let input = call.value("InputObject").cloned().unwrap_or_default();
        let keep = if let Some(Value::ScriptBlock(b)) = call.value("FilterScript") {
            cx.invoke_block(b, Some(input.clone()), vec![])?
                .iter()
                .any(Value::is_truthy)
        } else {
            let prop: String = call.get("Property")?;
            let actual = input.member(&prop);
            let expected = call.value("Value").cloned().unwrap_or_default();
            if call.switch("Like") {
                like(&actual, &expected, false)
            } else {
                values_equal(&actual, &expected, false, time::UtcOffset::UTC)
            }
        };
        if keep {
            cx.write_output(input);
        }
        Ok(())
    }
}

pub struct ForEachObject;
impl Cmdlet<Log> for ForEachObject {
    fn signature(&self) -> Signature {
        Signature::new("ForEach-Object")
            .default_set("ScriptBlockSet")
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(
                Param::new("Process", Kind::ScriptBlockList)
                    .in_set("ScriptBlockSet")
                    .position(0)
                    .mandatory(),
            )
            .param(
                Param::new("MemberName", Kind::String)
                    .in_set("PropertyAndMethodSet")
                    .position(0)
                    .mandatory(),
            )
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        record(call, cx);
        let input = call.value("InputObject").cloned().unwrap_or_default();
        if let Some(member) = call.value("MemberName") {
            cx.write_output_enumerated(input.member(&member.to_string_form()));
            return Ok(());
        }
        for b in call
            .value("Process")
            .map(Value::enumerate)
            .unwrap_or_default()
        {
            if let Value::ScriptBlock(b) = b {
                for v in cx.invoke_block(&b, Some(input.clone()), vec![])? {
                    cx.write_output(v);
                }
            }
        }
        Ok(())
    }
}

/// Collects input and emits it sorted by string form in `end` (exercises scratch + end).
pub struct SortObject;
impl Cmdlet<Log> for SortObject {
    fn signature(&self) -> Signature {
        Signature::new("Sort-Object")
            .param(Param::switch("Descending"))
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        let v = call.value("InputObject").cloned().unwrap_or_default();
        cx.scratch::<Vec<Value>>().push(v);
        Ok(())
    }
    fn end(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        let mut items = std::mem::take(cx.scratch::<Vec<Value>>());
        items.sort_by(|a, b| {
            compare_values(a, b, false, time::UtcOffset::UTC).unwrap_or(std::cmp::Ordering::Equal)
        });
        if call.switch("Descending") {
            items.reverse();
        }
        items.into_iter().for_each(|v| cx.write_output(v));
        Ok(())
    }
}

/// Stops after N inputs (exercises `stop_upstream`).
pub struct SelectFirst;
impl Cmdlet<Log> for SelectFirst {
    fn signature(&self) -> Signature {
        Signature::new("Select-Object")
            .param(Param::new("First", Kind::Int32))
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        let first: i32 = call.get_optional("First")?.unwrap_or(i32::MAX);
        let seen = cx.scratch::<i32>();
        *seen += 1;
        let n = *seen;
        if n <= first {
            cx.write_output(call.value("InputObject").cloned().unwrap_or_default());
        }
        if n >= first {
            cx.stop_upstream();
        }
        Ok(())
    }
}

/// Out-File: appends the string forms of its input to a file (redirection target).
pub struct OutFile;
impl Cmdlet<Log> for OutFile {
    fn signature(&self) -> Signature {
        Signature::new("Out-File")
            .param(
                Param::new("FilePath", Kind::String)
                    .position(0)
                    .mandatory()
                    .alias("Path"),
            )
            .param(Param::switch("Append"))
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
    }
    fn run(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        if let Some(v) = call.value("InputObject") {
            cx.scratch::<Vec<String>>().push(v.to_string_form());
        }
        Ok(())
    }
    fn end(&self, call: &Call, cx: &mut Context<Log>) -> Result<(), ErrorRecord> {
        use std::io::Write;
        let path: String = call.get("FilePath")?;
        let lines = std::mem::take(cx.scratch::<Vec<String>>());
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(call.switch("Append"))
            .write(true)
            .truncate(!call.switch("Append"))
            .open(&path)
            .map_err(|e| {
                ErrorRecord::new(e.to_string(), "FileOpenFailure", ErrorCategory::OpenError)
            })?;
        for l in lines {
            writeln!(file, "{l}").map_err(|e| {
                ErrorRecord::new(e.to_string(), "FileWriteFailure", ErrorCategory::WriteError)
            })?;
        }
        Ok(())
    }
}

pub fn session() -> Session<Log> {
    let now = time::macros::datetime!(2008-08-07 10:04:02 UTC);
    let mut s = Session::new(Log::default(), Box::new(ScriptedHost::new()), now);
    s.register(Rc::new(GetExchangeCertificate));
    s.register(Rc::new(EnableExchangeCertificate));
    s.register(Rc::new(NewExchangeCertificate));
    s.register(Rc::new(RemoveExchangeCertificate));
    s.register(Rc::new(WriteOutput));
    s.register(Rc::new(WriteHost));
    s.register(Rc::new(SetVariable));
    s.register(Rc::new(WhereObject));
    s.register(Rc::new(ForEachObject));
    s.register(Rc::new(SortObject));
    s.register(Rc::new(SelectFirst));
    s.register(Rc::new(OutFile));
    for (a, c) in [
        ("where", "Where-Object"),
        ("?", "Where-Object"),
        ("%", "ForEach-Object"),
        ("foreach", "ForEach-Object"),
        ("sv", "Set-Variable"),
        ("echo", "Write-Output"),
        ("select", "Select-Object"),
        ("sort", "Sort-Object"),
    ] {
        s.register_alias(a, c);
    }
    s.set_variable("tp", Value::from(TP));
    s
}

pub struct Run {
    pub session: Session<Log>,
    pub result: RunResult,
}

impl Run {
    pub fn host(&self) -> &ScriptedHost {
        self.session
            .host_as::<ScriptedHost>()
            .expect("tests use a ScriptedHost")
    }
    pub fn outputs(&self) -> Vec<String> {
        self.host().output_strings()
    }
    pub fn errors(&self) -> Vec<ErrorRecord> {
        self.host().errors()
    }
    pub fn calls(&self, name: &str) -> Vec<Vec<(String, String, BoundHow)>> {
        self.session
            .state()
            .calls
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, p)| p.clone())
            .collect()
    }
    /// The bound `(value, how)` of one parameter in the first call of a command.
    pub fn bound(&self, command: &str, param: &str) -> Option<(String, BoundHow)> {
        self.calls(command)
            .first()?
            .iter()
            .find(|(n, _, _)| n == param)
            .map(|(_, v, h)| (v.clone(), *h))
    }
}

pub fn run(script: &str) -> Run {
    let mut session = session();
    let result = session.run_script(script, Origin::Interactive);
    Run { session, result }
}

/// Runs a script that must fail with exactly one error record and returns it.
#[track_caller]
pub fn single_error(script: &str) -> ErrorRecord {
    let r = run(script);
    let errors = r.errors();
    assert_eq!(errors.len(), 1, "errors of {script:?}: {errors:#?}");
    errors[0].clone()
}

/// The source text under an error's span.
pub fn span_text(script: &str, e: &ErrorRecord) -> String {
    let span = e.span().expect("the error has a span");
    script[span.start..span.end].to_string()
}
