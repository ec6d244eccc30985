//! devday's database: one schema, one connection type that is either SQLite or PostgreSQL
//! (chosen by the URL), a pool, embedded migrations, and the few helpers every query needs.

mod checkpoint;
mod connection;
mod id;
mod migrate;
mod pool;
pub mod schema;
mod text_enum;
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

/// SQL functions both databases have under the same name.
pub mod sql {
    // `lower` folds case on both (SQLite: ASCII only), so a search for "abel" finds "Ann
    // Abel" on PostgreSQL too, where LIKE is case-sensitive. Fold the pattern with it too,
    // in SQL: lowered in Rust, "öz" would miss SQLite's unfolded "Özdemir".
    diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);
}
