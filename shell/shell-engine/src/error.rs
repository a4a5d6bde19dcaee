//! PowerShell's error record (spec §8.2) and the language layer's catalogue (§8.4).

use std::rc::Rc;

use shell_parser::{ParseError, Span};

use crate::value::Value;

/// PowerShell's error categories (the names print as-is in `CategoryInfo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ErrorCategory {
    NotSpecified,
    InvalidArgument,
    InvalidOperation,
    InvalidData,
    InvalidType,
    ObjectNotFound,
    ResourceExists,
    ResourceUnavailable,
    PermissionDenied,
    OpenError,
    ReadError,
    WriteError,
    SecurityError,
    OperationStopped,
    ParserError,
    NotImplemented,
    InvalidResult,
    MetadataError,
    NotInstalled,
    ConnectionError,
}

impl ErrorCategory {
    /// The name as PowerShell prints it.
    pub fn name(self) -> &'static str {
        match self {
            ErrorCategory::NotSpecified => "NotSpecified",
            ErrorCategory::InvalidArgument => "InvalidArgument",
            ErrorCategory::InvalidOperation => "InvalidOperation",
            ErrorCategory::InvalidData => "InvalidData",
            ErrorCategory::InvalidType => "InvalidType",
            ErrorCategory::ObjectNotFound => "ObjectNotFound",
            ErrorCategory::ResourceExists => "ResourceExists",
            ErrorCategory::ResourceUnavailable => "ResourceUnavailable",
            ErrorCategory::PermissionDenied => "PermissionDenied",
            ErrorCategory::OpenError => "OpenError",
            ErrorCategory::ReadError => "ReadError",
            ErrorCategory::WriteError => "WriteError",
            ErrorCategory::SecurityError => "SecurityError",
            ErrorCategory::OperationStopped => "OperationStopped",
            ErrorCategory::ParserError => "ParserError",
            ErrorCategory::NotImplemented => "NotImplemented",
            ErrorCategory::InvalidResult => "InvalidResult",
            ErrorCategory::MetadataError => "MetadataError",
            ErrorCategory::NotInstalled => "NotInstalled",
            ErrorCategory::ConnectionError => "ConnectionError",
        }
    }
}

/// Where an error happened: the command as typed, the source and the span.
#[derive(Debug, Clone, PartialEq)]
pub struct InvocationInfo {
    /// The command name exactly as typed (alias included); `None` for `throw`,
    /// expression errors and parse errors (no `Name : ` prefix).
    pub command_name: Option<String>,
    /// The script path as given, or `None` for interactive input (`At line:N`).
    pub origin: Option<Rc<str>>,
    /// The whole source text the span points into.
    pub source: Rc<str>,
    /// The offending element.
    pub span: Span,
}

impl InvocationInfo {
    /// 1-based line and character column of the span start.
    pub fn line_col(&self) -> (usize, usize) {
        self.span.line_col(&self.source)
    }

    /// The full source line holding the span start.
    pub fn line_text(&self) -> &str {
        let start = self.span.start.min(self.source.len());
        let line_start = self.source[..start]
            .rfind(['\n', '\r'])
            .map(|i| i + 1)
            .unwrap_or(0);
        let rest = &self.source[line_start..];
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        &rest[..end]
    }
}

/// An error record (spec §8.2). The fields live in [`ErrorRecordData`] behind one box
/// (so `Result<_, ErrorRecord>` stays small); read and write them directly
/// (`record.message`, `record.category`) through `Deref`.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorRecord(Box<ErrorRecordData>);

impl std::ops::Deref for ErrorRecord {
    type Target = ErrorRecordData;
    fn deref(&self) -> &ErrorRecordData {
        &self.0
    }
}

impl std::ops::DerefMut for ErrorRecord {
    fn deref_mut(&mut self) -> &mut ErrorRecordData {
        &mut self.0
    }
}

/// The fields of an [`ErrorRecord`].
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorRecordData {
    /// The message text.
    pub message: String,
    /// The ErrorId (`NamedParameterNotFound`, `CertificateNotFound`, …).
    pub error_id: String,
    /// The category.
    pub category: ErrorCategory,
    /// The target name in CategoryInfo (`(name:type)`).
    pub target_name: String,
    /// The target type in CategoryInfo.
    pub target_type: String,
    /// The activity: the cmdlet's declared name, or empty.
    pub activity: String,
    /// The reason: an exception type name (`ParameterBindingException`, …).
    pub reason: String,
    /// The target object (`$_.TargetObject`).
    pub target_object: Option<Value>,
    /// Where it happened (filled in by the engine when a cmdlet leaves it empty).
    pub invocation: Option<InvocationInfo>,
    /// All parse errors, for a record made from a parse failure (rendered specially).
    pub parse_errors: Vec<ParseError>,
    /// `true` when the FullyQualifiedErrorId is the bare ErrorId even though an activity
    /// is set (not used by cmdlet errors; set for `throw` and lookup failures).
    pub bare_id: bool,
}

impl ErrorRecord {
    /// A record with a message, id and category; everything else empty.
    pub fn new(
        message: impl Into<String>,
        error_id: impl Into<String>,
        category: ErrorCategory,
    ) -> Self {
        ErrorRecord(Box::new(ErrorRecordData {
            message: message.into(),
            error_id: error_id.into(),
            category,
            target_name: String::new(),
            target_type: String::new(),
            activity: String::new(),
            reason: String::new(),
            target_object: None,
            invocation: None,
            parse_errors: Vec::new(),
            bare_id: false,
        }))
    }

    /// Builder: the reason (exception type name).
    pub fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = reason.into();
        self
    }

    /// Builder: the activity (normally the cmdlet name; the engine fills it in).
    pub fn with_activity(mut self, activity: impl Into<String>) -> Self {
        self.activity = activity.into();
        self
    }

    /// Builder: the target object; its string form and type become the CategoryInfo target.
    pub fn with_target(mut self, target: Value) -> Self {
        self.target_name = target.to_string_form();
        self.target_type = short_type_name(&target.type_name());
        self.target_object = Some(target);
        self
    }

    /// Builder: the target name and type text directly.
    pub fn with_target_text(mut self, name: impl Into<String>, ty: impl Into<String>) -> Self {
        self.target_name = name.into();
        self.target_type = ty.into();
        self
    }

    /// Builder: the span (keeps any existing command name and source).
    pub fn with_span(mut self, span: Span) -> Self {
        match &mut self.invocation {
            Some(inv) => inv.span = span,
            None => {
                self.invocation = Some(InvocationInfo {
                    command_name: None,
                    origin: None,
                    source: Rc::from(""),
                    span,
                })
            }
        }
        self
    }

    /// The FullyQualifiedErrorId: `ErrorId,Cmdlet-Name` for cmdlet errors (design D5),
    /// else the bare ErrorId.
    pub fn fully_qualified_error_id(&self) -> String {
        if self.activity.is_empty() || self.bare_id {
            self.error_id.clone()
        } else {
            format!("{},{}", self.error_id, self.activity)
        }
    }

    /// `Category: (TargetName:TargetType) [Activity], Reason` with long parts shortened
    /// to 19 characters, `...`, 19 characters (§8.3).
    pub fn category_info(&self) -> String {
        format!(
            "{}: ({}:{}) [{}], {}",
            self.category.name(),
            shorten40(&self.target_name),
            shorten40(&self.target_type),
            shorten40(&self.activity),
            self.reason
        )
    }

    /// The `Name : ` prefix of the rendered error (the command as typed), if any.
    pub fn prefix(&self) -> Option<&str> {
        self.invocation
            .as_ref()
            .and_then(|i| i.command_name.as_deref())
    }

    /// The span of the offending element, if known.
    pub fn span(&self) -> Option<Span> {
        self.invocation.as_ref().map(|i| i.span)
    }

    /// A record for `throw <value>` (§8.1): message and ErrorId are the text.
    pub fn thrown(value: &Value) -> ErrorRecord {
        if let Value::ErrorRecord(rec) = value {
            return (**rec).clone();
        }
        let text = if value.is_null() {
            "ScriptHalted".to_string()
        } else {
            value.to_string_form()
        };
        let mut rec = ErrorRecord::new(text.clone(), text.clone(), ErrorCategory::OperationStopped)
            .with_reason("RuntimeException");
        if !value.is_null() {
            rec.target_name = text;
            rec.target_type = short_type_name(&value.type_name());
            rec.target_object = Some(value.clone());
        }
        rec.bare_id = true;
        rec
    }
}

/// `System.String` → `String` (CategoryInfo shows short type names).
pub fn short_type_name(full: &str) -> String {
    full.rsplit('.').next().unwrap_or(full).to_string()
}

fn shorten40(text: &str) -> String {
    let count = text.chars().count();
    if count <= 40 {
        return text.to_string();
    }
    let head: String = text.chars().take(19).collect();
    let tail: String = text.chars().skip(count - 19).collect();
    format!("{head}...{tail}")
}

/// Constructors for the language layer's errors (spec §8.4).
pub mod catalogue {
    use super::*;

    fn binding(message: String, id: &str, cmdlet: &str) -> ErrorRecord {
        ErrorRecord::new(message, id, ErrorCategory::InvalidArgument)
            .with_reason("ParameterBindingException")
            .with_activity(cmdlet)
    }

    /// `CommandNotFoundException`.
    pub fn command_not_found(name: &str) -> ErrorRecord {
        let mut r = ErrorRecord::new(
            format!(
                "The term '{name}' is not recognized as the name of a cmdlet, function, script \
                 file, or operable program. Check the spelling of the name, or if a path was \
                 included, verify that the path is correct and try again."
            ),
            "CommandNotFoundException",
            ErrorCategory::ObjectNotFound,
        )
        .with_reason("CommandNotFoundException")
        .with_target_text(name, "String");
        r.target_object = Some(Value::from(name));
        r
    }

    /// `NamedParameterNotFound`.
    pub fn named_parameter_not_found(typed: &str, cmdlet: &str) -> ErrorRecord {
        binding(
            format!("A parameter cannot be found that matches parameter name '{typed}'."),
            "NamedParameterNotFound",
            cmdlet,
        )
    }

    /// `PositionalParameterNotFound`.
    pub fn positional_parameter_not_found(arg: &str, cmdlet: &str) -> ErrorRecord {
        binding(
            format!("A positional parameter cannot be found that accepts argument '{arg}'."),
            "PositionalParameterNotFound",
            cmdlet,
        )
    }

    /// `AmbiguousParameter`.
    pub fn ambiguous_parameter(typed: &str, candidates: &[String], cmdlet: &str) -> ErrorRecord {
        let list: String = candidates.iter().map(|c| format!(" -{c}")).collect();
        binding(
            format!(
                "Parameter cannot be processed because the parameter name '{typed}' is \
                 ambiguous. Possible matches include:{list}."
            ),
            "AmbiguousParameter",
            cmdlet,
        )
    }

    /// `MissingArgument`.
    pub fn missing_argument(param: &str, type_display: &str, cmdlet: &str) -> ErrorRecord {
        binding(
            format!(
                "Missing an argument for parameter '{param}'. Specify a parameter of type \
                 '{type_display}' and try again."
            ),
            "MissingArgument",
            cmdlet,
        )
    }

    /// `ParameterAlreadyBound`.
    pub fn parameter_already_bound(param: &str, cmdlet: &str) -> ErrorRecord {
        binding(
            format!(
                "Cannot bind parameter because parameter '{param}' is specified more than once. \
                 To provide multiple values to parameters that can accept multiple values, use \
                 the array syntax. For example, \"-parameter value1,value2,value3\"."
            ),
            "ParameterAlreadyBound",
            cmdlet,
        )
    }

    /// `CannotConvertArgument` (Boolean / Switch given a string or array).
    pub fn cannot_convert_argument(
        source_type: &str,
        target: &str,
        param: &str,
        cmdlet: &str,
    ) -> ErrorRecord {
        binding(
            format!(
                "Cannot convert '{source_type}' to the type '{target}' required by parameter \
                 '{param}'."
            ),
            "CannotConvertArgument",
            cmdlet,
        )
    }

    /// `CannotConvertArgumentNoMessage`.
    pub fn cannot_convert_no_message(
        param: &str,
        value_text: &str,
        target: &str,
        error: &str,
        cmdlet: &str,
    ) -> ErrorRecord {
        binding(
            format!(
                "Cannot bind parameter '{param}'. Cannot convert value \"{value_text}\" to type \
                 \"{target}\". Error: \"{error}\""
            ),
            "CannotConvertArgumentNoMessage",
            cmdlet,
        )
    }

    /// `ParameterArgumentValidationError`: an argument failed a `[Validate…()]` attribute of a
    /// script function's parameter; `detail` is the attribute's own sentence.
    pub fn argument_validation(param: &str, detail: &str, function: &str) -> ErrorRecord {
        ErrorRecord::new(
            format!("Cannot validate argument on parameter '{param}'. {detail}"),
            "ParameterArgumentValidationError",
            ErrorCategory::InvalidData,
        )
        .with_reason("ParameterBindingValidationException")
        .with_activity(function)
    }

    /// `ParameterArgumentTransformationError`: a script function's typed parameter could not
    /// convert its argument.
    pub fn argument_transformation(
        param: &str,
        value_text: &str,
        target: &str,
        error: &str,
        function: &str,
    ) -> ErrorRecord {
        ErrorRecord::new(
            format!(
                "Cannot process argument transformation on parameter '{param}'. Cannot convert \
                 value \"{value_text}\" to type \"{target}\". Error: \"{error}\""
            ),
            "ParameterArgumentTransformationError",
            ErrorCategory::InvalidData,
        )
        .with_reason("ParameterBindingArgumentTransformationException")
        .with_activity(function)
    }

    /// `ParameterArgumentValidationErrorNullNotAllowed` / `…EmptyStringNotAllowed`.
    pub fn null_or_empty_argument(param: &str, empty_string: bool, cmdlet: &str) -> ErrorRecord {
        let (id, what) = if empty_string {
            (
                "ParameterArgumentValidationErrorEmptyStringNotAllowed",
                "it is an empty string",
            )
        } else {
            (
                "ParameterArgumentValidationErrorNullNotAllowed",
                "it is null",
            )
        };
        ErrorRecord::new(
            format!("Cannot bind argument to parameter '{param}' because {what}."),
            id,
            ErrorCategory::InvalidData,
        )
        .with_reason("ParameterBindingValidationException")
        .with_activity(cmdlet)
    }

    /// `AmbiguousParameterSet`.
    pub fn ambiguous_parameter_set(cmdlet: &str) -> ErrorRecord {
        binding(
            "Parameter set cannot be resolved using the specified named parameters.".into(),
            "AmbiguousParameterSet",
            cmdlet,
        )
    }

    /// `MissingMandatoryParameter`.
    pub fn missing_mandatory(names: &[String], cmdlet: &str) -> ErrorRecord {
        let list: String = names.iter().map(|n| format!(" {n}")).collect();
        binding(
            format!(
                "Cannot process command because of one or more missing mandatory \
                 parameters:{list}."
            ),
            "MissingMandatoryParameter",
            cmdlet,
        )
    }

    /// `InputObjectNotBound` (non-terminating).
    pub fn input_object_not_bound(input: &Value, cmdlet: &str) -> ErrorRecord {
        let mut r = binding(
            "The input object cannot be bound to any parameters for the command either because \
             the command does not take pipeline input or the input and its properties do not \
             match any of the parameters that take pipeline input."
                .into(),
            "InputObjectNotBound",
            cmdlet,
        )
        .with_target_text(input.to_string_form(), "PSObject");
        r.target_object = Some(input.clone());
        r
    }

    /// `InputObjectMissingMandatory` (non-terminating).
    pub fn input_object_missing_mandatory(
        input: &Value,
        names: &[String],
        cmdlet: &str,
    ) -> ErrorRecord {
        let mut r = binding(
            format!(
                "The input object cannot be bound because it did not contain the information \
                 required to bind all mandatory parameters: {}",
                names.join(" ")
            ),
            "InputObjectMissingMandatory",
            cmdlet,
        )
        .with_target_text(input.to_string_form(), "PSObject");
        r.target_object = Some(input.clone());
        r
    }

    /// `shell::bind::unsupported_parameter`.
    pub fn unsupported_parameter(param: &str, cmdlet: &str) -> ErrorRecord {
        ErrorRecord::new(
            format!("The parameter '{param}' is not supported by this shell."),
            "shell::bind::unsupported_parameter",
            ErrorCategory::NotImplemented,
        )
        .with_reason("ParameterBindingException")
        .with_activity(cmdlet)
    }

    /// `ScriptBlockArgumentNoInput`: a delay-bind script block without pipeline input.
    pub fn script_block_argument_no_input(param: &str, cmdlet: &str) -> ErrorRecord {
        ErrorRecord::new(
            format!(
                "Cannot evaluate parameter '{param}' because its argument is specified as a script \
                 block and there is no input. A script block cannot be evaluated without input."
            ),
            "ScriptBlockArgumentNoInput",
            ErrorCategory::MetadataError,
        )
        .with_reason("ParameterBindingException")
        .with_activity(cmdlet)
    }

    /// `shell::confirm::required` (design §8.3, spec D6).
    pub fn confirmation_required(cmdlet: &str) -> ErrorRecord {
        ErrorRecord::new(
            "This operation needs confirmation, but the shell cannot prompt (no terminal). \
             Specify -Confirm:$false or -Force to proceed.",
            "shell::confirm::required",
            ErrorCategory::InvalidOperation,
        )
        .with_reason("HostException")
        .with_activity(cmdlet)
    }

    /// A runtime error in an expression (`RuntimeException`, no prefix).
    pub fn runtime(message: impl Into<String>, id: &str) -> ErrorRecord {
        let mut r = ErrorRecord::new(message, id, ErrorCategory::InvalidOperation)
            .with_reason("RuntimeException");
        r.bare_id = true;
        r
    }

    /// `InvokeMethodOnNull`: a method called on `$null`.
    pub fn invoke_method_on_null() -> ErrorRecord {
        runtime(
            "You cannot call a method on a null-valued expression.",
            "InvokeMethodOnNull",
        )
    }

    /// `MethodNotFound`: "Method invocation failed because \[T\] does not contain a method
    /// named 'X'."
    pub fn method_not_found(type_name: &str, method: &str) -> ErrorRecord {
        runtime(
            format!(
                "Method invocation failed because [{type_name}] does not contain a method named \
                 '{method}'."
            ),
            "MethodNotFound",
        )
    }

    /// A record made from the parser's errors (§8.3 parse layout).
    pub fn parse_failure(
        errors: &[ParseError],
        source: Rc<str>,
        origin: Option<Rc<str>>,
    ) -> ErrorRecord {
        let first = errors.first();
        let mut r = ErrorRecord::new(
            first.map(|e| e.message.clone()).unwrap_or_default(),
            first.map(|e| e.id).unwrap_or("ParseError"),
            ErrorCategory::ParserError,
        )
        .with_reason("ParentContainsErrorRecordException");
        r.bare_id = true;
        r.parse_errors = errors.to_vec();
        r.invocation = Some(InvocationInfo {
            command_name: None,
            origin,
            source,
            span: first.map(|e| e.span).unwrap_or_default(),
        });
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fqid_and_category_info() {
        let r = catalogue::named_parameter_not_found("Servics", "Enable-ExchangeCertificate");
        assert_eq!(
            r.fully_qualified_error_id(),
            "NamedParameterNotFound,Enable-ExchangeCertificate"
        );
        assert_eq!(
            r.category_info(),
            "InvalidArgument: (:) [Enable-ExchangeCertificate], ParameterBindingException"
        );
        let c = catalogue::command_not_found("Get-");
        assert_eq!(c.fully_qualified_error_id(), "CommandNotFoundException");
        assert_eq!(
            c.category_info(),
            "ObjectNotFound: (Get-:String) [], CommandNotFoundException"
        );
    }

    #[test]
    fn throw_record_8_1() {
        let r = ErrorRecord::thrown(&Value::from("boom"));
        assert_eq!(r.fully_qualified_error_id(), "boom");
        assert_eq!(
            r.category_info(),
            "OperationStopped: (boom:String) [], RuntimeException"
        );
    }

    #[test]
    fn long_parts_are_shortened() {
        let r = ErrorRecord::new("m", "X", ErrorCategory::NotSpecified)
            .with_target_text("a".repeat(50), "String");
        assert_eq!(
            r.category_info(),
            format!(
                "NotSpecified: ({}...{}:String) [], ",
                "a".repeat(19),
                "a".repeat(19)
            )
        );
    }
}
