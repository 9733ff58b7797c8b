//! What every handler can reach: the hub (and through it the store) and the
//! settings that shape pages and checks.

use crate::app::App;
use crate::live::Hub;
use crate::store::Store;
use crate::web::address_limit::AddressLimiter;
use crate::web::auth::password::PasswordChecker;
use crate::web::device::DeviceKeys;
use std::net::IpAddr;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    /// Every change a request can make (see `crate::app`).
    pub app: App,
    pub hub: Arc<Hub>,
    pub store: Store,
    /// The address phones should use (printed and put in QR codes), such as
    /// `http://192.168.1.20:8080`; `None` means "the address the request came to".
    pub public_base: Option<String>,
    /// Origins allowed besides the request's own.
    pub allowed_origins: Vec<String>,
    pub secure_cookies: bool,
    /// Issues and checks phones' signed device identities.
    pub devices: DeviceKeys,
    /// New device identities per network address.
    pub new_devices: Arc<AddressLimiter>,
    /// Unknown join codes tried per network address.
    pub unknown_codes: Arc<AddressLimiter>,
    /// Facilitator password attempts per network address (right ones are
    /// given back).
    pub wrong_passwords: Arc<AddressLimiter>,
    /// Password attempts per known browser (see `known_browser`), which are
    /// not held back by their address.
    pub known_browsers: Arc<AddressLimiter<String>>,
    /// Runs argon2 off the HTTP workers, a few checks at a time.
    pub passwords: Arc<PasswordChecker>,
    /// A hash no password matches, checked when a sign-in names no account so
    /// that it takes as long as a wrong password.
    pub unknown_account_hash: Arc<str>,
    /// Proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: Arc<[IpAddr]>,
}

impl AppState {
    /// The network address that per-address limits count for `req`.
    pub fn client_ip(&self, req: &actix_web::HttpRequest) -> Option<IpAddr> {
        crate::web::client_address::client_ip(req, &self.trusted_proxies)
    }

    /// The base address for links a phone will follow.
    pub fn base_url(&self, req: &actix_web::HttpRequest) -> String {
        if let Some(base) = &self.public_base {
            return base.clone();
        }
        let info = req.connection_info();
        format!("{}://{}", info.scheme(), info.host())
    }
}
