//! Intercede: a live prayer-gathering server.
//!
//! A facilitator steps through an agenda of topics from a console; each topic is
//! pushed live to attendees' phones and a projector, and every "I'm praying" tap
//! is counted once per phone and kept on disk.

pub mod agenda;
pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod live;
pub mod report;
pub mod startup;
pub mod store;
pub mod web;
