//! File-system paths as scripts write them. PowerShell on Unix takes `\` as a directory
//! separator too (so `.\report.csv` is `./report.csv`), and `~` as the home directory; the
//! cmdlets that open files resolve their path arguments here.

use std::path::PathBuf;

/// The path a script's path argument names: `\` read as `/`, a leading `~` as `$HOME`.
pub fn file_path(text: &str) -> PathBuf {
    let text = text.replace('\\', "/");
    if (text == "~" || text.starts_with("~/"))
        && let Some(home) = std::env::var_os("HOME")
    {
        let mut path = PathBuf::from(home);
        if let Some(rest) = text.strip_prefix("~/") {
            path.push(rest);
        }
        return path;
    }
    PathBuf::from(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backslashes_separate_directories() {
        assert_eq!(file_path(".\\report.csv"), PathBuf::from("./report.csv"));
        assert_eq!(
            file_path("reports\\2008\\a.csv"),
            PathBuf::from("reports/2008/a.csv")
        );
        assert_eq!(file_path("/tmp/a b.txt"), PathBuf::from("/tmp/a b.txt"));
    }

    #[test]
    fn tilde_is_home() {
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(file_path("~"), PathBuf::from(&home));
            assert_eq!(file_path("~\\x.txt"), PathBuf::from(home).join("x.txt"));
        }
        assert_eq!(file_path("a~b"), PathBuf::from("a~b"));
    }
}
