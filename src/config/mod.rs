//! Settings from command-line flags and `INTERCEDE_*` environment variables.
//! Every setting has a default, so `intercede` with no configuration at all
//! starts a useful server.

pub mod database;

use clap::Args;
pub use database::{DatabaseLocation, Engine};
use std::fmt;
use std::net::IpAddr;
use std::time::Duration;

/// How the server runs. `intercede --help` prints each field's documentation.
#[derive(Args, Clone)]
pub struct Settings {
    /// Address to listen on. The default listens on every interface, so phones on
    /// the venue network can reach this machine.
    #[arg(long, env = "INTERCEDE_BIND", default_value = "0.0.0.0")]
    pub bind: IpAddr,

    /// Port to listen on (0 picks a free one).
    #[arg(long, short, env = "INTERCEDE_PORT", default_value_t = 8080)]
    pub port: u16,

    /// Where the data lives: a SQLite file (created, with its tables, if
    /// missing), or a PostgreSQL database given as a URL such as
    /// `postgres://intercede:secret@db.example/intercede`, the engine for
    /// several instances sharing one database. Tables are created or brought
    /// up to date at start on either.
    #[arg(
        long,
        env = "INTERCEDE_DATABASE",
        default_value = "intercede.db",
        hide_env_values = true
    )]
    pub database: DatabaseLocation,

    /// The password of the owner's account (`admin`). Without it, a password is
    /// generated and printed once, on the first start. Only an argon2 hash is stored; giving a new one
    /// here replaces the stored hash.
    #[arg(long, env = "INTERCEDE_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,

    /// Extra origins (such as `https://prayer.example.org`) allowed to open live
    /// connections, besides the address each request came to. Repeat or separate
    /// with commas.
    #[arg(long, env = "INTERCEDE_ALLOWED_ORIGIN", value_delimiter = ',')]
    pub allowed_origin: Vec<String>,

    /// The address attendees should use, printed and shown on the projector (for
    /// example `http://192.168.1.20:8080`). By default the machine's LAN address.
    #[arg(long, env = "INTERCEDE_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Mark the login cookie Secure: set this when the server is reached over HTTPS
    /// (behind a TLS-terminating proxy).
    #[arg(long, env = "INTERCEDE_SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// Do not create the demo gathering on first start.
    #[arg(long, env = "INTERCEDE_NO_DEMO")]
    pub no_demo: bool,

    /// New anonymous phones accepted from one network address per 10 minutes
    /// (a venue behind one router shares one address).
    #[arg(long, env = "INTERCEDE_NEW_DEVICES_PER_IP", default_value_t = 5000)]
    pub new_devices_per_ip: u32,

    /// Messages one live connection may send per second on average (bursts of
    /// four times as many are fine); a flood closes the socket.
    #[arg(
        long,
        env = "INTERCEDE_MESSAGES_PER_SECOND",
        default_value_t = 10,
        hide = true
    )]
    pub messages_per_second: u32,

    /// The address of a reverse proxy in front of this server (repeat or
    /// separate with commas). For requests from it, limits per network
    /// address (new phones, unknown join codes, wrong passwords) count the
    /// client address it put last in `X-Forwarded-For`; from anyone else that
    /// header is ignored. Name only a proxy that sets it, such as nginx with
    /// `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`.
    #[arg(long, env = "INTERCEDE_TRUSTED_PROXY", value_delimiter = ',')]
    pub trusted_proxy: Vec<IpAddr>,

    /// This instance's name, sent on every response as `X-Intercede-Instance`
    /// (so an operator, or a test, can tell which of several instances behind
    /// a proxy answered) and written in the start-up log. Letters, digits and
    /// `-_.:`, at most 64. By default the host's short name and the process id,
    /// such as `web1-4242`.
    #[arg(long, env = "INTERCEDE_INSTANCE_NAME", value_parser = InstanceName::parse)]
    pub instance_name: Option<InstanceName>,

    /// Seconds a gathering's live room stays in memory with nobody connected.
    #[arg(long, env = "INTERCEDE_ROOM_IDLE", default_value_t = 600, hide = true)]
    pub room_idle_secs: u64,

    /// Seconds between websocket pings to each connection.
    #[arg(
        long,
        env = "INTERCEDE_PING_INTERVAL",
        default_value_t = 15,
        hide = true
    )]
    pub ping_interval_secs: u64,

    /// Seconds without any frame from a connection before it is closed.
    #[arg(
        long,
        env = "INTERCEDE_CLIENT_TIMEOUT",
        default_value_t = 45,
        hide = true
    )]
    pub client_timeout_secs: u64,

    /// HTTP worker threads (0: one per core).
    #[arg(long, env = "INTERCEDE_WORKERS", default_value_t = 0)]
    pub workers: usize,

    /// Seconds a request body may pause between two pieces (the whole body may
    /// take six times as long); a body that stalls gets 408 and its connection
    /// is closed.
    #[arg(
        long = "body-timeout",
        env = "INTERCEDE_BODY_TIMEOUT",
        value_name = "SECONDS",
        default_value_t = 10
    )]
    pub body_timeout_secs: u64,

    /// Open connections allowed from one network address; more are refused at
    /// once. A venue behind one router shares one address, hence the high
    /// default; behind a reverse proxy raise it (every phone has its address).
    #[arg(
        long,
        env = "INTERCEDE_CONNECTIONS_PER_ADDRESS",
        default_value_t = 5000
    )]
    pub connections_per_address: usize,

    /// File descriptors kept back for `/healthz` and the facilitator's login:
    /// once open connections come this close to the process's limit, other
    /// requests get a quick 503.
    #[arg(long, env = "INTERCEDE_RESERVED_DESCRIPTORS", default_value_t = 200)]
    pub reserved_descriptors: u64,

    /// The process's file-descriptor limit to plan with (0: read it, after
    /// raising the soft limit to the hard one).
    #[arg(
        long,
        env = "INTERCEDE_MAX_OPEN_FILES",
        default_value_t = 0,
        hide = true
    )]
    pub max_open_files: u64,
}

impl Settings {
    pub fn ping_interval(&self) -> Duration {
        Duration::from_secs(self.ping_interval_secs.max(1))
    }

    pub fn client_timeout(&self) -> Duration {
        Duration::from_secs(self.client_timeout_secs.max(2))
    }

    /// The longest pause inside a request body.
    pub fn body_timeout(&self) -> Duration {
        Duration::from_secs(self.body_timeout_secs.max(1))
    }

    /// The name given with `--instance-name`, else [`InstanceName::default_for_host`].
    pub fn instance_name(&self) -> InstanceName {
        self.instance_name
            .clone()
            .unwrap_or_else(InstanceName::default_for_host)
    }

    /// Settings for tests and embedding: loopback, a free port, the given
    /// database (a path for SQLite, or a [`DatabaseLocation`]).
    pub fn for_database(database: impl Into<DatabaseLocation>) -> Self {
        Settings {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 0,
            database: database.into(),
            admin_password: None,
            allowed_origin: Vec::new(),
            public_url: None,
            secure_cookies: false,
            no_demo: false,
            ping_interval_secs: 15,
            client_timeout_secs: 45,
            workers: 2,
            new_devices_per_ip: 5000,
            messages_per_second: 10,
            room_idle_secs: 600,
            body_timeout_secs: 10,
            connections_per_address: 5000,
            reserved_descriptors: 200,
            max_open_files: 0,
            instance_name: None,
            trusted_proxy: Vec::new(),
        }
    }
}

impl fmt::Debug for Settings {
    // The password never reaches a log line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("bind", &self.bind)
            .field("port", &self.port)
            .field("database", &self.database)
            .field(
                "admin_password",
                &self.admin_password.as_ref().map(|_| "<hidden>"),
            )
            .field("allowed_origin", &self.allowed_origin)
            .field("public_url", &self.public_url)
            .field("secure_cookies", &self.secure_cookies)
            .field("no_demo", &self.no_demo)
            .field("instance_name", &self.instance_name)
            .field("trusted_proxy", &self.trusted_proxy)
            .finish_non_exhaustive()
    }
}

/// The name an instance answers with in `X-Intercede-Instance`: short, and
/// safe in a header and a log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceName(String);

impl InstanceName {
    const MAX_LEN: usize = 64;

    /// Letters, digits and `-_.:`, 1 to 64 of them.
    pub fn parse(name: &str) -> Result<InstanceName, String> {
        if name.is_empty() || name.len() > Self::MAX_LEN {
            return Err(format!(
                "an instance name has 1 to {} characters",
                Self::MAX_LEN
            ));
        }
        if !name.chars().all(Self::allowed) {
            return Err("an instance name has only letters, digits and - _ . :".into());
        }
        Ok(InstanceName(name.to_string()))
    }

    /// `HOST-PID`: the first label of the host's name (cut to 32 characters,
    /// other characters dropped) and this process's id, so two instances on
    /// one machine differ, and a restarted one shows it was restarted.
    pub fn default_for_host() -> InstanceName {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .or_else(|| std::env::var("HOSTNAME").ok())
            .unwrap_or_default();
        Self::from_host_and_pid(&host, std::process::id())
    }

    fn from_host_and_pid(host: &str, pid: u32) -> InstanceName {
        let short: String = host
            .trim()
            .split('.')
            .next()
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(32)
            .collect();
        let short = if short.is_empty() {
            "intercede"
        } else {
            &short
        };
        InstanceName(format!("{short}-{pid}"))
    }

    fn allowed(c: char) -> bool {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for InstanceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_names_are_short_and_header_safe() {
        for good in ["web1", "a", "eu-west.2:8080", "node_3", &"x".repeat(64)] {
            assert!(InstanceName::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "two words",
            "caf\u{e9}",
            "a\r\nSet-Cookie: x",
            &"x".repeat(65),
        ] {
            assert!(InstanceName::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_default_name_is_the_short_host_name_and_the_process() {
        let name = |host| InstanceName::from_host_and_pid(host, 4242).to_string();
        assert_eq!(name("web1.prayer.example.org\n"), "web1-4242");
        assert_eq!(name(""), "intercede-4242");
        assert_eq!(name("caf\u{e9} box"), "cafbox-4242");
        assert_eq!(name(&"h".repeat(80)), format!("{}-4242", "h".repeat(32)));
        let default = InstanceName::default_for_host();
        assert!(InstanceName::parse(default.as_str()).is_ok(), "{default}");
        assert!(
            default
                .as_str()
                .ends_with(&format!("-{}", std::process::id()))
        );
    }

    #[test]
    fn debug_output_hides_the_password() {
        let mut settings = Settings::for_database(std::path::PathBuf::from("x.db"));
        settings.admin_password = Some("correct horse".into());
        let shown = format!("{settings:?}");
        assert!(!shown.contains("correct horse"), "{shown}");
        assert!(shown.contains("<hidden>"));
    }

    #[test]
    fn debug_output_hides_the_database_password() {
        let mut settings = Settings::for_database(std::path::PathBuf::from("x.db"));
        settings.database = "postgres://me:s3cret@db/intercede".parse().unwrap();
        let shown = format!("{settings:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}
