//! The limits of a run that `cxc.yaml` may lower (here, below the loader
//! that enforces them; `loader::read` re-exports them).

/// The default for `limits.file_size` in cxc.yaml: far above any real spec,
/// forecast or template, far below what could exhaust a CI machine.
pub const DEFAULT_FILE_LIMIT: u64 = 64 * 1024 * 1024;

/// The limits of one run, from the command line (`--max-file-size`): a
/// spec's cxc.yaml can lower them, never raise them (see
/// [`crate::config::Config::within`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file a spec may make cxc read.
    pub file_size: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_size: DEFAULT_FILE_LIMIT,
        }
    }
}
