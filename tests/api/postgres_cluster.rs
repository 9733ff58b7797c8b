//! A throwaway PostgreSQL cluster for one test run, started by the first
//! PostgreSQL test that needs it from the installed binaries, and shared by
//! every test of the run.
//!
//! A run is the test runner's process (nextest runs each test in a process of
//! its own, `cargo test` each binary, under one parent). The cluster lives in
//! a temporary directory named after that process, reachable only through a
//! Unix socket there (no TCP port to collide with anything). A file lock beside
//! it lets one test start it while the others of the run wait for it. A small
//! watchdog started with it stops it and removes the directory as soon as the
//! runner ends, however it ends: after a panic, a failure or a kill.
//!
//! The binaries are found in `INTERCEDE_POSTGRES_BIN`, then on `PATH`, then in
//! Debian's `/usr/lib/postgresql/<version>/bin` (the newest).

use super::parts::{self, Part};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The URL of this run's cluster (its `postgres` database), started on first
/// use. Fails the test, naming PostgreSQL, when it cannot be.
pub fn url() -> String {
    let bin = binaries().unwrap_or_else(|why| {
        parts::missing(Part::Postgres, &why);
        // Skipping by name leaves the binary out of the run (`.ci/test`).
        panic!("INTERCEDE_SKIP names postgres: leave the api_postgres binary out of the run");
    });
    let base = std::env::temp_dir().join(format!("intercede-test-postgres-{}", runner()));
    let lock = File::create(base.with_extension("lock")).expect("the cluster's lock file");
    // Blocks while another test of this run starts the cluster.
    lock.lock().expect("the cluster's lock");
    let url_file = base.join("url");
    if running(&bin, &base)
        && let Ok(url) = fs::read_to_string(&url_file)
    {
        return url;
    }
    start(&bin, &base);
    let url = format!(
        "postgres://postgres@{}/postgres",
        base.display().to_string().replace('/', "%2F")
    );
    fs::write(&url_file, &url).unwrap();
    url
}

/// The test runner's process id: the run this cluster belongs to.
fn runner() -> u32 {
    std::os::unix::process::parent_id()
}

/// The directory holding `initdb`, `pg_ctl` and `postgres`, or why there is none.
fn binaries() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("INTERCEDE_POSTGRES_BIN") {
        let dir = PathBuf::from(dir);
        return if dir.join("initdb").is_file() {
            Ok(dir)
        } else {
            Err(format!(
                "INTERCEDE_POSTGRES_BIN={} holds no initdb",
                dir.display()
            ))
        };
    }
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    if let Some(dir) = on_path.into_iter().find(|dir| dir.join("initdb").is_file()) {
        return Ok(dir);
    }
    let mut debian: Vec<PathBuf> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|version| version.path().join("bin"))
        .filter(|bin| bin.join("initdb").is_file())
        .collect();
    debian.sort_by_key(|bin| {
        bin.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
    });
    debian.pop().ok_or_else(|| {
        "no PostgreSQL binaries (initdb) on PATH or in /usr/lib/postgresql, \
         and INTERCEDE_TEST_POSTGRES names no server"
            .to_string()
    })
}

/// Whether this run's cluster is up.
fn running(bin: &Path, base: &Path) -> bool {
    base.join("data").is_dir()
        && as_owner(bin, "pg_ctl")
            .arg("status")
            .arg("-D")
            .arg(base.join("data"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

/// initdb, start, and the watchdog that ends it with the run.
fn start(bin: &Path, base: &Path) {
    let _ = fs::remove_dir_all(base);
    fs::create_dir_all(base).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(base, fs::Permissions::from_mode(0o700)).unwrap();
    if parts::is_root() {
        // PostgreSQL refuses to run as root: its files are the postgres user's.
        let chowned = Command::new("chown")
            .arg("postgres:postgres")
            .arg(base)
            .status();
        assert!(
            chowned.is_ok_and(|s| s.success()),
            "running as root, the cluster needs the `postgres` user (made by Debian's postgresql package)"
        );
    }
    use std::os::unix::process::CommandExt;
    let data = base.join("data");
    let initdb = as_owner(bin, "initdb")
        .arg("-D")
        .arg(&data)
        .args([
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
        ])
        .stdout(Stdio::null())
        .output()
        .expect("initdb starts");
    assert!(
        initdb.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&initdb.stderr)
    );
    // fsync off: nothing here outlives the run, and each test makes and drops
    // a database of its own. Many tests run at once, each with a server's pool
    // and a test's pool.
    let options = format!(
        "-c listen_addresses='' -k {} -c max_connections=500 -c fsync=off",
        base.display()
    );
    let started = as_owner(bin, "pg_ctl")
        .arg("-D")
        .arg(&data)
        .arg("-l")
        .arg(base.join("server.log"))
        .args(["-w", "-o", &options, "start"])
        // A group of its own, so that a Ctrl-C meant for the runner reaches
        // the watchdog's stop rather than the server mid-test.
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("pg_ctl starts");
    assert!(
        started.success(),
        "PostgreSQL did not start; its log: {}",
        fs::read_to_string(base.join("server.log")).unwrap_or_default()
    );
    watch(bin, base);
}

/// A watchdog in a session of its own: it waits for the runner to end, then
/// stops the cluster at once and removes its directory and lock.
fn watch(bin: &Path, base: &Path) {
    use std::os::unix::process::CommandExt;
    let stop = as_owner(bin, "pg_ctl");
    let mut stop_line: Vec<String> = vec![stop.get_program().to_string_lossy().into()];
    stop_line.extend(stop.get_args().map(|a| a.to_string_lossy().into_owned()));
    // The shell leaves the watchdog running on its own and returns at once.
    let script = r#"runner=$1; shift; (tail --pid="$runner" -f /dev/null; "$@" -D "$DATA" -m immediate stop; rm -rf "$BASE" "$BASE.lock") &"#;
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("watchdog")
        .arg(runner().to_string())
        .args(stop_line)
        .env("DATA", base.join("data"))
        .env("BASE", base)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .status()
        .expect("the cluster's watchdog starts");
}

/// `program` from `bin`, run as the `postgres` user when this process is root.
fn as_owner(bin: &Path, program: &str) -> Command {
    if parts::is_root() {
        let mut command = Command::new("runuser");
        command
            .args(["-u", "postgres", "--"])
            .arg(bin.join(program));
        command
    } else {
        Command::new(bin.join(program))
    }
}
