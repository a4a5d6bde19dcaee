//! Snapshot and exact-text tests of the layouts in spec/shell-language.md §7 and §8.
//!
//! Empty lines are shown as `·` (as the spec does) and every rendering ends with `[EOF]`,
//! so leading and trailing blank lines are part of each snapshot.

use shell_format::*;

/// Joins rendered lines for a snapshot: `·` for an empty line, `[EOF]` at the end.
fn show(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        text.push_str(if line.is_empty() { "·" } else { line });
        text.push('\n');
    }
    text.push_str("[EOF]");
    text
}

/// Checks rendered lines against text written as in the spec (one line per line, `·` for
/// an empty line).
#[track_caller]
fn check(lines: &[String], expected: &str) {
    let expected: Vec<String> = expected
        .lines()
        .map(|line| {
            if line == "·" {
                String::new()
            } else {
                line.to_string()
            }
        })
        .collect();
    assert_eq!(lines, expected.as_slice(), "\n{}", show(lines));
}

fn table(columns: Vec<TableColumn>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        columns,
        rows,
        options: TableOptions::default(),
    }
}

const TP1: &str = "257C327A164ED8A6FCDAFCA7789D29B60369DCA7";
const TP2: &str = "C0D0B9213B6A5B7DD0F5CF76C2A9F3DE8EBC4FC4";

mod list {
    use super::*;

    fn seed_certificate() -> ListEntry {
        let rule = "System.Security.AccessControl.CryptoKeyAccessRule";
        ListEntry::new()
            .item("AccessRules", format!("{{{rule}, {rule}, {rule}}}"))
            .item(
                "CertificateDomains",
                "{popserver.fourthcoffee.com, fourthcoffee.com}",
            )
            .item("HasPrivateKey", "True")
            .item("IsSelfSigned", "False")
            .item("Issuer", "CN=3rdPartyCAExample.com")
            .item("NotAfter", "8/7/2008 10:04:02 AM")
            .item("NotBefore", "8/7/2007 10:04:02 AM")
            .item("PublicKeySize", "2048")
            .item("RootCAType", "ThirdParty")
            .item("SerialNumber", "83FAE8B2398F2A9E44485CBA85D548DF")
            .item("Services", "POP")
            .item("Status", "Valid")
            .item(
                "Subject",
                "C=us, O=contoso corp, CN=popserver.fourthcoffee.com",
            )
            .item("Thumbprint", TP1)
    }

    #[test]
    fn s7_8_fl_star_seed_certificate() {
        let lines = render_list(&[seed_certificate()], 80, Framing::WindowsPowerShell);
        check(
            &lines,
            "·
·
AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule,
                     System.Security.AccessControl.CryptoKeyAccessRule,
                     System.Security.AccessControl.CryptoKeyAccessRule}
CertificateDomains : {popserver.fourthcoffee.com, fourthcoffee.com}
HasPrivateKey      : True
IsSelfSigned       : False
Issuer             : CN=3rdPartyCAExample.com
NotAfter           : 8/7/2008 10:04:02 AM
NotBefore          : 8/7/2007 10:04:02 AM
PublicKeySize      : 2048
RootCAType         : ThirdParty
SerialNumber       : 83FAE8B2398F2A9E44485CBA85D548DF
Services           : POP
Status             : Valid
Subject            : C=us, O=contoso corp, CN=popserver.fourthcoffee.com
Thumbprint         : 257C327A164ED8A6FCDAFCA7789D29B60369DCA7
·
·
·",
        );
        insta::assert_snapshot!("s7_8_fl_star_seed_certificate", show(&lines));
    }

    #[test]
    fn s7_8_measure_object_empty_values() {
        let entry = ListEntry::new()
            .item("Count", "2")
            .item("Average", "")
            .item("Sum", "")
            .item("Maximum", "")
            .item("Minimum", "")
            .item("Property", "");
        let lines = render_list(&[entry], 80, Framing::WindowsPowerShell);
        check(
            &lines,
            "·
·
Count    : 2
Average  :
Sum      :
Maximum  :
Minimum  :
Property :
·
·
·",
        );
        insta::assert_snapshot!("s7_8_measure_object_empty_values", show(&lines));
    }

    #[test]
    fn s7_8_two_objects_collection_limit_and_empty() {
        let entries = [
            ListEntry::new().item("Thumbprint", TP1).item(
                "CertificateDomains",
                "{a.contoso.com, b.contoso.com, c.contoso.com, d.contoso.com...}",
            ),
            ListEntry::new()
                .item("Thumbprint", TP2)
                .item("CertificateDomains", "{}"),
        ];
        let lines = render_list(&entries, 80, Framing::WindowsPowerShell);
        check(
            &lines,
            "·
·
Thumbprint         : 257C327A164ED8A6FCDAFCA7789D29B60369DCA7
CertificateDomains : {a.contoso.com, b.contoso.com, c.contoso.com,
                     d.contoso.com...}
·
Thumbprint         : C0D0B9213B6A5B7DD0F5CF76C2A9F3DE8EBC4FC4
CertificateDomains : {}
·
·
·",
        );
        insta::assert_snapshot!("s7_8_two_objects_collection_limit_and_empty", show(&lines));
    }

    #[test]
    fn s7_5_each_object_computes_its_own_label_width() {
        let entries = [
            ListEntry::new().item("A", "1").item("Longer", "2"),
            ListEntry::new().item("B", "3"),
        ];
        let lines = render_list(&entries, 80, Framing::WindowsPowerShell);
        insta::assert_snapshot!(show(&lines), @r"
        ·
        ·
        A      : 1
        Longer : 2
        ·
        B : 3
        ·
        ·
        ·
        [EOF]
        ");
    }

    #[test]
    fn s7_7_word_longer_than_the_width_is_cut() {
        let entry = ListEntry::new().item("Key", format!("x {}{} y", "0123456789".repeat(3), "AB"));
        let lines = list_entry_lines(&entry, 20);
        insta::assert_snapshot!(show(&lines), @r"
        Key : x 012345678901
              23456789012345
              6789AB y
        [EOF]
        ");
    }

    #[test]
    fn s7_5_embedded_newlines_are_split_then_wrapped() {
        let entry = ListEntry::new()
            .item(
                "Description",
                "first line\r\nsecond line is long enough to wrap here\nthird",
            )
            .item("X", "y");
        let lines = list_entry_lines(&entry, 40);
        insta::assert_snapshot!(show(&lines), @r"
        Description : first line
                      second line is long
                      enough to wrap here
                      third
        X           : y
        [EOF]
        ");
    }

    #[test]
    fn s7_5_wide_characters_are_measured_in_cells() {
        let entry = ListEntry::new().item("Name", "日本語のテキスト とても長い");
        let lines = list_entry_lines(&entry, 20);
        insta::assert_snapshot!(show(&lines), @r"
        Name : 日本語のテキ
               スト
               とても長い
        [EOF]
        ");
    }
}

mod table {
    use super::*;

    fn certificates() -> Vec<Vec<Cell>> {
        vec![
            vec![
                Cell::new(TP1),
                Cell::new("CN=popserver.fourthcoffee.com"),
                Cell::new("IMAP, POP"),
            ],
            vec![Cell::new(TP2), Cell::new("CN=server1"), Cell::new("SMTP")],
        ]
    }

    #[test]
    fn s7_8_select_object_boolean_column_right_aligned() {
        let rows = vec![
            vec![
                Cell::new(TP1),
                Cell::new("IMAP, POP"),
                Cell::numeric("True"),
            ],
            vec![Cell::new(TP2), Cell::new("SMTP"), Cell::numeric("False")],
        ];
        let columns = ["Thumbprint", "Services", "HasPrivateKey"]
            .map(TableColumn::new)
            .to_vec();
        let lines = render_table(&table(columns, rows), 80, Framing::WindowsPowerShell);
        check(
            &lines,
            "·
Thumbprint                               Services  HasPrivateKey
----------                               --------  -------------
257C327A164ED8A6FCDAFCA7789D29B60369DCA7 IMAP, POP          True
C0D0B9213B6A5B7DD0F5CF76C2A9F3DE8EBC4FC4 SMTP              False
·
·",
        );
        insta::assert_snapshot!(
            "s7_8_select_object_boolean_column_right_aligned",
            show(&lines)
        );
    }

    #[test]
    fn s7_8_width_60_hides_services_and_shrinks_subject() {
        let columns = ["Thumbprint", "Subject", "Services"]
            .map(TableColumn::new)
            .to_vec();
        let lines = render_table(
            &table(columns, certificates()),
            60,
            Framing::WindowsPowerShell,
        );
        check(
            &lines,
            "·
Thumbprint                               Subject
----------                               -------
257C327A164ED8A6FCDAFCA7789D29B60369DCA7 CN=popserver.fou...
C0D0B9213B6A5B7DD0F5CF76C2A9F3DE8EBC4FC4 CN=server1
·
·",
        );
        insta::assert_snapshot!(
            "s7_8_width_60_hides_services_and_shrinks_subject",
            show(&lines)
        );
    }

    #[test]
    fn s7_6_right_aligned_truncation_keeps_the_end() {
        let rows = vec![
            vec![Cell::new("a"), Cell::numeric("123456789012345")],
            vec![Cell::new("b"), Cell::numeric("7")],
        ];
        let columns = vec![
            TableColumn::new("Name").width(4),
            TableColumn::new("Size").width(8),
        ];
        let lines = table_lines(&table(columns, rows), 80);
        insta::assert_snapshot!(show(&lines), @r"
        Name     Size
        ----     ----
        a    ...12345
        b           7
        [EOF]
        ");
    }

    #[test]
    fn s7_6_view_alignment_overrides_hint_and_header_follows() {
        let rows = vec![vec![Cell::new("left"), Cell::new("x")]];
        let columns = vec![
            TableColumn::new("Name").align(Align::Right).width(8),
            TableColumn::new("Value"),
        ];
        let lines = table_lines(&table(columns, rows), 20);
        insta::assert_snapshot!(show(&lines), @r"
            Name Value
            ---- -----
            left x
        [EOF]
        ");
    }

    #[test]
    fn s7_6_hide_table_headers() {
        let mut t = table(["Thumbprint", "Services"].map(TableColumn::new).to_vec(), {
            certificates()
                .into_iter()
                .map(|row| vec![row[0].clone(), row[2].clone()])
                .collect()
        });
        t.options.hide_headers = true;
        let lines = render_table(&t, 80, Framing::WindowsPowerShell);
        insta::assert_snapshot!(show(&lines), @r"
        ·
        257C327A164ED8A6FCDAFCA7789D29B60369DCA7 IMAP, POP
        C0D0B9213B6A5B7DD0F5CF76C2A9F3DE8EBC4FC4 SMTP
        ·
        ·
        [EOF]
        ");
    }

    #[test]
    fn s7_6_auto_size_ignores_fixed_widths() {
        let columns = vec![
            TableColumn::new("Thumbprint").width(10),
            TableColumn::new("Services").width(30),
        ];
        let rows = certificates()
            .into_iter()
            .map(|row| vec![row[0].clone(), row[2].clone()]);
        let mut t = table(columns, rows.collect());
        let fixed = table_lines(&t, 80);
        t.options.auto_size = true;
        let auto = table_lines(&t, 80);
        insta::assert_snapshot!(format!("{}\n{}", show(&fixed), show(&auto)), @r"
        Thumbprint Services
        ---------- --------
        257C327... IMAP, POP
        C0D0B92... SMTP
        [EOF]
        Thumbprint                               Services
        ----------                               --------
        257C327A164ED8A6FCDAFCA7789D29B60369DCA7 IMAP, POP
        C0D0B9213B6A5B7DD0F5CF76C2A9F3DE8EBC4FC4 SMTP
        [EOF]
        ");
    }

    #[test]
    fn s7_6_wrap_puts_long_cells_and_newlines_on_extra_lines() {
        let columns = vec![
            TableColumn::new("Name").width(6),
            TableColumn::new("Notes").width(12),
        ];
        let rows = vec![
            vec![Cell::new("alpha"), Cell::new("one two three four five")],
            vec![Cell::new("b\nsecond"), Cell::new("x")],
        ];
        let mut t = table(columns, rows);
        let clipped = table_lines(&t, 80);
        t.options.wrap = true;
        let wrapped = table_lines(&t, 80);
        insta::assert_snapshot!(format!("{}\n{}", show(&clipped), show(&wrapped)), @r"
        Name   Notes
        ----   -----
        alpha  one two t...
        b      x
        [EOF]
        Name   Notes
        ----   -----
        alpha  one two
               three four
               five
        b      x
        second
        [EOF]
        ");
    }

    #[test]
    fn s7_6_missing_cells_are_empty_and_last_column_is_not_padded() {
        let columns = ["A", "B", "C"].map(TableColumn::new).to_vec();
        let rows = vec![
            vec![Cell::new("1"), Cell::new("2"), Cell::new("3")],
            vec![Cell::new("4")],
        ];
        let lines = table_lines(&table(columns, rows), 80);
        assert!(lines.iter().all(|line| line.trim_end() == line));
        insta::assert_snapshot!(show(&lines), @r"
        A B C
        - - -
        1 2 3
        4
        [EOF]
        ");
    }

    #[test]
    fn s7_6_header_longer_than_column_is_cut_and_dashes_fit() {
        let columns = vec![
            TableColumn::new("PublicKeySize").width(6),
            TableColumn::new("X"),
        ];
        let rows = vec![vec![Cell::numeric("2048"), Cell::new("y")]];
        let lines = table_lines(&table(columns, rows), 80);
        insta::assert_snapshot!(show(&lines), @r"
        ...ize X
        ------ -
          2048 y
        [EOF]
        ");
    }

    #[test]
    fn cmdlets_1_6_exchange_certificate_default_view_geometry() {
        let columns = vec![
            TableColumn::new("Thumbprint").width(41),
            TableColumn::new("Services").width(10),
            TableColumn::new("Subject"),
        ];
        let rows = vec![
            vec![
                Cell::new("8A141F7F2BBA8041973399723BD2598D2ED2D831"),
                Cell::new("IP.WS"),
                Cell::new("CN=EXCH01"),
            ],
            vec![
                Cell::new(TP1),
                Cell::new(".P..."),
                Cell::new("C=us, O=contoso corp, CN=popserver.fourthcoffee.com"),
            ],
        ];
        let lines = render_table(&table(columns, rows), 80, Framing::WindowsPowerShell);
        // Services starts at column 42 and Subject at 53 (0-based); Subject gets the rest
        // (80 − 41 − 10 − 2 = 27 cells) and is cut with `...`.
        assert_eq!(lines[1].find("Services"), Some(42));
        assert_eq!(lines[1].find("Subject"), Some(53));
        insta::assert_snapshot!(
            "cmdlets_1_6_exchange_certificate_default_view",
            show(&lines)
        );
    }

    #[test]
    fn d1_powershell7_table_framing() {
        let columns = vec![TableColumn::new("A")];
        let lines = render_table(
            &table(columns, vec![vec![Cell::new("1")]]),
            80,
            Framing::PowerShell7,
        );
        check(&lines, "·\nA\n-\n1\n·");
    }

    #[test]
    fn s7_3_grouped_table() {
        let columns = ["Name", "MemberType", "Definition"]
            .map(TableColumn::new)
            .to_vec();
        let options = TableOptions {
            auto_size: true,
            ..TableOptions::default()
        };
        let groups = vec![
            TableGroup {
                label: "TypeName".into(),
                value: "ExchangeCertificate".into(),
                rows: vec![
                    vec![
                        "HasPrivateKey".into(),
                        "Property".into(),
                        "bool HasPrivateKey {get;}".into(),
                    ],
                    vec![
                        "Thumbprint".into(),
                        "Property".into(),
                        "string Thumbprint {get;}".into(),
                    ],
                ],
                custom: false,
            },
            TableGroup {
                label: "TypeName".into(),
                value: "Selected.ExchangeCertificate".into(),
                rows: vec![vec![
                    "Services".into(),
                    "NoteProperty".into(),
                    "AllowedServices Services=POP".into(),
                ]],
                custom: false,
            },
        ];
        let lines =
            render_grouped_table(&columns, &groups, options, 80, Framing::WindowsPowerShell);
        insta::assert_snapshot!("s7_3_grouped_table", show(&lines));
    }
}

mod errors {
    use super::*;

    #[test]
    fn s8_5_named_parameter_not_found() {
        let source = format!("Enable-ExchangeCertificate {TP1} -Servics POP");
        let start = source
            .find("-Servics")
            .expect("the source holds the parameter");
        let error = ErrorView {
            prefix: Some("Enable-ExchangeCertificate"),
            message: "A parameter cannot be found that matches parameter name 'Servics'.",
            position: Some(ErrorPosition {
                origin: &Origin::Line,
                source: &source,
                span: start..start + "-Servics".len(),
            }),
            category_info: CategoryInfo {
                category: "InvalidArgument",
                activity: "Enable-ExchangeCertificate",
                reason: "ParameterBindingException",
                ..CategoryInfo::default()
            },
            fqid: "NamedParameterNotFound,Enable-ExchangeCertificate",
        };
        let lines = render_error(&error);
        check(
            &lines,
            "Enable-ExchangeCertificate : A parameter cannot be found that matches parameter name 'Servics'.
At line:1 char:69
+ ... angeCertificate 257C327A164ED8A6FCDAFCA7789D29B60369DCA7 -Servics POP
+                                                              ~~~~~~~~
    + CategoryInfo          : InvalidArgument: (:) [Enable-ExchangeCertificate], ParameterBindingException
    + FullyQualifiedErrorId : NamedParameterNotFound,Enable-ExchangeCertificate
·",
        );
        insta::assert_snapshot!("s8_5_named_parameter_not_found", show(&lines));
    }

    #[test]
    fn s71_command_not_found_with_stray_space() {
        let source = format!("Get- ExchangeCertificate {TP1} | fl *");
        let error = ErrorView {
            prefix: Some("Get-"),
            message: "The term 'Get-' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
            position: Some(ErrorPosition {
                origin: &Origin::Line,
                source: &source,
                span: 0..4,
            }),
            category_info: CategoryInfo {
                category: "ObjectNotFound",
                target_name: "Get-",
                target_type: "String",
                reason: "CommandNotFoundException",
                ..CategoryInfo::default()
            },
            fqid: "CommandNotFoundException",
        };
        let lines = render_error(&error);
        check(
            &lines,
            "Get- : The term 'Get-' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.
At line:1 char:1
+ Get- ExchangeCertificate 257C327A164ED8A6FCDAFCA7789D29B60369DCA7 | f ...
+ ~~~~
    + CategoryInfo          : ObjectNotFound: (Get-:String) [], CommandNotFoundException
    + FullyQualifiedErrorId : CommandNotFoundException
·",
        );
        insta::assert_snapshot!("s71_command_not_found_with_stray_space", show(&lines));
    }

    #[test]
    fn s40_parse_error_invalid_variable_reference_with_drive() {
        let source = "Write-Host \"$tp: enabled\"";
        let errors = [ParseErrorView {
            error_id: "InvalidVariableReferenceWithDrive",
            message: "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
            span: 12..16,
        }];
        let lines = render_parse_errors(&Origin::Line, source, &errors);
        check(
            &lines,
            "At line:1 char:13
+ Write-Host \"$tp: enabled\"
+             ~~~~
Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : InvalidVariableReferenceWithDrive
·",
        );
        insta::assert_snapshot!("s40_parse_error", show(&lines));
    }

    #[test]
    fn s8_3_at_most_ten_parse_errors() {
        let source = "{\n".repeat(12);
        let errors: Vec<ParseErrorView> = (0..12)
            .map(|k| ParseErrorView {
                error_id: if k == 0 {
                    "MissingEndCurlyBrace"
                } else {
                    "Other"
                },
                message: "Missing closing '}' in statement block or type definition.",
                span: 2 * k..2 * k + 1,
            })
            .collect();
        let lines = render_parse_errors(&Origin::Script("./deploy.ps1".into()), &source, &errors);
        assert_eq!(lines.iter().filter(|l| l.starts_with("At ")).count(), 10);
        insta::assert_snapshot!("s8_3_at_most_ten_parse_errors", show(&lines));
    }

    #[test]
    fn s8_3_script_origin_tabs_and_multiline_span() {
        let source = "$a = 1\r\n\tif ($x) {\tthrow \"boom\"\r\n}";
        let start = source.find("throw").expect("the source holds throw");
        let error = ErrorView {
            prefix: None,
            message: "boom",
            position: Some(ErrorPosition {
                origin: &Origin::Script("C:\\scripts\\a.ps1".into()),
                source,
                span: start..source.len(),
            }),
            category_info: CategoryInfo {
                category: "OperationStopped",
                target_name: "boom",
                target_type: "String",
                reason: "RuntimeException",
                ..CategoryInfo::default()
            },
            fqid: "boom",
        };
        insta::assert_snapshot!(show(&render_error(&error)), @r#"
        boom
        At C:\scripts\a.ps1:2 char:12
        +     if ($x) {    throw "boom"
        +                  ~~~~~~~~~~~~
            + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException
            + FullyQualifiedErrorId : boom
        ·
        [EOF]
        "#);
    }

    #[test]
    fn s8_3_long_error_is_cut_with_suffix_dots() {
        let source = format!("Get-Thing {} tail", "x".repeat(90));
        let error = ErrorView {
            prefix: Some("Get-Thing"),
            message: "Cannot convert.\nSecond line.",
            position: Some(ErrorPosition {
                origin: &Origin::Line,
                source: &source,
                span: 10..100,
            }),
            category_info: CategoryInfo {
                category: "InvalidArgument",
                target_name: &"t".repeat(45),
                activity: "Get-Thing",
                reason: "ParameterBindingException",
                ..CategoryInfo::default()
            },
            fqid: "CannotConvertArgument,Get-Thing",
        };
        insta::assert_snapshot!(
            "s8_3_long_error_is_cut_with_suffix_dots",
            show(&render_error(&error))
        );
    }

    #[test]
    fn s8_3_error_without_position() {
        let error = ErrorView {
            prefix: None,
            message: "no position",
            position: None,
            category_info: CategoryInfo::default(),
            fqid: "X",
        };
        insta::assert_snapshot!(show(&render_error(&error)), @r"
        no position
            + CategoryInfo          : : (:) [],
            + FullyQualifiedErrorId : X
        ·
        [EOF]
        ");
    }
}

mod layouts {
    use super::*;

    fn enable_exchange_certificate() -> HelpPage {
        let thumbprint = SyntaxParameter {
            name: "Thumbprint".into(),
            type_name: "String".into(),
            position: Some(0),
            mandatory: true,
            ..SyntaxParameter::default()
        };
        let services = SyntaxParameter {
            name: "Services".into(),
            type_name: "AllowedServices".into(),
            mandatory: true,
            ..SyntaxParameter::default()
        };
        let force = SyntaxParameter {
            name: "Force".into(),
            switch: true,
            ..Default::default()
        };
        let parameters = vec![thumbprint, services, force];
        HelpPage {
            name: "Enable-ExchangeCertificate".into(),
            synopsis: "Assigns services to an installed certificate.".into(),
            syntax: vec![syntax_line("Enable-ExchangeCertificate", &parameters, true)],
            description: "The Enable-ExchangeCertificate cmdlet enables a certificate for \
                          SMTP, POP, IMAP, UM or IIS. Enabling a certificate for a service \
                          replaces the certificate that service used before."
                .into(),
            parameters: parameters
                .into_iter()
                .map(|parameter| HelpParameter {
                    description: format!("The {} of the certificate.", parameter.name),
                    pipeline_input: if parameter.name == "Thumbprint" {
                        "True (ByPropertyName)".into()
                    } else {
                        String::new()
                    },
                    parameter,
                    ..HelpParameter::default()
                })
                .collect(),
            examples: vec![HelpExample {
                script: "Get-ExchangeCertificate -DomainName pop.contoso.com | \
                         Enable-ExchangeCertificate -Services POP,IMAP"
                    .into(),
                summary: "Enable the POP server's certificate for POP3 and IMAP4.".into(),
            }],
        }
    }

    #[test]
    fn s82_get_help_examples() {
        let lines = render_help(&enable_exchange_certificate(), HelpView::Examples, 80);
        insta::assert_snapshot!("s82_get_help_examples", show(&lines));
    }

    #[test]
    fn s7_9_get_help_default_view() {
        let lines = render_help(&enable_exchange_certificate(), HelpView::Default, 80);
        insta::assert_snapshot!("s7_9_get_help_default_view", show(&lines));
    }

    #[test]
    fn s7_9_get_help_full_view() {
        let lines = render_help(&enable_exchange_certificate(), HelpView::Full, 80);
        insta::assert_snapshot!("s7_9_get_help_full_view", show(&lines));
    }

    #[test]
    fn s7_9_help_section_wraps_at_width_minus_four() {
        let lines = help_section("description", "one two three four five six", 20);
        insta::assert_snapshot!(show(&lines), @r"
        DESCRIPTION
            one two three
            four five six
        ·
        [EOF]
        ");
    }

    #[test]
    fn s83_get_command_table() {
        let row = |command_type: &str, name: &str| CommandRow {
            command_type: command_type.into(),
            name: name.into(),
            version: String::new(),
            source: "certsh.Exchange".into(),
        };
        let rows = vec![
            row("Cmdlet", "Remove-ExchangeCertificate"),
            row("Cmdlet", "Enable-ExchangeCertificate"),
            row("Cmdlet", "get-ExchangeCertificate"),
            row("Alias", "fl -> Format-List"),
        ];
        let at_80 = render_command_table(&rows, 80, Framing::WindowsPowerShell);
        let at_120 = render_command_table(&rows, 120, Framing::WindowsPowerShell);
        insta::assert_snapshot!(
            "s83_get_command_table",
            format!("{}\n{}", show(&at_80), show(&at_120))
        );
    }
}

/// Inputs a user can produce (any width, any span, tabs, CR LF, wide characters) never make
/// the renderers panic, and every line they produce is right-trimmed (D2).
mod robustness {
    use super::*;

    fn assert_trimmed(lines: &[String]) {
        for line in lines {
            assert_eq!(line.trim_end(), line, "untrimmed line {line:?}");
        }
    }

    #[test]
    fn d2_lists_and_tables_at_every_width() {
        let entry = ListEntry::new()
            .item(
                "Name",
                "日本語 text\twith tab and a_very_long_word_without_any_break_at_all",
            )
            .item("", "")
            .item("Wide日本", "x\r\ny\rz\n");
        let columns = vec![
            TableColumn::new("A").width(5),
            TableColumn::new("Bee日本"),
            TableColumn::new("C").align(Align::Right),
        ];
        let rows = vec![
            vec![
                Cell::new("日本語日本語"),
                Cell::numeric("12345"),
                Cell::new("multi\nline"),
            ],
            vec![Cell::new("")],
        ];
        for width in 0..=40 {
            assert_trimmed(&render_list(
                std::slice::from_ref(&entry),
                width,
                DEFAULT_FRAMING,
            ));
            for options in [
                TableOptions::default(),
                TableOptions {
                    auto_size: true,
                    hide_headers: true,
                    wrap: true,
                },
                TableOptions {
                    wrap: true,
                    ..TableOptions::default()
                },
            ] {
                let table = Table {
                    columns: columns.clone(),
                    rows: rows.clone(),
                    options,
                };
                let lines = render_table(&table, width, DEFAULT_FRAMING);
                assert_trimmed(&lines);
                if width >= 10 {
                    assert!(lines.iter().all(|l| display_width(l) <= width), "{lines:?}");
                }
                assert!(hidden_column_count(&table, width) <= 3);
            }
        }
    }

    #[test]
    fn s8_3_every_span_of_an_awkward_source() {
        let long = "x".repeat(100);
        let source = format!("a\tb\r\n日本 {long}\tq\r\n\n  \rend  ");
        for start in 0..=source.len() + 2 {
            for end in (start.saturating_sub(3))..=source.len() + 2 {
                let position = ErrorPosition {
                    origin: &Origin::Line,
                    source: &source,
                    span: start..end,
                };
                let lines = position_message(&position);
                assert_eq!(lines.len(), 3);
                assert!(lines[2].starts_with("+ ") && lines[2].ends_with('~'));
                assert!(lines[1].chars().count() <= 2 + 4 + 69 + 4, "{lines:?}");
                assert_trimmed(&lines);
            }
        }
    }

    #[test]
    fn s7_2_scalar_lines_are_trimmed_without_framing() {
        assert_eq!(scalar_lines("True"), vec!["True"]);
        assert_eq!(scalar_lines("a  \r\nb"), vec!["a", "b"]);
    }

    #[test]
    fn s7_6_hidden_column_count_for_the_autosize_warning() {
        let columns = ["Thumbprint", "Subject", "Services"]
            .map(TableColumn::new)
            .to_vec();
        let rows = vec![vec![
            Cell::new(TP1),
            Cell::new("CN=popserver.fourthcoffee.com"),
            Cell::new("POP"),
        ]];
        let table = Table {
            columns,
            rows,
            options: TableOptions::default(),
        };
        assert_eq!(hidden_column_count(&table, 60), 1);
        assert_eq!(hidden_column_count(&table, 80), 0);
    }
}

/// Out-Default continues one table over several statements (§7.2): the first block's
/// resolved columns give later blocks the same geometry.
mod continuation {
    use super::*;

    #[test]
    fn s7_2_resolved_columns_keep_the_geometry_of_the_first_block() {
        let columns = vec![
            TableColumn::new("Thumbprint").width(41),
            TableColumn::new("Services").width(10),
            TableColumn::new("Subject"),
        ];
        let first = Table {
            columns,
            rows: vec![vec![Cell::new(TP1), Cell::new(".P..."), Cell::new("CN=a")]],
            options: TableOptions::default(),
        };
        let resolved = resolve_columns(&first, 80);
        let widths: Vec<Option<usize>> = resolved.iter().map(|c| c.width).collect();
        assert_eq!(widths, [Some(41), Some(10), Some(27)]);
        let later = Table {
            columns: resolved,
            rows: vec![vec![
                Cell::new(TP2),
                Cell::new("....S"),
                Cell::new("C=us, O=contoso corp, CN=popserver.fourthcoffee.com"),
            ]],
            options: TableOptions {
                hide_headers: true,
                ..TableOptions::default()
            },
        };
        let mut lines = table_lines(&first, 80);
        lines.extend(table_lines(&later, 80));
        insta::assert_snapshot!(show(&lines), @r"
        Thumbprint                                Services   Subject
        ----------                                --------   -------
        257C327A164ED8A6FCDAFCA7789D29B60369DCA7  .P...      CN=a
        C0D0B9213B6A5B7DD0F5CF76C2A9F3DE8EBC4FC4  ....S      C=us, O=contoso corp, CN...
        [EOF]
        ");
    }

    #[test]
    fn s7_6_hidden_columns_stay_hidden() {
        let columns = ["Thumbprint", "Subject", "Services"]
            .map(TableColumn::new)
            .to_vec();
        let first = Table {
            columns,
            rows: vec![vec![
                Cell::new(TP1),
                Cell::new("CN=popserver.fourthcoffee.com"),
                Cell::new("POP"),
            ]],
            options: TableOptions::default(),
        };
        let resolved = resolve_columns(&first, 60);
        assert_eq!(resolved[2].width, Some(0));
        let later = Table {
            columns: resolved,
            rows: vec![vec![Cell::new(TP2), Cell::new("CN=x"), Cell::new("SMTP")]],
            options: TableOptions {
                hide_headers: true,
                ..TableOptions::default()
            },
        };
        assert_eq!(table_lines(&later, 60), [format!("{TP2} CN=x")]);
    }

    #[test]
    fn d1_framing_counts_are_public() {
        assert_eq!(DEFAULT_FRAMING.table_trailing(), 2);
        assert_eq!(Framing::PowerShell7.list_leading(), 1);
    }
}
