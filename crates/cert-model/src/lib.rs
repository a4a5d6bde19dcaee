//! Certificate facts: an owned model of an X.509 certificate parsed from PEM, DER or Base64, distinguished names, thumbprints, and the Services, Status and RootCAType vocabulary.
