//! devday's database: one schema, one connection type that is either SQLite or PostgreSQL
//! (chosen by the URL), a pool, embedded migrations, and the few helpers every query needs.

mod checkpoint;
mod connection;
mod migrate;
mod pool;
pub mod schema;
mod time;
mod transaction;

pub use checkpoint::spawn_checkpointer;
pub use connection::{Backend, DatabaseUrl, DbConn, UrlError};
pub use migrate::{run_migrations, MigrationError};
pub use pool::{Pool, PoolError, PooledConn};
pub use time::now;
pub use transaction::{is_unique_violation, unless_taken, write_transaction};

/// Re-exported so domain crates use the same diesel the schema was compiled with.
pub use diesel;
