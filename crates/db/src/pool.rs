use std::time::Duration;

use diesel::r2d2::{self, ManageConnection};

use crate::connection::{DatabaseUrl, DbConn};

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = r2d2::PooledConnection<Manager>;
pub use r2d2::PoolError;

/// r2d2 manager that opens connections through [`DatabaseUrl::connect`], so every SQLite
/// connection gets its pragmas and a mistyped URL never silently creates a file.
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        self.url.connect().map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        use diesel::connection::SimpleConnection;
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

impl DatabaseUrl {
    /// A pool of `size` connections. It fails at once if the database cannot be reached.
    pub fn pool(&self, size: u32) -> Result<Pool, PoolError> {
        r2d2::Pool::builder()
            .max_size(size)
            .connection_timeout(Duration::from_secs(10))
            .build(Manager { url: self.clone() })
    }
}
