//! New-Object (PSObject only).

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Hashtable, Kind, Param, PsObject,
    Signature, Value,
};

use super::common::unsupported;

/// Creates a custom object (`New-Object PSObject -Property @{…}`).
pub struct NewObject;

impl<S> Cmdlet<S> for NewObject {
    fn signature(&self) -> Signature {
        Signature::new("New-Object")
            .summary("Creates an instance of a Microsoft .NET Framework or COM object.")
            .default_set("Net")
            .param(
                Param::new("TypeName", Kind::String)
                    .in_set("Net")
                    .position(0)
                    .mandatory(),
            )
            .param(
                Param::new("ArgumentList", Kind::ObjectList)
                    .alias("Args")
                    .in_set("Net")
                    .position(1),
            )
            .param(
                Param::new("ComObject", Kind::String)
                    .in_set("Com")
                    .position(0)
                    .mandatory()
                    .unimplemented(),
            )
            .param(Param::switch("Strict").in_set("Com").unimplemented())
            .param(Param::new("Property", Kind::Hashtable))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "New-Object PSObject -Property @{Name='pop'; Port=995}",
            summary: "A custom object with two properties.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let type_name: String = call.get("TypeName")?;
        let lower = type_name.trim().to_ascii_lowercase();
        if lower == "pscredential"
            || lower == super::get_credential::PS_CREDENTIAL.to_ascii_lowercase()
        {
            return new_credential(call, cx);
        }
        let short = lower.strip_prefix("system.").unwrap_or(&lower);
        if matches!(short, "collections.arraylist" | "arraylist")
            || (short.starts_with("collections.generic.list[") && short.ends_with(']'))
        {
            // An ArrayList / List[T]: an array that grows in place (decisions.md); an
            // argument that is a collection is copied, a capacity is ignored.
            let items = match call.value("ArgumentList").map(Value::enumerate) {
                Some(args) => match args.as_slice() {
                    [first] if !first.is_number() => first.enumerate(),
                    _ => Vec::new(),
                },
                None => Vec::new(),
            };
            cx.write_output(Value::array(items));
            return Ok(());
        }
        for name in ["ArgumentList", "ComObject", "Strict"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let known = [
            "psobject",
            "pscustomobject",
            "system.management.automation.psobject",
            "system.object",
        ];
        if !known.contains(&type_name.trim().to_ascii_lowercase().as_str()) {
            return Err(ErrorRecord::new(
                format!("Cannot find type [{type_name}]: verify that the assembly containing this type is loaded."),
                "TypeNotFound",
                ErrorCategory::InvalidType,
            )
            .with_reason("PSArgumentException")
            .with_activity(call.name.clone())
            .with_span(call.span_of("TypeName")));
        }
        let mut object = PsObject::new("");
        if let Some(props) = call.get_optional::<Hashtable>("Property")? {
            for (k, v) in props.iter() {
                object.set(&k.to_string_form(), v.clone());
            }
        }
        cx.write_output(Value::object(object));
        Ok(())
    }
}

/// `New-Object System.Management.Automation.PSCredential($user, $securePassword)`.
fn new_credential<S>(call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
    let arguments: Vec<Value> = call
        .value("ArgumentList")
        .map(|list| list.enumerate())
        .unwrap_or_default();
    let [user, password] = arguments.as_slice() else {
        return Err(ErrorRecord::new(
            format!(
                "Cannot find an overload for \"PSCredential\" and the argument count: \"{}\".",
                arguments.len()
            ),
            "ConstructorInvokedThrowException",
            ErrorCategory::InvalidOperation,
        )
        .with_reason("MethodException")
        .with_activity(call.name.clone())
        .with_span(call.span_of("TypeName")));
    };
    let Value::SecureString(secret) = password else {
        return Err(ErrorRecord::new(
            format!(
                "Cannot convert argument \"password\", with value: \"{}\", for \"PSCredential\" \
                 to type \"System.Security.SecureString\": use ConvertTo-SecureString.",
                password.to_string_form()
            ),
            "ConstructorInvokedThrowException",
            ErrorCategory::InvalidOperation,
        )
        .with_reason("MethodException")
        .with_activity(call.name.clone())
        .with_span(call.span_of("ArgumentList")));
    };
    cx.write_output(super::get_credential::credential(
        &user.to_string_form(),
        secret.clone(),
    ));
    Ok(())
}
