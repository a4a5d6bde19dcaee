//! Recursive-descent parser over the nom token primitives of `lexer.rs`.
//!
//! The parser owns the position and the mode decision (spec §2.2): statement starts are
//! tried as expressions, commands are read in argument mode, and every nested `( )`, `$( )`,
//! `@( )`, `{ }` and `@{ }` starts a new statement context. It stops at the first error.

use crate::ast::*;
use crate::error::ParseError;
use crate::lexer::argument::RedirectionOperator;
use crate::lexer::{
    self, escape, is_dash, is_double_quote, is_hard_terminator, is_identifier_char,
    is_inline_space, is_newline, is_quote, is_single_quote, is_variable_char, is_variable_start,
};
use crate::span::Span;

type PResult<T> = Result<T, ParseError>;

/// Nesting limit: deeper input is an error instead of a stack overflow.
const MAX_DEPTH: usize = 200;

/// Parse errors collected before giving up (the renderer shows ten, then says not all were
/// reported).
const MAX_REPORTED_ERRORS: usize = 10;

/// A light scan of the source for error recovery: yields each character outside quotes,
/// comments and here-strings with the bracket depth after it (`(`, `{`, `[`, `@(`, `@{`, `$(`
/// open; their closers close; with `braces_only`, only `{` and `}` count). Backtick escapes
/// are stepped over.
struct Scanner<'a> {
    src: &'a str,
    pos: usize,
    depth: i64,
    /// Count only `{` and `}`.
    braces_only: bool,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str, pos: usize) -> Self {
        Scanner {
            src,
            pos,
            depth: 0,
            braces_only: false,
        }
    }

    fn next_char(&mut self) -> Option<(usize, i64, char)> {
        loop {
            let rest = self.src.get(self.pos..)?;
            let c = rest.chars().next()?;
            let at = self.pos;
            self.pos += c.len_utf8();
            match c {
                '`' => {
                    if let Some(next) = self.src[self.pos..].chars().next() {
                        self.pos += next.len_utf8();
                    }
                }
                '#' => self.skip_to_line_end(),
                '<' if rest.starts_with("<#") => self.skip_past("#>"),
                '@' if rest.starts_with("@'\n") || rest.starts_with("@'\r\n") => {
                    self.skip_past("\n'@")
                }
                '@' if rest.starts_with("@\"\n") || rest.starts_with("@\"\r\n") => {
                    self.skip_past("\n\"@")
                }
                '\'' => self.skip_quoted('\''),
                '"' => self.skip_quoted('"'),
                '{' => {
                    self.depth += 1;
                    return Some((at, self.depth, c));
                }
                '}' => {
                    self.depth -= 1;
                    return Some((at, self.depth, c));
                }
                '(' | '[' if !self.braces_only => {
                    self.depth += 1;
                    return Some((at, self.depth, c));
                }
                ')' | ']' if !self.braces_only => {
                    self.depth -= 1;
                    return Some((at, self.depth, c));
                }
                _ => return Some((at, self.depth, c)),
            }
        }
    }

    fn skip_to_line_end(&mut self) {
        let rest = &self.src[self.pos..];
        self.pos += rest.find(['\n', '\r']).unwrap_or(rest.len());
    }

    fn skip_past(&mut self, end: &str) {
        let rest = &self.src[self.pos..];
        self.pos += rest.find(end).map_or(rest.len(), |i| i + end.len());
    }

    /// Skips a quoted string: a doubled quote is an escaped quote, and in `"…"` a backtick
    /// escapes the next character.
    fn skip_quoted(&mut self, quote: char) {
        let mut chars = self.src[self.pos..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '`' && quote == '"' {
                chars.next();
            } else if c == quote {
                if chars.peek().is_some_and(|(_, next)| *next == quote) {
                    chars.next();
                } else {
                    self.pos += i + c.len_utf8();
                    return;
                }
            }
        }
        self.pos = self.src.len();
    }
}

/// Statement keywords (recognised only at statement start).
const KEYWORDS: &[&str] = &[
    "if", "foreach", "while", "do", "for", "switch", "try", "function", "filter", "exit", "throw",
    "return", "break", "continue",
];

/// Keywords of constructs this shell does not support (design.md §8).
const CUT_KEYWORDS: &[&str] = &[
    "class",
    "enum",
    "workflow",
    "configuration",
    "using",
    "trap",
    "data",
    "dynamicparam",
];

/// Where an expandable string body stops.
#[derive(Clone, Copy)]
enum Until {
    /// At an unescaped, undoubled double quote.
    Quote,
    /// At this byte offset (here-string bodies).
    End(usize),
}

/// An attribute or a type constraint in a parameter declaration.
enum AttributeOrType {
    Attribute(Attribute),
    Type(Spanned<String>),
}

pub(crate) struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
}

fn expr(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

fn literal_parts(text: String) -> Vec<StringPart> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![StringPart::Literal(text)]
    }
}

fn flush(parts: &mut Vec<StringPart>, literal: &mut String) {
    if !literal.is_empty() {
        parts.push(StringPart::Literal(std::mem::take(literal)));
    }
}

fn is_assignable(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Variable(_) | ExprKind::Member { .. } | ExprKind::Index { .. } => true,
        ExprKind::Cast { operand, .. } => is_assignable(operand),
        ExprKind::Array(items) => items.iter().all(is_assignable),
        _ => false,
    }
}

fn statement_to_pipeline(statement: Statement) -> Pipeline {
    let span = statement.span;
    match statement.kind {
        StatementKind::Pipeline(p) => p,
        other => {
            let inner = Statement { kind: other, span };
            Pipeline {
                elements: vec![PipelineElement::Expression {
                    expr: expr(ExprKind::Paren(Box::new(inner)), span),
                    redirections: Vec::new(),
                }],
                span,
            }
        }
    }
}

fn help_text(comment_body: &str) -> Option<String> {
    comment_body
        .trim_start()
        .starts_with('.')
        .then(|| comment_body.to_string())
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        let pos = if src.starts_with('\u{FEFF}') {
            '\u{FEFF}'.len_utf8()
        } else {
            0
        };
        Parser { src, pos, depth: 0 }
    }

    // ---------------------------------------------------------------- cursor helpers

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek2(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    fn peek3(&self) -> Option<char> {
        self.rest().chars().nth(2)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// The span of the character at `at` (empty at the end of input).
    fn char_span(&self, at: usize) -> Span {
        let len = self.src[at..].chars().next().map_or(0, char::len_utf8);
        Span::new(at, at + len)
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(
                "shell::parse::nesting_too_deep",
                "The script is nested too deeply to be parsed.",
                Span::new(self.pos, self.pos),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// `true` when only whitespace, newlines and comments remain (spec §2.11).
    fn rest_is_trivia(&self) -> bool {
        let mut rest = self.rest();
        loop {
            let trimmed = rest.trim_start_matches(|c: char| {
                is_inline_space(c) || is_newline(c) || c == '`' || c == ';'
            });
            if trimmed.is_empty() {
                return true;
            }
            if let Some(after) = trimmed.strip_prefix("<#") {
                match after.find("#>") {
                    Some(end) => rest = &after[end + 2..],
                    None => return true,
                }
            } else if trimmed.starts_with('#') {
                match trimmed.find(['\n', '\r']) {
                    Some(end) => rest = &trimmed[end..],
                    None => return true,
                }
            } else {
                return false;
            }
        }
    }

    // ---------------------------------------------------------------- errors

    fn error(&self, id: &'static str, message: impl Into<String>, span: Span) -> ParseError {
        ParseError {
            id,
            message: message.into(),
            span,
            incomplete: false,
        }
    }

    /// An error that marks the input incomplete when the parser stands at its end.
    fn incomplete(&self, id: &'static str, message: impl Into<String>, span: Span) -> ParseError {
        ParseError {
            id,
            message: message.into(),
            span,
            incomplete: self.rest_is_trivia(),
        }
    }

    fn unsupported(&self, construct: &str, span: Span) -> ParseError {
        self.error(
            "shell::parse::unsupported_syntax",
            format!("The '{construct}' syntax is not supported by this shell."),
            span,
        )
    }

    fn token_text_at(&self, at: usize) -> &'a str {
        let rest = &self.src[at..];
        let mut chars = rest.char_indices();
        match chars.next() {
            None => "",
            Some((_, c)) if is_hard_terminator(c) => &rest[..c.len_utf8()],
            Some(_) => {
                let end = rest.find(is_hard_terminator).unwrap_or(rest.len());
                &rest[..end]
            }
        }
    }

    fn unexpected_token(&self) -> ParseError {
        let text = self.token_text_at(self.pos);
        if text.is_empty() {
            return self.incomplete(
                "ExpectedExpression",
                "An expression was expected.",
                Span::new(self.pos, self.pos),
            );
        }
        self.error(
            "UnexpectedToken",
            format!("Unexpected token '{text}' in expression or statement."),
            Span::new(self.pos, self.pos + text.len()),
        )
    }

    // ---------------------------------------------------------------- trivia

    /// Skips inline whitespace, comments and backtick line continuations (not newlines).
    fn skip_ws(&mut self) -> PResult<()> {
        loop {
            match self.peek() {
                Some(c) if is_inline_space(c) => {
                    self.bump();
                }
                Some('`') => match self.peek2() {
                    Some('\r') => {
                        self.pos += 2;
                        self.eat('\n');
                    }
                    Some('\n') => self.pos += 2,
                    Some(c) if is_inline_space(c) => {
                        self.pos += 1;
                        self.bump();
                    }
                    None => {
                        return Err(ParseError {
                            id: "IncompleteString",
                            message: "Incomplete string token.".into(),
                            span: Span::new(self.pos, self.pos + 1),
                            incomplete: true,
                        });
                    }
                    Some(_) => return Ok(()),
                },
                Some('<') if self.peek2() == Some('#') => {
                    let start = self.pos;
                    match self.src[start + 2..].find("#>") {
                        Some(end) => self.pos = start + 2 + end + 2,
                        None => {
                            self.pos = self.src.len();
                            return Err(ParseError {
                                id: "MissingTerminatorMultiLineComment",
                                message: "The terminator '#>' is missing from the multiline \
                                          comment."
                                    .into(),
                                span: Span::new(start, start + 2),
                                incomplete: true,
                            });
                        }
                    }
                }
                Some('#') => {
                    let rest = self.rest();
                    self.pos += rest.find(['\n', '\r']).unwrap_or(rest.len());
                }
                _ => return Ok(()),
            }
        }
    }

    /// Skips whitespace, comments and newlines.
    fn skip_ws_nl(&mut self) -> PResult<()> {
        loop {
            self.skip_ws()?;
            match self.peek() {
                Some(c) if is_newline(c) => {
                    self.bump();
                }
                _ => return Ok(()),
            }
        }
    }

    /// Skips whitespace, comments, newlines and `;`.
    fn skip_seps(&mut self) -> PResult<()> {
        loop {
            self.skip_ws()?;
            match self.peek() {
                Some(c) if is_newline(c) || c == ';' => {
                    self.bump();
                }
                _ => return Ok(()),
            }
        }
    }

    /// At the end of a statement: end of input, newline, `;`, or a closing bracket.
    fn at_statement_end(&self) -> bool {
        match self.peek() {
            None => true,
            Some(c) => is_newline(c) || matches!(c, ';' | ')' | '}'),
        }
    }

    /// At the end of a command's elements.
    fn at_command_end(&self) -> bool {
        self.at_statement_end() || self.peek() == Some('|')
    }

    /// The lower-cased keyword at the cursor and the offset after it, when the word there is
    /// followed by a hard terminator or the end of input.
    fn peek_word(&self) -> Option<(String, usize)> {
        let (rest, word) = lexer::identifier(self.rest()).ok()?;
        if !rest.chars().next().is_none_or(is_hard_terminator) {
            return None;
        }
        Some((word.to_lowercase(), self.pos + word.len()))
    }

    fn peek_keyword(&self) -> Option<(String, usize)> {
        let (word, end) = self.peek_word()?;
        word.chars()
            .all(|c| c.is_ascii_alphabetic())
            .then_some((word, end))
    }

    // ---------------------------------------------------------------- script and statements

    /// Parses a whole script. After an error the parser resumes at the next top-level
    /// statement (spec §8.3 lists up to ten parse errors), so that one run reports them all;
    /// an incomplete error ends the parse (everything after it belongs to the open
    /// construct).
    pub(crate) fn parse_script(&mut self) -> Result<Script, Vec<ParseError>> {
        let mut errors = Vec::new();
        let params = match self.skip_seps().and_then(|()| self.try_param_block()) {
            Ok(params) => params,
            Err(error) => return Err(vec![error]),
        };
        let mut statements = Vec::new();
        loop {
            match self.parse_statement_list(None) {
                Ok(mut parsed) => {
                    statements.append(&mut parsed);
                    break;
                }
                Err(error) => {
                    let incomplete = error.incomplete;
                    let resume = self.resume_after(&error);
                    errors.push(error);
                    match resume {
                        Some(pos) if !incomplete && errors.len() <= MAX_REPORTED_ERRORS => {
                            self.pos = pos;
                            self.depth = 0;
                        }
                        _ => break,
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(Script {
                params,
                statements,
                span: Span::new(0, self.src.len()),
            })
        } else {
            Err(errors)
        }
    }

    /// Where parsing resumes after `error`: the start of the line after the top-level
    /// statement that holds it (a newline or `;` outside brackets, quotes, comments and
    /// here-strings, scanning from the last top-level statement boundary before the error);
    /// a stray closing bracket is stepped over. `None` when the rest of the input is still
    /// inside that statement.
    fn resume_after(&self, error: &ParseError) -> Option<usize> {
        let at = error.span.start.min(self.src.len());
        let bytes = self.src.as_bytes();
        if matches!(bytes.get(at), Some(b')' | b'}')) && self.top_level_depth_at(at) == 0 {
            return Some(at + 1);
        }
        let start = self.statement_start_before(at);
        // First with every bracket; when the statement never closes (the error is often an
        // unclosed `(`), with braces only, which is how statements span lines.
        [false, true].into_iter().find_map(|braces_only| {
            let mut scan = Scanner::new(self.src, start);
            scan.braces_only = braces_only;
            std::iter::from_fn(|| scan.next_char())
                .find(|&(pos, depth, c)| pos >= at && depth <= 0 && (is_newline(c) || c == ';'))
                .map(|(pos, _, _)| pos + 1)
        })
    }

    /// The bracket depth at `at`, scanning from the start of the input.
    fn top_level_depth_at(&self, at: usize) -> i64 {
        let mut scan = Scanner::new(self.src, 0);
        let mut depth = 0;
        while let Some((pos, d, _)) = scan.next_char() {
            if pos >= at {
                break;
            }
            depth = d;
        }
        depth
    }

    /// The start of the top-level statement that holds `at`: just after the last newline or
    /// `;` at depth zero before it.
    fn statement_start_before(&self, at: usize) -> usize {
        let mut scan = Scanner::new(self.src, 0);
        let mut start = 0;
        while let Some((pos, depth, c)) = scan.next_char() {
            if pos >= at {
                break;
            }
            if depth == 0 && (is_newline(c) || c == ';') {
                start = pos + 1;
            }
        }
        start
    }

    fn parse_statement_list(&mut self, closer: Option<char>) -> PResult<Vec<Statement>> {
        let mut statements = Vec::new();
        loop {
            self.skip_seps()?;
            match self.peek() {
                None => return Ok(statements),
                Some(c) if Some(c) == closer => return Ok(statements),
                Some(')' | '}') => return Err(self.unexpected_token()),
                _ => {}
            }
            statements.push(self.parse_statement()?);
            self.skip_ws()?;
            match self.peek() {
                None => {}
                Some(c) if is_newline(c) || c == ';' || Some(c) == closer => {}
                _ => return Err(self.unexpected_token()),
            }
        }
    }

    fn parse_statement(&mut self) -> PResult<Statement> {
        self.enter()?;
        let result = self.parse_statement_inner();
        self.leave();
        result
    }

    fn parse_statement_inner(&mut self) -> PResult<Statement> {
        let start = self.pos;
        let mut label = None;
        if self.peek() == Some(':') && self.peek2().is_some_and(is_identifier_char) {
            let save = self.pos;
            self.bump();
            if let Ok((_, name)) = lexer::identifier(self.rest()) {
                self.pos += name.len();
                self.skip_ws()?;
                match self.peek_keyword() {
                    Some((kw, _))
                        if matches!(kw.as_str(), "foreach" | "while" | "do" | "for")
                            || kw == "switch" =>
                    {
                        label = Some(name.to_string());
                    }
                    _ => self.pos = save,
                }
            } else {
                self.pos = save;
            }
        }
        if let Some((kw, kw_end)) = self.peek_keyword() {
            let kw_span = Span::new(self.pos, kw_end);
            if CUT_KEYWORDS.contains(&kw.as_str()) {
                return Err(self.unsupported(&kw, kw_span));
            }
            if KEYWORDS.contains(&kw.as_str()) {
                let kw_start = self.pos;
                self.pos = kw_end;
                let kind = match kw.as_str() {
                    "if" => self.parse_if()?,
                    "foreach" => self.parse_foreach(label)?,
                    "while" => self.parse_while(label)?,
                    "do" => self.parse_do(label)?,
                    "for" => self.parse_for(label)?,
                    "switch" => self.parse_switch(label)?,
                    "try" => self.parse_try()?,
                    "function" => StatementKind::Function(self.parse_function(kw_start)?),
                    // A filter is a function whose body is its process block.
                    "filter" => {
                        let mut definition = self.parse_function(kw_start)?;
                        let body = &mut definition.body;
                        if body.begin.is_none() && body.process.is_none() && body.end.is_none() {
                            body.process = Some(Block {
                                statements: std::mem::take(&mut body.statements),
                                span: body.span,
                            });
                        }
                        StatementKind::Function(definition)
                    }
                    "exit" => StatementKind::Exit(self.parse_flow_pipeline()?),
                    "throw" => StatementKind::Throw(self.parse_flow_pipeline()?),
                    "return" => StatementKind::Return(self.parse_flow_pipeline()?),
                    "break" => StatementKind::Break(self.parse_flow_label()?),
                    _ => StatementKind::Continue(self.parse_flow_label()?),
                };
                return Ok(Statement {
                    kind,
                    span: Span::new(start, self.pos),
                });
            }
        }
        self.parse_pipeline_statement()
    }

    fn parse_flow_pipeline(&mut self) -> PResult<Option<Pipeline>> {
        self.skip_ws()?;
        if self.at_command_end() {
            return Ok(None);
        }
        Ok(Some(statement_to_pipeline(
            self.parse_pipeline_statement()?,
        )))
    }

    fn parse_flow_label(&mut self) -> PResult<Option<String>> {
        let save = self.pos;
        self.skip_ws()?;
        if self.at_command_end() {
            self.pos = save;
            return Ok(None);
        }
        let word = self.parse_bare_word()?;
        match word.kind {
            ExprKind::String { parts, .. } => match parts.as_slice() {
                [StringPart::Literal(text)] => Ok(Some(text.trim_start_matches(':').to_string())),
                _ => Err(self.error(
                    "UnexpectedToken",
                    format!(
                        "Unexpected token '{}' in expression or statement.",
                        &self.src[word.span.start..word.span.end]
                    ),
                    word.span,
                )),
            },
            _ => Ok(None),
        }
    }

    /// `( pipeline )` after `if`, `while`, `switch`, …
    fn parse_condition(&mut self, keyword: &str) -> PResult<Pipeline> {
        self.skip_ws_nl()?;
        let open = self.pos;
        if !self.eat('(') {
            return Err(if keyword == "if" {
                self.incomplete(
                    "MissingOpenParenthesisInIfStatement",
                    "Missing '(' after 'if' in if statement.",
                    Span::new(open, open),
                )
            } else {
                self.incomplete(
                    "MissingOpenParenthesisAfterKeyword",
                    format!("Missing opening '(' after keyword '{keyword}'."),
                    Span::new(open, open),
                )
            });
        }
        self.skip_ws_nl()?;
        if self.peek() == Some(')') || self.peek().is_none() {
            return Err(self.incomplete(
                "MissingCondition",
                format!("Missing condition in {keyword} statement after '{keyword} ('."),
                Span::new(self.pos, self.pos),
            ));
        }
        let condition = statement_to_pipeline(self.parse_statement()?);
        self.skip_ws_nl()?;
        if !self.eat(')') {
            return Err(self.incomplete(
                "MissingEndParenthesisAfterStatement",
                format!("Missing closing ')' after expression in '{keyword}' statement."),
                Span::new(self.pos, self.pos),
            ));
        }
        Ok(condition)
    }

    fn expect_block(&mut self, id: &'static str, message: &str) -> PResult<Block> {
        self.skip_ws_nl()?;
        if self.peek() != Some('{') {
            return Err(self.incomplete(id, message, Span::new(self.pos, self.pos)));
        }
        self.parse_block()
    }

    fn parse_block(&mut self) -> PResult<Block> {
        let open = self.pos;
        self.bump();
        let statements = self.parse_statement_list(Some('}'))?;
        self.expect_close_brace(open)?;
        Ok(Block {
            statements,
            span: Span::new(open, self.pos),
        })
    }

    fn expect_close_brace(&mut self, open: usize) -> PResult<()> {
        if self.eat('}') {
            Ok(())
        } else if self.peek().is_none() {
            Err(self.incomplete(
                "MissingEndCurlyBrace",
                "Missing closing '}' in statement block or type definition.",
                Span::new(open, open + 1),
            ))
        } else {
            Err(self.unexpected_token())
        }
    }

    /// Skips newlines and comments and consumes the keyword if it is one of `words`.
    fn try_keyword_after_newlines(&mut self, words: &[&str]) -> PResult<Option<String>> {
        let save = self.pos;
        self.skip_ws_nl()?;
        if let Some((kw, end)) = self.peek_keyword()
            && words.contains(&kw.as_str())
        {
            self.pos = end;
            return Ok(Some(kw));
        }
        self.pos = save;
        Ok(None)
    }

    fn parse_if(&mut self) -> PResult<StatementKind> {
        let mut clauses = Vec::new();
        let mut else_body = None;
        let mut keyword = String::from("if");
        loop {
            let condition = self.parse_condition(&keyword)?;
            let body = self.expect_block(
                "MissingStatementBlock",
                &format!("Missing statement block after {keyword} ( condition )."),
            )?;
            clauses.push((condition, body));
            match self
                .try_keyword_after_newlines(&["elseif", "else"])?
                .as_deref()
            {
                Some("elseif") => keyword = String::from("elseif"),
                Some(_) => {
                    else_body = Some(self.expect_block(
                        "MissingStatementBlockAfterElse",
                        "Missing statement block after 'else' keyword.",
                    )?);
                    break;
                }
                None => break,
            }
        }
        Ok(StatementKind::If { clauses, else_body })
    }

    fn parse_foreach(&mut self, label: Option<String>) -> PResult<StatementKind> {
        self.skip_ws_nl()?;
        if !self.eat('(') {
            return Err(self.incomplete(
                "MissingOpenParenthesisAfterKeyword",
                "Missing opening '(' after keyword 'foreach'.",
                Span::new(self.pos, self.pos),
            ));
        }
        self.skip_ws_nl()?;
        if self.peek() != Some('$') {
            return Err(self.incomplete(
                "MissingVariableNameAfterForeach",
                "Missing variable name after foreach.",
                Span::new(self.pos, self.pos),
            ));
        }
        let variable = self.scan_variable()?;
        let name = match variable.kind {
            ExprKind::Variable(path) => path.name,
            _ => String::new(),
        };
        let variable = Spanned {
            item: name,
            span: variable.span,
        };
        self.skip_ws_nl()?;
        match self.peek_word() {
            Some((word, end)) if word == "in" => self.pos = end,
            _ => {
                let in_start = self.pos;
                let is_in =
                    lexer::identifier(self.rest()).is_ok_and(|(_, w)| w.eq_ignore_ascii_case("in"));
                if is_in {
                    self.pos = in_start + 2;
                } else {
                    return Err(self.incomplete(
                        "MissingInInForeach",
                        "Missing 'in' after variable in foreach loop.",
                        Span::new(self.pos, self.pos),
                    ));
                }
            }
        }
        self.skip_ws_nl()?;
        if self.peek() == Some(')') || self.peek().is_none() {
            return Err(self.incomplete(
                "MissingForeachExpression",
                "Missing expression after 'in' in foreach loop.",
                Span::new(self.pos, self.pos),
            ));
        }
        let collection = statement_to_pipeline(self.parse_statement()?);
        self.skip_ws_nl()?;
        if !self.eat(')') {
            return Err(self.incomplete(
                "MissingEndParenthesisAfterForeach",
                "Missing closing ')' after expression in 'foreach' statement.",
                Span::new(self.pos, self.pos),
            ));
        }
        let body = self.expect_block(
            "MissingForeachStatement",
            "Missing statement body in foreach loop.",
        )?;
        Ok(StatementKind::Foreach {
            label,
            variable,
            collection,
            body,
        })
    }

    fn parse_while(&mut self, label: Option<String>) -> PResult<StatementKind> {
        let condition = self.parse_condition("while")?;
        let body = self.expect_block(
            "MissingLoopStatement",
            "Missing statement body in while loop.",
        )?;
        Ok(StatementKind::While {
            label,
            condition,
            body,
        })
    }

    fn parse_do(&mut self, label: Option<String>) -> PResult<StatementKind> {
        let body =
            self.expect_block("MissingLoopStatement", "Missing statement body in do loop.")?;
        let Some(keyword) = self.try_keyword_after_newlines(&["while", "until"])? else {
            self.skip_ws_nl()?;
            return Err(self.incomplete(
                "MissingWhileOrUntilInDoWhile",
                "Missing while or until keyword in do loop.",
                Span::new(self.pos, self.pos),
            ));
        };
        let condition = self.parse_condition(&keyword)?;
        Ok(StatementKind::DoLoop {
            label,
            body,
            condition,
            until: keyword == "until",
        })
    }

    fn parse_for(&mut self, label: Option<String>) -> PResult<StatementKind> {
        self.skip_ws_nl()?;
        let open = self.pos;
        if !self.eat('(') {
            return Err(self.incomplete(
                "MissingOpenParenthesisAfterKeyword",
                "Missing opening '(' after keyword 'for'.",
                Span::new(open, open),
            ));
        }
        // The three parts are separated by `;` or newlines; each may be empty.
        let mut parts: Vec<Option<Statement>> = Vec::new();
        self.skip_ws_nl()?;
        loop {
            self.skip_ws()?;
            let part = match self.peek() {
                Some(';' | ')') => None,
                None => return Err(self.missing_for_end(open)),
                _ => Some(self.parse_statement()?),
            };
            parts.push(part);
            self.skip_ws()?;
            if self.eat(')') {
                break;
            }
            if parts.len() == 3 {
                self.skip_ws_nl()?;
                if self.eat(')') {
                    break;
                }
                return Err(self.missing_for_end(open));
            }
            match self.peek() {
                Some(c) if c == ';' || is_newline(c) => {
                    self.bump();
                    self.skip_ws_nl()?;
                }
                None => return Err(self.missing_for_end(open)),
                _ => return Err(self.unexpected_token()),
            }
        }
        let mut parts = parts.into_iter();
        let init = parts.next().flatten().map(Box::new);
        let condition = parts.next().flatten().map(statement_to_pipeline);
        let step = parts.next().flatten().map(Box::new);
        let body = self.expect_block(
            "MissingLoopStatement",
            "Missing statement body in for loop.",
        )?;
        Ok(StatementKind::For {
            label,
            init,
            condition,
            step,
            body,
        })
    }

    fn missing_for_end(&self, open: usize) -> ParseError {
        self.incomplete(
            "MissingEndParenthesisAfterStatement",
            "Missing closing ')' after expression in 'for' statement.",
            Span::new(open, open + 1),
        )
    }

    fn parse_switch(&mut self, label: Option<String>) -> PResult<StatementKind> {
        let mut options = Vec::new();
        loop {
            self.skip_ws_nl()?;
            let Some(c) = self.peek() else { break };
            if !is_dash(c) {
                break;
            }
            let start = self.pos;
            let Ok((rest, word)) = lexer::expression::dash_word(self.rest()) else {
                return Err(self.unexpected_token());
            };
            let end = self.src.len() - rest.len();
            let span = Span::new(start, end);
            let option = match word.to_ascii_lowercase().as_str() {
                "regex" => SwitchOption::Regex,
                "wildcard" => SwitchOption::Wildcard,
                "exact" => SwitchOption::Exact,
                "casesensitive" => SwitchOption::CaseSensitive,
                "file" => return Err(self.unsupported("switch -file", span)),
                "parallel" => return Err(self.unsupported("switch -parallel", span)),
                _ => {
                    return Err(self.error(
                        "InvalidSwitchFlag",
                        format!("'-{word}' is not a valid switch statement flag."),
                        span,
                    ));
                }
            };
            options.push(option);
            self.pos = end;
        }
        let value = self.parse_condition("switch")?;
        self.skip_ws_nl()?;
        let open = self.pos;
        if !self.eat('{') {
            return Err(self.incomplete(
                "MissingCurlyBraceInSwitchStatement",
                "Missing opening '{' after switch statement.",
                Span::new(open, open),
            ));
        }
        let mut clauses = Vec::new();
        loop {
            self.skip_seps()?;
            match self.peek() {
                Some('}') => {
                    self.bump();
                    break;
                }
                None => {
                    return Err(self.incomplete(
                        "MissingEndCurlyBrace",
                        "Missing closing '}' in statement block or type definition.",
                        Span::new(open, open + 1),
                    ));
                }
                _ => {}
            }
            let pattern = match self.peek_word() {
                Some((word, end)) if word == "default" => {
                    self.pos = end;
                    None
                }
                _ => Some(self.parse_arg_value()?),
            };
            let body = self.expect_block(
                "MissingSwitchStatementClause",
                "Missing statement block in switch statement clause.",
            )?;
            clauses.push((pattern, body));
        }
        Ok(StatementKind::Switch {
            label,
            options,
            value,
            clauses,
        })
    }

    fn parse_try(&mut self) -> PResult<StatementKind> {
        let body = self.expect_block(
            "MissingTryStatementBlock",
            "Missing statement block after 'try'.",
        )?;
        let mut catches = Vec::new();
        let mut finally = None;
        while let Some(keyword) = self.try_keyword_after_newlines(&["catch", "finally"])? {
            if keyword == "finally" {
                finally = Some(self.expect_block(
                    "MissingFinallyStatementBlock",
                    "Missing statement block in finally block.",
                )?);
                break;
            }
            let mut types = Vec::new();
            loop {
                self.skip_ws_nl()?;
                if self.peek() != Some('[') {
                    break;
                }
                let start = self.pos;
                self.bump();
                let (name, _) = self.scan_type_name()?;
                if !self.eat(']') {
                    return Err(self.incomplete(
                        "EndSquareBracketExpectedAtEndOfType",
                        "Missing ] at end of type token.",
                        Span::new(self.pos, self.pos),
                    ));
                }
                types.push(Spanned {
                    item: name,
                    span: Span::new(start, self.pos),
                });
                self.skip_ws_nl()?;
                if !self.eat(',') {
                    break;
                }
            }
            let body = self.expect_block(
                "MissingCatchHandlerBlock",
                "Missing statement block in catch block.",
            )?;
            catches.push(CatchClause { types, body });
        }
        if catches.is_empty() && finally.is_none() {
            return Err(self.incomplete(
                "MissingCatchOrFinally",
                "Missing catch or finally block.",
                Span::new(body.span.end, body.span.end),
            ));
        }
        Ok(StatementKind::Try {
            body,
            catches,
            finally,
        })
    }

    fn parse_function(&mut self, kw_start: usize) -> PResult<FunctionDefinition> {
        let mut help = self.help_before(kw_start);
        self.skip_ws_nl()?;
        let name_start = self.pos;
        while let Some(c) = self.peek() {
            if is_hard_terminator(c) {
                break;
            }
            self.bump();
        }
        if self.pos == name_start {
            return Err(self.incomplete(
                "MissingNameAfterFunctionKeyword",
                "Missing name after function keyword.",
                Span::new(self.pos, self.pos),
            ));
        }
        let name = Spanned {
            item: self.src[name_start..self.pos].to_string(),
            span: Span::new(name_start, self.pos),
        };
        self.skip_ws_nl()?;
        let mut params = None;
        if self.peek() == Some('(') {
            let start = self.pos;
            self.bump();
            let list = self.parse_param_list(start)?;
            params = Some(ParamBlock {
                params: list,
                attributes: Vec::new(),
                span: Span::new(start, self.pos),
            });
            self.skip_ws_nl()?;
        }
        if self.peek() != Some('{') {
            return Err(self.incomplete(
                "MissingFunctionBody",
                "Missing function body in function declaration.",
                Span::new(self.pos, self.pos),
            ));
        }
        if help.is_none() {
            help = self.help_inside(self.pos);
        }
        let body = self.parse_script_block()?;
        if params.is_none() {
            params = body.params.clone();
        }
        Ok(FunctionDefinition {
            name,
            params,
            body,
            help,
        })
    }

    /// Comment-based help directly before the `function` keyword.
    fn help_before(&self, kw_start: usize) -> Option<String> {
        let before = self.src[..kw_start].trim_end().strip_suffix("#>")?;
        let open = before.rfind("<#")?;
        help_text(&before[open + 2..])
    }

    /// Comment-based help as the first thing inside the body at `open` (`{`).
    fn help_inside(&self, open: usize) -> Option<String> {
        let after = self.src[open + 1..].trim_start().strip_prefix("<#")?;
        let end = after.find("#>")?;
        help_text(&after[..end])
    }

    // ---------------------------------------------------------------- param blocks

    /// `[attributes] param( … )` at the current position, if there is one.
    fn try_param_block(&mut self) -> PResult<Option<ParamBlock>> {
        let save = self.pos;
        let start = self.pos;
        let mut attributes = Vec::new();
        if self.peek() == Some('[') {
            loop {
                if self.skip_ws_nl().is_err() {
                    self.pos = save;
                    return Ok(None);
                }
                if self.peek() != Some('[') {
                    break;
                }
                match self.parse_attribute_or_type() {
                    Ok(AttributeOrType::Attribute(a)) => attributes.push(a),
                    _ => {
                        self.pos = save;
                        return Ok(None);
                    }
                }
            }
        }
        let is_param = match self.peek_word() {
            Some((word, _)) => word == "param",
            None => lexer::identifier(self.rest())
                .is_ok_and(|(rest, w)| w.eq_ignore_ascii_case("param") && rest.starts_with('(')),
        };
        if !is_param {
            self.pos = save;
            return Ok(None);
        }
        self.pos += "param".len();
        self.skip_ws_nl()?;
        let open = self.pos;
        if !self.eat('(') {
            self.pos = save;
            return Ok(None);
        }
        let params = self.parse_param_list(open)?;
        Ok(Some(ParamBlock {
            params,
            attributes,
            span: Span::new(start, self.pos),
        }))
    }

    /// The declarations after `(` up to and including `)`.
    fn parse_param_list(&mut self, open: usize) -> PResult<Vec<ParamDecl>> {
        let mut params = Vec::new();
        loop {
            self.skip_ws_nl()?;
            match self.peek() {
                Some(')') => {
                    self.bump();
                    return Ok(params);
                }
                None => return Err(self.missing_param_list_end(open)),
                _ => {}
            }
            params.push(self.parse_param_decl(open)?);
            self.skip_ws_nl()?;
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(')') => {}
                None => return Err(self.missing_param_list_end(open)),
                _ => return Err(self.unexpected_token()),
            }
        }
    }

    fn missing_param_list_end(&self, open: usize) -> ParseError {
        self.incomplete(
            "MissingEndParenthesisInFunctionParameterList",
            "Missing ')' in function parameter list.",
            Span::new(open, open + 1),
        )
    }

    fn parse_param_decl(&mut self, open: usize) -> PResult<ParamDecl> {
        let start = self.pos;
        let mut attributes = Vec::new();
        let mut type_name = None;
        loop {
            self.skip_ws_nl()?;
            if self.peek() != Some('[') {
                break;
            }
            match self.parse_attribute_or_type()? {
                AttributeOrType::Attribute(a) => attributes.push(a),
                AttributeOrType::Type(t) => type_name = Some(t),
            }
        }
        if self.peek() != Some('$') {
            if self.peek().is_none() {
                return Err(self.missing_param_list_end(open));
            }
            return Err(self.unexpected_token());
        }
        let variable = self.scan_variable()?;
        let name = match variable.kind {
            ExprKind::Variable(path) => path.name,
            _ => String::new(),
        };
        let name = Spanned {
            item: name,
            span: variable.span,
        };
        let mut end = self.pos;
        let save = self.pos;
        self.skip_ws_nl()?;
        let mut default = None;
        if self.peek() == Some('=') {
            let eq = self.pos;
            self.bump();
            self.skip_ws_nl()?;
            let value =
                self.parse_operand_after(Span::new(eq, eq + 1), true, Self::parse_logical)?;
            end = value.span.end;
            default = Some(value);
        } else {
            self.pos = save;
        }
        Ok(ParamDecl {
            attributes,
            type_name,
            name,
            default,
            span: Span::new(start, end),
        })
    }

    /// `[Name(args)]` or `[type]`, at `[`.
    fn parse_attribute_or_type(&mut self) -> PResult<AttributeOrType> {
        let start = self.pos;
        self.bump();
        let (name, _) = self.scan_type_name()?;
        if self.eat('(') {
            let open = self.pos - 1;
            let mut positional = Vec::new();
            let mut named = Vec::new();
            loop {
                self.skip_ws_nl()?;
                match self.peek() {
                    Some(')') => {
                        self.bump();
                        break;
                    }
                    None => {
                        return Err(self.incomplete(
                            "MissingEndParenthesisInExpression",
                            "Missing closing ')' in expression.",
                            Span::new(open, open + 1),
                        ));
                    }
                    _ => {}
                }
                let starts_name = self.peek().is_some_and(|c| c.is_alphabetic() || c == '_');
                let named_arg = lexer::identifier(self.rest())
                    .ok()
                    .filter(|_| starts_name)
                    .and_then(|(rest, word)| {
                        let after = rest.trim_start_matches(is_inline_space);
                        (after.starts_with('=') || after.starts_with(',') || after.starts_with(')'))
                            .then(|| (word.to_string(), after.starts_with('=')))
                    });
                if let Some((key, has_value)) = named_arg {
                    self.pos += key.len();
                    if has_value {
                        self.skip_ws()?;
                        let eq = self.pos;
                        self.bump();
                        self.skip_ws_nl()?;
                        let value = self.parse_operand_after(
                            Span::new(eq, eq + 1),
                            true,
                            Self::parse_logical,
                        )?;
                        named.push((key, Some(value)));
                    } else {
                        named.push((key, None));
                    }
                } else {
                    positional.push(self.parse_expression(true)?);
                }
                self.skip_ws_nl()?;
                match self.peek() {
                    Some(',') => {
                        self.bump();
                    }
                    Some(')') => {}
                    None => {
                        return Err(self.incomplete(
                            "MissingEndParenthesisInExpression",
                            "Missing closing ')' in expression.",
                            Span::new(open, open + 1),
                        ));
                    }
                    _ => return Err(self.unexpected_token()),
                }
            }
            self.skip_ws()?;
            if !self.eat(']') {
                return Err(self.incomplete(
                    "EndSquareBracketExpectedAtEndOfAttribute",
                    "Missing ']' at end of attribute or type literal.",
                    Span::new(self.pos, self.pos),
                ));
            }
            return Ok(AttributeOrType::Attribute(Attribute {
                name,
                positional,
                named,
                span: Span::new(start, self.pos),
            }));
        }
        if !self.eat(']') {
            return Err(self.incomplete(
                "EndSquareBracketExpectedAtEndOfAttribute",
                "Missing ']' at end of attribute or type literal.",
                Span::new(self.pos, self.pos),
            ));
        }
        Ok(AttributeOrType::Type(Spanned {
            item: name,
            span: Span::new(start, self.pos),
        }))
    }

    /// The type name after `[`, up to (not including) the closing `]` or an attribute's `(`.
    fn scan_type_name(&mut self) -> PResult<(String, Span)> {
        let start = self.pos;
        let mut depth = 0usize;
        loop {
            match self.peek() {
                None => {
                    return Err(self.incomplete(
                        "MissingTypename",
                        "Missing type name after '['.",
                        Span::new(start.saturating_sub(1), start),
                    ));
                }
                Some(c) if is_newline(c) => {
                    return Err(self.error(
                        "MissingTypename",
                        "Missing type name after '['.",
                        Span::new(start.saturating_sub(1), start),
                    ));
                }
                Some(']') if depth == 0 => break,
                Some('(') if depth == 0 => break,
                Some(']') => depth -= 1,
                Some('[') => depth += 1,
                Some(_) => {}
            }
            self.bump();
        }
        let name = self.src[start..self.pos].trim();
        if name.is_empty() {
            return Err(self.error(
                "MissingTypename",
                "Missing type name after '['.",
                Span::new(start.saturating_sub(1), start),
            ));
        }
        Ok((name.to_string(), Span::new(start, self.pos)))
    }

    // ---------------------------------------------------------------- pipelines

    fn parse_pipeline_statement(&mut self) -> PResult<Statement> {
        let start = self.pos;
        let first = if self.starts_expression() {
            let e = self.parse_expression(false)?;
            let save = self.pos;
            self.skip_ws()?;
            if let Ok((rest, op)) = lexer::expression::assignment_operator(self.rest()) {
                let op_span = Span::new(self.pos, self.src.len() - rest.len());
                let op = match op.chars().next() {
                    Some('+') => AssignOp::Add,
                    Some('*') => AssignOp::Multiply,
                    Some('/') => AssignOp::Divide,
                    Some('%') => return Err(self.unsupported("%=", op_span)),
                    Some('=') => AssignOp::Assign,
                    _ => AssignOp::Subtract,
                };
                if !is_assignable(&e) {
                    return Err(self.error(
                        "InvalidLeftHandSide",
                        "The assignment expression is not valid. The input to an assignment \
                         operator must be an object that is able to accept assignments, such as \
                         a variable or a property.",
                        e.span,
                    ));
                }
                self.pos = op_span.end;
                self.skip_ws_nl()?;
                if self.at_command_end() {
                    return Err(self.incomplete(
                        "ExpectedValueExpression",
                        format!(
                            "You must provide a value expression following the '{}' operator.",
                            &self.src[op_span.start..op_span.end]
                        ),
                        Span::new(self.pos, self.pos),
                    ));
                }
                let value = self.parse_statement()?;
                let span = Span::new(start, value.span.end);
                return Ok(Statement {
                    kind: StatementKind::Assignment {
                        target: e,
                        op,
                        value: Box::new(value),
                    },
                    span,
                });
            }
            self.pos = save;
            let redirections = self.parse_redirections()?;
            PipelineElement::Expression {
                expr: e,
                redirections,
            }
        } else {
            PipelineElement::Command(self.parse_command()?)
        };
        let pipeline = self.parse_pipeline_rest(start, first)?;
        Ok(Statement {
            span: pipeline.span,
            kind: StatementKind::Pipeline(pipeline),
        })
    }

    fn parse_redirections(&mut self) -> PResult<Vec<Redirection>> {
        let mut redirections = Vec::new();
        loop {
            let save = self.pos;
            self.skip_ws()?;
            match self.try_redirection()? {
                Some(r) => redirections.push(r),
                None => {
                    self.pos = save;
                    return Ok(redirections);
                }
            }
        }
    }

    fn element_end(element: &PipelineElement) -> usize {
        match element {
            PipelineElement::Expression { expr, redirections } => redirections
                .iter()
                .map(redirection_span)
                .fold(expr.span.end, |a, s| a.max(s.end)),
            PipelineElement::Command(c) => c.span.end,
        }
    }

    fn parse_pipeline_rest(&mut self, start: usize, first: PipelineElement) -> PResult<Pipeline> {
        let mut end = Self::element_end(&first);
        let mut elements = vec![first];
        loop {
            let save = self.pos;
            self.skip_ws()?;
            match (self.peek(), self.peek2()) {
                (Some('|'), Some('|')) => {
                    return Err(self.unsupported("||", Span::new(self.pos, self.pos + 2)));
                }
                (Some('&'), Some('&')) => {
                    return Err(self.unsupported("&&", Span::new(self.pos, self.pos + 2)));
                }
                (Some('|'), _) => {}
                (Some(c), _) if is_newline(c) => {
                    // Leading-pipe continuation (PowerShell 7, spec §2.7).
                    self.skip_ws_nl()?;
                    if self.peek() == Some('|') && self.peek2() != Some('|') {
                        continue;
                    }
                    self.pos = save;
                    break;
                }
                _ => {
                    self.pos = save;
                    break;
                }
            }
            let pipe = self.pos;
            self.bump();
            self.skip_ws_nl()?;
            match self.peek() {
                None | Some(')' | '}' | ';' | '|') => {
                    return Err(self.incomplete(
                        "EmptyPipeElement",
                        "An empty pipe element is not allowed.",
                        Span::new(pipe + 1, pipe + 1),
                    ));
                }
                _ => {}
            }
            if self.starts_expression() {
                let e = self.parse_expression(false)?;
                return Err(self.error(
                    "ExpressionsMustBeFirstInPipeline",
                    "Expressions are only allowed as the first element of a pipeline.",
                    e.span,
                ));
            }
            let command = self.parse_command()?;
            end = command.span.end;
            elements.push(PipelineElement::Command(command));
        }
        Ok(Pipeline {
            elements,
            span: Span::new(start, end),
        })
    }

    /// Whether the statement (or pipeline element) at the cursor starts in expression mode.
    fn starts_expression(&self) -> bool {
        let Some(c) = self.peek() else { return false };
        let c2 = self.peek2();
        match c {
            '0'..='9' => lexer::number(self.rest())
                .is_ok_and(|(rest, _)| !rest.chars().next().is_some_and(is_identifier_char)),
            '.' => c2.is_some_and(|d| d.is_ascii_digit()),
            '$' | '(' | '{' | '[' | '!' | ',' => true,
            q if is_quote(q) => true,
            '@' => c2.is_some_and(|n| matches!(n, '(' | '{') || is_quote(n)),
            '+' => c2.is_some_and(|n| n.is_ascii_digit() || matches!(n, '$' | '(' | '+' | '.')),
            d if is_dash(d) => match c2 {
                Some(n) if n.is_ascii_digit() || matches!(n, '.' | '$' | '(' | '@' | '[') => true,
                Some(n) if is_inline_space(n) => true,
                Some(n) if is_dash(n) => self.peek3() == Some('$'),
                Some(n) if n.is_ascii_alphabetic() => lexer::expression::dash_word(self.rest())
                    .is_ok_and(|(_, w)| {
                        matches!(
                            w.to_ascii_lowercase().as_str(),
                            "not" | "bnot" | "split" | "join"
                        )
                    }),
                _ => false,
            },
            _ => false,
        }
    }

    // ---------------------------------------------------------------- commands

    fn parse_command(&mut self) -> PResult<Command> {
        let start = self.pos;
        let (invocation, name) = match self.peek() {
            Some('&') => {
                if self.peek2() == Some('&') {
                    return Err(self.unsupported("&&", Span::new(self.pos, self.pos + 2)));
                }
                self.bump();
                self.skip_ws()?;
                if self.at_command_end() {
                    return Err(self.incomplete(
                        "MissingExpression",
                        "Missing expression after '&' in pipeline element.",
                        Span::new(self.pos, self.pos),
                    ));
                }
                (Invocation::Call, self.parse_arg_value()?)
            }
            Some('.')
                if self.peek2().is_none_or(|c| {
                    is_inline_space(c)
                        || is_newline(c)
                        || is_quote(c)
                        || matches!(c, '{' | '(' | '$')
                }) =>
            {
                self.bump();
                self.skip_ws()?;
                if self.at_command_end() {
                    return Err(self.incomplete(
                        "MissingExpression",
                        "Missing expression after '.' in pipeline element.",
                        Span::new(self.pos, self.pos),
                    ));
                }
                (Invocation::DotSource, self.parse_arg_value()?)
            }
            Some('|') => {
                return Err(self.error(
                    "EmptyPipeElement",
                    "An empty pipe element is not allowed.",
                    Span::new(self.pos, self.pos + 1),
                ));
            }
            Some(c) if is_quote(c) => (Invocation::Plain, self.parse_arg_value()?),
            _ => (Invocation::Plain, self.parse_bare_word()?),
        };
        let mut end = name.span.end;
        let mut elements = Vec::new();
        let mut redirections = Vec::new();
        let mut end_of_parameters = false;
        loop {
            self.skip_ws()?;
            if self.at_command_end() {
                break;
            }
            let Some(c) = self.peek() else { break };
            let here = Span::new(self.pos, self.pos + c.len_utf8());
            match c {
                '&' if self.peek2() == Some('&') => {
                    return Err(self.unsupported("&&", Span::new(self.pos, self.pos + 2)));
                }
                '&' => {
                    return Err(self.error(
                        "AmpersandNotAllowed",
                        "The ampersand (&) character is not allowed. The & operator is reserved \
                         for future use; wrap an ampersand in double quotation marks (\"&\") to \
                         pass it as part of a string.",
                        here,
                    ));
                }
                ',' => {
                    return Err(self.incomplete(
                        "MissingArgument",
                        "Missing argument in parameter list.",
                        here,
                    ));
                }
                '<' => {
                    return Err(self.error(
                        "RedirectionNotSupported",
                        "The '<' operator is reserved for future use.",
                        here,
                    ));
                }
                _ => {}
            }
            if let Some(r) = self.try_redirection()? {
                end = end.max(redirection_span(&r).end);
                redirections.push(r);
                continue;
            }
            if !end_of_parameters && is_dash(c) {
                let c2 = self.peek2();
                if c2.is_some_and(is_dash) {
                    if let Ok((rest, _)) = lexer::argument::end_of_parameters(self.rest()) {
                        let span = Span::new(self.pos, self.src.len() - rest.len());
                        self.pos = span.end;
                        end = span.end;
                        elements.push(CommandElement::EndOfParameters(span));
                        end_of_parameters = true;
                        continue;
                    }
                    let dash_len = c.len_utf8() + c2.map_or(0, char::len_utf8);
                    let third = self.src[self.pos + dash_len..].chars().next();
                    if third == Some('%') {
                        return Err(
                            self.unsupported("--%", Span::new(self.pos, self.pos + dash_len + 1))
                        );
                    }
                } else if c2.is_some_and(|n| n.is_alphabetic() || n == '_' || n == '?')
                    && let Some(element) = self.parse_parameter()?
                {
                    if let CommandElement::Parameter {
                        span, colon_arg, ..
                    } = &element
                    {
                        end = colon_arg.as_ref().map_or(span.end, |a| a.span.end);
                    }
                    elements.push(element);
                    continue;
                }
            }
            let argument = self.parse_command_argument()?;
            end = argument.span.end;
            elements.push(CommandElement::Argument(argument));
        }
        Ok(Command {
            invocation,
            name,
            elements,
            redirections,
            span: Span::new(start, end),
        })
    }

    /// A redirection operator and its target, if one starts at the cursor.
    fn try_redirection(&mut self) -> PResult<Option<Redirection>> {
        let start = self.pos;
        let Ok((rest, operator)) = lexer::argument::redirection(self.rest()) else {
            return Ok(None);
        };
        self.pos = self.src.len() - rest.len();
        match operator {
            RedirectionOperator::Merge { stream } => Ok(Some(Redirection::Merge {
                from: stream,
                span: Span::new(start, self.pos),
            })),
            RedirectionOperator::ToFile { stream, append } => {
                self.skip_ws()?;
                if self.at_command_end() {
                    return Err(self.incomplete(
                        "MissingFileSpecification",
                        "Missing file specification after redirection operator.",
                        Span::new(start, self.pos),
                    ));
                }
                let target = self.parse_arg_value()?;
                let span = Span::new(start, target.span.end);
                Ok(Some(Redirection::ToFile {
                    stream,
                    append,
                    target,
                    span,
                }))
            }
        }
    }

    /// `-Name` or `-Name:value`; `None` when a quote makes the token a bare word.
    fn parse_parameter(&mut self) -> PResult<Option<CommandElement>> {
        let start = self.pos;
        let Ok((rest, (name, with_colon))) = lexer::argument::parameter(self.rest()) else {
            return Ok(None);
        };
        let name = name.to_string();
        self.pos = self.src.len() - rest.len();
        if !with_colon {
            return Ok(Some(CommandElement::Parameter {
                name,
                colon_arg: None,
                with_colon: false,
                span: Span::new(start, self.pos),
            }));
        }
        let span = Span::new(start, self.pos);
        self.skip_ws()?;
        if self.at_command_end() {
            return Err(self.error(
                "ParameterRequiresArgument",
                format!("Parameter -{name}: requires an argument."),
                span,
            ));
        }
        let argument = self.parse_command_argument()?;
        Ok(Some(CommandElement::Parameter {
            name,
            colon_arg: Some(argument),
            with_colon: true,
            span,
        }))
    }

    /// One argument: a value or a comma list of values.
    fn parse_command_argument(&mut self) -> PResult<Expr> {
        let first = self.parse_arg_value()?;
        let mut items = vec![first];
        loop {
            let save = self.pos;
            self.skip_ws()?;
            if self.peek() != Some(',') {
                self.pos = save;
                break;
            }
            let comma = self.pos;
            self.bump();
            self.skip_ws_nl()?;
            if self.at_command_end() || self.peek() == Some(',') {
                return Err(self.incomplete(
                    "MissingExpression",
                    "Missing expression after ',' in pipeline element.",
                    Span::new(comma, comma + 1),
                ));
            }
            items.push(self.parse_arg_value()?);
        }
        if items.len() == 1 {
            return Ok(items.remove(0));
        }
        let span = Span::new(items[0].span.start, items[items.len() - 1].span.end);
        Ok(expr(ExprKind::Array(items), span))
    }

    /// One argument-mode element (spec §2.3 "Which element starts where").
    fn parse_arg_value(&mut self) -> PResult<Expr> {
        self.enter()?;
        let result = self.parse_arg_value_inner();
        self.leave();
        result
    }

    fn parse_arg_value_inner(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.unexpected_token());
        };
        let c2 = self.peek2();
        match c {
            q if is_single_quote(q) => self.parse_single_quoted(),
            q if is_double_quote(q) => self.parse_double_quoted(),
            '@' => match c2 {
                Some(q) if is_quote(q) => self.parse_here_string(),
                Some('(') => {
                    let e = self.parse_array_expression()?;
                    self.parse_postfix_ops(e, false)
                }
                Some('{') => {
                    let e = self.parse_hash()?;
                    self.parse_postfix_ops(e, false)
                }
                Some(n) if is_variable_char(n) => {
                    self.bump();
                    let (rest, name) =
                        lexer::variable_name(self.rest()).map_err(|_| self.unexpected_token())?;
                    let _ = rest;
                    self.pos += name.len();
                    let path = match name.split_once(':') {
                        Some((scope, n)) if !scope.is_empty() && !n.is_empty() => VariablePath {
                            scope: Some(scope.to_string()),
                            name: n.to_string(),
                        },
                        _ => VariablePath {
                            scope: None,
                            name: name.to_string(),
                        },
                    };
                    Ok(expr(ExprKind::Splat(path), Span::new(start, self.pos)))
                }
                _ => Err(self.error(
                    "UnrecognizedToken",
                    "Unrecognized token in source text.",
                    Span::new(start, start + 1),
                )),
            },
            '$' if c2 == Some('(') => {
                let e = self.parse_sub_expression()?;
                self.parse_postfix_ops(e, false)
            }
            '$' if c2.is_some_and(is_variable_start) => {
                let v = self.scan_variable()?;
                match (self.peek(), self.peek2()) {
                    (Some('.'), Some(n)) if is_member_start(n) => self.parse_postfix_ops(v, false),
                    (Some('['), _) => self.parse_postfix_ops(v, false),
                    (None, _) => Ok(v),
                    (Some(n), _) if is_hard_terminator(n) => Ok(v),
                    _ => {
                        // `$dir\file.req`: the whole run is one expandable bare word.
                        self.pos = start;
                        self.parse_bare_word()
                    }
                }
            }
            '(' => {
                let e = self.parse_paren()?;
                self.parse_postfix_ops(e, false)
            }
            '{' => {
                let sb = self.parse_script_block()?;
                let span = sb.span;
                self.parse_postfix_ops(expr(ExprKind::ScriptBlock(sb), span), false)
            }
            d if d.is_ascii_digit() || (d == '.' && c2.is_some_and(|n| n.is_ascii_digit())) => {
                match lexer::argument::number(self.rest()) {
                    Some((len, token)) => {
                        self.pos += len;
                        let value = token.value.unwrap_or(Number::Int(0));
                        Ok(expr(
                            ExprKind::Number {
                                value,
                                text: Some(token.text.to_string()),
                            },
                            Span::new(start, self.pos),
                        ))
                    }
                    None => self.parse_bare_word(),
                }
            }
            _ => self.parse_bare_word(),
        }
    }

    /// A bare word (spec §2.3), literal or expandable.
    fn parse_bare_word(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut parts = Vec::new();
        let mut literal = String::new();
        while let Some(c) = self.peek() {
            if is_hard_terminator(c) {
                break;
            }
            match c {
                '`' => match self.peek2() {
                    None => {
                        literal.push('`');
                        self.bump();
                    }
                    Some(n) if is_newline(n) => break,
                    Some(n) => {
                        self.pos += 1;
                        self.bump();
                        literal.push(escape(n));
                    }
                },
                q if is_single_quote(q) => {
                    let open = self.pos;
                    self.bump();
                    let text = self.scan_single_quoted_body(open)?;
                    literal.push_str(&text);
                }
                q if is_double_quote(q) => {
                    let open = self.pos;
                    self.bump();
                    self.scan_expandable(&mut parts, &mut literal, open, Until::Quote)?;
                }
                '$' => self.scan_dollar(&mut parts, &mut literal)?,
                _ => {
                    literal.push(c);
                    self.bump();
                }
            }
        }
        if self.pos == start {
            return Err(self.unexpected_token());
        }
        flush(&mut parts, &mut literal);
        Ok(expr(
            ExprKind::String {
                kind: StringKind::Bare,
                parts,
            },
            Span::new(start, self.pos),
        ))
    }

    // ---------------------------------------------------------------- strings and variables

    fn parse_single_quoted(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let text = self.scan_single_quoted_body(start)?;
        Ok(expr(
            ExprKind::String {
                kind: StringKind::Single,
                parts: literal_parts(text),
            },
            Span::new(start, self.pos),
        ))
    }

    fn scan_single_quoted_body(&mut self, open: usize) -> PResult<String> {
        let mut text = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(self.incomplete(
                        "TerminatorExpectedAtEndOfString",
                        "The string is missing the terminator: '.",
                        self.char_span(open),
                    ));
                }
                Some(c) if is_single_quote(c) => match self.peek() {
                    Some(n) if is_single_quote(n) => {
                        self.bump();
                        text.push(n);
                    }
                    _ => return Ok(text),
                },
                Some(c) => text.push(c),
            }
        }
    }

    fn parse_double_quoted(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let mut parts = Vec::new();
        let mut literal = String::new();
        self.scan_expandable(&mut parts, &mut literal, start, Until::Quote)?;
        flush(&mut parts, &mut literal);
        Ok(expr(
            ExprKind::String {
                kind: StringKind::Double,
                parts,
            },
            Span::new(start, self.pos),
        ))
    }

    fn scan_expandable(
        &mut self,
        parts: &mut Vec<StringPart>,
        literal: &mut String,
        open: usize,
        until: Until,
    ) -> PResult<()> {
        loop {
            if let Until::End(end) = until
                && self.pos >= end
            {
                return Ok(());
            }
            let Some(c) = self.peek() else {
                return Err(self.incomplete(
                    "TerminatorExpectedAtEndOfString",
                    "The string is missing the terminator: \".",
                    self.char_span(open),
                ));
            };
            match c {
                q if matches!(until, Until::Quote) && is_double_quote(q) => {
                    self.bump();
                    match self.peek() {
                        Some(n) if is_double_quote(n) => {
                            self.bump();
                            literal.push(n);
                        }
                        _ => return Ok(()),
                    }
                }
                '`' => {
                    self.bump();
                    match self.bump() {
                        Some(n) => literal.push(escape(n)),
                        None => {
                            return Err(self.incomplete(
                                "TerminatorExpectedAtEndOfString",
                                "The string is missing the terminator: \".",
                                self.char_span(open),
                            ));
                        }
                    }
                }
                '$' => self.scan_dollar(parts, literal)?,
                _ => {
                    literal.push(c);
                    self.bump();
                }
            }
        }
    }

    /// `$name`, `${…}` or `$( … )` inside an expandable string or bare word; a lone `$` is
    /// literal.
    fn scan_dollar(&mut self, parts: &mut Vec<StringPart>, literal: &mut String) -> PResult<()> {
        match self.peek2() {
            Some('(') => {
                flush(parts, literal);
                let e = self.parse_sub_expression()?;
                if let ExprKind::SubExpression(statements) = e.kind {
                    parts.push(StringPart::SubExpression(statements, e.span));
                }
            }
            Some(c) if is_variable_start(c) => {
                flush(parts, literal);
                let v = self.scan_variable()?;
                parts.push(StringPart::Variable(v));
            }
            _ => {
                literal.push('$');
                self.bump();
            }
        }
        Ok(())
    }

    /// A variable reference at `$` (spec §2.5).
    fn scan_variable(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let path = match self.peek() {
            Some('{') => {
                self.bump();
                let mut name = String::new();
                loop {
                    match self.bump() {
                        None => {
                            return Err(self.incomplete(
                                "IncompleteDollarVariableReference",
                                "Missing '}' in variable reference.",
                                Span::new(start, start + 2),
                            ));
                        }
                        Some('`') => {
                            if let Some(n) = self.bump() {
                                name.push(n);
                            }
                        }
                        Some('}') => break,
                        Some(c) => name.push(c),
                    }
                }
                if name.is_empty() {
                    return Err(self.error(
                        "EmptyVariableReference",
                        "Empty ${} variable reference, there should be a name between the \
                         braces.",
                        Span::new(start, self.pos),
                    ));
                }
                match name.split_once(':') {
                    Some((scope, rest))
                        if scope.len() > 1
                            && !rest.is_empty()
                            && scope.chars().all(is_identifier_char) =>
                    {
                        VariablePath {
                            scope: Some(scope.to_string()),
                            name: rest.to_string(),
                        }
                    }
                    _ => VariablePath { scope: None, name },
                }
            }
            Some(c @ ('$' | '^')) => {
                self.bump();
                VariablePath {
                    scope: None,
                    name: c.to_string(),
                }
            }
            _ => {
                let Ok((_, name)) = lexer::variable_name(self.rest()) else {
                    return Err(self.unexpected_token());
                };
                self.pos += name.len();
                let name = name.to_string();
                if self.peek() == Some(':') {
                    match self.peek2() {
                        Some(n) if is_variable_char(n) => {
                            self.bump();
                            let (_, inner) = lexer::variable_name(self.rest())
                                .map_err(|_| self.unexpected_token())?;
                            self.pos += inner.len();
                            VariablePath {
                                scope: Some(name),
                                name: inner.to_string(),
                            }
                        }
                        Some(':') => VariablePath { scope: None, name },
                        _ => {
                            self.bump();
                            return Err(self.error(
                                "InvalidVariableReferenceWithDrive",
                                "Variable reference is not valid. ':' was not followed by a \
                                 valid variable name character. Consider using ${} to delimit \
                                 the name.",
                                Span::new(start, self.pos),
                            ));
                        }
                    }
                } else {
                    VariablePath { scope: None, name }
                }
            }
        };
        Ok(expr(ExprKind::Variable(path), Span::new(start, self.pos)))
    }

    /// `@"…"@` / `@'…'@` (spec §2.6).
    fn parse_here_string(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let quote = self.bump().unwrap_or('"');
        let header = Span::new(start, self.pos);
        let double = is_double_quote(quote);
        let terminator = if double { "\"@" } else { "'@" };
        while self.peek().is_some_and(is_inline_space) {
            self.bump();
        }
        match self.peek() {
            Some('\r') => {
                self.bump();
                self.eat('\n');
            }
            Some('\n') => {
                self.bump();
            }
            None => {
                return Err(self.incomplete(
                    "TerminatorExpectedAtEndOfString",
                    format!("The string is missing the terminator: {terminator}."),
                    header,
                ));
            }
            Some(_) => {
                return Err(self.error(
                    "UnexpectedCharactersAfterHereStringHeader",
                    "No characters are allowed after a here-string header but before the end \
                     of the line.",
                    self.char_span(self.pos),
                ));
            }
        }
        let body_start = self.pos;
        let mut line_start = body_start;
        let mut whitespace_footer = false;
        let footer = loop {
            let line = &self.src[line_start..];
            let mut chars = line.chars();
            if let (Some(q), Some('@')) = (chars.next(), chars.next())
                && (if double {
                    is_double_quote(q)
                } else {
                    is_single_quote(q)
                })
            {
                break Some(line_start);
            }
            let trimmed = line.trim_start_matches(is_inline_space);
            let mut chars = trimmed.chars();
            if trimmed.len() != line.len()
                && let (Some(q), Some('@')) = (chars.next(), chars.next())
                && (if double {
                    is_double_quote(q)
                } else {
                    is_single_quote(q)
                })
            {
                whitespace_footer = true;
            }
            match line.find(['\n', '\r']) {
                Some(i) => {
                    let bytes = line.as_bytes();
                    let skip = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    line_start += i + skip;
                }
                None => break None,
            }
        };
        let Some(footer) = footer else {
            self.pos = self.src.len();
            if whitespace_footer {
                return Err(self.error(
                    "WhitespaceBeforeHereStringFooter",
                    "White space is not allowed before the string terminator.",
                    header,
                ));
            }
            return Err(ParseError {
                id: "TerminatorExpectedAtEndOfString",
                message: format!("The string is missing the terminator: {terminator}."),
                span: header,
                incomplete: true,
            });
        };
        let mut body_end = footer;
        if body_end > body_start {
            let bytes = self.src.as_bytes();
            if bytes[body_end - 1] == b'\n' {
                body_end -= 1;
                if body_end > body_start && bytes[body_end - 1] == b'\r' {
                    body_end -= 1;
                }
            } else if bytes[body_end - 1] == b'\r' {
                body_end -= 1;
            }
        }
        let footer_len = self.src[footer..].chars().next().map_or(1, char::len_utf8) + 1;
        let (kind, parts) = if double {
            self.pos = body_start;
            let mut parts = Vec::new();
            let mut literal = String::new();
            self.scan_expandable(&mut parts, &mut literal, start, Until::End(body_end))?;
            flush(&mut parts, &mut literal);
            (StringKind::HereDouble, parts)
        } else {
            (
                StringKind::HereSingle,
                literal_parts(self.src[body_start..body_end].to_string()),
            )
        };
        self.pos = footer + footer_len;
        Ok(expr(
            ExprKind::String { kind, parts },
            Span::new(start, self.pos),
        ))
    }

    // ---------------------------------------------------------------- brackets

    fn parse_sub_expression(&mut self) -> PResult<Expr> {
        self.parse_statement_group(ExprKind::SubExpression)
    }

    fn parse_array_expression(&mut self) -> PResult<Expr> {
        self.parse_statement_group(ExprKind::ArrayExpression)
    }

    /// `$( … )` or `@( … )` at the sigil.
    fn parse_statement_group(&mut self, make: fn(Vec<Statement>) -> ExprKind) -> PResult<Expr> {
        let open = self.pos;
        self.pos += 2;
        self.enter()?;
        let statements = self.parse_statement_list(Some(')'));
        self.leave();
        let statements = statements?;
        if !self.eat(')') {
            return Err(self.incomplete(
                "MissingEndParenthesisInSubexpression",
                "Missing closing ')' in subexpression.",
                Span::new(open, open + 2),
            ));
        }
        Ok(expr(make(statements), Span::new(open, self.pos)))
    }

    fn parse_paren(&mut self) -> PResult<Expr> {
        let open = self.pos;
        self.bump();
        self.skip_ws_nl()?;
        match self.peek() {
            Some(')') => {
                return Err(self.error(
                    "ExpectedExpression",
                    "An expression was expected after '('.",
                    Span::new(open, self.pos + 1),
                ));
            }
            None => {
                return Err(self.incomplete(
                    "MissingEndParenthesisInExpression",
                    "Missing closing ')' in expression.",
                    Span::new(open, open + 1),
                ));
            }
            _ => {}
        }
        let statement = self.parse_statement()?;
        self.skip_ws_nl()?;
        if !self.eat(')') {
            if self.peek().is_none() {
                return Err(self.incomplete(
                    "MissingEndParenthesisInExpression",
                    "Missing closing ')' in expression.",
                    Span::new(open, open + 1),
                ));
            }
            return Err(self.unexpected_token());
        }
        Ok(expr(
            ExprKind::Paren(Box::new(statement)),
            Span::new(open, self.pos),
        ))
    }

    fn parse_hash(&mut self) -> PResult<Expr> {
        let open = self.pos;
        self.pos += 2;
        self.enter()?;
        let entries = self.parse_hash_entries(open);
        self.leave();
        let entries = entries?;
        Ok(expr(ExprKind::Hash { entries }, Span::new(open, self.pos)))
    }

    fn parse_hash_entries(&mut self, open: usize) -> PResult<Vec<(Expr, Statement)>> {
        let mut entries = Vec::new();
        loop {
            self.skip_seps()?;
            match self.peek() {
                Some('}') => {
                    self.bump();
                    return Ok(entries);
                }
                None => {
                    return Err(self.incomplete(
                        "MissingEndCurlyBrace",
                        "Missing closing '}' in statement block or type definition.",
                        Span::new(open, open + 2),
                    ));
                }
                _ => {}
            }
            let key = self.parse_hash_key()?;
            self.skip_ws_nl()?;
            if !self.eat('=') {
                return Err(self.incomplete(
                    "MissingEqualsInHashLiteral",
                    "Missing '=' operator after key in hash literal.",
                    Span::new(self.pos, self.pos),
                ));
            }
            self.skip_ws_nl()?;
            if self.at_command_end() {
                return Err(self.incomplete(
                    "MissingStatementInHashLiteral",
                    "Missing statement after '=' in hash literal.",
                    Span::new(self.pos, self.pos),
                ));
            }
            let value = self.parse_statement()?;
            entries.push((key, value));
            self.skip_ws()?;
            match self.peek() {
                Some(c) if is_newline(c) || c == ';' || c == '}' => {}
                None => {}
                _ => return Err(self.unexpected_token()),
            }
        }
    }

    fn parse_hash_key(&mut self) -> PResult<Expr> {
        let start = self.pos;
        match self.peek() {
            Some(c) if is_quote(c) || c == '$' || c == '(' || c.is_ascii_digit() => {
                if c.is_ascii_digit()
                    && let Ok((rest, token)) = lexer::number(self.rest())
                    && !rest.chars().next().is_some_and(is_identifier_char)
                    && let Some(value) = token.value
                {
                    self.pos += token.text.len();
                    return Ok(expr(
                        ExprKind::Number { value, text: None },
                        Span::new(start, self.pos),
                    ));
                }
                if !c.is_ascii_digit() {
                    return self.parse_unary(true);
                }
            }
            _ => {}
        }
        while let Some(c) = self.peek() {
            if is_inline_space(c) || is_newline(c) || matches!(c, '=' | ';' | '}') {
                break;
            }
            self.bump();
        }
        if self.pos == start {
            return Err(self.unexpected_token());
        }
        Ok(expr(
            ExprKind::String {
                kind: StringKind::Bare,
                parts: literal_parts(self.src[start..self.pos].to_string()),
            },
            Span::new(start, self.pos),
        ))
    }

    fn parse_script_block(&mut self) -> PResult<ScriptBlock> {
        let open = self.pos;
        self.bump();
        self.enter()?;
        let result = self.parse_script_block_body(open);
        self.leave();
        result
    }

    fn parse_script_block_body(&mut self, open: usize) -> PResult<ScriptBlock> {
        self.skip_seps()?;
        let params = self.try_param_block()?;
        let mut statements = Vec::new();
        let (mut begin, mut process, mut end) = (None, None, None);
        let save = self.pos;
        self.skip_seps()?;
        if self.at_named_block() {
            loop {
                self.skip_seps()?;
                match self.peek() {
                    Some('}') | None => break,
                    _ => {}
                }
                let Some((word, word_end)) = self.peek_keyword() else {
                    return Err(self.unexpected_token());
                };
                let word_span = Span::new(self.pos, word_end);
                let slot = match word.as_str() {
                    "begin" => &mut begin,
                    "process" => &mut process,
                    "end" => &mut end,
                    "dynamicparam" => return Err(self.unsupported("dynamicparam", word_span)),
                    _ => return Err(self.unexpected_token()),
                };
                self.pos = word_end;
                let block = self.expect_block(
                    "MissingNamedStatementBlock",
                    &format!("Missing statement block after '{word}'."),
                )?;
                *slot = Some(block);
            }
        } else {
            self.pos = save;
            statements = self.parse_statement_list(Some('}'))?;
        }
        self.expect_close_brace(open)?;
        let text = self.src[open + 1..self.pos - 1].to_string();
        Ok(ScriptBlock {
            params,
            statements,
            begin,
            process,
            end,
            span: Span::new(open, self.pos),
            text,
        })
    }

    /// `begin`/`process`/`end`/`dynamicparam` followed (after blanks) by `{`.
    fn at_named_block(&self) -> bool {
        let Some((word, end)) = self.peek_keyword() else {
            return false;
        };
        if !matches!(word.as_str(), "begin" | "process" | "end" | "dynamicparam") {
            return false;
        }
        self.src[end..]
            .trim_start_matches(|c: char| is_inline_space(c) || is_newline(c))
            .starts_with('{')
    }

    // ---------------------------------------------------------------- expressions

    fn parse_expression(&mut self, no_comma: bool) -> PResult<Expr> {
        self.parse_logical(no_comma)
    }

    /// Parses the operand after a binary or unary operator, skipping newlines first.
    fn parse_operand_after(
        &mut self,
        op_span: Span,
        no_comma: bool,
        level: fn(&mut Self, bool) -> PResult<Expr>,
    ) -> PResult<Expr> {
        self.skip_ws_nl()?;
        match self.peek() {
            None | Some(')' | '}' | ']' | ';' | '|') => Err(self.incomplete(
                "ExpectedValueExpression",
                format!(
                    "You must provide a value expression following the '{}' operator.",
                    &self.src[op_span.start..op_span.end]
                ),
                Span::new(op_span.end, op_span.end),
            )),
            _ => level(self, no_comma),
        }
    }

    /// Reads a dash operator word at the cursor (after whitespace) that `classify` accepts.
    fn peek_dash_operator<T>(&mut self, classify: fn(&str) -> Option<T>) -> Option<(T, Span)> {
        let (rest, word) = lexer::expression::dash_word(self.rest()).ok()?;
        let op = classify(&word.to_ascii_lowercase())?;
        Some((op, Span::new(self.pos, self.src.len() - rest.len())))
    }

    fn binary(op: BinaryOp, op_span: Span, left: Expr, right: Expr) -> Expr {
        let span = left.span.to(right.span);
        expr(
            ExprKind::Binary {
                op,
                op_span,
                left: Box::new(left),
                right: Box::new(right),
            },
            span,
        )
    }

    fn parse_logical(&mut self, no_comma: bool) -> PResult<Expr> {
        let mut left = self.parse_comparison(no_comma)?;
        loop {
            let save = self.pos;
            self.skip_ws()?;
            if self.peek() == Some('?') {
                let span = Span::new(self.pos, self.pos + 1);
                return Err(if self.peek2() == Some('?') {
                    self.unsupported("??", Span::new(self.pos, self.pos + 2))
                } else {
                    self.unsupported("? :", span)
                });
            }
            let Some((op, op_span)) = self.peek_dash_operator(|w| match w {
                "and" => Some(BinaryOp::And),
                "or" => Some(BinaryOp::Or),
                "xor" => Some(BinaryOp::Xor),
                _ => None,
            }) else {
                self.pos = save;
                return Ok(left);
            };
            self.pos = op_span.end;
            let right = self.parse_operand_after(op_span, no_comma, Self::parse_comparison)?;
            left = Self::binary(op, op_span, left, right);
        }
    }

    fn parse_comparison(&mut self, no_comma: bool) -> PResult<Expr> {
        let mut left = self.parse_additive(no_comma)?;
        loop {
            let save = self.pos;
            self.skip_ws()?;
            if let Some((word, span)) = self
                .peek_dash_operator(|w| matches!(w, "bxor" | "shl" | "shr").then(|| w.to_string()))
            {
                return Err(self.unsupported(&format!("-{word}"), span));
            }
            let Some((op, op_span)) = self.peek_dash_operator(comparison_operator) else {
                self.pos = save;
                return Ok(left);
            };
            self.pos = op_span.end;
            let right = self.parse_operand_after(op_span, no_comma, Self::parse_additive)?;
            left = Self::binary(op, op_span, left, right);
        }
    }

    fn parse_additive(&mut self, no_comma: bool) -> PResult<Expr> {
        let mut left = self.parse_multiplicative(no_comma)?;
        loop {
            let save = self.pos;
            self.skip_ws()?;
            let (c, c2) = (self.peek(), self.peek2());
            let op = match c {
                Some('+') if c2 != Some('=') => BinaryOp::Add,
                Some(d)
                    if is_dash(d)
                        && c2 != Some('=')
                        && !c2.is_some_and(|n| n.is_ascii_alphabetic()) =>
                {
                    BinaryOp::Subtract
                }
                _ => {
                    self.pos = save;
                    return Ok(left);
                }
            };
            let len = c.map_or(1, char::len_utf8);
            let op_span = Span::new(self.pos, self.pos + len);
            self.pos = op_span.end;
            let right = self.parse_operand_after(op_span, no_comma, Self::parse_multiplicative)?;
            left = Self::binary(op, op_span, left, right);
        }
    }

    fn parse_multiplicative(&mut self, no_comma: bool) -> PResult<Expr> {
        let mut left = self.parse_format(no_comma)?;
        loop {
            let save = self.pos;
            self.skip_ws()?;
            let op = match (self.peek(), self.peek2()) {
                (Some('*'), n) if n != Some('=') => BinaryOp::Multiply,
                (Some('/'), n) if n != Some('=') => BinaryOp::Divide,
                (Some('%'), n) if n != Some('=') => BinaryOp::Modulo,
                _ => {
                    self.pos = save;
                    return Ok(left);
                }
            };
            let op_span = Span::new(self.pos, self.pos + 1);
            self.pos = op_span.end;
            let right = self.parse_operand_after(op_span, no_comma, Self::parse_format)?;
            left = Self::binary(op, op_span, left, right);
        }
    }

    fn parse_format(&mut self, no_comma: bool) -> PResult<Expr> {
        let mut left = self.parse_range(no_comma)?;
        loop {
            let save = self.pos;
            self.skip_ws()?;
            let Some((op, op_span)) =
                self.peek_dash_operator(|w| (w == "f").then_some(BinaryOp::Format))
            else {
                self.pos = save;
                return Ok(left);
            };
            self.pos = op_span.end;
            let right = self.parse_operand_after(op_span, no_comma, Self::parse_range)?;
            left = Self::binary(op, op_span, left, right);
        }
    }

    fn parse_range(&mut self, no_comma: bool) -> PResult<Expr> {
        let mut left = self.parse_array(no_comma)?;
        loop {
            let save = self.pos;
            self.skip_ws()?;
            if !self.rest().starts_with("..") {
                self.pos = save;
                return Ok(left);
            }
            let op_span = Span::new(self.pos, self.pos + 2);
            self.pos = op_span.end;
            let right = self.parse_operand_after(op_span, no_comma, Self::parse_array)?;
            left = Self::binary(BinaryOp::Range, op_span, left, right);
        }
    }

    fn parse_array(&mut self, no_comma: bool) -> PResult<Expr> {
        let first = self.parse_unary(no_comma)?;
        if no_comma {
            return Ok(first);
        }
        let mut items = vec![first];
        loop {
            let save = self.pos;
            self.skip_ws()?;
            if self.peek() != Some(',') {
                self.pos = save;
                break;
            }
            let comma = Span::new(self.pos, self.pos + 1);
            self.bump();
            self.skip_ws_nl()?;
            if self
                .peek()
                .is_none_or(|c| matches!(c, ')' | '}' | ']' | ';' | '|' | ','))
            {
                return Err(self.incomplete(
                    "MissingExpressionAfterToken",
                    "Missing expression after ','.",
                    comma,
                ));
            }
            items.push(self.parse_unary(false)?);
        }
        if items.len() == 1 {
            return Ok(items.remove(0));
        }
        let span = items[0].span.to(items[items.len() - 1].span);
        Ok(expr(ExprKind::Array(items), span))
    }

    fn parse_unary(&mut self, no_comma: bool) -> PResult<Expr> {
        self.enter()?;
        let result = self.parse_unary_inner(no_comma);
        self.leave();
        result
    }

    fn parse_unary_inner(&mut self, no_comma: bool) -> PResult<Expr> {
        let start = self.pos;
        let (c, c2) = (self.peek(), self.peek2());
        let (op, len) = match c {
            Some('!') => (UnaryOp::Not, 1),
            Some(',') => (UnaryOp::Comma, 1),
            Some('+') if c2 == Some('+') => (UnaryOp::PreIncrement, 2),
            Some('+') => (UnaryOp::Plus, 1),
            Some(d) if is_dash(d) => {
                let dash_len = d.len_utf8();
                match c2 {
                    Some(n) if is_dash(n) => (UnaryOp::PreDecrement, dash_len + n.len_utf8()),
                    Some(n) if n.is_ascii_alphabetic() => {
                        match self.peek_dash_operator(|w| match w {
                            "not" => Some(UnaryOp::Not),
                            "bnot" => Some(UnaryOp::BitNot),
                            "split" => Some(UnaryOp::Split),
                            "join" => Some(UnaryOp::Join),
                            _ => None,
                        }) {
                            Some((op, span)) => (op, span.end - span.start),
                            None => return Err(self.unexpected_token()),
                        }
                    }
                    Some(n)
                        if n.is_ascii_digit()
                            || (n == '.' && self.peek3().is_some_and(|x| x.is_ascii_digit())) =>
                    {
                        // A minus before a number literal yields a negative number (§3.1).
                        self.pos += dash_len;
                        let number = self.parse_number()?;
                        let ExprKind::Number { value, .. } = number.kind else {
                            return Ok(number);
                        };
                        let value = match value {
                            Number::Int(v) => Number::Int(v.wrapping_neg()),
                            Number::Long(v) => Number::Long(v.wrapping_neg()),
                            Number::Decimal(v) => Number::Decimal(-v),
                            Number::Double(v) => Number::Double(-v),
                        };
                        let e = expr(
                            ExprKind::Number { value, text: None },
                            Span::new(start, self.pos),
                        );
                        return self.parse_postfix_ops(e, true);
                    }
                    _ => (UnaryOp::Negate, dash_len),
                }
            }
            Some('[') => return self.parse_type_or_cast(no_comma),
            _ => return self.parse_postfix(),
        };
        let op_span = Span::new(start, start + len);
        self.pos = op_span.end;
        let operand = self.parse_operand_after(op_span, no_comma, Self::parse_unary)?;
        let span = Span::new(start, operand.span.end);
        Ok(expr(
            ExprKind::Unary {
                op,
                operand: Box::new(operand),
            },
            span,
        ))
    }

    fn parse_type_or_cast(&mut self, no_comma: bool) -> PResult<Expr> {
        let start = self.pos;
        self.bump();
        let (type_name, _) = self.scan_type_name()?;
        if !self.eat(']') {
            return Err(self.incomplete(
                "EndSquareBracketExpectedAtEndOfType",
                "Missing ] at end of type token.",
                Span::new(self.pos, self.pos),
            ));
        }
        let literal = expr(
            ExprKind::TypeLiteral(type_name.clone()),
            Span::new(start, self.pos),
        );
        if matches!(
            (self.peek(), self.peek2()),
            (Some(':'), Some(':')) | (Some('.'), _)
        ) {
            return self.parse_postfix_ops(literal, true);
        }
        let save = self.pos;
        self.skip_ws()?;
        if self.at_cast_operand() {
            let operand = self.parse_unary(no_comma)?;
            let span = Span::new(start, operand.span.end);
            return Ok(expr(
                ExprKind::Cast {
                    type_name,
                    operand: Box::new(operand),
                },
                span,
            ));
        }
        self.pos = save;
        Ok(literal)
    }

    fn at_cast_operand(&self) -> bool {
        match (self.peek(), self.peek2()) {
            (Some(c), _) if c.is_ascii_digit() || is_quote(c) => true,
            (Some('$' | '(' | '@' | '[' | '{' | '!'), _) => true,
            (Some('.'), Some(n)) => n.is_ascii_digit(),
            (Some(d), Some(n)) if is_dash(d) => {
                n.is_ascii_digit()
                    || matches!(n, '$' | '(')
                    || lexer::expression::dash_word(self.rest()).is_ok_and(|(_, w)| {
                        matches!(
                            w.to_ascii_lowercase().as_str(),
                            "not" | "bnot" | "split" | "join"
                        )
                    })
            }
            _ => false,
        }
    }

    fn parse_number(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let Ok((rest, token)) = lexer::number(self.rest()) else {
            return Err(self.unexpected_token());
        };
        let Some(value) = token.value else {
            return Err(self.error(
                "BadNumericConstant",
                format!("Bad numeric constant: {}.", token.text),
                Span::new(start, start + token.text.len()),
            ));
        };
        if rest.chars().next().is_some_and(is_identifier_char) {
            let end = start + token.text.len();
            let word = self.token_text_at(end);
            return Err(self.error(
                "UnexpectedToken",
                format!("Unexpected token '{word}' in expression or statement."),
                Span::new(end, end + word.len()),
            ));
        }
        self.pos += token.text.len();
        Ok(expr(
            ExprKind::Number { value, text: None },
            Span::new(start, self.pos),
        ))
    }

    fn parse_postfix(&mut self) -> PResult<Expr> {
        let primary = self.parse_primary()?;
        self.parse_postfix_ops(primary, true)
    }

    fn parse_primary(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let (c, c2) = (self.peek(), self.peek2());
        match c {
            Some(d) if d.is_ascii_digit() => self.parse_number(),
            Some('.') if c2.is_some_and(|n| n.is_ascii_digit()) => self.parse_number(),
            Some(q) if is_single_quote(q) => self.parse_single_quoted(),
            Some(q) if is_double_quote(q) => self.parse_double_quoted(),
            Some('@') => match c2 {
                Some('(') => self.parse_array_expression(),
                Some('{') => self.parse_hash(),
                Some(q) if is_quote(q) => self.parse_here_string(),
                Some(n) if is_variable_char(n) => {
                    let end = start
                        + 1
                        + lexer::variable_name(&self.src[start + 1..])
                            .map_or(0, |(_, name)| name.len());
                    let name = &self.src[start + 1..end];
                    Err(self.error(
                        "SplattingNotPermitted",
                        format!(
                            "The splatting operator '@' cannot be used to reference variables in \
                             an expression. '@{name}' can be used only as an argument to a \
                             command. To reference variables in an expression use '${name}'."
                        ),
                        Span::new(start, end),
                    ))
                }
                _ => Err(self.error(
                    "UnrecognizedToken",
                    "Unrecognized token in source text.",
                    Span::new(start, start + 1),
                )),
            },
            Some('$') if c2 == Some('(') => self.parse_sub_expression(),
            Some('$') if c2.is_some_and(is_variable_start) => self.scan_variable(),
            Some('(') => self.parse_paren(),
            Some('{') => {
                let sb = self.parse_script_block()?;
                let span = sb.span;
                Ok(expr(ExprKind::ScriptBlock(sb), span))
            }
            _ => Err(self.unexpected_token()),
        }
    }

    /// Member access, static member access, method calls, indexing and postfix `++`/`--`
    /// directly after a primary (no space before `.` or `[`).
    fn parse_postfix_ops(&mut self, mut e: Expr, expression_mode: bool) -> PResult<Expr> {
        loop {
            let (c, c2) = (self.peek(), self.peek2());
            match c {
                Some('.') if c2.is_some_and(is_member_start) => {
                    self.bump();
                    e = self.parse_member(e, false)?;
                }
                Some('.') if expression_mode && c2.is_none_or(is_newline) => {
                    self.bump();
                    self.skip_ws_nl()?;
                    e = self.parse_member(e, false)?;
                }
                Some(':') if c2 == Some(':') => {
                    self.pos += 2;
                    e = self.parse_member(e, true)?;
                }
                Some('[') => {
                    let open = self.pos;
                    self.bump();
                    self.skip_ws_nl()?;
                    if self.peek() == Some(']') {
                        return Err(self.error(
                            "MissingArrayIndexExpression",
                            "Array index expression is missing or not valid.",
                            Span::new(open, self.pos + 1),
                        ));
                    }
                    if self.peek().is_none() {
                        return Err(self.incomplete(
                            "MissingEndSquareBracket",
                            "Missing ']' after array index expression.",
                            Span::new(open, open + 1),
                        ));
                    }
                    let index = self.parse_expression(false)?;
                    self.skip_ws_nl()?;
                    if !self.eat(']') {
                        return Err(self.incomplete(
                            "MissingEndSquareBracket",
                            "Missing ']' after array index expression.",
                            Span::new(open, open + 1),
                        ));
                    }
                    let span = Span::new(e.span.start, self.pos);
                    e = expr(
                        ExprKind::Index {
                            object: Box::new(e),
                            index: Box::new(index),
                        },
                        span,
                    );
                }
                Some(d) if expression_mode && is_assignable(&e) && c2 == Some(d) => {
                    let op = match d {
                        '+' => UnaryOp::PostIncrement,
                        '-' => UnaryOp::PostDecrement,
                        _ => return Ok(e),
                    };
                    self.pos += 2;
                    let span = Span::new(e.span.start, self.pos);
                    e = expr(
                        ExprKind::Unary {
                            op,
                            operand: Box::new(e),
                        },
                        span,
                    );
                }
                _ => return Ok(e),
            }
        }
    }

    /// The member name after `.` or `::`, and a method call's arguments.
    fn parse_member(&mut self, object: Expr, is_static: bool) -> PResult<Expr> {
        let start = self.pos;
        let c = self.peek();
        let name = match c {
            Some(q) if is_single_quote(q) => self.parse_single_quoted()?,
            Some(q) if is_double_quote(q) => self.parse_double_quoted()?,
            Some('$') if self.peek2().is_some_and(is_variable_start) => self.scan_variable()?,
            Some('(') => self.parse_paren()?,
            _ => {
                let Ok((_, word)) = lexer::identifier(self.rest()) else {
                    return Err(self.incomplete(
                        "MissingPropertyName",
                        "Missing property name after reference operator.",
                        Span::new(start, start),
                    ));
                };
                self.pos += word.len();
                if self.peek() == Some('(') {
                    let name = Spanned {
                        item: word.to_string(),
                        span: Span::new(start, self.pos),
                    };
                    let args = self.parse_method_arguments()?;
                    let span = Span::new(object.span.start, self.pos);
                    return Ok(expr(
                        ExprKind::MethodCall {
                            object: Box::new(object),
                            name,
                            args,
                            is_static,
                        },
                        span,
                    ));
                }
                expr(
                    ExprKind::String {
                        kind: StringKind::Bare,
                        parts: literal_parts(word.to_string()),
                    },
                    Span::new(start, self.pos),
                )
            }
        };
        let span = Span::new(object.span.start, self.pos);
        Ok(expr(
            ExprKind::Member {
                object: Box::new(object),
                name: Box::new(name),
                is_static,
            },
            span,
        ))
    }

    fn parse_method_arguments(&mut self) -> PResult<Vec<Expr>> {
        let open = self.pos;
        self.bump();
        let mut args = Vec::new();
        loop {
            self.skip_ws_nl()?;
            match self.peek() {
                Some(')') => {
                    self.bump();
                    return Ok(args);
                }
                None => {
                    return Err(self.incomplete(
                        "MissingEndParenthesisInMethodCall",
                        "Missing closing ')' in method call.",
                        Span::new(open, open + 1),
                    ));
                }
                // The call's block or index closes before its `)`: `.AddDays( }`.
                Some('}' | ']') => {
                    return Err(self.error(
                        "MissingEndParenthesisInMethodCall",
                        "Missing closing ')' in method call.",
                        Span::new(open, open + 1),
                    ));
                }
                _ => {}
            }
            args.push(self.parse_expression(true)?);
            self.skip_ws_nl()?;
            match self.peek() {
                Some(',') => {
                    let comma = self.pos;
                    self.bump();
                    self.skip_ws_nl()?;
                    if self.peek().is_none_or(|c| c == ')') {
                        return Err(self.incomplete(
                            "MissingExpressionAfterToken",
                            "Missing expression after ','.",
                            Span::new(comma, comma + 1),
                        ));
                    }
                }
                Some(')') => {}
                None => {
                    return Err(self.incomplete(
                        "MissingEndParenthesisInMethodCall",
                        "Missing closing ')' in method call.",
                        Span::new(open, open + 1),
                    ));
                }
                Some('}' | ']') => {
                    return Err(self.error(
                        "MissingEndParenthesisInMethodCall",
                        "Missing closing ')' in method call.",
                        Span::new(open, open + 1),
                    ));
                }
                _ => return Err(self.unexpected_token()),
            }
        }
    }
}

/// A character that may follow `.` to make member access.
fn is_member_start(c: char) -> bool {
    is_identifier_char(c) || is_quote(c) || matches!(c, '$' | '(')
}

fn redirection_span(r: &Redirection) -> Span {
    match r {
        Redirection::ToFile { span, .. } | Redirection::Merge { span, .. } => *span,
    }
}

/// The comparison-level operators of table 3.3 (word without the dash, lower case).
fn comparison_operator(word: &str) -> Option<BinaryOp> {
    match word {
        "is" => return Some(BinaryOp::Is),
        "isnot" => return Some(BinaryOp::IsNot),
        "as" => return Some(BinaryOp::As),
        "band" => return Some(BinaryOp::BitAnd),
        "bor" => return Some(BinaryOp::BitOr),
        _ => {}
    }
    let base = |w: &str| -> Option<CompareOp> {
        Some(match w {
            "eq" => CompareOp::Eq,
            "ne" => CompareOp::Ne,
            "gt" => CompareOp::Gt,
            "ge" => CompareOp::Ge,
            "lt" => CompareOp::Lt,
            "le" => CompareOp::Le,
            "like" => CompareOp::Like,
            "notlike" => CompareOp::NotLike,
            "match" => CompareOp::Match,
            "notmatch" => CompareOp::NotMatch,
            "contains" => CompareOp::Contains,
            "notcontains" => CompareOp::NotContains,
            "in" => CompareOp::In,
            "notin" => CompareOp::NotIn,
            "replace" => CompareOp::Replace,
            "split" => CompareOp::Split,
            "join" => CompareOp::Join,
            _ => return None,
        })
    };
    if let Some(op) = base(word) {
        return Some(BinaryOp::Compare(op, CaseMode::Default));
    }
    let (mode, rest) = match word.split_at_checked(1) {
        Some(("i", rest)) => (CaseMode::Insensitive, rest),
        Some(("c", rest)) => (CaseMode::Sensitive, rest),
        _ => return None,
    };
    base(rest)
        .filter(|op| *op != CompareOp::Join)
        .map(|op| BinaryOp::Compare(op, mode))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sec3_3_comparison_operator_case_prefixes() {
        assert_eq!(
            comparison_operator("ceq"),
            Some(BinaryOp::Compare(CompareOp::Eq, CaseMode::Sensitive))
        );
        assert_eq!(
            comparison_operator("inotin"),
            Some(BinaryOp::Compare(CompareOp::NotIn, CaseMode::Insensitive))
        );
        assert_eq!(
            comparison_operator("in"),
            Some(BinaryOp::Compare(CompareOp::In, CaseMode::Default))
        );
        assert_eq!(comparison_operator("isnot"), Some(BinaryOp::IsNot));
        assert_eq!(comparison_operator("cjoin"), None);
        assert_eq!(comparison_operator("f"), None);
    }

    #[test]
    fn sec2_11_rest_is_trivia_skips_comments_and_blanks() {
        let mut parser = Parser::new("x  # note\n <# block #>\n");
        parser.pos = 1;
        assert!(parser.rest_is_trivia());
        let mut parser = Parser::new("x  # note\n y");
        parser.pos = 1;
        assert!(!parser.rest_is_trivia());
        let mut parser = Parser::new("x <# open");
        parser.pos = 1;
        assert!(parser.rest_is_trivia());
    }

    #[test]
    fn sec2_2_statement_start_mode_decision() {
        let starts = |s: &str| Parser::new(s).starts_expression();
        assert!(starts("$x"));
        assert!(starts("1kb"));
        assert!(starts("-not $x"));
        assert!(starts("-5"));
        assert!(!starts("-Services POP"));
        assert!(!starts("2048bits"));
        assert!(!starts("Get-X"));
        assert!(!starts(".\\x.ps1"));
    }
}
