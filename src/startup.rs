//! Builds the whole server on a listener: storage, the password, the demo
//! gathering, the group-commit writer, the hub of live rooms and the HTTP server.
//! Tests build it on port 0; the binary on the configured port.
//!
//! Shutdown (Ctrl-C, SIGTERM, or [`StopHandle::stop`]): stop accepting, close
//! every live socket with 1001 "going away" so pages reconnect to the next
//! server, commit every queued write, then close the database.

use crate::config::Settings;
use crate::domain::demo::demo_agenda;
use crate::error::AppResult;
use crate::live::{Hub, LiveSettings};
use crate::store::Store;
use crate::store::writer::{Drained, Writer};
use crate::web::address_limit::AddressLimiter;
use crate::web::auth::password::PasswordChecker;
use crate::web::body_timeout;
use crate::web::connection_limit::{self, ConnectionLimits};
use crate::web::device::{self, DeviceKeys};
use crate::web::{self, AppState, auth};
use actix_web::dev::ServerHandle;
use actix_web::middleware::Compress;
use actix_web::{App, HttpServer, web as aweb};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use tokio::sync::watch;

/// How long a stop waits for the rooms, and for writes that keep failing
/// (a healthy database is waited for as long as it takes).
const SHUTDOWN_FLUSH: std::time::Duration = std::time::Duration::from_secs(5);

/// Facilitator password attempts (wrong or unchecked) from one address, or one
/// known browser, per minute.
const WRONG_PASSWORDS_PER_MINUTE: u32 = 10;
/// Unknown join codes one address may try per minute: plenty for typing
/// mistakes, hopeless for guessing among about 890 million codes.
const UNKNOWN_CODES_PER_MINUTE: u32 = 30;

/// What the operator needs to know once the server is up.
#[derive(Debug, Clone)]
pub struct StartupInfo {
    /// Set only when a password was generated on this start.
    pub generated_password: Option<String>,
    /// The name the owner signs in with.
    pub owner_name: String,
    /// The address to print for phones, such as `http://192.168.1.20:8080`.
    pub lan_base: Option<String>,
    pub local_base: String,
    /// The most recent gathering's join code.
    pub featured_code: Option<String>,
    pub demo_created: bool,
    /// The name this instance answers with (`X-Intercede-Instance`).
    pub instance_name: String,
}

pub struct Application {
    port: u16,
    server: actix_web::dev::Server,
    hub: Arc<Hub>,
    store: Store,
    writer_task: tokio::task::JoinHandle<()>,
    stop_tx: watch::Sender<bool>,
    pub info: StartupInfo,
}

/// Asks a running [`Application`] to shut down gracefully.
#[derive(Clone)]
pub struct StopHandle {
    stop_tx: watch::Sender<bool>,
}

impl StopHandle {
    /// Stops the server, whether or not it has started waiting yet: the value
    /// is kept even with no one watching (`send` would drop it).
    pub fn stop(&self) {
        self.stop_tx.send_replace(true);
    }
}

impl Application {
    pub async fn build(settings: Settings) -> AppResult<Application> {
        let store = Store::open(&settings.database).await?;
        let generated_password =
            auth::ensure_owner(&store, settings.admin_password.as_deref()).await?;
        let owner_name = store
            .owner_credentials()
            .await?
            .map_or_else(|| auth::OWNER_NAME.to_string(), |owner| owner.account.name);
        let mut demo_created = false;
        if !settings.no_demo && store.count_gatherings().await? == 0 {
            store.create_gathering(&demo_agenda()).await?;
            demo_created = true;
        }
        let featured_code = store
            .list_gatherings()
            .await?
            .first()
            .map(|g| g.code.clone());

        let (writer, writer_task) = Writer::start(store.clone());
        let live_settings = LiveSettings {
            ping_interval: settings.ping_interval(),
            client_timeout: settings.client_timeout(),
            messages_per_second: settings.messages_per_second.max(1),
            message_burst: settings.messages_per_second.max(1) * 4,
            room_idle: std::time::Duration::from_secs(settings.room_idle_secs.max(1)),
            ..LiveSettings::default()
        };
        let hub = Arc::new(Hub::new(store.clone(), writer, live_settings));
        // Instances sharing a PostgreSQL database follow each other's changes.
        hub.follow_other_instances();

        let listener =
            TcpListener::bind(SocketAddr::new(settings.bind, settings.port)).map_err(|e| {
                crate::error::AppError::internal(format!(
                    "could not listen on {}:{}: {e}",
                    settings.bind, settings.port
                ))
            })?;
        let port = listener
            .local_addr()
            .map_err(|e| crate::error::AppError::internal(e.to_string()))?
            .port();
        let lan_base = public_base(&settings, port);
        let instance = settings.instance_name();
        tracing::info!(
            instance = %instance,
            address = %SocketAddr::new(settings.bind, port),
            "instance {instance} listening"
        );
        let named = instance.clone();
        let devices = DeviceKeys::new(&store.server_secret(device::SECRET_NAME).await?);
        let state = AppState {
            app: crate::app::App::new(store.clone(), hub.clone()),
            hub: hub.clone(),
            store: store.clone(),
            public_base: lan_base.clone(),
            allowed_origins: settings.allowed_origin.clone(),
            secure_cookies: settings.secure_cookies,
            devices,
            new_devices: Arc::new(AddressLimiter::new(
                settings.new_devices_per_ip,
                std::time::Duration::from_secs(10 * 60),
            )),
            unknown_codes: Arc::new(AddressLimiter::new(
                UNKNOWN_CODES_PER_MINUTE,
                std::time::Duration::from_secs(60),
            )),
            wrong_passwords: Arc::new(AddressLimiter::new(
                WRONG_PASSWORDS_PER_MINUTE,
                std::time::Duration::from_secs(60),
            )),
            known_browsers: Arc::new(AddressLimiter::new(
                WRONG_PASSWORDS_PER_MINUTE,
                std::time::Duration::from_secs(60),
            )),
            passwords: Arc::new(PasswordChecker::default()),
            unknown_account_hash: auth::hash_password(&auth::random_token())?.into(),
            trusted_proxies: settings
                .trusted_proxy
                .iter()
                .map(|ip| ip.to_canonical())
                .collect(),
        };
        let data = aweb::Data::new(state);
        let descriptors = DescriptorPlan::new(&settings);
        let limits = ConnectionLimits::new(
            settings.connections_per_address,
            descriptors.essential_only_above,
        );
        let body_pause = settings.body_timeout();
        let server = HttpServer::new(move || {
            App::new()
                .wrap(web::security_headers())
                .wrap(Compress::default())
                .wrap(actix_web::middleware::from_fn(
                    move |req, next| async move {
                        body_timeout::limit_body_time(body_pause, req, next).await
                    },
                ))
                .wrap(actix_web::middleware::from_fn(
                    web::origin::refuse_cross_site,
                ))
                .wrap(actix_web::middleware::from_fn(web::error_page::translate))
                .wrap(actix_web::middleware::from_fn(connection_limit::gate))
                .wrap(actix_web::middleware::from_fn(web::log_request))
                .wrap(web::instance::instance_header(&named))
                .app_data(data.clone())
                .configure(web::configure)
        })
        .on_connect(move |connection, data| limits.on_connect(connection, data))
        .disable_signals()
        .shutdown_timeout(5)
        .workers(descriptors.workers)
        .max_connections(descriptors.per_worker);
        let server = server
            .listen(listener)
            .map_err(|e| crate::error::AppError::internal(e.to_string()))?
            .run();
        let (stop_tx, _) = watch::channel(false);
        Ok(Application {
            port,
            server,
            hub,
            store,
            writer_task,
            stop_tx,
            info: StartupInfo {
                generated_password,
                owner_name,
                lan_base,
                local_base: format!("http://localhost:{port}"),
                featured_code,
                demo_created,
                instance_name: instance.to_string(),
            },
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The live hub, so tests can read what the sockets hold.
    pub fn hub(&self) -> Arc<Hub> {
        self.hub.clone()
    }

    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            stop_tx: self.stop_tx.clone(),
        }
    }

    /// Serves until Ctrl-C, SIGTERM or a [`StopHandle`], then shuts down gracefully.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let Application {
            server,
            hub,
            store,
            writer_task,
            stop_tx,
            ..
        } = self;
        let handle: ServerHandle = server.handle();
        let mut stop_rx = stop_tx.subscribe();
        let serving = tokio::spawn(server);
        let sweeping = tokio::spawn(store.clone().sweep_request_words_forever());
        let session_sweep = tokio::spawn(hub.clone().sweep_sessions_forever());
        tokio::select! {
            // `wait_for`, not `changed`: a stop asked before this line counts.
            _ = stop_rx.wait_for(|stop| *stop) => {}
            _ = shutdown_signal() => tracing::info!("shutting down: taking on nothing new, saving what is queued"),
        }
        session_sweep.abort();
        let _ = session_sweep.await;
        // The live side first: sockets close with "going away" and the rooms
        // stop, queueing their last figures, whatever is still arriving (it
        // is refused, and phones come back to the next process). Then the
        // listener, and the requests in progress finish.
        let deadline = tokio::time::Instant::now() + SHUTDOWN_FLUSH;
        let rooms_left = hub.stop_rooms(deadline).await;
        handle.stop(true).await;
        let _ = serving.await;
        sweeping.abort();
        let _ = sweeping.await;
        // Then every queued write, for as long as the database takes it.
        let waiting = hub.writer().waiting();
        if waiting.total() > 0 {
            tracing::info!(
                writes = waiting.total(),
                taps = waiting.taps,
                attendances = waiting.attendances,
                live_states = waiting.live_states,
                topic_figures = waiting.topic_figures,
                "committing the writes still queued"
            );
        }
        let drained = hub.writer().drain(SHUTDOWN_FLUSH).await;
        drop(hub);
        writer_task.abort();
        let _ = writer_task.await;
        store.close().await;
        report_stop(&drained, rooms_left);
        Ok(())
    }
}

/// The last line of the log: what the stop kept and, if anything, what it
/// could not, and why.
fn report_stop(drained: &Drained, rooms_left: usize) {
    match drained {
        Drained::NotCommitted { waiting, reason } => tracing::error!(
            writes = waiting.total(),
            taps = waiting.taps,
            attendances = waiting.attendances,
            live_states = waiting.live_states,
            topic_figures = waiting.topic_figures,
            %reason,
            "stopped; {} queued writes were NOT committed (none of them was acknowledged)",
            waiting.total()
        ),
        Drained::Committed { .. } if rooms_left > 0 => tracing::warn!(
            rooms = rooms_left,
            "stopped; every queued write committed, but {rooms_left} rooms did not stop in time \
             and their last figures were not queued"
        ),
        Drained::Committed { dropped: 0 } => {
            tracing::info!("stopped; every queued write committed")
        }
        Drained::Committed { dropped } => tracing::warn!(
            dropped,
            "stopped; every queued write committed but {dropped} that could never be \
             (their topic or gathering was deleted; each is logged above)"
        ),
    }
}

/// How the process's file descriptors are shared out. Past
/// `essential_only_above` open connections only `/healthz` and the login are
/// served (see `web::connection_limit`); actix stops accepting at
/// `per_worker` connections per worker, leaving half the reserve for the
/// server's own files (the database and its journal, the pool's connections).
struct DescriptorPlan {
    workers: usize,
    per_worker: usize,
    essential_only_above: usize,
}

impl DescriptorPlan {
    /// Most connections one worker takes, whatever the descriptor limit.
    const MOST_PER_WORKER: usize = 25_000;
    /// A descriptor limit below this is worth a warning at start.
    const ROOMY: u64 = 4096;

    fn new(settings: &Settings) -> Self {
        let limit = if settings.max_open_files > 0 {
            settings.max_open_files
        } else {
            // The soft limit is often 1,024 while the hard one is far higher;
            // a million is more than the workers will ever take.
            rlimit::increase_nofile_limit(1 << 20)
                .or_else(|_| rlimit::Resource::NOFILE.get().map(|(soft, _)| soft))
                .unwrap_or(1024)
        };
        let reserved = settings.reserved_descriptors.min(limit / 2);
        let workers = if settings.workers > 0 {
            settings.workers
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        };
        let accept = usize::try_from(limit - reserved / 2).unwrap_or(usize::MAX);
        let essential_only_above = usize::try_from(limit - reserved).unwrap_or(usize::MAX);
        let plan = DescriptorPlan {
            workers,
            per_worker: (accept / workers).clamp(1, Self::MOST_PER_WORKER),
            essential_only_above,
        };
        tracing::info!(
            limit,
            reserved,
            per_worker = plan.per_worker,
            essential_only_above,
            "file descriptors planned"
        );
        if limit < Self::ROOMY {
            tracing::warn!(
                limit,
                "few file descriptors: past {essential_only_above} connections only /healthz \
                 and the login are served; raise the open-files limit for a large gathering"
            );
        }
        plan
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
}

/// The address phones should use: the configured one, else this machine's LAN
/// address when listening on every interface, else none (use the request's host).
fn public_base(settings: &Settings, port: u16) -> Option<String> {
    if let Some(url) = &settings.public_url {
        return Some(url.trim_end_matches('/').to_string());
    }
    if settings.bind.is_unspecified() {
        return local_ip_address::local_ip()
            .ok()
            .map(|ip| format!("http://{}", host_port(ip, port)));
    }
    if settings.bind.is_loopback() {
        return None;
    }
    Some(format!("http://{}", host_port(settings.bind, port)))
}

fn host_port(ip: IpAddr, port: u16) -> String {
    match ip {
        IpAddr::V4(v4) => format!("{v4}:{port}"),
        IpAddr::V6(v6) => format!("[{v6}]:{port}"),
    }
}
