//! Evaluator behaviour: statements, scopes, errors, methods, redirection.

use shell_engine::{Origin, Value};

use crate::fakes::{TP, run, single_error, span_text};

#[track_caller]
fn check(script: &str, expected: &[&str]) {
    let r = run(script);
    assert_eq!(r.errors(), vec![], "errors of {script:?}");
    assert_eq!(r.outputs(), expected, "output of {script:?}");
}

#[test]
fn s61_array_subexpression_count() {
    check("$certs = @(Get-ExchangeCertificate); $certs.Count", &["2"]);
    check(
        "$none = @(Get-ExchangeCertificate -Thumbprint x -ea 0); $none.Count",
        &["0"],
    );
    check("$x = @(); $x.Count", &["0"]);
}

#[test]
fn s62_member_enumeration() {
    check(
        "(Get-ExchangeCertificate).Thumbprint",
        &[TP, "1111111111111111111111111111111111111111"],
    );
    check(
        &format!("(Get-ExchangeCertificate {TP}).CertificateDomains.Count"),
        &["2"],
    );
}

#[test]
fn s64_foreach_over_a_pipeline() {
    check(
        "foreach ($cert in Get-ExchangeCertificate) {\n    if ($cert.Services -match \"POP\") { $cert.Thumbprint }\n}",
        &[TP],
    );
}

#[test]
fn s86_implicit_get_verb() {
    check(&format!("ExchangeCertificate {TP} | % Thumbprint"), &[TP]);
}

#[test]
fn s71_command_not_found() {
    let script = format!("Get- ExchangeCertificate {TP}");
    let e = single_error(&script);
    assert_eq!(
        e.message,
        "The term 'Get-' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
    );
    assert_eq!(e.fully_qualified_error_id(), "CommandNotFoundException");
    assert_eq!(
        e.category_info(),
        "ObjectNotFound: (Get-:String) [], CommandNotFoundException"
    );
    assert_eq!(e.prefix(), Some("Get-"));
    assert_eq!(span_text(&script, &e), "Get-");
}

#[test]
fn if_elseif_else_and_truthiness() {
    check(
        "if (0) { 'a' } elseif ('False') { 'b' } else { 'c' }",
        &["b"],
    );
    check("if (@()) { 'a' } else { 'empty' }", &["empty"]);
}

#[test]
fn loops_with_break_and_continue() {
    check(
        "$i = 0; while ($true) { $i++; if ($i -gt 3) { break }; $i }",
        &["1", "2", "3"],
    );
    check(
        "for ($i = 0; $i -lt 5; $i++) { if ($i % 2) { continue }; $i }",
        &["0", "2", "4"],
    );
    check("$n = 0; do { $n += 2 } while ($n -lt 5); $n", &["6"]);
    check("$n = 0; do { $n++ } until ($n -ge 3); $n", &["3"]);
    check(
        ":outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { continue outer }; \"$a$b\" } }",
        &["11", "21", "31"],
    );
}

#[test]
fn switch_statement() {
    check(
        "switch (2) { 1 { 'one' } 2 { 'two' } default { 'other' } }",
        &["two"],
    );
    check(
        "switch -wildcard ('smtp.contoso.com') { 'pop*' { 'pop' } '*.contoso.com' { 'contoso' } }",
        &["contoso"],
    );
    check(
        "switch -regex ('abc123') { '(\\d+)' { $Matches[1] } }",
        &["123"],
    );
    check(
        "switch (1, 5) { { $_ -gt 3 } { 'big' } default { 'small' } }",
        &["small", "big"],
    );
    check("switch ('x') { 'y' { 'y' } default { 'none' } }", &["none"]);
}

#[test]
fn functions_with_params_defaults_and_switches() {
    check(
        "function Add($a, $b = 10) { $a + $b }\nAdd 1 2\nAdd -b 5 -a 1\nAdd 3",
        &["3", "6", "13"],
    );
    check(
        "function Test-It { param([string]$Name, [switch]$Loud) if ($Loud) { $Name.ToUpper() } else { $Name } }\nTest-It abc\nTest-It abc -Loud",
        &["abc", "ABC"],
    );
    check(
        "function Show { $args.Count; $args[1] }\nShow a b c",
        &["3", "b"],
    );
}

#[test]
fn functions_bind_pipeline_input() {
    check(
        "function Get-Tp { param([Parameter(ValueFromPipelineByPropertyName)][string]$Thumbprint) process { $Thumbprint.Substring(0, 4) } }\nGet-ExchangeCertificate | Get-Tp",
        &["257C", "1111"],
    );
    check(
        "function Double { process { $_ * 2 } }\n1, 2, 3 | Double",
        &["2", "4", "6"],
    );
    check(
        "function Total { begin { $t = 0 } process { $t += $_ } end { $t } }\n1..4 | Total",
        &["10"],
    );
}

#[test]
fn function_mandatory_parameter_is_enforced() {
    let e = single_error("function F { param([Parameter(Mandatory)]$X) $X }\nF");
    assert_eq!(
        e.message,
        "Cannot process command because of one or more missing mandatory parameters: X."
    );
}

#[test]
fn return_and_scopes() {
    check("function F { 'a'; return 'b'; 'c' }\nF", &["a", "b"]);
    check("$x = 1; function F { $x = 2; $x }\nF; $x", &["2", "1"]);
    check("$x = 1; function F { $global:x = 5 }\nF; $x", &["5"]);
    check(
        "$total = 0; 1..3 | % { $total = $total + $_ }; $total",
        &["6"],
    );
}

#[test]
fn script_blocks_and_call_operator() {
    check("$sb = { param($a) $a * 3 }; & $sb 4", &["12"]);
    check("& { 'inside' }", &["inside"]);
    check("$sb = { $args[0] }; $sb.Invoke('x')", &["x"]);
}

#[test]
fn try_catch_finally_and_throw() {
    check(
        "try { throw 'boom' } catch { \"caught $_\"; $_.FullyQualifiedErrorId } finally { 'done' }",
        &["caught boom", "boom", "done"],
    );
    check(
        "try { Get-Nothing } catch [System.Management.Automation.CommandNotFoundException] { 'cnf' }",
        &["cnf"],
    );
    check(
        "try { 1/0 } catch { $_.Exception.Message }",
        &["Attempted to divide by zero."],
    );
    check(
        "try { try { throw 'x' } finally { 'f' } } catch { 'outer' }",
        &["f", "outer"],
    );
}

#[test]
fn uncaught_throw_ends_the_script() {
    let r = run("'a'\nthrow 'stop here'\n'b'");
    assert_eq!(r.outputs(), ["a"]);
    assert!(r.result.terminated);
    assert_eq!(r.result.exit_code(), 1);
    let e = &r.errors()[0];
    assert_eq!(
        e.category_info(),
        "OperationStopped: (stop here:String) [], RuntimeException"
    );
    assert_eq!(e.prefix(), None);
}

#[test]
fn statement_terminating_errors_continue_with_the_next_statement() {
    let r = run("Get-Nothing\n'after'\n$?");
    assert_eq!(r.outputs(), ["after", "True"]);
    assert_eq!(r.errors().len(), 1);
    assert_eq!(r.result.exit_code(), 0);
}

#[test]
fn dollar_question_after_non_terminating_error() {
    let r = run("Get-ExchangeCertificate nope\n$?");
    assert_eq!(r.outputs(), ["False"]);
    let r = run("Get-ExchangeCertificate nope");
    assert_eq!(r.result.exit_code(), 1);
    assert_eq!(r.result.file_exit_code(), 0);
}

#[test]
fn error_action_preference_stop() {
    let r = run("$ErrorActionPreference = 'stop'\nGet-ExchangeCertificate nope\n'not reached'");
    assert!(r.outputs().is_empty());
    assert!(r.result.terminated);
}

#[test]
fn error_variable_and_out_variable() {
    check(
        "Get-ExchangeCertificate nope -ErrorVariable ev -ea SilentlyContinue; $ev.Count",
        &["1"],
    );
    let r = run(&format!(
        "Get-ExchangeCertificate {TP} -OutVariable ov | Out-Null2; $ov.Thumbprint"
    ));
    assert_eq!(r.errors()[0].error_id, "CommandNotFoundException");
    check(
        &format!("$null = Get-ExchangeCertificate {TP} -ov got; $got.Thumbprint"),
        &[TP],
    );
}

#[test]
fn assignment_forms() {
    check("$a = 1, 2; $a += 3; $a.Count; $a[-1]", &["3", "3"]);
    check(
        "$h = @{}; $h.Name = 'x'; $h['Other'] = 'y'; $h.name; $h.Count",
        &["x", "2"],
    );
    check("$a = 1, 2, 3; $a[1] = 9; $a -join ','", &["1,9,3"]);
    check("$s = 'ab'; $s += 'c'; $s", &["abc"]);
    check("$i = 5; $i -= 2; $i *= 3; $i", &["9"]);
    check("[int]$n = '42'; $n + 1", &["43"]);
}

#[test]
fn operators_and_conversions() {
    check(
        "'{0,-6}|{1:N0}|{2:yyyy-MM-dd}' -f 'ab', 12345, [datetime]'2008-08-07'",
        &["ab    |12,345|2008-08-07"],
    );
    check("'a,b,c' -split ',' -join '+'", &["a+b+c"]);
    check("'cert.req' -replace '\\.req$', '.cer'", &["cert.cer"]);
    check("1..3", &["1", "2", "3"]);
    check(
        "5 -is [int]; 'x' -is [string]; '5' -as [int]; 'x' -as [int]",
        &["True", "True", "5"],
    );
    check("[string[]]@(1, 2) -is [string[]]", &["True"]);
    check("'abc' -match 'b(c)'; $Matches[1]", &["True", "c"]);
    check("[bool]'False'; [int]'0x10'", &["True", "16"]);
    check(
        "'Thumbprint' -like 'thumb*'; 'a' -in 'a', 'b'",
        &["True", "True"],
    );
}

#[test]
fn dates_and_timespans() {
    check(
        "$d = [datetime]::Now; $d.AddDays(30).ToString('yyyy-MM-dd')",
        &["2008-09-06"],
    );
    check(
        "([datetime]'2008-09-06' - [datetime]'2008-08-07').Days",
        &["30"],
    );
    check(
        "([datetime]'2008-08-07 10:00' + [timespan]'01:30').Hour",
        &["11"],
    );
    check("[datetime]::Now -gt [datetime]'2008-01-01'", &["True"]);
}

#[test]
fn string_and_collection_methods() {
    check("'  Contoso  '.Trim().ToLower()", &["contoso"]);
    check("'a.b.c'.Split('.').Count", &["3"]);
    check("(1, 2, 3).Contains(2)", &["True"]);
    check(
        "$h = @{ a = 1 }; $h.ContainsKey('A'); $h.Keys",
        &["True", "a"],
    );
    let e = single_error("'x'.Frobnicate()");
    assert_eq!(
        e.message,
        "Method invocation failed because [System.String] does not contain a method named 'Frobnicate'."
    );
}

#[test]
fn expandable_strings() {
    check(
        "\"Thumbprint: $($tp.Substring(0, 4))\"; \"${tp}: ok\"",
        &["Thumbprint: 257C", &format!("{TP}: ok")],
    );
}

#[test]
fn pscustomobject_and_ordered() {
    check(
        "$o = [pscustomobject]@{ A = 1; B = 'x' }; $o.B; $o -is [pscustomobject]",
        &["x", "True"],
    );
    check("([ordered]@{ z = 1; a = 2 }).Keys -join ','", &["z,a"]);
}

#[test]
fn collecting_cmdlet_uses_scratch_and_end() {
    check("3, 1, 2 | sort", &["1", "2", "3"]);
    check("3, 1, 2 | Sort-Object -Descending", &["3", "2", "1"]);
}

#[test]
fn select_first_stops_feeding() {
    check("1..10 | select -First 2", &["1", "2"]);
}

#[test]
fn redirections() {
    let r = run("Get-ExchangeCertificate nope 2>&1 | % { $_.FullyQualifiedErrorId }");
    assert_eq!(r.outputs(), ["CertificateNotFound,Get-ExchangeCertificate"]);
    assert!(r.errors().is_empty());
    let r = run("Get-ExchangeCertificate nope 2>$null; 'x' > $null; 'y'");
    assert_eq!(r.outputs(), ["y"]);
    assert!(r.errors().is_empty());
    let dir = std::env::temp_dir().join(format!("shell-engine-redirect-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("out.txt");
    let path = file.display();
    let r = run(&format!("'one' > '{path}'; 'two' >> '{path}'"));
    assert!(r.errors().is_empty(), "{:?}", r.errors());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "one\ntwo\n");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn native_commands_on_path() {
    let r = run("echo hi; printf 'a\\nb\\n' | Out-Null2");
    assert_eq!(r.outputs(), ["hi"]);
    let r = run("$x = sh -c 'echo one; echo two'; $x.Count; sh -c 'exit 4'; $?; $LASTEXITCODE");
    assert_eq!(r.outputs(), ["2", "False", "4"]);
}

#[test]
fn i6_02_date_tostring_and_format_operator_use_the_en_us_culture() {
    let r =
        run("$d = [datetime]'2009-08-07 10:04:02'; $d.ToString(); '{0}' -f $d; \"$d\"; [string]$d");
    assert_eq!(
        r.outputs(),
        [
            "8/7/2009 10:04:02 AM",
            "8/7/2009 10:04:02 AM",
            "08/07/2009 10:04:02",
            "08/07/2009 10:04:02"
        ]
    );
}

#[test]
fn i6_35_function_typed_parameter_conversion_is_an_argument_transformation_error() {
    let r = run("function f { param([int]$Days) $Days }; f -Days soon; f -Days 7");
    assert_eq!(r.outputs(), ["7"]);
    let e = &r.errors()[0];
    assert_eq!(
        e.message,
        "Cannot process argument transformation on parameter 'Days'. Cannot convert value \
         \"soon\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\""
    );
    assert_eq!(
        e.fully_qualified_error_id(),
        "ParameterArgumentTransformationError,f"
    );
    assert_eq!(
        e.category_info(),
        "InvalidData: (:) [f], ParameterBindingArgumentTransformationException"
    );
}

#[test]
fn i6_30_regex_look_around_and_back_references() {
    let r = run("'50AF477D' -replace '(..)(?!$)', '$1:'; \
         'mail.contoso.com' -match '^(?<host>\\w+)(?=\\.)'; $Matches.host; \
         'aa-bb' -match '(\\w)\\1-'; ('a1b2c' -split '(?<=\\d)').Count; \
         'Mail' -match '^(?!mail$)'; 'Mail' -cmatch '^(?!mail$)'");
    assert_eq!(
        r.outputs(),
        ["50:AF:47:7D", "True", "mail", "True", "3", "False", "True"]
    );
    let r = run("'x' -match '(?<=a'");
    assert!(
        r.errors()[0]
            .message
            .starts_with("The regular expression pattern (?<=a is not valid"),
        "{:?}",
        r.errors()
    );
}

#[test]
fn i6_30_split_keeps_capture_groups_as_dotnet_does() {
    let r = run(
        "('a1b2c' -split '(\\d)') -join '|'; ('a1b2c' -split '(\\d)', 2) -join '|'; \
         ('k=v;x=y' -split '[=;]') -join '|'",
    );
    assert_eq!(r.outputs(), ["a|1|b|2|c", "a|1|b2c", "k|v|x|y"]);
}

#[test]
fn i6_47_validate_count_length_and_script() {
    let script = "function f { param([ValidateCount(1,2)][string[]]$Names = 'a', \
         [ValidateLength(3,5)][string]$Code = 'abc', \
         [ValidateScript({ $_ -gt 0 })][int]$Days = 1) \"$($Names -join ',') $Code $Days\" }; \
         f -Names a,b -Code abcde -Days 5; f -Names a,b,c; f -Code ab; f -Code abcdef; \
         f -Days 0; 'after'";
    let r = run(script);
    assert_eq!(r.outputs(), ["a,b abcde 5", "after"]);
    let errors = r.errors();
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Cannot validate argument on parameter 'Names'. The number of provided arguments, \
             (3), exceeds the maximum number of allowed arguments (2). Provide fewer than 2 \
             arguments, and then try the command again.",
            "Cannot validate argument on parameter 'Code'. The character length (2) of the \
             argument is too short. Specify an argument with a length that is greater than or \
             equal to \"3\", and then try the command again.",
            "Cannot validate argument on parameter 'Code'. The character length of the 6 argument \
             is too long. Shorten the character length of the argument so it is fewer than or \
             equal to \"5\" characters, and then try the command again.",
            "Cannot validate argument on parameter 'Days'. The \"$_ -gt 0\" validation script for \
             the argument with value \"0\" did not return a result of True. Determine why the \
             validation script failed, and then try the command again.",
        ]
    );
}

#[test]
fn i6_47_function_parameter_validation_attributes() {
    let script = "function f { param([ValidateSet('POP','IMAP')][string]$P = 'POP', \
         [ValidateRange(1, 10)][int]$N = 1, [ValidatePattern('^\\d+$')][string]$D = '1', \
         [ValidateNotNullOrEmpty()][string[]]$E = 'x') \"$P $N $D $E\" }; \
         f -P imap -N 10 -D 42; f -P SMTP; f -N 11; f -N 0; f -D 4a; f -E ''; 'after'";
    let r = run(script);
    assert_eq!(r.outputs(), ["imap 10 42 x", "after"]);
    let errors = r.errors();
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Cannot validate argument on parameter 'P'. The argument \"SMTP\" does not belong to \
             the set \"POP,IMAP\" specified by the ValidateSet attribute. Supply an argument that \
             is in the set and then try the command again.",
            "Cannot validate argument on parameter 'N'. The 11 argument is greater than the \
             maximum allowed range of 10. Supply an argument that is less than or equal to 10 and \
             then try the command again.",
            "Cannot validate argument on parameter 'N'. The 0 argument is less than the minimum \
             allowed range of 1. Supply an argument that is greater than or equal to 1 and then \
             try the command again.",
            "Cannot validate argument on parameter 'D'. The argument \"4a\" does not match the \
             \"^\\d+$\" pattern. Supply an argument that matches \"^\\d+$\" and try the command \
             again.",
            "Cannot validate argument on parameter 'E'. The argument is null or empty. Provide an \
             argument that is not null or empty, and then try the command again.",
        ]
    );
    assert_eq!(
        r.errors()[0].fully_qualified_error_id(),
        "ParameterArgumentValidationError,f"
    );
    assert_eq!(
        r.errors()[0].category_info(),
        "InvalidData: (:) [f], ParameterBindingValidationException"
    );
}

#[test]
fn i6_47_string_split_method_takes_several_separators_and_a_count() {
    let r = run(
        "'a;b c'.Split(';', ' ') -join '|'; 'a,b,c'.Split(',', 2) -join '|'; \
         'a::b'.Split('::') -join '|'; 'x y'.Split() -join '|'; 'a,b'.Split(',', 0).Count",
    );
    assert_eq!(r.outputs(), ["a|b|c", "a|b,c", "a||b", "x|y", "0"]);
}

#[test]
fn i6_48_method_on_null_is_invoke_method_on_null() {
    let r = run("$nothing.Add('a'); $null.ToString(); 'after'");
    assert_eq!(r.outputs(), ["after"]);
    let errors = r.errors();
    assert_eq!(errors.len(), 2);
    assert_eq!(
        errors[0].message,
        "You cannot call a method on a null-valued expression."
    );
    assert_eq!(errors[0].fully_qualified_error_id(), "InvokeMethodOnNull");
    assert_eq!(
        errors[0].category_info(),
        "InvalidOperation: (:) [], RuntimeException"
    );
}

#[test]
fn i6_27_psobject_properties_of_a_custom_object() {
    let r = run(
        "$o = [pscustomobject]@{ A = 1; B = 'x' }; $o.PSObject.Properties.Name -join ','; \
         $o.psobject.Properties | % { \"$($_.Name)=$($_.Value) $($_.MemberType)\" }",
    );
    assert_eq!(r.outputs(), ["A,B", "A=1 NoteProperty", "B=x NoteProperty"]);
    let r = run("$o = [pscustomobject]@{ PSObject = 'own' }; $o.PSObject");
    assert_eq!(r.outputs(), ["own"]);
}

#[test]
fn i6_32_native_stderr_follows_error_redirections() {
    let r = run("sh -c 'echo out; echo err >&2' 2>$null");
    assert_eq!(r.outputs(), ["out"]);
    assert!(r.errors().is_empty(), "{:?}", r.errors());
    let r = run("sh -c 'echo err >&2' 2>&1 | % { $_.FullyQualifiedErrorId + ': ' + $_ }");
    assert_eq!(r.outputs(), ["NativeCommandError: err"]);
    assert!(r.errors().is_empty(), "{:?}", r.errors());
}

#[test]
fn script_origin_and_spans_in_records() {
    let mut s = crate::fakes::session();
    s.run_script("'ok'\n  Get-Nothing -x", Origin::File("c:\\x.ps1".into()));
    let host = s.host_as::<shell_engine::ScriptedHost>().unwrap();
    let e = &host.errors()[0];
    let inv = e.invocation.as_ref().unwrap();
    assert_eq!(inv.origin.as_deref(), Some("c:\\x.ps1"));
    assert_eq!(inv.line_col(), (2, 3));
    assert_eq!(inv.line_text(), "  Get-Nothing -x");
}

#[test]
fn parse_errors_run_nothing() {
    let r = run("'a'; Write-Output (");
    assert!(r.result.parse_failed);
    assert!(r.outputs().is_empty());
    let e = &r.errors()[0];
    assert!(!e.parse_errors.is_empty());
    assert_eq!(
        e.category_info(),
        "ParserError: (:) [], ParentContainsErrorRecordException"
    );
}

#[test]
fn env_variables() {
    let r = run(
        "$env:CERTSH_TEST_VAR = 'v'; $env:CERTSH_TEST_VAR; $env:CERTSH_SURELY_UNSET_VAR -eq $null",
    );
    assert_eq!(r.outputs(), ["v", "True"]);
}

#[test]
fn variables_read_from_the_session() {
    let mut s = crate::fakes::session();
    s.run_script("$answer = 6 * 7", Origin::Interactive);
    assert_eq!(s.variable("answer"), Some(Value::Int(42)));
}

#[test]
fn mandatory_parameters_are_prompted_when_the_host_answers() {
    let mut s = crate::fakes::session();
    s.host_as_mut::<shell_engine::ScriptedHost>()
        .unwrap()
        .lines
        .push_back(TP.to_string());
    s.run_script(
        "Enable-ExchangeCertificate -Services POP",
        Origin::Interactive,
    );
    let host = s.host_as::<shell_engine::ScriptedHost>().unwrap();
    assert!(host.errors().is_empty(), "{:?}", host.errors());
    assert_eq!(host.output_strings(), ["enabled POP"]);
}

#[test]
fn hostile_inputs_are_errors_not_panics() {
    for script in [
        "'x' * 1000000000000",
        "'{0,999999999999}' -f 1",
        "'abc'.Substring(2, 9223372036854775807)",
        "'abc'.PadLeft(1000000000000)",
        "1..1000000000",
        "function f { f }; f",
        "$b = { & $b }; & $b",
        "$null[0]",
    ] {
        let r = run(script);
        assert_eq!(r.errors().len(), 1, "{script}: {:?}", r.errors());
    }
    // Integer overflow widens instead of failing.
    check(
        "[long]::MinValue / -1; [long]::MinValue % -1",
        &["9.223372036854776E+18", "0"],
    );
    check("@(1)[5]; @{}.x.y.z", &[]);
}

#[test]
fn error_variable_can_be_cleared() {
    check(
        "Get-ExchangeCertificate nope 2>$null; $Error.Count; $Error.Clear(); $Error.Count",
        &["1", "0"],
    );
}

#[test]
fn select_first_stops_upstream_commands() {
    let r =
        run("Get-ExchangeCertificate | Enable-ExchangeCertificate -Services POP | select -First 1");
    assert_eq!(r.outputs(), ["enabled POP"]);
    assert_eq!(
        r.calls("Enable-ExchangeCertificate").len(),
        1,
        "the second certificate is never enabled"
    );
    check("3, 1, 2 | sort | select -First 1", &["1"]);
}

#[test]
fn objects_stream_one_at_a_time() {
    let r = run("1..3 | % { Write-Host \"h$_\"; $_ } | % { Write-Host \"o$_\" }");
    assert_eq!(r.host().host_text(), "h1\no1\nh2\no2\nh3\no3\n");
}

#[test]
fn script_files_bind_param_blocks_from_arguments() {
    let mut s = crate::fakes::session();
    let script = "param([string]$Name, [int]$Count = 2, [switch]$Loud)\n\"$Name x $Count $Loud\"; $args.Count; $PSScriptRoot";
    let args: Vec<String> = ["-Count", "3", "web", "-Loud"]
        .iter()
        .map(|a| a.to_string())
        .collect();
    let r = s.run_file(script, "/tmp/scripts/run.ps1", &args);
    assert_eq!(r.file_exit_code(), 0);
    let host = s.host_as::<shell_engine::ScriptedHost>().unwrap();
    assert!(host.errors().is_empty(), "{:?}", host.errors());
    assert_eq!(host.output_strings(), ["web x 3 True", "0", "/tmp/scripts"]);
}

#[test]
fn script_file_binding_errors_end_the_script() {
    let mut s = crate::fakes::session();
    let r = s.run_file(
        "param([int]$Count)\n'ran'",
        "x.ps1",
        &["-Count".into(), "many".into()],
    );
    assert!(r.terminated);
    assert_eq!(r.file_exit_code(), 1);
    let host = s.host_as::<shell_engine::ScriptedHost>().unwrap();
    assert!(host.output_strings().is_empty());
    // Script parameters convert through an argument transformation, as functions' do.
    assert_eq!(
        host.errors()[0].error_id,
        "ParameterArgumentTransformationError"
    );
}

#[test]
fn script_files_run_as_commands() {
    let dir = std::env::temp_dir().join(format!("shell-engine-ps1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("child.ps1");
    std::fs::write(
        &file,
        "param($Name)\n\"hello $Name\"\nexit 7\n'not reached'",
    )
    .unwrap();
    let r = run(&format!(
        "& '{}' -Name web; $LASTEXITCODE; 'after'",
        file.display()
    ));
    assert_eq!(r.outputs(), ["hello web", "7", "after"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn s43_member_of_a_string_is_null_and_prints_nothing() {
    // `$null` reaches the host, which prints nothing for it.
    let r = run("Write-Output $tp.txt");
    assert!(r.errors().is_empty());
    assert_eq!(r.host().outputs(), [Value::Null]);
    check("Write-Output \"$tp.txt\"", &[&format!("{TP}.txt")]);
}

#[test]
fn run_script_binds_param_blocks_from_dollar_args() {
    let mut s = crate::fakes::session();
    s.set_variable(
        "args",
        Value::array(vec!["-Days".into(), "10".into(), "extra".into()]),
    );
    s.run_script(
        "param([int]$Days = 30)\n$Days; $args",
        Origin::File("t.ps1".into()),
    );
    let host = s.host_as::<shell_engine::ScriptedHost>().unwrap();
    assert_eq!(host.output_strings(), ["10", "extra"]);
}

#[test]
fn automatic_variables() {
    check(
        "\"$($PSVersionTable.PSVersion)\"; $PSVersionTable.PSVersion.Major -ge 3; \
         $PSVersionTable.PSVersion.Minor; $PID -gt 0; $HOME -eq $env:HOME",
        &["5.1", "True", "1", "True", "True"],
    );
}

#[test]
fn collection_where_and_foreach_methods() {
    check(
        "(1..5).Where({ $_ -gt 3 }) -join ','; (1, 2).ForEach({ $_ * 10 }) -join ','",
        &["4,5", "10,20"],
    );
}

#[test]
fn multiple_assignment() {
    check("$a, $b = 1, 2, 3; $a; $b -join ','", &["1", "2,3"]);
}

/// Scripts assembled from fragments with a fixed-seed generator never panic the engine.
#[test]
fn assembled_scripts_never_panic() {
    const FRAGMENTS: [&str; 40] = [
        "1",
        "'a'",
        "$x",
        "$null",
        "@()",
        "@{a=1}",
        "(1,2,3)",
        "[datetime]'2008-01-01'",
        "{ $_ }",
        " + ",
        " - ",
        " * ",
        " / ",
        " % ",
        " -eq ",
        " -like ",
        " -match ",
        " -f ",
        " -split ",
        " -join ",
        " -replace ",
        "..",
        " -as [int]",
        " -is [string]",
        ".Count",
        ".Foo",
        "[0]",
        "[-1]",
        ".ToString()",
        ".Substring(1)",
        " | % { $_ }",
        " | select -First 1",
        " | sort",
        "; ",
        "\n",
        "$x = ",
        "$x += ",
        "Write-Output ",
        "-not ",
        "[int]",
    ];
    let mut seed: u64 = 0x2008_0807;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut s = crate::fakes::session();
    for _ in 0..400 {
        let len = 1 + next() % 8;
        let script: String = (0..len)
            .map(|_| FRAGMENTS[next() % FRAGMENTS.len()])
            .collect();
        let _ = s.run_script(&script, Origin::Interactive);
    }
}

#[test]
fn advanced_function_common_parameters_set_preferences() {
    check(
        "function F { [CmdletBinding()] param() $ErrorActionPreference; $VerbosePreference }\nF -ErrorAction Stop -Verbose; $ErrorActionPreference",
        &["Stop", "Continue", "Continue"],
    );
}

#[test]
fn variables_can_be_listed() {
    let mut s = crate::fakes::session();
    s.run_script("$Zeta = 1; $alpha = 2", Origin::Interactive);
    let names: Vec<String> = s.variables().into_iter().map(|(n, _)| n).collect();
    let alpha = names.iter().position(|n| n == "alpha").unwrap();
    let zeta = names.iter().position(|n| n == "Zeta").unwrap();
    assert!(alpha < zeta);
    assert!(names.iter().any(|n| n == "true"));
}

#[test]
fn advanced_functions_support_should_process() {
    let r = run(
        "function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name, 'Remove')) { \"removed $Name\" } }\nRemove-Thing a -WhatIf\nRemove-Thing b",
    );
    assert_eq!(
        r.host().host_text(),
        "What if: Performing the operation \"Remove\" on target \"a\".\n"
    );
    assert_eq!(r.outputs(), ["removed b"]);
}

#[test]
fn date_and_timespan_overflow_is_an_error() {
    for script in [
        "[datetime]::Now.AddDays(1e300)",
        "[datetime]::Now + [timespan]::FromDays(3000000)",
        "[timespan]'99999999999999999'",
        "[timespan]::FromSeconds(1e300)",
        "[datetime]::MaxValue.AddYears(1)",
        "-[timespan]::FromDays(1) / 0",
    ] {
        let r = run(script);
        assert_eq!(r.errors().len(), 1, "{script}");
    }
}

#[test]
fn offset_changes_at_the_edge_of_the_calendar_are_errors() {
    let r = run(
        "[datetime]::MaxValue.ToLocalTime(); ([datetime]'9999-12-31T23:00:00-05:00').ToUniversalTime()",
    );
    assert_eq!(r.errors().len(), 1, "{:?}", r.errors());
    assert_eq!(r.outputs().len(), 1);
}

#[test]
fn s27_trailing_space_after_backtick_splits_the_command() {
    let r = run("New-ExchangeCertificate -DomainName pop.contoso.com ` \n    -Services POP");
    let errors = r.errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].error_id, "CommandNotFoundException");
    assert!(
        errors[0]
            .message
            .starts_with("The term '-Services' is not recognized")
    );
    assert_eq!(r.calls("New-ExchangeCertificate").len(), 1);
}

#[test]
fn s52_drive_paths_are_bare_words() {
    let r = run(
        "New-ExchangeCertificate -GenerateRequest -Path C:\\CertRequest.req -DomainName mail.contoso.com",
    );
    assert_eq!(
        r.bound("New-ExchangeCertificate", "Path").unwrap().0,
        "C:\\CertRequest.req"
    );
    assert_eq!(
        r.bound("New-ExchangeCertificate", "DomainName").unwrap().0,
        "mail.contoso.com"
    );
}

#[test]
fn s54_s55_where_script_blocks() {
    check(
        "Get-ExchangeCertificate | ? { $_.Status -eq \"Valid\" -and $_.Services -ne \"None\" } | % Thumbprint",
        &[TP, "1111111111111111111111111111111111111111"],
    );
    check(
        "Get-ExchangeCertificate | ? {$_.Services -match \"POP\"} | % Thumbprint",
        &[TP],
    );
}

#[test]
fn s57_foreach_after_a_pipe_is_the_command() {
    check(
        "Get-ExchangeCertificate | foreach { $_.Thumbprint.Substring(0, 4) }",
        &["257C", "1111"],
    );
}

#[test]
fn s63_else_on_its_own_is_a_command() {
    let r = run("else { 'no key' }");
    assert!(
        r.errors()[0]
            .message
            .starts_with("The term 'else' is not recognized")
    );
}

#[test]
fn s69_s70_subexpressions() {
    let r = run(&format!(
        "Enable-ExchangeCertificate $(Get-ExchangeCertificate {TP}).Thumbprint -Services POP"
    ));
    assert_eq!(r.outputs(), ["enabled POP"]);
    check(
        "\"Found $(@(Get-ExchangeCertificate).Count) certificate(s)\"",
        &["Found 2 certificate(s)"],
    );
}

#[test]
fn s73_command_names_are_never_wildcards() {
    let r = run("Get-ExchangeCertificate |FL*");
    assert!(
        r.errors()[0]
            .message
            .starts_with("The term 'FL*' is not recognized")
    );
    assert!(r.calls("Get-ExchangeCertificate").is_empty());
}

#[test]
fn warning_variable_and_inquire() {
    let r = run(
        "$null = Get-ExchangeCertificate -DomainName x -WarningVariable wv -wa SilentlyContinue; $wv",
    );
    assert_eq!(r.outputs(), ["DomainName is ignored by this fake"]);
    // Inquire without an answer stops.
    let r = run("Get-ExchangeCertificate nope -ErrorAction Inquire; 'next'");
    assert!(r.result.terminated);
    let mut s = crate::fakes::session();
    s.host_as_mut::<shell_engine::ScriptedHost>()
        .unwrap()
        .answers
        .push_back(true);
    s.run_script(
        "Get-ExchangeCertificate nope -ErrorAction Inquire; 'next'",
        Origin::Interactive,
    );
    assert_eq!(
        s.host_as::<shell_engine::ScriptedHost>()
            .unwrap()
            .output_strings(),
        ["next"]
    );
}
