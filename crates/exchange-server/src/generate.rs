//! Making the certificate or request New-ExchangeCertificate asks for, from resolved names
//! (spec §3.1 "Self-signed creation", "Request creation").

use cert_generation::{
    CertificateParams, KeyGenerator, PrivateKey, RandomSource, RequestParams, request, self_signed,
};
use cert_model::Certificate;
use time::OffsetDateTime;

use crate::error::NewCertificateError;
use crate::names::{ResolvedNames, subject_for_generation};

/// Keys and randomness for new certificates: the system sources in the product, fixed keys and
/// a seeded source in tests (design.md §3, style.md §3 "keys behind a trait").
pub struct Generators<'a> {
    /// Where key pairs come from.
    pub keys: &'a mut dyn KeyGenerator,
    /// Where serial numbers come from.
    pub random: &'a mut dyn RandomSource,
}

impl std::fmt::Debug for Generators<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Generators").finish_non_exhaustive()
    }
}

/// A new self-signed certificate and its key.
#[derive(Debug)]
pub(crate) struct NewSelfSigned {
    pub(crate) certificate: Certificate,
    pub(crate) key: PrivateKey,
}

/// A new request: the PKCS #10 DER, the placeholder certificate that represents it in the
/// request store (spec §1.2: a pending request is emitted as a certificate object), and the key.
#[derive(Debug)]
pub(crate) struct NewRequest {
    pub(crate) request_der: Vec<u8>,
    pub(crate) placeholder: Certificate,
    pub(crate) key: PrivateKey,
}

fn generation_error(error: impl std::fmt::Display) -> NewCertificateError {
    NewCertificateError::Generation {
        reason: error.to_string(),
    }
}

/// Self-signed: issuer = subject (B-05, B-12), valid `now` .. now + 1 year (B-03).
pub(crate) fn make_self_signed(
    names: &ResolvedNames,
    generators: &mut Generators<'_>,
    now: OffsetDateTime,
) -> Result<NewSelfSigned, NewCertificateError> {
    let subject = subject_for_generation(&names.subject)?;
    let key = generators
        .keys
        .generate_rsa(names.key_size)
        .map_err(generation_error)?;
    let params = CertificateParams::server(subject, names.domains.clone(), now);
    let der = self_signed(&params, &key, generators.random).map_err(generation_error)?;
    let certificate = Certificate::from_der(&der).map_err(generation_error)?;
    Ok(NewSelfSigned { certificate, key })
}

/// A PKCS #10 request for the resolved names, plus its placeholder certificate signed with the
/// same key.
pub(crate) fn make_request(
    names: &ResolvedNames,
    generators: &mut Generators<'_>,
    now: OffsetDateTime,
) -> Result<NewRequest, NewCertificateError> {
    let subject = subject_for_generation(&names.subject)?;
    let key = generators
        .keys
        .generate_rsa(names.key_size)
        .map_err(generation_error)?;
    let params = RequestParams {
        subject: subject.clone(),
        domains: names.domains.clone(),
    };
    let request_der = request(&params, &key)
        .map_err(generation_error)?
        .der()
        .to_vec();
    let placeholder_params = CertificateParams::server(subject, names.domains.clone(), now);
    let der =
        self_signed(&placeholder_params, &key, generators.random).map_err(generation_error)?;
    let placeholder = Certificate::from_der(&der).map_err(generation_error)?;
    Ok(NewRequest {
        request_der,
        placeholder,
        key,
    })
}

/// A key generator that hands out one prepared key (of its size) and nothing else: lets an
/// operation generate its key before taking the store's write lock.
pub(crate) struct PreparedKey(pub(crate) Option<PrivateKey>);

impl KeyGenerator for PreparedKey {
    fn generate_rsa(
        &mut self,
        size: cert_generation::KeySize,
    ) -> Result<PrivateKey, cert_generation::GenerateKeyError> {
        match self.0.take() {
            Some(key) if key.bits() == size.bits() => Ok(key),
            _ => Err(cert_generation::GenerateKeyError::Exhausted { bits: size.bits() }),
        }
    }
}

/// A random source that replays prepared bytes from the start on every use of a fresh copy, so
/// that a certificate made twice from a [`PreparedKey`] is the same certificate.
#[derive(Clone)]
pub(crate) struct PreparedRandom {
    bytes: Vec<u8>,
    position: usize,
}

impl PreparedRandom {
    /// `length` bytes drawn from `random` now.
    pub(crate) fn draw(
        random: &mut dyn RandomSource,
        length: usize,
    ) -> Result<PreparedRandom, cert_generation::FillRandomError> {
        let mut bytes = vec![0u8; length];
        random.fill(&mut bytes)?;
        Ok(PreparedRandom { bytes, position: 0 })
    }
}

impl RandomSource for PreparedRandom {
    fn fill(&mut self, buffer: &mut [u8]) -> Result<(), cert_generation::FillRandomError> {
        let end = self.position + buffer.len();
        let source = self
            .bytes
            .get(self.position..end)
            .ok_or(cert_generation::FillRandomError)?;
        buffer.copy_from_slice(source);
        self.position = end;
        Ok(())
    }
}
