//! Several instances of the real binary on one fresh PostgreSQL database,
//! behind a real nginx running `deploy/nginx.conf` (the file the docs tell
//! people to use; only its lines marked `# instance` and `# listen` are
//! replaced with this test's addresses).
//!
//! ```ignore
//! let Some(mut cluster) = Cluster::start(2).await else { return };
//! let page = cluster.browser().get(cluster.url("/healthz")).send().await?;
//! assert!(cluster.names().contains(&instance_of(&page).unwrap()));
//! cluster.kill(0);          // SIGKILL, no warning
//! cluster.restart(0).await; // same port, same name
//! ```
//!
//! Only on PostgreSQL (the `api_postgres` binary): callers check
//! [`postgres_only`](super::helpers::postgres_only) first. Without nginx the
//! test fails, naming it, unless the run asked to go without it by name
//! (`INTERCEDE_SKIP=nginx`), when [`Cluster::start`] returns `None`. Dropping the
//! cluster kills every instance and nginx; their logs are kept in its
//! temporary directory until then (`TEST_LOG` shows where).

use super::helpers::{Client, OWNER, PASSWORD, database_arg, test_database};
pub use super::instance_name::instance_of;
use super::parts::Part;
use intercede::store::{DatabaseLocation, Store};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The deployed configuration, as the docs tell people to use it.
const DEPLOYED: &str = include_str!("../../deploy/nginx.conf");
/// How long an instance or nginx may take to come up.
const START_WAIT: Duration = Duration::from_secs(30);

/// One instance of the real binary.
pub struct Instance {
    /// Its `--instance-name`, which every response carries.
    pub name: String,
    /// Its own address, around the proxy, such as `http://127.0.0.1:41234`.
    pub address: String,
    pub port: u16,
    /// Its log (standard error).
    pub log: PathBuf,
    child: Option<Process>,
}

impl Instance {
    /// Whether it runs (it was not killed, or was restarted since).
    pub fn running(&self) -> bool {
        self.child.is_some()
    }
}

/// N instances on one database behind nginx.
pub struct Cluster {
    /// The proxy's address, such as `http://127.0.0.1:41230`: what browsers use.
    pub proxy: String,
    /// The same as a Host header value (`127.0.0.1:41230`).
    pub proxy_host: String,
    pub instances: Vec<Instance>,
    /// The demo gathering's join code.
    pub code: String,
    pub database: DatabaseLocation,
    /// A store on the instances' database, to check what was committed.
    pub store: Store,
    /// Flags given to every instance besides the harness's own.
    extra: Vec<String>,
    /// Declared before the directory, so it stops before that is removed.
    _nginx: Process,
    /// Logs, nginx's configuration and files, the database's URL: removed last.
    _dir: TempDir,
}

impl Cluster {
    /// `n` instances behind nginx; `None` (after saying why) when nginx is
    /// not installed and not required.
    pub async fn start(n: usize) -> Option<Cluster> {
        Cluster::start_with(n, &[]).await
    }

    /// As [`start`](Self::start), with `extra` flags for every instance
    /// (such as `["--room-idle", "1"]`).
    pub async fn start_with(n: usize, extra: &[&str]) -> Option<Cluster> {
        assert!(n >= 1, "a cluster has at least one instance");
        let nginx_bin = nginx_binary()?;
        let dir = tempfile::tempdir().unwrap();
        let database = test_database(dir.path()).await;
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        // The first instance alone: it migrates the fresh database and makes
        // the demo gathering, which instances started at once would each make.
        let mut instances = Vec::new();
        for i in 0..n {
            let name = format!("instance-{}", i + 1);
            let log = dir.path().join(format!("{name}.log"));
            let (child, port) = start_instance(&database, &name, None, &log, &extra).await;
            instances.push(Instance {
                name,
                address: format!("http://127.0.0.1:{port}"),
                port,
                log,
                child: Some(child),
            });
        }
        let store = Store::open(&database).await.unwrap();
        let code = store.list_gatherings().await.unwrap()[0].code.clone();
        let ports: Vec<u16> = instances.iter().map(|i| i.port).collect();
        let (nginx, proxy_port) = start_nginx(&nginx_bin, dir.path(), &ports).await;
        if std::env::var_os("TEST_LOG").is_some() {
            eprintln!("cluster logs in {}", dir.path().display());
        }
        Some(Cluster {
            proxy: format!("http://127.0.0.1:{proxy_port}"),
            proxy_host: format!("127.0.0.1:{proxy_port}"),
            instances,
            code,
            database,
            store,
            extra,
            _nginx: nginx,
            _dir: dir,
        })
    }

    /// The address of `path` through the proxy.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.proxy)
    }

    /// A websocket address through the proxy, such as `ws://…/ws/attend/CODE`.
    pub fn ws_url(&self, role: &str) -> String {
        format!("ws://{}/ws/{role}/{}", self.proxy_host, self.code)
    }

    /// The Origin of a page loaded through the proxy.
    pub fn origin(&self) -> String {
        self.proxy.clone()
    }

    /// Kills instance `i` with SIGKILL (no warning, nothing flushed) and
    /// waits for it to be gone.
    pub fn kill(&mut self, i: usize) {
        let process = self.instances[i]
            .child
            .take()
            .expect("the instance is running");
        drop(process);
    }

    /// Starts instance `i` again, on its port and with its name, and waits
    /// until it answers `/healthz` with 200. Kills it first if it runs.
    pub async fn restart(&mut self, i: usize) {
        if self.instances[i].running() {
            self.kill(i);
        }
        let instance = &self.instances[i];
        let (child, _) = start_instance(
            &self.database,
            &instance.name,
            Some(instance.port),
            &instance.log,
            &self.extra,
        )
        .await;
        self.instances[i].child = Some(child);
    }

    /// Instance names in order.
    pub fn names(&self) -> Vec<String> {
        self.instances.iter().map(|i| i.name.clone()).collect()
    }

    /// A browser with a cookie jar that does not follow redirects.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap()
    }

    /// A browser logged in as the facilitator through the proxy, and its
    /// session cookie (`intercede_session=…`).
    pub async fn facilitator(&self) -> (reqwest::Client, String) {
        let browser = self.browser();
        let response = browser
            .post(self.url("/login"))
            .form(&[
                ("name", OWNER),
                ("password", PASSWORD),
                ("next", "/console"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "login through the proxy succeeds");
        let cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("intercede_session="))
            .expect("a session cookie")
            .split(';')
            .next()
            .unwrap()
            .to_string();
        (browser, cookie)
    }

    /// A new phone's live connection through the proxy (with the page's
    /// Origin, as a browser sends it).
    pub async fn attendee(&self) -> Client {
        Client::connect(&self.ws_url("attend"), Some(&self.origin()), None)
            .await
            .expect("an attendee connects through the proxy")
    }

    /// The facilitator's live connection through the proxy, with `cookie`
    /// from [`facilitator`](Self::facilitator).
    pub async fn console(&self, cookie: &str) -> Client {
        Client::connect(&self.ws_url("console"), Some(&self.origin()), Some(cookie))
            .await
            .expect("the console connects through the proxy")
    }

    /// A live connection straight to instance `i`, around the proxy, with
    /// that instance's own Origin: to put the console on one instance and
    /// phones on another. `role` is `attend`, `projector` or `console` (which
    /// needs `cookie` from [`facilitator`](Self::facilitator)).
    pub async fn connect_to(&self, i: usize, role: &str, cookie: Option<&str>) -> Client {
        let instance = &self.instances[i];
        let url = format!("ws://127.0.0.1:{}/ws/{role}/{}", instance.port, self.code);
        Client::connect(&url, Some(&instance.address), cookie)
            .await
            .unwrap_or_else(|e| panic!("{role} connects to {}: {e:?}", instance.name))
    }

    /// The projector's live connection through the proxy.
    pub async fn projector(&self) -> Client {
        Client::connect(&self.ws_url("projector"), Some(&self.origin()), None)
            .await
            .expect("the projector connects through the proxy")
    }
}

/// A child process killed (SIGKILL) and reaped when dropped, also when a
/// test fails half-way.
pub struct Process(pub Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// nginx's binary; `None` when it is missing and the run asked to skip it
/// (otherwise a missing nginx fails the test).
fn nginx_binary() -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain([PathBuf::from("/usr/sbin")])
        .map(|dir| dir.join("nginx"))
        .find(|candidate| candidate.is_file());
    if found.is_none() {
        super::parts::missing(
            Part::Nginx,
            "nginx is not installed, so the scale-out test cannot run",
        );
    }
    found
}

/// Starts the binary as an operator would, on `port` (or a free one, read
/// from its banner), and waits for `/healthz` to answer 200.
async fn start_instance(
    database: &DatabaseLocation,
    name: &str,
    port: Option<u16>,
    log: &Path,
    extra: &[String],
) -> (Process, u16) {
    let stderr = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .unwrap();
    let mut child = Process(
        Command::new(env!("CARGO_BIN_EXE_intercede"))
            .args(["--bind", "127.0.0.1", "--port"])
            .arg(port.unwrap_or(0).to_string())
            .arg("--database")
            .arg(database_arg(database))
            .args(["--admin-password", PASSWORD, "--instance-name", name])
            .args(extra)
            .env("INTERCEDE_LOG", "info,sqlx=warn")
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("the server binary starts"),
    );
    // The banner names the port ("Facilitator console   http://localhost:PORT/console");
    // a thread reads it, then keeps reading so the pipe never fills.
    let stdout = child.0.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut tx = Some(tx);
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(rest) = line.split("http://localhost:").nth(1)
                && let Some(port) = rest.split('/').next().and_then(|p| p.parse::<u16>().ok())
                && let Some(tx) = tx.take()
            {
                let _ = tx.send(port);
            }
        }
    });
    let banner_port = tokio::task::spawn_blocking(move || rx.recv_timeout(START_WAIT))
        .await
        .unwrap();
    let Ok(port) = banner_port else {
        drop(child);
        panic!(
            "instance {name} did not start: {}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
    };
    let health = format!("http://127.0.0.1:{port}/healthz");
    let started = Instant::now();
    while started.elapsed() < START_WAIT {
        if let Ok(response) = reqwest::get(&health).await
            && response.status() == 200
        {
            return (child, port);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    drop(child);
    panic!("instance {name} is not healthy after {START_WAIT:?}");
}

/// A port free a moment ago (nginx cannot be told to pick one); a clash is
/// seen as nginx failing to start, and another port is tried.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// nginx in the foreground, as the current user, on `dir`, proxying to the
/// instances on `ports`; waits until a request through it is answered. One
/// process (`master_process off`): killing it leaves no worker behind.
async fn start_nginx(binary: &Path, dir: &Path, ports: &[u16]) -> (Process, u16) {
    let mut last_log = String::new();
    for _ in 0..3 {
        let listen = free_port();
        let config = dir.join("nginx.conf");
        std::fs::write(&config, test_config(DEPLOYED, dir, ports, listen)).unwrap();
        let log = dir.join("nginx.log");
        let stderr = std::fs::File::create(&log).unwrap();
        let mut child = Process(
            Command::new(binary)
                .arg("-p")
                .arg(dir)
                .arg("-c")
                .arg(&config)
                .args(["-e", "stderr", "-g", "daemon off;"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(stderr)
                .spawn()
                .expect("nginx starts"),
        );
        let started = Instant::now();
        while started.elapsed() < START_WAIT {
            if let Ok(Some(_)) = child.0.try_wait() {
                break;
            }
            if let Ok(response) = reqwest::get(format!("http://127.0.0.1:{listen}/healthz")).await
                && response.status() == 200
            {
                return (child, listen);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        drop(child);
        last_log = std::fs::read_to_string(&log).unwrap_or_default();
    }
    panic!("nginx did not start: {last_log}");
}

/// The deployed configuration wrapped into a whole nginx configuration of
/// the test's own: the instances' lines and the listen line replaced, every
/// file nginx writes kept in `dir`.
fn test_config(deployed: &str, dir: &Path, ports: &[u16], listen: u16) -> String {
    let mut site = String::new();
    let (mut instances, mut listens) = (0, 0);
    for line in deployed.lines() {
        let trimmed = line.trim_end();
        if trimmed.ends_with("# instance") {
            instances += 1;
            if instances == 1 {
                // `server ADDRESS PARAMETERS...; # instance`: the parameters kept.
                let indent = &line[..line.len() - line.trim_start().len()];
                let mut words = line.split_whitespace();
                assert_eq!(words.next(), Some("server"), "{line}");
                words.next();
                let rest: Vec<&str> = words.take_while(|w| *w != "#").collect();
                let rest = rest.join(" ");
                for port in ports {
                    site.push_str(&format!("{indent}server 127.0.0.1:{port} {rest}\n"));
                }
            }
        } else if trimmed.ends_with("# listen") {
            listens += 1;
            site.push_str(&format!("    listen 127.0.0.1:{listen};\n"));
        } else {
            site.push_str(line);
            site.push('\n');
        }
    }
    assert!(
        instances > 0 && listens == 1,
        "deploy/nginx.conf must mark its upstream servers `# instance` and its listen line `# listen`"
    );
    let d = dir.display();
    format!(
        "pid {d}/nginx.pid;\n\
         master_process off;\n\
         events {{ worker_connections 1024; }}\n\
         http {{\n\
         access_log {d}/access.log;\n\
         client_body_temp_path {d}/client_body;\n\
         proxy_temp_path {d}/proxy;\n\
         fastcgi_temp_path {d}/fastcgi;\n\
         uwsgi_temp_path {d}/uwsgi;\n\
         scgi_temp_path {d}/scgi;\n\
         {site}}}\n"
    )
}

#[test]
fn the_test_config_is_the_deployed_one_with_the_tests_addresses() {
    let dir = Path::new("/tmp/cluster");
    let config = test_config(DEPLOYED, dir, &[4001, 4002], 4000);
    assert!(config.contains("server 127.0.0.1:4001 max_fails=1 fail_timeout=10s;\n"));
    assert!(config.contains("server 127.0.0.1:4002 max_fails=1 fail_timeout=10s;\n"));
    assert!(config.contains("listen 127.0.0.1:4000;\n"));
    assert!(!config.contains("10.0.0.1"), "{config}");
    assert!(config.contains("pid /tmp/cluster/nginx.pid;"));
    // Everything else is the deployed file, line for line.
    for line in DEPLOYED.lines() {
        if !line.ends_with("# instance") && !line.ends_with("# listen") {
            assert!(config.contains(line), "{line}");
        }
    }
    let directives: String = DEPLOYED
        .lines()
        .map(|line| line.split('#').next().unwrap())
        .collect();
    for sticky in ["ip_hash", "sticky", "hash ", "least_conn"] {
        assert!(!directives.contains(sticky), "plain round robin: {sticky}");
    }
}
