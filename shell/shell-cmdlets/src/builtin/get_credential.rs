//! Get-Credential.

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PsObject,
    SecureString, Signature, Value,
};

/// A `PSCredential`: the user name and the password as a SecureString (its string form is the
/// type name, so the password never shows).
pub fn credential(user: &str, password: Rc<SecureString>) -> Value {
    Value::object(
        PsObject::new(PS_CREDENTIAL)
            .with("UserName", user)
            .with("Password", Value::SecureString(password))
            .with_string_form(PS_CREDENTIAL.to_owned()),
    )
}

/// The type name of credentials.
pub const PS_CREDENTIAL: &str = "System.Management.Automation.PSCredential";

/// Asks for a user name and password (interactive sessions only).
pub struct GetCredential;

impl<S> Cmdlet<S> for GetCredential {
    fn signature(&self) -> Signature {
        Signature::new("Get-Credential")
            .summary("Gets a credential object based on a user name and password.")
            .param(Param::new("Credential", Kind::String).position(0))
            .param(Param::new("Message", Kind::String))
            .param(Param::new("UserName", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-Credential CONTOSO\\admin -ErrorAction SilentlyContinue; $?",
            summary: "Asks for a password; without a terminal nothing can be read.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let given = call
            .value("UserName")
            .or_else(|| call.value("Credential"))
            .map(Value::to_string_form);
        if let Some(message) = call.value("Message") {
            cx.host().write_host(&message.to_string_form(), true);
        }
        let user = match given {
            Some(u) => Some(u),
            None => cx.host().read_line("User"),
        };
        let password = match &user {
            Some(_) => cx.host().read_secure("Password for user"),
            None => None,
        };
        match (user, password) {
            (Some(user), Some(password)) => {
                cx.write_output(credential(
                    &user,
                    Rc::new(SecureString::new(password)),
                ));
            }
            _ => cx.write_error(
                ErrorRecord::new(
                    "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                    "InvalidOperation",
                    ErrorCategory::InvalidOperation,
                )
                .with_reason("PSInvalidOperationException")
                .with_activity(call.name.clone()),
            ),
        }
        Ok(())
    }
}
