//! The Exchange server: configuration and the rules of New/Get/Import/Enable/Export/Remove-ExchangeCertificate.
