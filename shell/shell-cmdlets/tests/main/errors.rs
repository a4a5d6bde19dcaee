//! Error records the built-in cmdlets write, rendered in the 5.1 NormalView layout (§8.3).

use super::run;

#[track_caller]
fn check(name: &str, script: &str) {
    insta::assert_snapshot!(name, format!("{script}\n---\n{}", run(script)));
}

#[test]
fn s6_2_expand_property_missing() {
    check(
        "expand_property_missing",
        "[pscustomobject]@{A=1} | Select-Object -ExpandProperty B",
    );
}

#[test]
fn s6_2_measure_sum_of_text() {
    check("measure_sum_of_text", "'a', 'b' | Measure-Object -Sum");
}

#[test]
fn s6_2_declared_only_parameter() {
    check("declared_only_parameter", "1 | Format-Table -GroupBy x");
}

#[test]
fn s6_2_out_file_no_clobber() {
    // A fixed path keeps the underline in the snapshot the same on every machine.
    let path = "/tmp/certsh-out-file-no-clobber.txt";
    let _ = std::fs::write(path, "x");
    check(
        "out_file_no_clobber",
        &format!("1 | Out-File {path} -NoClobber"),
    );
    let _ = std::fs::remove_file(path);
}

#[test]
fn new_object_unknown_type() {
    check("new_object_unknown_type", "New-Object System.Net.WebClient");
}

#[test]
fn get_help_unknown_command() {
    check("get_help_unknown", "Get-Help Get-Nothing");
}

#[test]
fn add_pssnapin_unknown() {
    check(
        "add_pssnapin_unknown",
        "Add-PSSnapin Microsoft.SharePoint.PowerShell; 'next'",
    );
}

#[test]
fn convertto_securestring_needs_force() {
    check(
        "securestring_needs_force",
        "ConvertTo-SecureString 'pw' -AsPlainText",
    );
}

#[test]
fn get_content_missing_file() {
    check(
        "get_content_missing",
        "Get-Content /nonexistent/certsh/file.txt",
    );
}
