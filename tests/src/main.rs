//! The binary under test: exactly `devday`'s entry point.
fn main() -> std::process::ExitCode {
    devday::cli::main()
}
