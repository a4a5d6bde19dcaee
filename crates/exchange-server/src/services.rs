//! How the `Services` property is derived from server state (spec §1.7).

use cert_model::{Services, Thumbprint};

use crate::roles::ServerRole;

/// The server state `Services` is derived from (spec §1.7 table).
#[derive(Debug, Clone, Copy)]
pub struct ServiceState<'a> {
    /// Installed roles.
    pub roles: &'a [ServerRole],
    /// POP3 `X509CertificateName`.
    pub pop_certificate_name: Option<&'a str>,
    /// IMAP4 `X509CertificateName`.
    pub imap_certificate_name: Option<&'a str>,
    /// The certificate bound to the default web site.
    pub iis_thumbprint: Option<Thumbprint>,
    /// The UM certificate.
    pub um_thumbprint: Option<Thumbprint>,
}

/// The certificate facts the derivation needs.
#[derive(Debug, Clone, Copy)]
pub struct ServiceFacts<'a> {
    /// The certificate.
    pub thumbprint: Thumbprint,
    /// Its CertificateDomains.
    pub domains: &'a [String],
    /// Whether its key grants NETWORK SERVICE read access.
    pub network_service_access: bool,
    /// The services recorded by Enable-ExchangeCertificate.
    pub recorded: Services,
}

/// The `Services` a certificate shows: the recorded set plus the flags derived from side-effect
/// state (spec §1.7 recommendation: "OR in the derived flags"):
///
/// - SMTP when the server has the Hub or Edge role and the key grants NETWORK SERVICE read;
/// - POP / IMAP when a CertificateDomains entry equals (case-insensitively, no wildcard
///   matching) the POP3 / IMAP4 `X509CertificateName`;
/// - IIS when the certificate is bound to the default web site;
/// - UM when it is the UM certificate.
pub fn derive_services(facts: &ServiceFacts<'_>, state: &ServiceState<'_>) -> Services {
    let mut services = facts.recorded;
    let transport = state.roles.contains(&ServerRole::HubTransport)
        || state.roles.contains(&ServerRole::EdgeTransport);
    if transport && facts.network_service_access {
        services |= Services::SMTP;
    }
    let names_match = |name: Option<&str>| {
        name.is_some_and(|name| {
            !name.is_empty()
                && facts
                    .domains
                    .iter()
                    .any(|domain| domain.eq_ignore_ascii_case(name))
        })
    };
    if names_match(state.pop_certificate_name) {
        services |= Services::POP;
    }
    if names_match(state.imap_certificate_name) {
        services |= Services::IMAP;
    }
    if state.iis_thumbprint == Some(facts.thumbprint) {
        services |= Services::IIS;
    }
    if state.um_thumbprint == Some(facts.thumbprint) {
        services |= Services::UM;
    }
    services
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLES: [ServerRole; 2] = [ServerRole::HubTransport, ServerRole::ClientAccess];

    fn thumbprint(byte: u8) -> Thumbprint {
        Thumbprint::from_bytes([byte; 20])
    }

    #[test]
    fn s1_7_services_are_derived_from_side_effect_state() {
        let domains = vec!["EXCH01".to_owned(), "EXCH01.contoso.com".to_owned()];
        let facts = ServiceFacts {
            thumbprint: thumbprint(1),
            domains: &domains,
            network_service_access: true,
            recorded: Services::NONE,
        };
        let state = ServiceState {
            roles: &ROLES,
            pop_certificate_name: Some("exch01.CONTOSO.com"),
            imap_certificate_name: Some("mail.contoso.com"),
            iis_thumbprint: Some(thumbprint(1)),
            um_thumbprint: Some(thumbprint(2)),
        };
        assert_eq!(derive_services(&facts, &state).to_column_form(), ".P.WS");
    }

    #[test]
    fn s1_7_smtp_needs_a_transport_role() {
        let facts = ServiceFacts {
            thumbprint: thumbprint(1),
            domains: &[],
            network_service_access: true,
            recorded: Services::NONE,
        };
        let state = ServiceState {
            roles: &[ServerRole::ClientAccess],
            pop_certificate_name: None,
            imap_certificate_name: None,
            iis_thumbprint: None,
            um_thumbprint: None,
        };
        assert_eq!(derive_services(&facts, &state), Services::NONE);
    }

    #[test]
    fn b35_recorded_services_always_show() {
        let facts = ServiceFacts {
            thumbprint: thumbprint(1),
            domains: &[],
            network_service_access: false,
            recorded: Services::UM | Services::IMAP,
        };
        let state = ServiceState {
            roles: &ROLES,
            pop_certificate_name: None,
            imap_certificate_name: None,
            iis_thumbprint: None,
            um_thumbprint: None,
        };
        assert_eq!(
            derive_services(&facts, &state),
            Services::UM | Services::IMAP
        );
    }

    #[test]
    fn b88_pop_name_does_not_match_wildcards_in_derivation() {
        let domains = vec!["*.contoso.com".to_owned()];
        let facts = ServiceFacts {
            thumbprint: thumbprint(1),
            domains: &domains,
            network_service_access: false,
            recorded: Services::NONE,
        };
        let state = ServiceState {
            roles: &ROLES,
            pop_certificate_name: Some("mail.contoso.com"),
            imap_certificate_name: None,
            iis_thumbprint: None,
            um_thumbprint: None,
        };
        assert_eq!(derive_services(&facts, &state), Services::NONE);
    }
}
