fn main() -> std::process::ExitCode {
    devday::cli::main()
}
