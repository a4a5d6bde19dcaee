//! Out-Default, Format-List and Format-Table (spec §7).

use super::run;

#[test]
fn s7_2_scalars_print_as_lines() {
    insta::assert_snapshot!(run("'a'; 1; $true; $null"));
}

#[test]
fn s7_2_few_properties_make_a_table() {
    insta::assert_snapshot!(run(
        "[pscustomobject]@{Thumbprint='257C327A164ED8A6FCDAFCA7789D29B60369DCA7'; Services='IMAP, POP'; HasPrivateKey=$true}, [pscustomobject]@{Thumbprint='C0D0B9213B6A5B7DD0F5CF76C2A9F3DE8EBC4FC4'; Services='SMTP'; HasPrivateKey=$false}"
    ));
}

#[test]
fn s7_2_five_properties_make_a_list() {
    insta::assert_snapshot!(run("[pscustomobject]@{A=1; B=2; C=3; D=4; E=5}"));
}

#[test]
fn s7_8_measure_object_list() {
    insta::assert_snapshot!(run("1, 2 | Measure-Object"));
}

#[test]
fn s7_2_later_statements_continue_the_table_without_header() {
    insta::assert_snapshot!(run(
        "[pscustomobject]@{Name='a'; Size=1}; 'between'; [pscustomobject]@{Name='bb'; Size=22}"
    ));
}

#[test]
fn s7_2_registered_view_renders_other_objects_out_of_band() {
    insta::assert_snapshot!(run(
        "Get-Command Out-Null; [pscustomobject]@{Name='x'; Size=1}; Get-Command Out-String"
    ));
}

#[test]
fn s7_2_generated_view_applies_to_every_object() {
    insta::assert_snapshot!(run(
        "[pscustomobject]@{A=1; B=2}, [pscustomobject]@{B=3; C=4}"
    ));
}

#[test]
fn s7_4_enumeration_limit_and_hashtable_entries() {
    insta::assert_snapshot!(run(
        "[pscustomobject]@{List=1..6; Empty=@()} | fl; @{one=1; two=2}"
    ));
}

#[test]
fn s7_5_list_wraps_long_values() {
    insta::assert_snapshot!(run("[pscustomobject]@{Text=('word ' * 30).Trim()} | fl"));
}

#[test]
fn s6_2_out_string_is_one_string_with_framing() {
    insta::assert_snapshot!(run(
        "$s = [pscustomobject]@{Name='pop'} | Out-String; $s.Length; $s"
    ));
}
