//! The store's error type.

/// A store operation failed. Inside [`crate::Store::transaction`] any error rolls the whole
/// transaction back, so a failed operation changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The database file or its directory could not be created or opened.
    #[error("cannot open the store at '{path}': {reason}")]
    Open {
        /// The database path.
        path: String,
        /// What went wrong.
        reason: String,
    },
    /// Another process held the database longer than the busy timeout.
    #[error("the store is busy: another certsh process is using it")]
    Busy,
    /// The file was written by a newer certsh.
    #[error("the store has schema version {found}, newer than the {supported} this certsh knows")]
    NewerSchema {
        /// `user_version` in the file.
        found: u32,
        /// The newest version this build migrates to.
        supported: u32,
    },
    /// A row with the same key exists.
    #[error("{what} already exists in the store")]
    AlreadyExists {
        /// What was being inserted (`personal certificate 8A14…`).
        what: String,
    },
    /// A stored value could not be decoded.
    #[error("the store holds an unreadable {what}: {reason}")]
    Corrupt {
        /// The column or row kind.
        what: &'static str,
        /// What was wrong.
        reason: String,
    },
    /// Any other database failure.
    #[error("the store failed while {operation}: {reason}")]
    Database {
        /// What the store was doing.
        operation: &'static str,
        /// SQLite's message.
        reason: String,
    },
}

/// Maps a rusqlite error, keeping rusqlite's types out of the public API.
pub(crate) fn database(operation: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |error| {
        if let rusqlite::Error::SqliteFailure(code, _) = &error
            && matches!(
                code.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            )
        {
            return StoreError::Busy;
        }
        StoreError::Database {
            operation,
            reason: error.to_string(),
        }
    }
}

/// Maps an insert's error: a uniqueness violation becomes [`StoreError::AlreadyExists`].
pub(crate) fn inserting(what: impl Fn() -> String) -> impl Fn(rusqlite::Error) -> StoreError {
    move |error| {
        if let rusqlite::Error::SqliteFailure(code, _) = &error
            && code.code == rusqlite::ErrorCode::ConstraintViolation
        {
            return StoreError::AlreadyExists { what: what() };
        }
        database("inserting a row")(error)
    }
}
