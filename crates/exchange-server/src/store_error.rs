//! The store's failures as seen by the operations.

/// The certificate store failed (database error, corrupt row). The operation changed nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the certificate store failed: {reason}")]
pub struct StoreFailure {
    /// The store's message.
    pub reason: String,
}
