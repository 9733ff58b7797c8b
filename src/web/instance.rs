//! `X-Intercede-Instance: NAME` on every response the application answers
//! (pages, errors, websocket upgrades), so that behind a round-robin proxy an
//! operator, or a test, can tell which instance answered.
//!
//! actix-web turns a handler's or an extractor's error into its response
//! before any middleware sees it, and none of our middlewares fails (each
//! answers a refusal with a response), so headers added here reach every
//! answer. Connections refused before any request is read (see
//! `connection_limit`) get no response at all, so no header either.

use crate::config::InstanceName;
use actix_web::middleware::DefaultHeaders;

/// The header naming the instance that answered.
pub const INSTANCE_HEADER: &str = "x-intercede-instance";

/// Adds the instance's name to every response.
pub fn instance_header(name: &InstanceName) -> DefaultHeaders {
    DefaultHeaders::new().add((INSTANCE_HEADER, name.as_str()))
}
