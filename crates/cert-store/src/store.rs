//! Opening the database file, migrating it, and running transactions. All disk I/O of the
//! crate is here (style.md §2).

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{StoreError, database};
use crate::schema::{MIGRATIONS, SCHEMA_VERSION};
use crate::tables::Transaction;

/// How long a writer waits for another process's transaction before giving up
/// ([`StoreError::Busy`]).
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The certsh database: one SQLite file (design.md §3).
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens the store at `path`, creating it (mode 0600, and its directory) when missing,
    /// in WAL mode with [`DEFAULT_BUSY_TIMEOUT`], migrated to [`SCHEMA_VERSION`].
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let dir = tempfile::tempdir()?;
    /// let mut store = cert_store::Store::open(&dir.path().join("store.db"))?;
    /// store.transaction(|tx| tx.set_setting("greeting", "hello"))?;
    /// let value = store.transaction(|tx| tx.setting("greeting"))?;
    /// assert_eq!(value.as_deref(), Some("hello"));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`StoreError::Open`] when the file cannot be created or opened,
    /// [`StoreError::NewerSchema`] for a file from a newer certsh, [`StoreError::Busy`] when
    /// another process holds it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_error = |reason: String| StoreError::Open {
            path: path.display().to_string(),
            reason,
        };
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(|error| open_error(error.to_string()))?;
        }
        create_private_file(path).map_err(|error| open_error(error.to_string()))?;
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|error| open_error(error.to_string()))?;
        connection
            .busy_timeout(DEFAULT_BUSY_TIMEOUT)
            .map_err(database("setting the busy timeout"))?;
        // WAL lets readers work while another shell writes (design.md §3).
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(database("switching to WAL"))?;
        let mut store = Store {
            connection,
            path: Some(path.to_path_buf()),
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// A private in-memory store, migrated like a file (for tests and dry runs).
    ///
    /// # Errors
    /// [`StoreError::Database`] if SQLite cannot create it.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let connection = Connection::open_in_memory().map_err(database("opening in memory"))?;
        let mut store = Store {
            connection,
            path: None,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// The database file, `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Changes how long a writer waits for another process.
    ///
    /// # Errors
    /// [`StoreError::Database`] if SQLite refuses.
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StoreError> {
        self.connection
            .busy_timeout(timeout)
            .map_err(database("setting the busy timeout"))
    }

    /// The schema version of the open file (`PRAGMA user_version`).
    ///
    /// # Errors
    /// [`StoreError::Database`] if it cannot be read.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        read_user_version(&self.connection)
    }

    /// Runs `operation` in one write transaction: committed when it returns `Ok`, rolled back
    /// when it returns `Err` (or panics), so a failed cmdlet changes nothing (design.md §3).
    ///
    /// The transaction starts `IMMEDIATE`, taking the write lock up front, so two shells never
    /// deadlock upgrading read locks; a second shell waits up to the busy timeout.
    ///
    /// # Errors
    /// Whatever `operation` returns, or [`StoreError`] (converted into `E`) when the
    /// transaction cannot begin or commit.
    pub fn transaction<T, E>(
        &mut self,
        operation: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let inner = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(database("beginning a transaction"))?;
        let transaction = Transaction::new(inner);
        let value = operation(&transaction)?;
        transaction.commit()?;
        Ok(value)
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        self.connection
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(database("enabling foreign keys"))
    }

    /// Applies every migration above the file's `user_version`, each in its own transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let found = read_user_version(&self.connection)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let version = index + 1;
            let transaction = self
                .connection
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(database("beginning a migration"))?;
            // Another process may have migrated while we waited for the lock.
            if read_user_version(&transaction)? as usize >= version {
                continue;
            }
            transaction
                .execute_batch(sql)
                .map_err(database("migrating the schema"))?;
            transaction
                .pragma_update(None, "user_version", version)
                .map_err(database("recording the schema version"))?;
            transaction
                .commit()
                .map_err(database("committing a migration"))?;
        }
        Ok(())
    }
}

fn read_user_version(connection: &Connection) -> Result<u32, StoreError> {
    connection
        .pragma_query_value(None, "user_version", |row| row.get::<_, u32>(0))
        .map_err(database("reading the schema version"))
}

/// Creates `path` with mode 0600 if it does not exist, so the database (and the WAL files
/// SQLite creates with the same mode) is private to the user: it holds private keys.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}
