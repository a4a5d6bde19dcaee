//! Opening, migrating, transactions and locking (design.md §3).

use std::time::Duration;

use cert_store::{SCHEMA_VERSION, Store, StoreError};

fn temp_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory can be made");
    let path = dir.path().join("nested").join("store.db");
    (dir, path)
}

#[test]
fn s3_new_store_is_migrated_to_the_current_schema() {
    let (_dir, path) = temp_store();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.path(), Some(path.as_path()));
    let connection = rusqlite::Connection::open(&path).unwrap();
    let mode: String = connection
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn s3_empty_existing_file_is_migrated() {
    let (_dir, path) = temp_store();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn s3_reopening_keeps_data_and_does_not_migrate_twice() {
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).unwrap();
    store.transaction(|tx| tx.set_setting("k", "v")).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.transaction(|tx| tx.setting("k")).unwrap().as_deref(),
        Some("v")
    );
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn s3_newer_schema_is_refused() {
    let (_dir, path) = temp_store();
    drop(Store::open(&path).unwrap());
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(connection);
    let err = Store::open(&path).unwrap_err();
    assert_eq!(
        err,
        StoreError::NewerSchema {
            found: SCHEMA_VERSION + 1,
            supported: SCHEMA_VERSION
        }
    );
}

#[cfg(unix)]
#[test]
fn s3_store_file_is_created_with_mode_0600() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_dir, path) = temp_store();
    let mut store = Store::open(&path).unwrap();
    store.transaction(|tx| tx.set_setting("k", "v")).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let wal = path.with_extension("db-wal");
    if wal.exists() {
        assert_eq!(
            std::fs::metadata(&wal).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn s3_unwritable_location_is_an_open_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, b"x").unwrap();
    // A path below a regular file cannot be created.
    let err = Store::open(&file.join("store.db")).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
}

#[test]
fn s3_failed_transaction_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    store.transaction(|tx| tx.set_setting("kept", "1")).unwrap();
    let result: Result<(), StoreError> = store.transaction(|tx| {
        tx.set_setting("kept", "2")?;
        tx.set_setting("new", "x")?;
        tx.insert_private_key(b"key")?;
        Err(StoreError::Busy)
    });
    assert_eq!(result, Err(StoreError::Busy));
    store
        .transaction(|tx| {
            assert_eq!(tx.setting("kept")?.as_deref(), Some("1"));
            assert_eq!(tx.setting("new")?, None);
            assert_eq!(tx.private_key(cert_store::KeyId(1))?, None);
            Ok::<_, StoreError>(())
        })
        .unwrap();
}

/// An error type of a caller, as the exchange layer has: the closure's error need only accept
/// `StoreError`.
#[derive(Debug, PartialEq)]
enum CallerError {
    Store(StoreError),
    Rule,
}

impl From<StoreError> for CallerError {
    fn from(error: StoreError) -> Self {
        CallerError::Store(error)
    }
}

#[test]
fn s3_caller_errors_roll_back_too() {
    let mut store = Store::open_in_memory().unwrap();
    let result = store.transaction(|tx| {
        tx.set_setting("k", "v")?;
        Err::<(), _>(CallerError::Rule)
    });
    assert_eq!(result, Err(CallerError::Rule));
    assert_eq!(store.transaction(|tx| tx.setting("k")).unwrap(), None);
}

#[test]
fn s3_second_connection_waits_for_the_first_then_writes() {
    let (_dir, path) = temp_store();
    drop(Store::open(&path).unwrap());
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let first_path = path.clone();
    let holder = std::thread::spawn(move || {
        let mut first = Store::open(&first_path).unwrap();
        first
            .transaction(|tx| {
                tx.set_setting("writer", "first")?;
                locked_tx.send(()).unwrap();
                std::thread::sleep(Duration::from_millis(600));
                Ok::<_, StoreError>(())
            })
            .unwrap();
    });
    locked_rx.recv().unwrap();
    let mut second = Store::open(&path).unwrap();
    // A short timeout gives up while the first transaction holds the lock…
    second.set_busy_timeout(Duration::from_millis(50)).unwrap();
    let err = second
        .transaction(|tx| tx.set_setting("writer", "second"))
        .unwrap_err();
    assert_eq!(err, StoreError::Busy);
    assert_eq!(
        err.to_string(),
        "the store is busy: another certsh process is using it"
    );
    // …the default one waits for it to commit.
    second
        .set_busy_timeout(cert_store::DEFAULT_BUSY_TIMEOUT)
        .unwrap();
    second
        .transaction(|tx| tx.set_setting("second", "yes"))
        .unwrap();
    holder.join().unwrap();
    let values = second
        .transaction(|tx| Ok::<_, StoreError>((tx.setting("writer")?, tx.setting("second")?)))
        .unwrap();
    assert_eq!(values, (Some("first".to_string()), Some("yes".to_string())));
}
