//! ConvertTo-SecureString.

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    SecureString, Signature, Value,
};

use super::common::unsupported;

/// Converts plain text (`-AsPlainText -Force`) to a secure string (PFX passwords).
pub struct ConvertToSecureString;

impl<S> Cmdlet<S> for ConvertToSecureString {
    fn signature(&self) -> Signature {
        Signature::new("ConvertTo-SecureString")
            .summary("Converts plain text to a secure string.")
            .default_set("Secure")
            .param(
                Param::new("String", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(
                Param::new("SecureKey", Kind::SecureString)
                    .in_set("Secure")
                    .unimplemented(),
            )
            .param(
                Param::new("Key", Kind::ObjectList)
                    .in_set("Open")
                    .unimplemented(),
            )
            .param(Param::switch("AsPlainText").in_set("PlainText").mandatory())
            .param(Param::switch("Force").in_set("PlainText"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force; $pw",
            summary: "A PFX password; it never prints its content.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["SecureKey", "Key"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let text: String = call.get("String")?;
        if !call.switch("AsPlainText") {
            return Err(ErrorRecord::new(
                "Only plain text input is supported by this shell: use -AsPlainText -Force.",
                "ImportSecureString_InvalidArgument",
                ErrorCategory::InvalidArgument,
            )
            .with_reason("ArgumentException")
            .with_activity(call.name.clone())
            .with_span(call.span_of("String")));
        }
        if !call.switch("Force") {
            return Err(ErrorRecord::new(
                "The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.",
                "ImportSecureString_InvalidArgument",
                ErrorCategory::InvalidArgument,
            )
            .with_reason("ArgumentException")
            .with_activity(call.name.clone()));
        }
        cx.write_output(Value::SecureString(Rc::new(SecureString::new(text))));
        Ok(())
    }
}
