//! Token primitives built on nom, one set per lexing mode (spec §2.2).
//!
//! The parser (`parser.rs`) decides the mode and calls the matching set on the rest of the
//! input: [`expression`] for expression mode (operators, numbers without a terminator check)
//! and [`argument`] for argument mode (redirection operators, argument-mode numbers). The
//! character classes shared by both modes live at the top of this module.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1};
use nom::character::complete::{alpha1, char, digit1, hex_digit1, one_of, satisfy};
use nom::combinator::{map, opt, recognize};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use crate::ast::Number;

/// Whitespace inside a line (spec §2.1).
pub(crate) fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{0B}' | '\u{0C}' | '\u{A0}' | '\u{85}')
}

/// `\n` or `\r` (a CR LF pair is two of these but one line break).
pub(crate) fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r')
}

/// `-` and the dashes PowerShell treats as `-` (en dash, em dash, horizontal bar).
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

/// `'` and the typographic single quotes.
pub(crate) fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// `"` and the typographic double quotes.
pub(crate) fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

/// Either kind of quote.
pub(crate) fn is_quote(c: char) -> bool {
    is_single_quote(c) || is_double_quote(c)
}

/// The argument-mode hard terminators of spec §2.3.
pub(crate) fn is_hard_terminator(c: char) -> bool {
    is_inline_space(c)
        || is_newline(c)
        || matches!(c, ';' | ',' | '|' | '&' | '(' | ')' | '{' | '}')
}

/// A character of a variable name (spec §2.5).
pub(crate) fn is_variable_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '?'
}

/// A character that may follow `$` to start a variable reference.
pub(crate) fn is_variable_start(c: char) -> bool {
    is_variable_char(c) || matches!(c, '$' | '^' | '{')
}

/// Letters, digits and `_`: member names, labels, keywords.
pub(crate) fn is_identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The escape table of spec §2.6 (Windows PowerShell 5.1 set).
pub(crate) fn escape(c: char) -> char {
    match c {
        '0' => '\0',
        'a' => '\u{07}',
        'b' => '\u{08}',
        'f' => '\u{0C}',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\u{0B}',
        other => other,
    }
}

/// A run of identifier characters (member names, labels, keywords).
pub(crate) fn identifier(input: &str) -> IResult<&str, &str> {
    take_while1(is_identifier_char).parse(input)
}

/// A run of variable-name characters.
pub(crate) fn variable_name(input: &str) -> IResult<&str, &str> {
    take_while1(is_variable_char).parse(input)
}

/// A scanned number literal: its source text and value (`None` when it does not fit).
#[derive(Debug, Clone, Copy)]
pub(crate) struct NumberToken<'a> {
    /// The literal as written, suffixes included.
    pub(crate) text: &'a str,
    /// The value, or `None` when the literal is out of range.
    pub(crate) value: Option<Number>,
}

/// A number literal (spec §2.9): decimal, hex, real, `l`/`d` suffix, `kb`..`pb` multiplier.
/// The caller decides what may follow it (that is where the two modes differ).
pub(crate) fn number(input: &str) -> IResult<&str, NumberToken<'_>> {
    let exponent = (one_of("eE"), opt(one_of("+-")), digit1);
    let decimal = recognize((
        alt((
            recognize((digit1, opt((char('.'), digit1)))),
            recognize((char('.'), digit1)),
        )),
        opt(exponent),
    ));
    let hex = recognize(preceded(tag_no_case("0x"), hex_digit1));
    let (rest, (body, is_hex)) = alt((
        map(hex, |s: &str| (s, true)),
        map(decimal, |s: &str| (s, false)),
    ))
    .parse(input)?;
    let (rest, type_suffix) = opt(one_of("lLdD")).parse(rest)?;
    let (rest, multiplier) = opt(alt((
        tag_no_case("kb"),
        tag_no_case("mb"),
        tag_no_case("gb"),
        tag_no_case("tb"),
        tag_no_case("pb"),
    )))
    .parse(rest)?;
    let text = &input[..input.len() - rest.len()];
    let value = number_value(body, is_hex, type_suffix, multiplier);
    Ok((rest, NumberToken { text, value }))
}

/// Largest magnitude of .NET `Decimal`.
const DECIMAL_MAX: f64 = 7.922_816_251_426_434e28;

fn classify_integer(value: i128) -> Number {
    if let Ok(v) = i32::try_from(value) {
        Number::Int(v)
    } else if let Ok(v) = i64::try_from(value) {
        Number::Long(v)
    } else if (value.unsigned_abs() as f64) <= DECIMAL_MAX {
        Number::Decimal(value as f64)
    } else {
        Number::Double(value as f64)
    }
}

fn number_value(
    body: &str,
    is_hex: bool,
    type_suffix: Option<char>,
    multiplier: Option<&str>,
) -> Option<Number> {
    let factor: i128 = match multiplier.map(|m| m.to_ascii_lowercase()).as_deref() {
        Some("kb") => 1 << 10,
        Some("mb") => 1 << 20,
        Some("gb") => 1 << 30,
        Some("tb") => 1 << 40,
        Some("pb") => 1 << 50,
        _ => 1,
    };
    let suffix = type_suffix.map(|c| c.to_ascii_lowercase());
    if is_hex {
        // PowerShell reads hex literals as the bit pattern of Int32, then Int64.
        let raw = u64::from_str_radix(body.get(2..)?, 16).ok()?;
        let value: i128 = if suffix == Some('l') {
            i128::from(raw as i64)
        } else if let Ok(small) = u32::try_from(raw) {
            i128::from(small as i32)
        } else {
            i128::from(raw as i64)
        };
        let value = value.checked_mul(factor)?;
        return match suffix {
            Some('l') => i64::try_from(value).ok().map(Number::Long),
            _ => Some(classify_integer(value)),
        };
    }
    if body.contains(['.', 'e', 'E']) {
        let real: f64 = body.parse().ok()?;
        let real = real * factor as f64;
        return match suffix {
            Some('d') => Some(Number::Decimal(real)),
            Some('l') => {
                let rounded = real.round();
                (rounded.abs() <= i64::MAX as f64).then_some(Number::Long(rounded as i64))
            }
            _ => Some(Number::Double(real)),
        };
    }
    match body
        .parse::<i128>()
        .ok()
        .and_then(|v| v.checked_mul(factor))
    {
        Some(value) => match suffix {
            Some('l') => i64::try_from(value).ok().map(Number::Long),
            Some('d') => Some(Number::Decimal(value as f64)),
            _ => Some(classify_integer(value)),
        },
        None => {
            let real: f64 = body.parse().ok()?;
            let real = real * factor as f64;
            match suffix {
                Some('l') => None,
                Some('d') => (real <= DECIMAL_MAX).then_some(Number::Decimal(real)),
                _ => Some(Number::Double(real)),
            }
        }
    }
}

/// Expression-mode tokens: dash operators and punctuation.
pub(crate) mod expression {
    use super::*;

    /// A dash operator word: `-eq`, `-and`, `-f`, … Returns the word without the dash
    /// (ASCII letters only, as PowerShell's operator names are).
    pub(crate) fn dash_word(input: &str) -> IResult<&str, &str> {
        preceded(satisfy(is_dash), alpha1).parse(input)
    }

    /// Assignment operators (`=`, `+=`, `-=`, `*=`, `/=`); `%=` is recognised so that it can
    /// be reported.
    pub(crate) fn assignment_operator(input: &str) -> IResult<&str, &str> {
        alt((
            recognize((satisfy(is_dash), char('='))),
            tag("+="),
            tag("*="),
            tag("/="),
            tag("%="),
            recognize((char('='), nom::combinator::not(char('=')))),
        ))
        .parse(input)
    }
}

/// Argument-mode tokens.
pub(crate) mod argument {
    use super::*;
    use crate::ast::RedirectStream;

    /// A redirection operator as scanned.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum RedirectionOperator {
        /// `N>` or `N>>`.
        ToFile {
            stream: RedirectStream,
            append: bool,
        },
        /// `N>&1`.
        Merge { stream: RedirectStream },
    }

    /// `>`, `>>`, `N>`, `N>>`, `N>&1`, `*>`, `*>>`, `*>&1`.
    pub(crate) fn redirection(input: &str) -> IResult<&str, RedirectionOperator> {
        let (rest, stream) = opt(one_of("123456*")).parse(input)?;
        let (rest, _) = char('>').parse(rest)?;
        let stream = match stream {
            None | Some('1') => RedirectStream::Output,
            Some('2') => RedirectStream::Error,
            Some('3') => RedirectStream::Warning,
            Some('4') => RedirectStream::Verbose,
            Some('5') => RedirectStream::Debug,
            Some('6') => RedirectStream::Information,
            Some(_) => RedirectStream::All,
        };
        let merge: IResult<&str, &str> = tag("&1").parse(rest);
        if let Ok((rest, _)) = merge {
            return Ok((rest, RedirectionOperator::Merge { stream }));
        }
        let (rest, append) = opt(char('>')).parse(rest)?;
        Ok((
            rest,
            RedirectionOperator::ToFile {
                stream,
                append: append.is_some(),
            },
        ))
    }

    /// A parameter token (spec §2.8): a dash, a letter, `_` or `?`, then anything up to a hard
    /// terminator, `.`, `[` or `:`; a following `:` is consumed and reported. Fails when a
    /// quote appears in the would-be name: the caller then scans a bare word (`-Name"x"`).
    pub(crate) fn parameter(input: &str) -> IResult<&str, (&str, bool)> {
        let name_char =
            |c: char| !is_hard_terminator(c) && !matches!(c, '.' | '[' | ':') && !is_quote(c);
        let first = satisfy(|c: char| c.is_alphabetic() || c == '_' || c == '?');
        let (rest, name) =
            preceded(satisfy(is_dash), recognize((first, take_while(name_char)))).parse(input)?;
        if rest.starts_with(is_quote) {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )));
        }
        let (rest, colon) = opt(char(':')).parse(rest)?;
        Ok((rest, (name, colon.is_some())))
    }

    /// `--` followed by a hard terminator or the end of input: the end-of-parameters marker.
    pub(crate) fn end_of_parameters(input: &str) -> IResult<&str, &str> {
        let (rest, marker) = recognize((satisfy(is_dash), satisfy(is_dash))).parse(input)?;
        if rest.chars().next().is_none_or(is_hard_terminator) {
            Ok((rest, marker))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )))
        }
    }

    /// An argument-mode number: a number literal that ends at a hard terminator (or the end
    /// of input) and fits its type; anything else is a bare word (spec §2.9).
    pub(crate) fn number(input: &str) -> Option<(usize, super::NumberToken<'_>)> {
        let (rest, token) = super::number(input).ok()?;
        token.value?;
        if rest.chars().next().is_none_or(is_hard_terminator) {
            Some((input.len() - rest.len(), token))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s46_numbers_keep_text_and_value() {
        let (_, t) = number("0x10 ").unwrap();
        assert_eq!((t.text, t.value), ("0x10", Some(Number::Int(16))));
        let (_, t) = number("1kb").unwrap();
        assert_eq!(t.value, Some(Number::Int(1024)));
        let (_, t) = number("0xFFFFFFFF").unwrap();
        assert_eq!(t.value, Some(Number::Int(-1)));
        let (_, t) = number("3000000000").unwrap();
        assert_eq!(t.value, Some(Number::Long(3_000_000_000)));
        let (_, t) = number("1.5e2").unwrap();
        assert_eq!(t.value, Some(Number::Double(150.0)));
        let (_, t) = number("0x1FFFFFFFFFFFFFFFFF").unwrap();
        assert_eq!(t.value, None);
    }

    #[test]
    fn sec2_8_parameter_tokens() {
        assert_eq!(
            argument::parameter("-Services:POP"),
            Ok(("POP", ("Services", true)))
        );
        assert_eq!(
            argument::parameter("-cert.req"),
            Ok((".req", ("cert", false)))
        );
        assert_eq!(
            argument::parameter("\u{2013}Force x"),
            Ok((" x", ("Force", false)))
        );
        assert!(argument::parameter("-Name\"x\"").is_err());
        assert!(argument::parameter("-5").is_err());
        assert!(argument::end_of_parameters("-- x").is_ok());
        assert!(argument::end_of_parameters("--x").is_err());
    }

    #[test]
    fn s48_argument_number_needs_terminator() {
        assert!(argument::number("2048bits").is_none());
        assert!(argument::number("2048 x").is_some());
        assert!(argument::number("1.2.3").is_none());
    }
}
