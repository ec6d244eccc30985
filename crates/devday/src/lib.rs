//! The devday binary: parses the command line and composes the domain crates into one
//! actix-web application. Domain logic lives in the crates it composes, never here.

mod backup;
pub mod cli;
mod commands;
mod demo;
pub mod server;
mod solve;
