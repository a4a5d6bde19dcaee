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
