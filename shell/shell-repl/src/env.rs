//! The process environment: data directory, store path, server FQDN and the clock.
//! This module is the only place in certsh that reads the system clock.

use std::path::PathBuf;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Why the environment could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadEnvironmentError {
    /// `CERTSH_NOW` is not an RFC 3339 instant.
    #[error("CERTSH_NOW is not an RFC 3339 instant: '{0}'")]
    BadNow(String),
    /// Neither `XDG_DATA_HOME` nor `HOME` is set.
    #[error("cannot find a data directory: set XDG_DATA_HOME or HOME, or pass -Store")]
    NoDataDir,
}

/// A lookup of environment variables (the real environment, or a map in tests).
pub trait EnvSource {
    /// The value of a variable, if set and not empty.
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment.
pub struct ProcessEnv;

impl EnvSource for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl<const N: usize> EnvSource for [(&str, &str); N] {
    fn var(&self, name: &str) -> Option<String> {
        self.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

/// `$XDG_DATA_HOME/certsh`, else `~/.local/share/certsh`.
pub fn data_dir(env: &dyn EnvSource) -> Result<PathBuf, ReadEnvironmentError> {
    if let Some(xdg) = env.var("XDG_DATA_HOME") {
        return Ok(PathBuf::from(xdg).join("certsh"));
    }
    match env.var("HOME") {
        Some(home) => Ok(PathBuf::from(home).join(".local/share/certsh")),
        None => Err(ReadEnvironmentError::NoDataDir),
    }
}

/// The store file: `-Store`, else `CERTSH_STORE`, else `<data dir>/store.db`.
pub fn store_path(
    flag: Option<PathBuf>,
    env: &dyn EnvSource,
) -> Result<PathBuf, ReadEnvironmentError> {
    if let Some(path) = flag {
        return Ok(path);
    }
    if let Some(path) = env.var("CERTSH_STORE") {
        return Ok(PathBuf::from(path));
    }
    Ok(data_dir(env)?.join("store.db"))
}

/// The REPL history file: `<data dir>/history`.
pub fn history_path(env: &dyn EnvSource) -> Result<PathBuf, ReadEnvironmentError> {
    Ok(data_dir(env)?.join("history"))
}

/// `CERTSH_NOW` parsed as RFC 3339, `None` when unset.
pub fn fixed_now(env: &dyn EnvSource) -> Result<Option<OffsetDateTime>, ReadEnvironmentError> {
    match env.var("CERTSH_NOW") {
        None => Ok(None),
        Some(text) => OffsetDateTime::parse(text.trim(), &Rfc3339)
            .map(Some)
            .map_err(|_| ReadEnvironmentError::BadNow(text)),
    }
}

/// "Now" for the whole process: `CERTSH_NOW`, else the system clock.
pub fn now(env: &dyn EnvSource) -> Result<OffsetDateTime, ReadEnvironmentError> {
    match fixed_now(env)? {
        Some(now) => Ok(now),
        None => Ok(system_clock()),
    }
}

/// Reads the system clock. The binary is the only place allowed to do so (ARCHITECTURE.md,
/// "Time and determinism"); everything below receives `now` as a parameter.
#[allow(clippy::disallowed_methods)]
fn system_clock() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// The FQDN for a new store's local server: `CERTSH_SERVER`, else this machine's host name
/// (from `/proc/sys/kernel/hostname` or `/etc/hostname`) with its domain when known.
pub fn server_fqdn(env: &dyn EnvSource) -> String {
    if let Some(fqdn) = env.var("CERTSH_SERVER") {
        return fqdn;
    }
    let read = |path: &str| {
        std::fs::read_to_string(path)
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let host = read("/proc/sys/kernel/hostname")
        .or_else(|| read("/etc/hostname"))
        .or_else(|| env.var("HOSTNAME"))
        .unwrap_or_else(|| "localhost".to_string());
    if host.contains('.') {
        return host;
    }
    match read("/proc/sys/kernel/domainname").filter(|d| d != "(none)") {
        Some(domain) => format!("{host}.{domain}"),
        None => host,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn design_2_store_path_precedence() {
        let env = [("CERTSH_STORE", "/e/s.db"), ("HOME", "/home/u")];
        assert_eq!(
            store_path(Some("/f.db".into()), &env).unwrap(),
            PathBuf::from("/f.db")
        );
        assert_eq!(store_path(None, &env).unwrap(), PathBuf::from("/e/s.db"));
        let env = [("HOME", "/home/u")];
        assert_eq!(
            store_path(None, &env).unwrap(),
            PathBuf::from("/home/u/.local/share/certsh/store.db")
        );
        let env = [("XDG_DATA_HOME", "/x"), ("HOME", "/home/u")];
        assert_eq!(
            history_path(&env).unwrap(),
            PathBuf::from("/x/certsh/history")
        );
        let env: [(&str, &str); 0] = [];
        assert_eq!(store_path(None, &env), Err(ReadEnvironmentError::NoDataDir));
    }

    #[test]
    fn design_2_certsh_now_is_rfc3339() {
        let env = [("CERTSH_NOW", "2008-08-01T12:00:00Z")];
        assert_eq!(
            now(&env).unwrap(),
            time::macros::datetime!(2008-08-01 12:00:00 UTC)
        );
        let env = [("CERTSH_NOW", "yesterday")];
        assert_eq!(
            now(&env),
            Err(ReadEnvironmentError::BadNow("yesterday".into()))
        );
    }

    #[test]
    fn design_2_certsh_server_wins() {
        let env = [("CERTSH_SERVER", "ex1.contoso.com")];
        assert_eq!(server_fqdn(&env), "ex1.contoso.com");
    }
}
