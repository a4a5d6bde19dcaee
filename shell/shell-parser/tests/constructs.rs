//! The constructs design.md §8 brings in over spec §13.2, and the spec's smaller forms.

use crate::support::check;

#[test]
fn design8_while_loop() {
    check(
        "while ($i -lt 3) { $i++ }",
        "(while (-lt $i n(3)) ((x++ $i)))",
    );
}

#[test]
fn design8_do_while_and_do_until() {
    check(
        "do { $i-- } while ($i -gt 0)",
        "(do-while ((x-- $i)) (-gt $i n(0)))",
    );
    check(
        "do {\n  $i += 1\n}\nuntil ($i -ge 5)",
        "(do-until ((+= $i n(1))) (-ge $i n(5)))",
    );
}

#[test]
fn design8_for_loop() {
    check(
        "for ($i = 0; $i -lt 10; $i++) { $i }",
        "(for (assign $i n(0)) (-lt $i n(10)) (x++ $i) ($i))",
    );
    check("for (;;) { break }", "(for _ _ _ ((break)))");
    check(
        "for (\n  $i = 0\n  $i -lt 3\n  $i++\n) { }",
        "(for (assign $i n(0)) (-lt $i n(3)) (x++ $i) ())",
    );
    check("for ($i = 0; ; ) { }", "(for (assign $i n(0)) _ _ ())");
}

#[test]
fn design8_labels_break_continue() {
    check(
        ":outer foreach ($a in $list) { continue outer }",
        "(foreach:outer $a $list ((continue outer)))",
    );
}

#[test]
fn design8_switch_statement() {
    check(
        "switch -regex ($name) {\n  '^a' { 'A'; break }\n  default { 'other' }\n}",
        "(switch -regex $name (sq'^a' (sq'A' (break))) (default (sq'other')))",
    );
    check(
        "switch ($n) { 1 { 'one' } {$_ -gt 5} { 'big' } two { 2 } }",
        "(switch $n (n(1,'1') (sq'one')) ((sb (-gt $_ n(5))) (sq'big')) (w'two' (n(2))))",
    );
}

#[test]
fn design8_ranges_format_join_split_replace() {
    check("1..5", "(.. n(1) n(5))");
    check("'{0} {1}' -f $a, $b", "(-f sq'{0} {1}' (arr $a $b))");
    check("$list -join ', '", "(-join $list sq', ')");
    check("-join $list", "(-join $list)");
    check("$s -split ','", "(-split $s sq',')");
    check("$s -creplace 'a', 'b'", "(-creplace $s (arr sq'a' sq'b'))");
}

#[test]
fn design8_casts_and_type_literals() {
    check("[int]$x", "(cast [int] $x)");
    check("[int] '5' + 1", "(+ (cast [int] sq'5') n(1))");
    check("$x -is [string]", "(-is $x [string])");
    check("$x -as [int[]]", "(-as $x [int[]])");
    check("[ordered]@{ a = 1 }", "(cast [ordered] (hash (a n(1))))");
    check(
        "[pscustomobject]@{ Name = 'x'; Size = 2 }",
        "(cast [pscustomobject] (hash (Name sq'x') (Size n(2))))",
    );
    check("[int]$x = '5'", "(assign (cast [int] $x) sq'5')");
}

#[test]
fn design8_method_calls_and_static_members() {
    check("$s.ToUpper()", "(.call $s ToUpper)");
    check(
        "$d.AddDays(-30).ToString('yyyy')",
        "(.call (.call $d AddDays n(-30)) ToString sq'yyyy')",
    );
    check("[datetime]::Now", "(:: [datetime] Now)");
    check("[math]::Max(1, 2)", "(::call [math] Max n(1) n(2))");
    check(
        "Write-Output $s.Trim()",
        "(cmd Write-Output (.call $s Trim))",
    );
    check("$h['key'].Count", "(. (idx $h sq'key') Count)");
}

#[test]
fn design8_functions_with_param_blocks() {
    check("function Get-Two { 2 }", "(function Get-Two (sb n(2)))");
    check(
        "function Add($a, $b = 1) { $a + $b }",
        "(function Add (param ($a) ($b = n(1))) (sb (+ $a $b)))",
    );
    check(
        "function F {\n  [CmdletBinding()]\n  param(\n    [Parameter(Mandatory=$true, Position=0)]\n    [string]$Name,\n    [ValidateSet('a','b')][string[]]$Kind = 'a',\n    [switch]$Force\n  )\n  $Name\n}",
        "(function F (param [CmdletBinding] ([Parameter Mandatory=$true Position=n(0)] <string> $Name) ([ValidateSet sq'a' sq'b'] <string[]> $Kind = sq'a') (<switch> $Force)) (sb $Name))",
    );
    check(
        "function F { param([Parameter(Mandatory, ValueFromPipeline)]$InputObject) begin { 1 } process { $_ } end { 3 } }",
        "(function F (param ([Parameter Mandatory ValueFromPipeline] $InputObject)) (sb (begin (n(1))) (process ($_)) (end (n(3)))))",
    );
}

#[test]
fn design8_script_param_block() {
    check(
        "param($Path, [int]$Count = 3)\n$Path",
        "(param ($Path) (<int> $Count = n(3))); $Path",
    );
    check(
        "[CmdletBinding()]\nparam($a)\n$a",
        "(param [CmdletBinding] ($a)); $a",
    );
}

#[test]
fn design8_comment_based_help() {
    let src = "<#\n.SYNOPSIS\n  Does things.\n#>\nfunction Do-Things { 1 }";
    let script = shell_parser::parse(src).unwrap();
    let shell_parser::ast::StatementKind::Function(f) = &script.statements[0].kind else {
        panic!("not a function");
    };
    assert_eq!(f.help.as_deref(), Some("\n.SYNOPSIS\n  Does things.\n"));

    let src = "function Do-Things {\n  <# .SYNOPSIS Inside. #>\n  param($a)\n}";
    let script = shell_parser::parse(src).unwrap();
    let shell_parser::ast::StatementKind::Function(f) = &script.statements[0].kind else {
        panic!("not a function");
    };
    assert_eq!(f.help.as_deref(), Some(" .SYNOPSIS Inside. "));
    assert_eq!(f.params.as_ref().map(|p| p.params.len()), Some(1));

    let script = shell_parser::parse("<# just a note #>\nfunction F { 1 }").unwrap();
    let shell_parser::ast::StatementKind::Function(f) = &script.statements[0].kind else {
        panic!("not a function");
    };
    assert_eq!(f.help, None);
}

#[test]
fn design8_redirections() {
    check("Get-Thing > out.txt", "(cmd Get-Thing (> w'out.txt'))");
    check("Get-Thing >> out.txt", "(cmd Get-Thing (>> w'out.txt'))");
    check(
        "Get-Thing 2>&1 | Out-Null",
        "(pipe (cmd Get-Thing (2>&1)) (cmd Out-Null))",
    );
    check("Get-Thing 2>$null", "(cmd Get-Thing (2> $null))");
    check("Get-Thing *> 'all.log'", "(cmd Get-Thing (*> sq'all.log'))");
    check("$x > file.txt", "(redir $x (> w'file.txt'))");
}

#[test]
fn sec3_2_script_block_text_is_source_between_braces() {
    let script = shell_parser::parse("& { $a + 1 }").unwrap();
    let shell_parser::ast::StatementKind::Pipeline(p) = &script.statements[0].kind else {
        panic!("not a pipeline");
    };
    let shell_parser::ast::PipelineElement::Command(c) = &p.elements[0] else {
        panic!("not a command");
    };
    let shell_parser::ast::ExprKind::ScriptBlock(sb) = &c.name.kind else {
        panic!("not a script block");
    };
    assert_eq!(sb.text, " $a + 1 ");
    assert_eq!(c.invocation, shell_parser::ast::Invocation::Call);
}

#[test]
fn sec3_1_call_and_dot_source() {
    check("& 'Get-Thing' -A 1", "(& sq'Get-Thing' -A n(1,'1'))");
    check("& $sb", "(& $sb)");
    check(". .\\lib.ps1", "(dot-source w'.\\lib.ps1')");
    check(".{ $a = 1 }", "(dot-source (sb (assign $a n(1))))");
    check("1-2", "(- n(1) n(2))");
    check("7zip a", "(cmd 7zip w'a')");
}

#[test]
fn sec2_5_variables_scopes_and_special_names() {
    check("$env:COMPUTERNAME", "$env:COMPUTERNAME");
    check("$script:count += 1", "(+= $script:count n(1))");
    check("${my var}", "$my var");
    check("$?", "$?");
    check("$_", "$_");
    check(
        "Write-Output $dir\\file.req",
        r#"(cmd Write-Output x[$dir "\file.req"])"#,
    );
    check(
        "Write-Output $x.Length-1",
        "(cmd Write-Output (. $x Length) w'-1')",
    );
}

#[test]
fn sec3_3_arithmetic_precedence() {
    check("1 + 2 * 3", "(+ n(1) (* n(2) n(3)))");
    check("(1 + 2) * 3", "(* (paren (+ n(1) n(2))) n(3))");
    check("-1", "n(-1)");
    check("- $x", "(neg $x)");
    check("10 % 3 - 1", "(- (% n(10) n(3)) n(1))");
    check(
        "$a -ceq $b -or $c -ilike 'x*'",
        "(-or (-ceq $a $b) (-ilike $c sq'x*'))",
    );
    check("!$a", "(-not $a)");
    check("$x = 1 +\n 2", "(assign $x (+ n(1) n(2)))");
}

#[test]
fn sec2_9_numbers_in_expression_mode() {
    check("0x10", "n(16)");
    check("1.5", "n(1.5)");
    check(".5", "n(0.5)");
    check("1e3", "n(1000.0)");
    check("2gb", "n(2147483648L)");
    check("5l", "n(5L)");
    check("1.5d", "n(1.5D)");
    check("3000000000", "n(3000000000L)");
}

#[test]
fn sec2_6_here_strings() {
    check("@'\nline $x\n'@", "hsq'line $x'");
    check(
        "@\"\nHello $name\nbye\n\"@",
        "hdq[\"Hello \" $name \"\nbye\"]",
    );
    check("Write-Output @'\r\na\r\n'@", "(cmd Write-Output hsq'a')");
}

#[test]
fn sec3_1_hash_literal_forms() {
    check("@{}", "(hash)");
    check(
        "@{\n  Name = 'Thumbprint'\n  Expression = { $_.Thumbprint }\n}",
        "(hash (Name sq'Thumbprint') (Expression (sb (. $_ Thumbprint))))",
    );
    check("@{ 'a b' = 1; 2 = $x }", "(hash (sq'a b' n(1)) (n(2) $x))");
}

#[test]
fn sec2_3_expandable_bare_words() {
    check("Write-Output a'$x'", "(cmd Write-Output w'a$x')");
    check("Write-Output a\"$x\"", r#"(cmd Write-Output x["a" $x])"#);
    check("Write-Output a`nb", "(cmd Write-Output w'a\nb')");
    check("Write-Output -1", "(cmd Write-Output w'-1')");
    check("Write-Output -", "(cmd Write-Output w'-')");
    check("Write-Output 1.2.3", "(cmd Write-Output w'1.2.3')");
    check("Write-Output [abc]", "(cmd Write-Output w'[abc]')");
    check("Write-Output :label", "(cmd Write-Output w':label')");
    check("Write-Output if", "(cmd Write-Output w'if')");
    check(
        "Write-Output 'a'b \"c\"d",
        "(cmd Write-Output sq'a' w'b' dq\"c\" w'd')",
    );
    check("Write-Output abc`", "(cmd Write-Output w'abc`')");
    check("Write-Output a` b", "(cmd Write-Output w'a b')");
}

#[test]
fn sec2_8_parameter_token_forms() {
    check("Get-X -cert.req", "(cmd Get-X -cert w'.req')");
    check("Get-X -Name\"x\"", "(cmd Get-X w'-Namex')");
    check("Get-X \u{2013}Force", "(cmd Get-X -Force)");
    check(
        "Get-X -Services: POP,IMAP",
        "(cmd Get-X -Services:(arr w'POP' w'IMAP'))",
    );
    check("Get-X --x", "(cmd Get-X w'--x')");
}

#[test]
fn sec2_7_statement_separators_and_blank_lines() {
    check(";;\n\nGet-A;Get-B\n", "(cmd Get-A); (cmd Get-B)");
    check("Get-A\n| Get-B", "(pipe (cmd Get-A) (cmd Get-B))");
    check("Get-A\n# note\n| Get-B", "(pipe (cmd Get-A) (cmd Get-B))");
}

#[test]
fn sec3_1_if_elseif_else_and_flow() {
    check(
        "if ($a) { 1 } elseif ($b) { 2 } else { 3 }",
        "(if ($a (n(1))) ($b (n(2))) (else (n(3))))",
    );
    check("throw \"bad\"", r#"(throw dq"bad")"#);
    check("return", "(return)");
    check(
        "try { 1 } catch [System.IO.IOException], [System.Exception] { 2 } finally { 3 }",
        "(try (n(1)) (catch [System.IO.IOException] [System.Exception] (n(2))) (finally (n(3))))",
    );
    check(
        "$r = if ($a) { 1 } else { 2 }",
        "(assign $r (if ($a (n(1))) (else (n(2)))))",
    );
}

#[test]
fn sec3_1_index_and_member_chains() {
    check("$a[0]", "(idx $a n(0))");
    check("$a[0,1]", "(idx $a (arr n(0) n(1)))");
    check("$a.b.c", "(. (. $a b) c)");
    check("$a.'b c'", "(. $a sq'b c')");
    check("$x.$name", "(. $x $name)");
    check("$a[-1].Name", "(. (idx $a n(-1)) Name)");
    check(
        "Write-Output $c .Thumbprint",
        "(cmd Write-Output $c w'.Thumbprint')",
    );
    check(
        "Write-Output (1+2)abc",
        "(cmd Write-Output (paren (+ n(1) n(2))) w'abc')",
    );
    check(
        "[System.Collections.Generic.List[string]]::new()",
        "(::call [System.Collections.Generic.List[string]] new)",
    );
    check("$x.\n  Name", "(. $x Name)");
}

#[test]
fn sec2_1_spans_are_byte_offsets() {
    let script = shell_parser::parse("Get-A  |  Get-B").unwrap();
    assert_eq!(script.statements[0].span, shell_parser::Span::new(0, 15));
    let script = shell_parser::parse("  $x = 1 + 2  ").unwrap();
    assert_eq!(script.statements[0].span, shell_parser::Span::new(2, 12));
}

#[test]
fn design8_filter_is_a_function_with_a_process_block() {
    let script = shell_parser::parse("filter Double { $_ * 2 }").expect("parses");
    let shell_parser::ast::StatementKind::Function(definition) = &script.statements[0].kind else {
        panic!("a function definition");
    };
    assert_eq!(definition.name.item, "Double");
    assert!(definition.body.statements.is_empty());
    let process = definition.body.process.as_ref().expect("a process block");
    assert_eq!(process.statements.len(), 1);
}
