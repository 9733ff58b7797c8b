//! What only root may set up for a test: a small disk of its own (a tmpfs of a
//! few megabytes, to fill as a real disk fills, without touching the machine's
//! own), and running the server as an unprivileged user. Without root these
//! tests say so loudly and skip, unless `INTERCEDE_REQUIRE_ROOT=1` (set by CI)
//! makes that a failure.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use tempfile::TempDir;

pub struct SmallDisk {
    /// The mounted directory (a `TempDir`, as the app helpers take).
    pub dir: Arc<TempDir>,
}

impl SmallDisk {
    /// Mounts a tmpfs of `megabytes`, or `None` (after a loud message) when
    /// this machine does not allow it.
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
        skip("cannot mount a small tmpfs (needs root): the disk-full test is skipped");
        None
    }

    /// Starts `command` as the user `nobody`, or `None` (after a loud message)
    /// when this process may not switch users.
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
            skip("cannot run a program as another user (needs root and setpriv): test skipped");
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
    if std::env::var("INTERCEDE_REQUIRE_ROOT").is_ok_and(|v| v == "1") {
        panic!("{message}, and INTERCEDE_REQUIRE_ROOT=1");
    }
    eprintln!("\n*** {message} ***\n");
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
