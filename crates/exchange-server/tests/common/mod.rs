//! Shared fixtures.

use cert_testkit::{FixedKeys, SeededRandom, fixed_now};
use exchange_server::{
    Generators, NewCertificateError, NewCertificateOptions, NewCertificateOutcome, ServerState,
    SetupOptions, new_certificate, setup_server,
};

/// Keys and serials for one test.
pub(crate) struct Sources {
    /// Fixed keys in order.
    pub(crate) keys: FixedKeys,
    /// Seeded serials.
    pub(crate) random: SeededRandom,
}

impl Sources {
    /// Fresh sources.
    pub(crate) fn new() -> Sources {
        Sources {
            keys: FixedKeys::new(),
            random: SeededRandom::new(7),
        }
    }

    /// Both as generators.
    pub(crate) fn generators(&mut self) -> Generators<'_> {
        Generators {
            keys: &mut self.keys,
            random: &mut self.random,
        }
    }
}

/// A freshly set-up server `EXCH01.contoso.com` with the default roles and no roots.
pub(crate) fn server(sources: &mut Sources) -> ServerState {
    setup_server(
        &SetupOptions::new("EXCH01.contoso.com"),
        Vec::new(),
        &mut sources.generators(),
        fixed_now(),
    )
    .expect("setup with fixed keys succeeds")
}

/// New-ExchangeCertificate with the given options, answering the SMTP question with `answer`
/// and writing request files to disk.
pub(crate) fn new_cert(
    state: &mut ServerState,
    sources: &mut Sources,
    options: &NewCertificateOptions,
    answer: bool,
) -> Result<NewCertificateOutcome, NewCertificateError> {
    new_certificate(
        state,
        options,
        &mut sources.generators(),
        fixed_now(),
        &mut |_| Some(answer),
        &mut |path, bytes, overwrite| {
            if path.exists() && !overwrite {
                return Err("the file exists".to_owned());
            }
            std::fs::write(path, bytes).map_err(|error| error.to_string())
        },
    )
}
