//! The application layer: every change a facilitator, a phone or a moderator
//! can make, each in one place. A method here is one unit of work: the store
//! write (in one transaction where it takes several rows), the gathering's
//! history, and what the live side must hear, on this instance and the others
//! (a reloaded agenda, requests read again, sockets closed).
//!
//! The web handlers and the socket loop only extract what a request says,
//! call one of these, and render what it returns; nothing above this layer
//! tells the live side of a change itself.
//!
//! - [`gatherings`]: gatherings made, copied and deleted; agendas and their
//!   words edited.
//! - [`access`]: who may still lead or help: signing out, new passwords,
//!   disabled accounts, co-facilitators removed, moderator links revoked.
//! - [`live_commands`]: the console's commands and the phones' taps in a
//!   running gathering.
//! - [`requests`]: prayer requests shared, prayed for and moderated.
//! - [`invitations`]: the one-time links that make accounts and reset passwords.

pub mod access;
pub mod gatherings;
pub mod invitations;
pub mod live_commands;
pub mod requests;

use crate::live::Hub;
use crate::store::Store;
use std::sync::Arc;

/// The services, over one store and the live hub. Cheap to clone.
#[derive(Clone)]
pub struct App {
    store: Store,
    hub: Arc<Hub>,
}

impl App {
    pub fn new(store: Store, hub: Arc<Hub>) -> App {
        App { store, hub }
    }

    /// The store, for what only reads.
    pub fn store(&self) -> &Store {
        &self.store
    }
}
