//! Chain building and validation: Status and RootCAType of a certificate at a given instant.
