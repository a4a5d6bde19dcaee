//! Parse errors: ids, positions and the incomplete flag of spec §2.11, and every CUT
//! construct of design.md §8.

use crate::support::{check_err, check_unsupported, message};

#[test]
fn sec2_11_unclosed_quotes_are_incomplete() {
    check_err(
        "Write-Output 'abc",
        "TerminatorExpectedAtEndOfString",
        1,
        14,
        true,
    );
    check_err(
        "Write-Output \"abc",
        "TerminatorExpectedAtEndOfString",
        1,
        14,
        true,
    );
    assert_eq!(message("'abc"), "The string is missing the terminator: '.");
    assert_eq!(
        message("\"abc"),
        "The string is missing the terminator: \"."
    );
    check_err("@\"\nabc", "TerminatorExpectedAtEndOfString", 1, 1, true);
}

#[test]
fn sec2_11_unclosed_brackets_are_incomplete() {
    check_err("(1 + 2", "MissingEndParenthesisInExpression", 1, 1, true);
    assert_eq!(message("(1 + 2"), "Missing closing ')' in expression.");
    check_err(
        "$(Get-X",
        "MissingEndParenthesisInSubexpression",
        1,
        1,
        true,
    );
    check_err(
        "@(Get-X",
        "MissingEndParenthesisInSubexpression",
        1,
        1,
        true,
    );
    assert_eq!(message("$(Get-X"), "Missing closing ')' in subexpression.");
    check_err("Get-X | % {\n  $_", "MissingEndCurlyBrace", 1, 11, true);
    assert_eq!(
        message("{"),
        "Missing closing '}' in statement block or type definition."
    );
    check_err("@{ a = 1", "MissingEndCurlyBrace", 1, 1, true);
    check_err("if ($x) {", "MissingEndCurlyBrace", 1, 9, true);
    check_err("<# open", "MissingTerminatorMultiLineComment", 1, 1, true);
}

#[test]
fn sec2_11_trailing_operators_are_incomplete() {
    check_err("$a -eq", "ExpectedValueExpression", 1, 7, true);
    assert_eq!(
        message("$a -eq"),
        "You must provide a value expression following the '-eq' operator."
    );
    check_err("1,", "MissingExpressionAfterToken", 1, 2, true);
    check_err("Get-X a,", "MissingExpression", 1, 8, true);
    check_err("if ($x)", "MissingStatementBlock", 1, 8, true);
    assert_eq!(
        message("if ($x)"),
        "Missing statement block after if ( condition )."
    );
    check_err("Get-X -A 1 `", "IncompleteString", 1, 12, true);
    check_err("try { 1 }", "MissingCatchOrFinally", 1, 10, true);
    check_err("$x.", "MissingPropertyName", 1, 4, true);
    check_err("$x.\n", "MissingPropertyName", 2, 1, true);
}

#[test]
fn sec2_11_same_errors_not_at_end_are_not_incomplete() {
    check_err("(1 2)", "UnexpectedToken", 1, 4, false);
    check_err("Get-X | | Get-Y", "EmptyPipeElement", 1, 8, false);
    check_err("if ($x) Get-Y", "MissingStatementBlock", 1, 9, false);
    check_err("try { 1 } Get-Y", "MissingCatchOrFinally", 1, 10, false);
}

#[test]
fn sec8_4_error_catalogue_messages() {
    check_err("1 | 2", "ExpressionsMustBeFirstInPipeline", 1, 5, false);
    assert_eq!(
        message("1 | 2"),
        "Expressions are only allowed as the first element of a pipeline."
    );
    check_err("Get-X a & b", "AmpersandNotAllowed", 1, 9, false);
    check_err("Get-X @", "UnrecognizedToken", 1, 7, false);
    check_err("Get-X -Name:", "ParameterRequiresArgument", 1, 7, false);
    assert_eq!(
        message("Get-X -Name:"),
        "Parameter -Name: requires an argument."
    );
    check_err("@{ a }", "MissingEqualsInHashLiteral", 1, 6, false);
    check_err("$x -foo 1", "UnexpectedToken", 1, 4, false);
    assert_eq!(
        message("$x -foo 1"),
        "Unexpected token '-foo' in expression or statement."
    );
    check_err("}", "UnexpectedToken", 1, 1, false);
    check_err("${}", "EmptyVariableReference", 1, 1, false);
    check_err(
        "Write-Output $x:",
        "InvalidVariableReferenceWithDrive",
        1,
        14,
        false,
    );
    check_err("0x1FFFFFFFFFFFFFFFFF", "BadNumericConstant", 1, 1, false);
    check_err("Get-X , a", "MissingArgument", 1, 7, false);
    check_err(
        "@\"abc\n\"@",
        "UnexpectedCharactersAfterHereStringHeader",
        1,
        3,
        false,
    );
    check_err(
        "@'\nabc\n  '@",
        "WhitespaceBeforeHereStringFooter",
        1,
        1,
        false,
    );
    check_err("1 = 2", "InvalidLeftHandSide", 1, 1, false);
    check_err("$c .Thumbprint", "UnexpectedToken", 1, 4, false);
}

#[test]
fn sec8_4_keywords_only_at_statement_start() {
    check_err(
        "foreach {",
        "MissingOpenParenthesisAfterKeyword",
        1,
        9,
        false,
    );
}

#[test]
fn design8_cut_keywords() {
    check_unsupported("class Foo { }", "class");
    check_unsupported("enum Color { Red }", "enum");
    check_unsupported("workflow W { }", "workflow");
    check_unsupported("configuration C { }", "configuration");
    check_unsupported("using namespace System", "using");
    check_unsupported("trap { continue }", "trap");
    check_unsupported("data { 'x' }", "data");
    check_unsupported("function F { dynamicparam { } end { } }", "dynamicparam");
}

#[test]
fn design8_cut_operators() {
    check_unsupported("Get-X --% a b", "--%");
    check_unsupported("Get-X && Get-Y", "&&");
    check_unsupported("Get-X || Get-Y", "||");
    check_unsupported("$a ? 1 : 2", "? :");
    check_unsupported("$a ?? 1", "??");
    check_unsupported("$a -bxor 1", "-bxor");
}

#[test]
fn sec13_2_keywords_as_arguments_are_strings() {
    crate::support::check(
        "Write-Output class enum using",
        "(cmd Write-Output w'class' w'enum' w'using')",
    );
}

/// The ids of every error of `source`, in order.
fn error_ids(source: &str) -> Vec<&'static str> {
    shell_parser::parse(source)
        .expect_err("the source has errors")
        .errors
        .iter()
        .map(|error| error.id)
        .collect()
}

#[test]
fn sec8_3_every_top_level_statement_reports_its_own_error() {
    assert_eq!(
        error_ids("$x = (1 + )\n'fine'\nGet-X -A:\n$y = 2 *\n"),
        [
            "ExpectedValueExpression",
            "ParameterRequiresArgument",
            "ExpectedValueExpression"
        ]
    );
    // `;` separates statements too; a stray closer is reported and stepped over.
    assert_eq!(
        error_ids("$a = (1 + ); }; $b = (2 + )"),
        [
            "ExpectedValueExpression",
            "UnexpectedToken",
            "ExpectedValueExpression"
        ]
    );
}

#[test]
fn sec8_3_recovery_skips_strings_comments_and_nested_blocks() {
    // The broken `if` spans lines through its braces (its `(` is never closed, so only braces
    // count); the quoted `}`, the comment and the here-string do not end it early, so the
    // next error is the one on the last line.
    let source = "if ($true { \"}\" # )\n  @'\n)\n'@\n}\n$z = (3 + )\n";
    assert_eq!(
        error_ids(source),
        [
            "MissingEndParenthesisAfterStatement",
            "ExpectedValueExpression"
        ]
    );
}

#[test]
fn sec8_3_an_incomplete_error_ends_the_list_and_ten_are_enough() {
    let errors = shell_parser::parse("$a = (1 + )\nif ($true) {\n$b = 2\n").expect_err("errors");
    assert_eq!(errors.errors.len(), 2);
    assert!(!errors.errors[0].incomplete);
    assert!(errors.errors[1].incomplete);
    assert!(errors.is_incomplete());
    let many = "$v = (1 + )\n".repeat(30);
    assert_eq!(error_ids(&many).len(), 11);
}

#[test]
fn sec8_4_a_block_closing_inside_a_method_call_names_the_call() {
    check_err(
        "{ (Get-Date).AddDays( }",
        "MissingEndParenthesisInMethodCall",
        1,
        21,
        false,
    );
    check_err(
        "{ 'a'.Replace('a', 'b' }",
        "MissingEndParenthesisInMethodCall",
        1,
        14,
        false,
    );
}
