//! The abstract syntax tree. Every node carries a [`Span`]; the parser knows no command
//! or parameter names (binding is the engine's job).

// The AST is a stable interface the engine codes against; boxing the large variants would
// change its shape, so the size difference is accepted.
#![allow(clippy::large_enum_variant)]

use crate::span::Span;

/// A whole input: a REPL entry or a script file.
#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    /// A top-level `param( … )` block, if the script starts with one.
    pub params: Option<ParamBlock>,
    /// The statements, in order.
    pub statements: Vec<Statement>,
    /// The span of the whole input.
    pub span: Span,
}

/// A statement with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// What kind of statement.
    pub kind: StatementKind,
    /// The statement's source span.
    pub span: Span,
}

/// The kinds of statement.
#[derive(Debug, Clone, PartialEq)]
pub enum StatementKind {
    /// A pipeline (which may be a single expression or command).
    Pipeline(Pipeline),
    /// `$x = …`, `$x += …`, `$x.Prop = …`, `$x[i] = …`.
    Assignment {
        /// The assigned place (a variable with optional member / index suffixes).
        target: Expr,
        /// `=`, `+=`, `-=`, `*=`, `/=`.
        op: AssignOp,
        /// The right-hand side: a pipeline, `if`, `foreach`, … statement.
        value: Box<Statement>,
    },
    /// `if (…) {…} elseif (…) {…} else {…}`.
    If {
        /// `(condition, body)` for the `if` and every `elseif`, in order.
        clauses: Vec<(Pipeline, Block)>,
        /// The `else` body.
        else_body: Option<Block>,
    },
    /// `foreach ($x in pipeline) {…}`.
    Foreach {
        /// Optional loop label (`:outer foreach …`).
        label: Option<String>,
        /// The loop variable name (without `$`).
        variable: Spanned<String>,
        /// The collection.
        collection: Pipeline,
        /// The body.
        body: Block,
    },
    /// `while (cond) {…}`.
    While {
        /// Optional loop label.
        label: Option<String>,
        /// The condition.
        condition: Pipeline,
        /// The body.
        body: Block,
    },
    /// `do {…} while (cond)` (`until == false`) or `do {…} until (cond)` (`until == true`).
    DoLoop {
        /// Optional loop label.
        label: Option<String>,
        /// The body.
        body: Block,
        /// The condition.
        condition: Pipeline,
        /// `true` for `do … until`.
        until: bool,
    },
    /// `for (init; cond; step) {…}`; each part may be absent.
    For {
        /// Optional loop label.
        label: Option<String>,
        /// The initialiser.
        init: Option<Box<Statement>>,
        /// The condition.
        condition: Option<Pipeline>,
        /// The step.
        step: Option<Box<Statement>>,
        /// The body.
        body: Block,
    },
    /// `switch [-regex|-wildcard|-exact|-casesensitive] (value) { clauses }`.
    Switch {
        /// Optional loop label.
        label: Option<String>,
        /// The switch options in source order.
        options: Vec<SwitchOption>,
        /// The value being switched on.
        value: Pipeline,
        /// `(pattern, body)`; a `default` clause has `pattern == None`.
        clauses: Vec<(Option<Expr>, Block)>,
    },
    /// `try {…} catch {…} finally {…}`.
    Try {
        /// The `try` body.
        body: Block,
        /// The catch clauses: optional type names (`catch [T1], [T2]`) and body.
        catches: Vec<CatchClause>,
        /// The `finally` body.
        finally: Option<Block>,
    },
    /// `function Name { … }` or `function Name($a, $b) { … }`.
    Function(FunctionDefinition),
    /// `exit [pipeline]`.
    Exit(Option<Pipeline>),
    /// `throw [pipeline]`.
    Throw(Option<Pipeline>),
    /// `return [pipeline]`.
    Return(Option<Pipeline>),
    /// `break [label]`.
    Break(Option<String>),
    /// `continue [label]`.
    Continue(Option<String>),
}

/// Options of a `switch` statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchOption {
    /// `-Regex`.
    Regex,
    /// `-Wildcard`.
    Wildcard,
    /// `-Exact`.
    Exact,
    /// `-CaseSensitive`.
    CaseSensitive,
}

/// One `catch` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct CatchClause {
    /// The type names listed (`catch [System.Exception]`); empty for a bare `catch`.
    pub types: Vec<Spanned<String>>,
    /// The body.
    pub body: Block,
}

/// Assignment operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `+=`
    Add,
    /// `-=`
    Subtract,
    /// `*=`
    Multiply,
    /// `/=`
    Divide,
}

/// A braced statement list: `{ … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The statements.
    pub statements: Vec<Statement>,
    /// The span including the braces.
    pub span: Span,
}

/// A function definition.
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDefinition {
    /// The function's name as written.
    pub name: Spanned<String>,
    /// The parameters, from `function F($a)` or from a `param()` block in the body.
    pub params: Option<ParamBlock>,
    /// The body. If it uses `begin`/`process`/`end` blocks, they are in `named_blocks`
    /// and `body` holds no statements.
    pub body: ScriptBlock,
    /// The comment-based help text found just before or inside the function, if any.
    pub help: Option<String>,
}

/// A `param( … )` block with optional `[CmdletBinding()]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamBlock {
    /// The parameters in declaration order.
    pub params: Vec<ParamDecl>,
    /// Attributes before `param` (`[CmdletBinding()]`).
    pub attributes: Vec<Attribute>,
    /// The span of the block.
    pub span: Span,
}

/// One declared parameter: `[Parameter(Mandatory)][string]$Name = 'x'`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamDecl {
    /// The attributes, in order (`[Parameter(...)]`, `[ValidateSet(...)]`, …).
    pub attributes: Vec<Attribute>,
    /// The type constraint (`string`, `int`, `switch`, `string[]`, …), if any.
    pub type_name: Option<Spanned<String>>,
    /// The variable name, without `$`.
    pub name: Spanned<String>,
    /// The default value expression.
    pub default: Option<Expr>,
    /// The declaration's span.
    pub span: Span,
}

/// An attribute such as `[Parameter(Mandatory, Position=0)]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    /// The attribute name (`Parameter`, `CmdletBinding`, `ValidateSet`, …).
    pub name: String,
    /// Positional arguments (`ValidateSet('a','b')`).
    pub positional: Vec<Expr>,
    /// Named arguments; a bare name (`Mandatory`) has `None` as its value.
    pub named: Vec<(String, Option<Expr>)>,
    /// The attribute's span.
    pub span: Span,
}

/// A pipeline: the first element may be an expression, the others are commands.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    /// The elements, in order.
    pub elements: Vec<PipelineElement>,
    /// The pipeline's span.
    pub span: Span,
}

/// One element of a pipeline.
#[derive(Debug, Clone, PartialEq)]
pub enum PipelineElement {
    /// An expression (only allowed as the first element).
    Expression {
        /// The expression.
        expr: Expr,
        /// Redirections after the expression (`$x > file`).
        redirections: Vec<Redirection>,
    },
    /// A command invocation.
    Command(Command),
}

/// A command invocation such as `Get-ExchangeCertificate -Thumbprint $tp`.
#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    /// `Plain` for `name args`, `Call` for `& name args`, `DotSource` for `. name args`.
    pub invocation: Invocation,
    /// The command name: a bare word, a string, or (with `&`) any primary expression.
    pub name: Expr,
    /// The arguments and parameters in source order.
    pub elements: Vec<CommandElement>,
    /// Redirections (`> file`, `2>&1`, …) in source order.
    pub redirections: Vec<Redirection>,
    /// The command's span: name through last argument.
    pub span: Span,
}

/// How a command is invoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invocation {
    /// `name args`
    Plain,
    /// `& name args`
    Call,
    /// `. name args`
    DotSource,
}

/// One element after a command name.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandElement {
    /// `-Name` or `-Name:value`.
    Parameter {
        /// The name as typed, without the dash (and without the colon).
        name: String,
        /// The argument given with the colon form, if any.
        colon_arg: Option<Expr>,
        /// `true` when written with a colon (even if the argument is missing).
        with_colon: bool,
        /// The span of the parameter token (dash through colon).
        span: Span,
    },
    /// A plain argument.
    Argument(Expr),
    /// `--`.
    EndOfParameters(Span),
}

/// A redirection.
#[derive(Debug, Clone, PartialEq)]
pub enum Redirection {
    /// `N> target` or `N>> target` (`stream` 1 for `>`; `*` is [`RedirectStream::All`]).
    ToFile {
        /// Which stream.
        stream: RedirectStream,
        /// `>>`.
        append: bool,
        /// The target (a bare word, string or `$null`).
        target: Expr,
        /// The span.
        span: Span,
    },
    /// `N>&1` (merge into output).
    Merge {
        /// The stream being merged.
        from: RedirectStream,
        /// The span.
        span: Span,
    },
}

/// A redirectable stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectStream {
    /// 1 (success output).
    Output,
    /// 2 (errors).
    Error,
    /// 3 (warnings).
    Warning,
    /// 4 (verbose).
    Verbose,
    /// 5 (debug).
    Debug,
    /// 6 (information / host).
    Information,
    /// `*`.
    All,
}

/// An expression with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// The expression.
    pub kind: ExprKind,
    /// The span.
    pub span: Span,
}

/// A number literal's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// Fits in `i32`.
    Int(i32),
    /// Fits in `i64`.
    Long(i64),
    /// Decimal (`d` suffix or too large for `i64`); kept as `f64` with its text.
    Decimal(f64),
    /// Real.
    Double(f64),
}

/// The kinds of string literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StringKind {
    /// `'…'`
    Single,
    /// `"…"`
    Double,
    /// an argument-mode bare word
    Bare,
    /// `@'…'@`
    HereSingle,
    /// `@"…"@`
    HereDouble,
}

/// A piece of an expandable string.
#[derive(Debug, Clone, PartialEq)]
pub enum StringPart {
    /// Literal text (escapes already applied).
    Literal(String),
    /// `$name`, `${name}` (an [`ExprKind::Variable`] expression).
    Variable(Expr),
    /// `$( … )`.
    SubExpression(Vec<Statement>, Span),
}

/// Variable reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariablePath {
    /// The scope or drive prefix (`env`, `global`, `script`, `local`, …), if any.
    pub scope: Option<String>,
    /// The name, without `$` and the prefix.
    pub name: String,
}

/// Binary operators (expression mode). Comparison operators carry their case mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Subtract,
    /// `*`
    Multiply,
    /// `/`
    Divide,
    /// `%`
    Modulo,
    /// `..`
    Range,
    /// `-f`
    Format,
    /// `-and`
    And,
    /// `-or`
    Or,
    /// `-xor`
    Xor,
    /// `-band`
    BitAnd,
    /// `-bor`
    BitOr,
    /// `-is`
    Is,
    /// `-isnot`
    IsNot,
    /// `-as`
    As,
    /// A comparison-family operator.
    Compare(CompareOp, CaseMode),
}

/// The comparison-family operators (also `-replace`, `-split`, `-join`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    /// `-eq`
    Eq,
    /// `-ne`
    Ne,
    /// `-gt`
    Gt,
    /// `-ge`
    Ge,
    /// `-lt`
    Lt,
    /// `-le`
    Le,
    /// `-like`
    Like,
    /// `-notlike`
    NotLike,
    /// `-match`
    Match,
    /// `-notmatch`
    NotMatch,
    /// `-contains`
    Contains,
    /// `-notcontains`
    NotContains,
    /// `-in`
    In,
    /// `-notin`
    NotIn,
    /// `-replace`
    Replace,
    /// `-split` (binary)
    Split,
    /// `-join` (binary)
    Join,
}

/// Case mode of a comparison operator: `-eq` (default, ignores case), `-ieq`, `-ceq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseMode {
    /// no prefix
    Default,
    /// `i` prefix
    Insensitive,
    /// `c` prefix
    Sensitive,
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-not` / `!`
    Not,
    /// `-`
    Negate,
    /// `+`
    Plus,
    /// unary `,`
    Comma,
    /// `-join` (unary)
    Join,
    /// `-split` (unary)
    Split,
    /// `-bnot`
    BitNot,
    /// `++$x` (prefix increment)
    PreIncrement,
    /// `--$x` (prefix decrement)
    PreDecrement,
    /// `$x++` (postfix increment)
    PostIncrement,
    /// `$x--` (postfix decrement)
    PostDecrement,
}

/// The kinds of expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A number; `text` is the source spelling when it came from argument mode (so it is
    /// kept when converted to a string), `None` in expression mode.
    Number {
        /// The value.
        value: Number,
        /// The source text for argument-mode numbers.
        text: Option<String>,
    },
    /// A string literal or bare word. Non-expandable strings have exactly one
    /// `Literal` part (or none when empty).
    String {
        /// Which kind of literal.
        kind: StringKind,
        /// The parts (expanded at run time).
        parts: Vec<StringPart>,
    },
    /// `$name`, `$scope:name`, `${name}`.
    Variable(VariablePath),
    /// `@name` in argument mode.
    Splat(VariablePath),
    /// `a, b, c`.
    Array(Vec<Expr>),
    /// `$( statements )`.
    SubExpression(Vec<Statement>),
    /// `@( statements )`.
    ArrayExpression(Vec<Statement>),
    /// `( pipeline )`.
    Paren(Box<Statement>),
    /// `@{ key = value; … }`; `ordered` when written `[ordered]@{…}`.
    Hash {
        /// The entries in source order.
        entries: Vec<(Expr, Statement)>,
    },
    /// `{ … }`.
    ScriptBlock(ScriptBlock),
    /// `expr.Name` (`name` is itself an expression: usually a literal string).
    Member {
        /// The object.
        object: Box<Expr>,
        /// The member name.
        name: Box<Expr>,
        /// `::` static access (`[T]::Name`).
        is_static: bool,
    },
    /// `expr.Name(args)`.
    MethodCall {
        /// The object.
        object: Box<Expr>,
        /// The method name.
        name: Spanned<String>,
        /// The arguments.
        args: Vec<Expr>,
        /// `::` static call (`[T]::Name()`).
        is_static: bool,
    },
    /// `expr[index]`.
    Index {
        /// The collection.
        object: Box<Expr>,
        /// The index.
        index: Box<Expr>,
    },
    /// A unary operation.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// A binary operation.
    Binary {
        /// The operator.
        op: BinaryOp,
        /// The operator token's span.
        op_span: Span,
        /// The left operand.
        left: Box<Expr>,
        /// The right operand.
        right: Box<Expr>,
    },
    /// `[type]` literal (as in `[int]` or `[datetime]`).
    TypeLiteral(String),
    /// `[type] expr` cast.
    Cast {
        /// The type name as written (without brackets).
        type_name: String,
        /// The operand.
        operand: Box<Expr>,
    },
}

/// A script block `{ param(...) begin {} process {} end {} … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptBlock {
    /// A `param()` block at the start.
    pub params: Option<ParamBlock>,
    /// The statements when there are no named blocks (the implicit `end` block).
    pub statements: Vec<Statement>,
    /// `begin` block.
    pub begin: Option<Block>,
    /// `process` block.
    pub process: Option<Block>,
    /// `end` block.
    pub end: Option<Block>,
    /// The span including braces.
    pub span: Span,
    /// The source text between the braces, as written (for `ToString()` and display).
    pub text: String,
}

/// A value paired with a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The item.
    pub item: T,
    /// Its span.
    pub span: Span,
}
