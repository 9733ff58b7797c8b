//! The live path: rooms own each gathering's state, the hub finds them, the
//! protocol types are what travels on the sockets, and each connection runs its
//! own loop.

pub mod connection;
pub mod hub;
pub mod inbox;
pub mod outbox;
pub mod protocol;
pub mod revocations;
pub mod room;

pub use hub::{Hub, LiveSettings};
