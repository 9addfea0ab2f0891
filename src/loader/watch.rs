//! `cxc check --watch`: waits until a file a spec is made of changes — a
//! `.cx` file, a `cxc.yaml` or a forecast — from the file system's events,
//! not by polling.

use notify::{RecursiveMode, Watcher as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::Duration;

pub struct Watcher {
    _watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
}

/// Whether a change to `path` can change what `cxc check` says.
fn matters(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !name.starts_with('.')
        && (name == super::CONFIG_FILE
            || path
                .extension()
                .is_some_and(|e| e == "cx" || e == "csv" || e == "yaml"))
}

impl Watcher {
    /// Watches `paths` (the current folder when empty), folders recursively.
    pub fn new(paths: &[PathBuf]) -> Result<Watcher, String> {
        let (send, events) = channel();
        let mut watcher = notify::recommended_watcher(send).map_err(|e| e.to_string())?;
        let default = [PathBuf::from(".")];
        for path in if paths.is_empty() {
            &default[..]
        } else {
            paths
        } {
            watcher
                .watch(path, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", super::display_name(path)))?;
        }
        Ok(Watcher {
            _watcher: watcher,
            events,
        })
    }

    /// Blocks until a spec file changes; then waits for the burst of events
    /// an editor's save makes to end, and returns the files that changed.
    pub fn wait(&self) -> Result<Vec<PathBuf>, String> {
        let mut changed: Vec<PathBuf> = Vec::new();
        loop {
            let event = if changed.is_empty() {
                self.events.recv().map_err(|e| e.to_string())?
            } else {
                match self.events.recv_timeout(Duration::from_millis(150)) {
                    Ok(event) => event,
                    Err(RecvTimeoutError::Timeout) => return Ok(changed),
                    Err(RecvTimeoutError::Disconnected) => return Err("the watcher stopped".into()),
                }
            };
            let event = event.map_err(|e| e.to_string())?;
            if event.kind.is_access() {
                continue;
            }
            for path in event.paths.into_iter().filter(|p| matters(p)) {
                if !changed.contains(&path) {
                    changed.push(path);
                }
            }
        }
    }
}
