//! The real programs the suite drives besides the server: Chromium and
//! chromedriver, nginx, PostgreSQL, and root (to mount a small disk and run
//! the server as another user). A test whose part is missing fails, naming the
//! part and how to get it: a suite that did not run never counts as passed.
//! Only a run that asks to go without a part, by name, skips its tests:
//!
//! ```text
//! INTERCEDE_SKIP=browser,root bash .ci/test
//! ```
//!
//! (`.ci/test` leaves the `api_postgres` binary out itself for `postgres`,
//! since every one of its tests needs the database.)

use std::io::Write;

/// What a test may need that the machine may lack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Browser,
    Nginx,
    Postgres,
    Root,
}

impl Part {
    /// Its name in `INTERCEDE_SKIP`.
    pub fn name(self) -> &'static str {
        match self {
            Part::Browser => "browser",
            Part::Nginx => "nginx",
            Part::Postgres => "postgres",
            Part::Root => "root",
        }
    }

    /// How to get it.
    fn remedy(self) -> &'static str {
        match self {
            Part::Browser => {
                "install Debian's chromium and chromium-driver (bash .ci/test does, as root), \
                 or point INTERCEDE_CHROMIUM and INTERCEDE_CHROMEDRIVER at them"
            }
            Part::Nginx => "install nginx (bash .ci/test does, as root)",
            Part::Postgres => {
                "install postgresql (bash .ci/test does, as root), point \
                 INTERCEDE_POSTGRES_BIN at its bin directory, or point \
                 INTERCEDE_TEST_POSTGRES at a server"
            }
            Part::Root => "run the tests as root (as CI does)",
        }
    }
}

/// Whether this run asked to go without `part` (`INTERCEDE_SKIP`, a comma
/// or space separated list of part names).
pub fn skipped_by_name(part: Part) -> bool {
    std::env::var("INTERCEDE_SKIP").is_ok_and(|list| {
        list.split([',', ' '])
            .any(|name| name.trim().eq_ignore_ascii_case(part.name()))
    })
}

/// `part` is missing (`why`): a failure that says what to do, or, when the
/// run asked to skip it by name, a notice on the terminal and a return (the
/// caller's test then ends).
pub fn missing(part: Part, why: &str) {
    if !skipped_by_name(part) {
        panic!(
            "\n\n*** This test needs {part}, which is missing: {why}.\n*** To run it: {remedy}.\n\
             *** To go without it, ask by name: INTERCEDE_SKIP={part} (the run then says it did not run).\n",
            part = part.name(),
            remedy = part.remedy(),
        );
    }
    shout(&format!(
        "\n==== NOT RUN, as asked (INTERCEDE_SKIP={}): {why} ====\n",
        part.name()
    ));
}

/// Writes to the terminal itself where there is one, since the test runner
/// keeps a passing test's output to itself; to standard error as well.
pub fn shout(message: &str) {
    eprint!("{message}");
    if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        let _ = tty.write_all(message.as_bytes());
    }
}

/// Whether this process runs as root.
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|me| me.uid() == 0)
}
