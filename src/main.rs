fn main() -> std::process::ExitCode {
    cxc::cli::main()
}
