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
use crate::store::writer::Writer;
use crate::web::address_limit::AddressLimiter;
use crate::web::{self, AppState, auth};
use actix_web::dev::ServerHandle;
use actix_web::middleware::Compress;
use actix_web::{App, HttpServer, web as aweb};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use tokio::sync::watch;

/// Longest wait at shutdown for queued writes to reach the disk.
const SHUTDOWN_FLUSH: std::time::Duration = std::time::Duration::from_secs(5);

/// Wrong facilitator passwords accepted from one address per minute.
const WRONG_PASSWORDS_PER_MINUTE: u32 = 10;

/// What the operator needs to know once the server is up.
#[derive(Debug, Clone)]
pub struct StartupInfo {
    /// Set only when a password was generated on this start.
    pub generated_password: Option<String>,
    /// The address to print for phones, such as `http://192.168.1.20:8080`.
    pub lan_base: Option<String>,
    pub local_base: String,
    /// The most recent gathering's join code.
    pub featured_code: Option<String>,
    pub demo_created: bool,
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
    pub fn stop(&self) {
        let _ = self.stop_tx.send(true);
    }
}

impl Application {
    pub async fn build(settings: Settings) -> AppResult<Application> {
        let store = Store::open(&settings.database).await?;
        let generated_password =
            auth::ensure_facilitator_password(&store, settings.admin_password.as_deref()).await?;
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
        let state = AppState {
            hub: hub.clone(),
            store: store.clone(),
            public_base: lan_base.clone(),
            allowed_origins: settings.allowed_origin.clone(),
            secure_cookies: settings.secure_cookies,
            new_devices: Arc::new(AddressLimiter::new(
                settings.new_devices_per_ip,
                std::time::Duration::from_secs(10 * 60),
            )),
            wrong_passwords: Arc::new(AddressLimiter::new(
                WRONG_PASSWORDS_PER_MINUTE,
                std::time::Duration::from_secs(60),
            )),
        };
        let data = aweb::Data::new(state);
        let mut server = HttpServer::new(move || {
            App::new()
                .wrap(web::security_headers())
                .wrap(Compress::default())
                .wrap(actix_web::middleware::from_fn(web::log_request))
                .app_data(data.clone())
                .configure(web::configure)
        })
        .disable_signals()
        .shutdown_timeout(5)
        .max_connections(25_000);
        if settings.workers > 0 {
            server = server.workers(settings.workers);
        }
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
                lan_base,
                local_base: format!("http://localhost:{port}"),
                featured_code,
                demo_created,
            },
        })
    }

    pub fn port(&self) -> u16 {
        self.port
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
        tokio::select! {
            _ = stop_rx.changed() => {}
            _ = shutdown_signal() => tracing::info!("shutting down"),
        }
        // Sockets first (they hold the server open), then the listener. Writes
        // that cannot reach the disk (it is full, or the file is gone) may hold
        // shutdown up to a deadline, never longer: none of them was acknowledged.
        let deadline = tokio::time::Instant::now() + SHUTDOWN_FLUSH;
        hub.shut_down(deadline).await;
        handle.stop(true).await;
        let _ = serving.await;
        hub.shut_down(deadline).await;
        drop(hub);
        writer_task.abort();
        let _ = writer_task.await;
        store.close().await;
        tracing::info!("stopped; every write committed");
        Ok(())
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
