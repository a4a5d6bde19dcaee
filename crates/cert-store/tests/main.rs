//! Integration tests of the store: typed round trips, migrations, transactions, file mode and
//! two processes' worth of connections.

mod lifecycle;
mod tables;
