//! Never panic on any input; parse in roughly linear time.

use std::time::Instant;

const LONG_SCRIPT: &str = r#"<#
.SYNOPSIS
  Exercise most of the grammar.
#>
[CmdletBinding()]
param([Parameter(Mandatory)][string]$Domain, [int]$Size = 2kb)
function Show-Cert([string]$Tp) {
    begin { $n = 0 } process { $n++ } end { "done $n" }
}
$certs = @(Get-ExchangeCertificate | Where-Object { $_.Services -match 'POP' -and !$_.IsSelfSigned })
foreach ($c in $certs) {
    if ($c.NotAfter -lt (Get-Date).AddDays(-30)) { Write-Warning "old: $($c.Thumbprint)" }
    elseif ($c.Status -eq "Valid") { $c | fl Thumbprint, Services > "C:\out $Domain.txt" 2>&1 }
    else { continue }
}
$h = [ordered]@{ Name = 'x'; 'Key two' = @(1, 2, 3); Nested = @{ a = { param($q) $q * 2 } } }
switch -wildcard ($Domain) { '*.com' { 'dot com'; break } default { "other: ${Domain}" } }
for ($i = 0; $i -lt 10; $i += 2) { [math]::Max($i, 3) -f '{0}' }
do { $i-- } until ($i -le 0)
try { New-ExchangeCertificate -DomainName $Domain, "b.$Domain" -Services:SMTP,POP -KeySize $Size `
      -Force:$true } catch [System.Exception] { throw } finally { exit 3 }
$s = @"
Here $Domain `t $(1..3 -join ',')
"@
Write-Output 0x10 1kb 2048bits cert$(1+1).req a#b -- -x 'It''s' @h
"#;

#[test]
fn sec2_11_truncated_prefixes_never_panic() {
    let mut boundaries: Vec<usize> = LONG_SCRIPT.char_indices().map(|(i, _)| i).collect();
    boundaries.push(LONG_SCRIPT.len());
    for end in boundaries {
        let prefix = &LONG_SCRIPT[..end];
        let _ = shell_parser::parse(prefix);
        let suffix = &LONG_SCRIPT[end..];
        let _ = shell_parser::parse(suffix);
    }
    assert!(
        shell_parser::parse(LONG_SCRIPT).is_ok(),
        "{:?}",
        shell_parser::parse(LONG_SCRIPT)
    );
}

#[test]
fn sec2_11_odd_inputs_never_panic() {
    let inputs = [
        "",
        "`",
        "$",
        "@",
        "${",
        "$(",
        "@(",
        "@{",
        "[",
        "[]",
        "[int",
        "-",
        "--",
        "'",
        "\"",
        "<#",
        "#",
        "|",
        "||",
        "&",
        "&&",
        ",",
        ";",
        ")",
        "}",
        "]",
        "$x.",
        "$x[",
        "$x::",
        "1..",
        "-not",
        "@'",
        "@\"",
        "@\"\n",
        "function",
        "function F(",
        "param(",
        "switch",
        "for (",
        "do {}",
        "\u{FEFF}Get-X",
        "Get-X \u{2014}",
        "$x = ",
        "$\u{e9}t\u{e9} = 1",
        "\u{201C}smart\u{201D}",
        "\u{2018}single\u{2019}",
        "\r\n\r",
        "if (1) {} else",
        ":lbl",
        ":lbl while",
        "$x++ ++",
    ];
    for input in inputs {
        let _ = shell_parser::parse(input);
    }
}

#[test]
fn sec2_11_deep_nesting_is_an_error_not_a_crash() {
    // Run on a thread with a small stack to prove the depth limit keeps the stack bounded.
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(|| {
            for open in ["(", "$(", "@(", "{", "@{a=", "!", "-not ", ",", "[int]"] {
                let deep = open.repeat(5000);
                assert!(shell_parser::parse(&deep).is_err());
            }
            let nested = format!("{}1{}", "(".repeat(50), ")".repeat(50));
            assert!(shell_parser::parse(&nested).is_ok());
        })
        .unwrap();
    handle.join().unwrap();
}

#[test]
fn perf_one_megabyte_parses_quickly() {
    let mut big = String::new();
    while big.len() < 1_000_000 {
        big.push_str(
            LONG_SCRIPT
                .split_once("function")
                .map_or("", |(_, rest)| rest),
        );
        big.push('\n');
        big.insert_str(big.len() - 1, "");
    }
    let big = format!("function{big}");
    let started = Instant::now();
    let result = shell_parser::parse(&big);
    let elapsed = started.elapsed();
    assert!(result.is_ok(), "{:?}", result.err());
    // Debug builds are several times slower than release; the bound is generous on purpose.
    assert!(elapsed.as_secs_f64() < 5.0, "1 MB took {elapsed:?}");
    eprintln!("parsed {} bytes in {elapsed:?}", big.len());
}

#[test]
fn sec2_11_random_inputs_never_panic_and_spans_are_char_boundaries() {
    const ALPHABET: &[&str] = &[
        "$",
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        "@",
        "'",
        "\"",
        "`",
        "#",
        "<#",
        "#>",
        "|",
        ";",
        ",",
        "&",
        "-",
        "\u{2013}",
        "\u{201C}",
        "\u{2019}",
        ":",
        "::",
        ".",
        "..",
        "=",
        "+",
        "*",
        ">",
        "2>",
        "<",
        "\n",
        "\r\n",
        " ",
        "a",
        "Get-X",
        "if",
        "else",
        "foreach",
        "function",
        "param",
        "in",
        "1",
        "0x",
        "kb",
        "$x",
        "-eq",
        "-not",
        "@\"\n",
        "\n\"@",
        "@'\n",
        "\n'@",
        "$(",
        "@(",
        "@{",
        "${",
        "[int]",
        "[Parameter(",
        "switch",
        "do",
        "while",
        "for",
        "try",
        "catch",
        "\u{e9}",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 24) as usize;
        let input: String = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect();
        if let Err(errors) = shell_parser::parse(&input) {
            let span = errors.errors[0].span;
            assert!(
                span.start <= span.end && span.end <= input.len(),
                "{input:?}: {span:?}"
            );
            assert!(
                input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
                "{input:?}: {:?}",
                errors.errors[0]
            );
            let _ = span.line_col(&input);
        }
    }
}

#[test]
fn sec2_1_crlf_and_lf_parse_the_same() {
    let lf = shell_parser::parse(LONG_SCRIPT).unwrap();
    let crlf = shell_parser::parse(&LONG_SCRIPT.replace('\n', "\r\n")).unwrap();
    let cr = shell_parser::parse(&LONG_SCRIPT.replace('\n', "\r")).unwrap();
    let lf = crate::support::print_script(&lf);
    assert_eq!(
        crate::support::print_script(&crlf).replace("\r\n", "\n"),
        lf
    );
    assert_eq!(crate::support::print_script(&cr).replace('\r', "\n"), lf);
}
