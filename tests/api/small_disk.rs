//! What only root may set up for a test: a small disk of its own (a tmpfs of a
//! few megabytes, to fill as a real disk fills, without touching the machine's
//! own), and running the server as an unprivileged user. Without root these
//! tests fail, naming root, unless the run asked to go without it by name
//! (`INTERCEDE_SKIP=root`, see `parts.rs`), when they say so and return.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use tempfile::TempDir;

pub struct SmallDisk {
    /// The mounted directory (a `TempDir`, as the app helpers take).
    pub dir: Arc<TempDir>,
}

impl SmallDisk {
    /// Mounts a tmpfs of `megabytes`, or, without root, a failure (`None` when
    /// the run asked to skip root).
    pub fn mount(megabytes: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={megabytes}m,mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .status();
        if status.is_ok_and(|s| s.success()) {
            return Some(SmallDisk { dir: Arc::new(dir) });
        }
        skip("cannot mount a small tmpfs (needs root)");
        None
    }

    /// Starts `command` as the user `nobody`, or, when this process may not switch
    /// users, a failure (`None` when the run asked to skip root).
    pub fn run_as_nobody(command: &mut Command) -> Option<std::process::Child> {
        let program = command.get_program().to_owned();
        let mut wrapped = Command::new("setpriv");
        wrapped
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(program)
            .args(command.get_args())
            .envs(command.get_envs().filter_map(|(k, v)| Some((k, v?))))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let probe = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status();
        if !probe.is_ok_and(|s| s.success()) {
            skip("cannot run a program as another user (needs root and setpriv)");
            return None;
        }
        Some(wrapped.spawn().unwrap())
    }

    /// Fills every free byte with one file, and returns it (delete it to free the space).
    pub fn fill(&self) -> PathBuf {
        use std::io::Write;
        let path = self.dir.path().join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        let block = vec![0u8; 64 * 1024];
        let mut size = block.len();
        // Big blocks first, then smaller ones, down to the last byte.
        while size > 0 {
            match file.write(&block[..size]) {
                Ok(0) | Err(_) => size /= 2,
                Ok(_) => {}
            }
        }
        let _ = file.sync_all();
        path
    }
}

fn skip(message: &str) {
    super::parts::missing(super::parts::Part::Root, message);
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        // Lazy, so a file still open elsewhere in the test cannot keep it mounted.
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}
