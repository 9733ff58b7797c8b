//! The live path: rooms own each gathering's state, the hub finds them, the
//! protocol types are what travels on the sockets, and each socket's bounded
//! inbox and outbox. The sockets' own loops are at the edge, in
//! `crate::web::socket`.

pub mod hub;
pub mod inbox;
pub mod outbox;
pub mod protocol;
pub mod revocations;
pub mod room;

pub use hub::{Hub, LiveSettings};
