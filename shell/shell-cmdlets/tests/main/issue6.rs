//! Focused tests of the fixes the issue 6 script corpus (`tests/scripts/`) exposed, one per
//! construct, named after the corpus script that found it.

use super::run;

#[test]
fn i6_13_sort_object_hashtable_descending_key() {
    let out = run("'b', 'c', 'a' | Sort-Object @{Expression={ $_ }; Descending=$true}");
    assert_eq!(out, "c\nb\na\n[EOF]\n");
}

#[test]
fn i6_13_sort_object_hashtable_ascending_key_per_property() {
    let script = "@{a=1; b='x'}, @{a=2; b='y'}, @{a=1; b='z'} | \
        Sort-Object @{e={$_.a}; Descending=$true}, @{e={$_.b}; Ascending=$true} | % { $_.b }";
    assert_eq!(run(script), "y\nx\nz\n[EOF]\n");
}

#[test]
fn i6_13_sort_object_hashtable_ascending_false_overrides_switch() {
    let out = run("1, 3, 2 | Sort-Object @{e={ $_ }; Ascending=$false}");
    assert_eq!(out, "3\n2\n1\n[EOF]\n");
}

#[test]
fn i6_02_convertto_html_renders_dates_in_en_us() {
    let out = run(
        "[pscustomobject]@{ When = [datetime]'2009-08-07 10:04:02' } | ConvertTo-Html -Fragment",
    );
    assert!(
        out.contains("<tr><td>8/7/2009 10:04:02 AM</td></tr>"),
        "{out}"
    );
}

#[test]
fn i6_01_convertto_csv_renders_dates_in_en_us() {
    let out = run(
        "[pscustomobject]@{ When = [datetime]'2009-08-07 14:04:02'; N = 2 } | ConvertTo-Csv -NoTypeInformation",
    );
    assert_eq!(
        out,
        "\"When\",\"N\"\n\"8/7/2009 2:04:02 PM\",\"2\"\n[EOF]\n"
    );
}

#[test]
fn i6_37_measure_object_lines_words_characters() {
    let out = run(
        "('one two', '', 'three  four five' | Measure-Object -Line -Word -Character) | \
        ForEach-Object { \"$($_.Lines) $($_.Words) $($_.Characters)\" }",
    );
    assert_eq!(out, "2 5 23\n[EOF]\n");
}

#[test]
fn i6_37_measure_object_ignore_white_space_and_unrequested_counts() {
    let out = run(
        "$m = 'a b', \"c`nd\" | Measure-Object -Character -IgnoreWhiteSpace; \
        \"$($m.Characters) $($null -eq $m.Lines)\"",
    );
    assert_eq!(out, "4 True\n[EOF]\n");
}

#[test]
fn i6_37_measure_object_text_with_property_is_refused() {
    let out = run("'a' | Measure-Object Length -Line");
    assert!(
        out.contains("The parameter 'Property' is not supported"),
        "{out}"
    );
}

#[test]
fn i6_49_write_host_takes_pipeline_input() {
    let out =
        run("'Subject: {0}' -f 'CN=EXCH01' | Write-Host -ForegroundColor Green; 1, 2 | Write-Host");
    assert_eq!(out, "Subject: CN=EXCH01\n1\n2\n[EOF]\n");
}
