//! Binder cases of spec §12 (S14–S25, S45–S51, S53, S56, S65–S68, S75–S81).

use shell_engine::BoundHow;

use crate::fakes::{TP, run, single_error, span_text};

const ENABLE: &str = "Enable-ExchangeCertificate";
const NEW: &str = "New-ExchangeCertificate";

#[test]
fn s14_missing_comma_leaves_a_positional_leftover() {
    let script = format!("Enable-ExchangeCertificate -Thumbprint {TP} -Services POP IMAP");
    let e = single_error(&script);
    assert_eq!(
        e.message,
        "A positional parameter cannot be found that accepts argument 'IMAP'."
    );
    assert_eq!(
        e.fully_qualified_error_id(),
        "PositionalParameterNotFound,Enable-ExchangeCertificate"
    );
    assert_eq!(
        e.category_info(),
        "InvalidArgument: (:) [Enable-ExchangeCertificate], ParameterBindingException"
    );
    assert_eq!(e.prefix(), Some(ENABLE));
    assert_eq!(span_text(&script, &e), "IMAP");
    let r = run(&script);
    assert!(r.calls(ENABLE).is_empty(), "a binding error runs nothing");
    assert!(!r.result.success);
}

#[test]
fn s15_missing_comma_moves_the_value_to_a_position() {
    let r = run("Enable-ExchangeCertificate -Services POP IMAP");
    assert_eq!(
        r.bound(ENABLE, "Services"),
        Some(("POP".into(), BoundHow::Named))
    );
    assert_eq!(
        r.bound(ENABLE, "Thumbprint"),
        Some(("IMAP".into(), BoundHow::Position(0)))
    );
    assert_eq!(r.errors()[0].error_id, "CertificateNotFound");
}

#[test]
fn s16_names_and_prefixes_ignore_case() {
    let r = run(&format!("enable-exchangecertificate -THUMB {TP} -serv pop"));
    assert_eq!(
        r.bound(ENABLE, "Thumbprint"),
        Some((TP.into(), BoundHow::Named))
    );
    assert_eq!(
        r.bound(ENABLE, "Services"),
        Some(("POP".into(), BoundHow::Named))
    );
    assert!(r.errors().is_empty());
}

#[test]
fn s17_unique_prefixes_and_switch() {
    let r = run(&format!("Enable-ExchangeCertificate {TP} -S POP -F"));
    assert_eq!(
        r.bound(ENABLE, "Services"),
        Some(("POP".into(), BoundHow::Named))
    );
    assert_eq!(
        r.bound(ENABLE, "Force"),
        Some(("True".into(), BoundHow::Switch))
    );
    assert_eq!(
        r.bound(ENABLE, "Thumbprint"),
        Some((TP.into(), BoundHow::Position(0)))
    );
}

#[test]
fn s18_switch_with_colon_value() {
    let r = run(&format!(
        "Enable-ExchangeCertificate {TP} -Services POP -Force:$false"
    ));
    assert_eq!(
        r.bound(ENABLE, "Force"),
        Some(("False".into(), BoundHow::Colon))
    );
}

#[test]
fn s19_switch_never_takes_the_next_argument() {
    let r = run("Enable-ExchangeCertificate -Services POP -Force $false");
    assert_eq!(
        r.bound(ENABLE, "Force"),
        Some(("True".into(), BoundHow::Switch))
    );
    assert_eq!(
        r.bound(ENABLE, "Thumbprint"),
        Some(("False".into(), BoundHow::Position(0)))
    );
}

#[test]
fn s20_switch_value_left_over() {
    let script = format!("Enable-ExchangeCertificate {TP} -Services POP -Force $false");
    let e = single_error(&script);
    assert_eq!(
        e.message,
        "A positional parameter cannot be found that accepts argument 'False'."
    );
    assert_eq!(span_text(&script, &e), "$false");
}

#[test]
fn s21_missing_mandatory_without_input() {
    let script = "Enable-ExchangeCertificate -Services POP";
    let e = single_error(script);
    assert_eq!(
        e.message,
        "Cannot process command because of one or more missing mandatory parameters: Thumbprint."
    );
    assert_eq!(
        e.fully_qualified_error_id(),
        "MissingMandatoryParameter,Enable-ExchangeCertificate"
    );
    assert_eq!(span_text(script, &e), script);
}

#[test]
fn s22_missing_mandatory_that_the_pipeline_cannot_fill() {
    let r = run("Get-ExchangeCertificate | Enable-ExchangeCertificate");
    let errors = r.errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].message,
        "Cannot process command because of one or more missing mandatory parameters: Services."
    );
    assert!(
        r.calls("Get-ExchangeCertificate").is_empty(),
        "nothing in the pipeline runs"
    );
}

#[test]
fn s23_missing_argument_before_a_known_parameter() {
    let script = "Enable-ExchangeCertificate -Thumbprint -Services POP";
    let e = single_error(script);
    assert_eq!(
        e.message,
        "Missing an argument for parameter 'Thumbprint'. Specify a parameter of type 'System.String' and try again."
    );
    assert_eq!(e.error_id, "MissingArgument");
    assert_eq!(span_text(script, &e), "-Thumbprint");
}

#[test]
fn s24_colon_argument() {
    let r = run(&format!("Get-ExchangeCertificate -Thumbprint:{TP}"));
    assert_eq!(
        r.bound("Get-ExchangeCertificate", "Thumbprint"),
        Some((TP.into(), BoundHow::Colon))
    );
}

#[test]
fn s25_colon_argument_after_whitespace() {
    let r = run(&format!("Get-ExchangeCertificate -Thumbprint: {TP}"));
    assert_eq!(
        r.bound("Get-ExchangeCertificate", "Thumbprint"),
        Some((TP.into(), BoundHow::Colon))
    );
    assert_eq!(r.outputs().len(), 1);
}

#[test]
fn s45_argument_number_binds_its_source_text() {
    let r = run("Get-ExchangeCertificate 1234567890");
    assert_eq!(
        r.bound("Get-ExchangeCertificate", "Thumbprint"),
        Some(("1234567890".into(), BoundHow::Position(0)))
    );
}

#[test]
fn s46_argument_numbers_print_their_source_text() {
    let r = run("Write-Output 0x10 (0x10) 1kb");
    assert_eq!(r.outputs(), ["0x10", "16", "1kb"]);
}

#[test]
fn s47_multiplier_suffix() {
    let r = run("New-ExchangeCertificate -KeySize 2kb");
    assert_eq!(
        r.bound(NEW, "KeySize"),
        Some(("2048".into(), BoundHow::Named))
    );
}

#[test]
fn s48_int_conversion_error() {
    let script = "New-ExchangeCertificate -KeySize 2048bits";
    let e = single_error(script);
    assert_eq!(
        e.message,
        "Cannot bind parameter 'KeySize'. Cannot convert value \"2048bits\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\""
    );
    assert_eq!(e.error_id, "CannotConvertArgumentNoMessage");
    assert_eq!(span_text(script, &e), "2048bits");
}

#[test]
fn s49_boolean_refuses_a_string() {
    let e = single_error("New-ExchangeCertificate -PrivateKeyExportable true");
    assert_eq!(
        e.message,
        "Cannot convert 'System.String' to the type 'System.Boolean' required by parameter 'PrivateKeyExportable'."
    );
    assert_eq!(e.error_id, "CannotConvertArgument");
}

#[test]
fn s50_boolean_from_number_and_switch() {
    let r = run("New-ExchangeCertificate -PrivateKeyExportable 1 -GenerateRequest");
    assert_eq!(
        r.bound(NEW, "PrivateKeyExportable"),
        Some(("True".into(), BoundHow::Named))
    );
    assert_eq!(
        r.bound(NEW, "GenerateRequest"),
        Some(("True".into(), BoundHow::Switch))
    );
}

#[test]
fn s51_boolean_is_not_a_switch() {
    let e = single_error("New-ExchangeCertificate -PrivateKeyExportable -GenerateRequest");
    assert_eq!(
        e.message,
        "Missing an argument for parameter 'PrivateKeyExportable'. Specify a parameter of type 'System.Boolean' and try again."
    );
}

#[test]
fn s53_where_simplified_syntax() {
    let r = run("Get-ExchangeCertificate | where Status -eq Valid");
    assert_eq!(r.outputs().len(), 2);
    let r = run("Get-ExchangeCertificate | where Thumbprint -like 257C*");
    assert_eq!(r.outputs().len(), 1);
}

#[test]
fn s56_foreach_member_name() {
    let r = run("Get-ExchangeCertificate | % Thumbprint");
    assert_eq!(
        r.outputs(),
        [TP, "1111111111111111111111111111111111111111"]
    );
    assert_eq!(
        r.bound("ForEach-Object", "MemberName"),
        Some(("Thumbprint".into(), BoundHow::Position(0)))
    );
}

#[test]
fn s65_error_action_stop_is_caught() {
    let r = run(
        "try {\n    Enable-ExchangeCertificate 0000000000000000000000000000000000000000 -Services POP -ErrorAction Stop\n} catch {\n    Write-Host \"failed: $($_.Exception.Message)\"\n}",
    );
    assert_eq!(
        r.bound(ENABLE, "Thumbprint"),
        Some((
            "0000000000000000000000000000000000000000".into(),
            BoundHow::Position(0)
        ))
    );
    assert_eq!(
        r.host().host_text(),
        "failed: The certificate with thumbprint 0000000000000000000000000000000000000000 was not found.\n"
    );
    assert!(r.errors().is_empty(), "nothing red is shown");
}

#[test]
fn s66_silently_continue_still_records() {
    let mut r = run("Get-ExchangeCertificate 9999 -ea 0");
    assert!(r.errors().is_empty());
    assert!(!r.result.success);
    r.session.run_script(
        "$Error.Count; $Error[0].FullyQualifiedErrorId",
        shell_engine::Origin::Interactive,
    );
    let out = r.outputs();
    assert_eq!(out, ["1", "CertificateNotFound,Get-ExchangeCertificate"]);
}

#[test]
fn s67_whatif_per_input_object() {
    let r = run("Get-ExchangeCertificate | Enable-ExchangeCertificate -Services IIS -WhatIf");
    assert_eq!(
        r.host().host_text(),
        format!("What if: Performing the operation \"Enable IIS\" on target \"{TP}\".\n")
    );
    // The second certificate is not found by the fake: a non-terminating error.
    assert_eq!(r.errors().len(), 1);
    assert!(r.outputs().is_empty());
}

#[test]
fn s68_splatting() {
    let r = run(&format!(
        "$p = @{{ Services = 'POP'; Force = $true }}\nEnable-ExchangeCertificate {TP} @p"
    ));
    assert_eq!(
        r.bound(ENABLE, "Services"),
        Some(("POP".into(), BoundHow::Splat))
    );
    assert_eq!(
        r.bound(ENABLE, "Force"),
        Some(("True".into(), BoundHow::Splat))
    );
    assert_eq!(
        r.bound(ENABLE, "Thumbprint"),
        Some((TP.into(), BoundHow::Position(0)))
    );
}

#[test]
fn s68_explicit_argument_wins_over_splat() {
    let r = run(&format!(
        "$p = @{{ Services = 'POP' }}\nEnable-ExchangeCertificate {TP} @p -Services SMTP"
    ));
    assert_eq!(
        r.bound(ENABLE, "Services"),
        Some(("SMTP".into(), BoundHow::Named))
    );
}

#[test]
fn s75_set_variable_positions() {
    let r = run("Set-Variable AB A,B; $AB.Count");
    assert_eq!(
        r.bound("Set-Variable", "Name"),
        Some(("AB".into(), BoundHow::Position(0)))
    );
    assert_eq!(
        r.bound("Set-Variable", "Value"),
        Some(("A B".into(), BoundHow::Position(1)))
    );
    assert_eq!(r.outputs(), ["2"]);
}

#[test]
fn s76_named_then_next_free_position() {
    let r = run(&format!("sv -Name tp {TP}"));
    assert_eq!(
        r.bound("Set-Variable", "Name"),
        Some(("tp".into(), BoundHow::Named))
    );
    assert_eq!(
        r.bound("Set-Variable", "Value"),
        Some((TP.into(), BoundHow::Position(1)))
    );
}

#[test]
fn s77_exit_code() {
    let mut s = crate::fakes::session();
    let r = s.run_script(
        "Write-Output a\nexit 3\nWrite-Output b",
        shell_engine::Origin::File("x.ps1".into()),
    );
    assert_eq!(r.exit_code(), 3);
    assert_eq!(
        s.variable("LASTEXITCODE"),
        Some(shell_engine::Value::Int(3))
    );
    let host = s.host_as::<shell_engine::ScriptedHost>().unwrap();
    assert_eq!(host.output_strings(), ["a"]);
}

#[test]
fn s78_end_of_parameters() {
    assert_eq!(run("Write-Output -- -Services").outputs(), ["-Services"]);
}

#[test]
fn s78_unknown_parameter_goes_to_remaining_arguments() {
    assert_eq!(run("Write-Output -Services").outputs(), ["-Services"]);
}

#[test]
fn s79_and_or_same_precedence() {
    assert_eq!(run("$true -or $false -and $false").outputs(), ["False"]);
}

#[test]
fn s80_not_binds_before_eq() {
    let r = run("$c = Get-ExchangeCertificate | select -First 1\n-not $c.HasPrivateKey -eq $true");
    assert_eq!(r.outputs(), ["False"]);
}

#[test]
fn s81_collection_left_side() {
    assert_eq!(
        run("1,2,3 -eq 2; 1,2,3 -contains 2").outputs(),
        ["2", "True"]
    );
}

#[test]
fn named_parameter_not_found_names_the_typed_spelling() {
    let script = format!("Enable-ExchangeCertificate {TP} -Servics POP");
    let e = single_error(&script);
    assert_eq!(
        e.message,
        "A parameter cannot be found that matches parameter name 'Servics'."
    );
    assert_eq!(
        e.fully_qualified_error_id(),
        "NamedParameterNotFound,Enable-ExchangeCertificate"
    );
    assert_eq!(span_text(&script, &e), "-Servics");
}

#[test]
fn ambiguous_parameter_lists_candidates_in_order() {
    // -Wa is an exact alias of WarningAction; -W matches WarningAction, WarningVariable and WhatIf.
    let e = single_error(&format!("Enable-ExchangeCertificate {TP} -Services POP -W"));
    assert_eq!(
        e.message,
        "Parameter cannot be processed because the parameter name 'W' is ambiguous. Possible matches include: -WarningAction -WarningVariable -WhatIf."
    );
    let r = run(&format!(
        "Enable-ExchangeCertificate {TP} -Services POP -wa 0"
    ));
    assert!(r.errors().is_empty());
}

#[test]
fn parameter_already_bound() {
    let e = single_error(&format!(
        "Enable-ExchangeCertificate {TP} -Services POP -Serv IMAP"
    ));
    assert_eq!(e.error_id, "ParameterAlreadyBound");
    assert!(e.message.starts_with(
        "Cannot bind parameter because parameter 'Services' is specified more than once."
    ));
}

#[test]
fn enum_conversion_error_lists_the_names() {
    let e = single_error(&format!("Enable-ExchangeCertificate {TP} -Services XYZ"));
    assert_eq!(
        e.message,
        "Cannot bind parameter 'Services'. Cannot convert value \"XYZ\" to type \"AllowedServices\". Error: \"Unable to match the identifier name XYZ to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, IMAP, POP, UM, IIS, SMTP\""
    );
}

#[test]
fn s09_s10_flags_from_array_and_comma_string() {
    let r = run(&format!(
        "Enable-ExchangeCertificate -Thumbprint {TP} -Services POP,IMAP"
    ));
    assert_eq!(
        r.bound(ENABLE, "Services"),
        Some(("IMAP, POP".into(), BoundHow::Named))
    );
    let r = run(&format!(
        "Enable-ExchangeCertificate -Thumbprint {TP} -Services \"POP, IMAP\""
    ));
    assert_eq!(
        r.bound(ENABLE, "Services"),
        Some(("IMAP, POP".into(), BoundHow::Named))
    );
}

#[test]
fn s01_pipeline_by_property_name() {
    let r = run("Get-ExchangeCertificate | Enable-ExchangeCertificate -Services POP");
    let calls = r.calls(ENABLE);
    assert_eq!(calls.len(), 2);
    assert!(calls[0].contains(&("Thumbprint".into(), TP.into(), BoundHow::PipelineProperty)));
    assert_eq!(r.outputs(), ["enabled POP"]);
}

#[test]
fn s08_pipeline_by_value() {
    let r = run(&format!(
        "Get-ExchangeCertificate {TP} | New-ExchangeCertificate -Services SMTP,POP,IMAP"
    ));
    let calls = r.calls(NEW);
    assert_eq!(calls.len(), 1);
    assert!(
        calls[0]
            .iter()
            .any(|(n, _, h)| n == "Instance" && *h == BoundHow::PipelineValue)
    );
    assert!(calls[0].contains(&("Services".into(), "IMAP, POP, SMTP".into(), BoundHow::Named)));
}

#[test]
fn input_object_not_bound_is_non_terminating() {
    let r = run("'a', 'b' | Get-ExchangeCertificate -DomainName x");
    let errors = r.errors();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].error_id, "InputObjectNotBound");
}

#[test]
fn unsupported_parameter_and_confirm_required() {
    let e = single_error(&format!("Remove-ExchangeCertificate {TP}"));
    assert_eq!(e.error_id, "shell::confirm::required");
    let r = run(&format!("Remove-ExchangeCertificate {TP} -Confirm:$false"));
    assert!(r.errors().is_empty());
    assert_eq!(r.calls("Remove-ExchangeCertificate").len(), 1);
}

#[test]
fn confirm_answered_by_the_scripted_host() {
    let mut s = crate::fakes::session();
    s.host_as_mut::<shell_engine::ScriptedHost>()
        .unwrap()
        .answers
        .push_back(true);
    s.run_script(
        &format!("Remove-ExchangeCertificate {TP}"),
        shell_engine::Origin::Interactive,
    );
    assert_eq!(s.state().calls.len(), 1);
}

#[test]
fn delay_bind_script_block_per_input_object() {
    let r = run(
        "'257C327A164ED8A6FCDAFCA7789D29B60369DCA7', 'x' | Get-ExchangeCertificate -Thumbprint { $_ } -ea 0 | % Thumbprint",
    );
    assert_eq!(r.outputs(), [TP]);
    let calls = r.calls("Get-ExchangeCertificate");
    assert_eq!(calls.len(), 2);
    assert_eq!(
        calls[1][0],
        ("Thumbprint".into(), "x".into(), BoundHow::DelayBind)
    );
    let e = single_error("Get-ExchangeCertificate -Thumbprint { $_ }");
    assert_eq!(e.error_id, "ScriptBlockArgumentNoInput");
}
