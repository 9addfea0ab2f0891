fn main() -> std::process::ExitCode {
    cxc::cli::main()
}

/// See Cargo.toml: allocation is most of what a large compile does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
