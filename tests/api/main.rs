//! Integration tests: the real server on port 0, a fresh database per test,
//! real HTTP and websocket clients. This file is the `api` binary, on SQLite;
//! `tests/api_postgres.rs` runs the same modules on PostgreSQL.

mod accounts_cli;
mod agenda_editor;
mod agenda_transfer;
mod browser;
mod browser_redraw;
mod browser_requests;
mod browser_support;
mod browser_topics;
mod browser_ux;
mod chaos;
mod cluster;
mod crash;
mod edge_attacks;
mod forwarded;
mod hardening;
mod helpers;
mod instance_name;
mod instances;
mod languages;
mod live;
mod moderation;
mod pages;
mod postgres;
mod protocol_doc;
mod report;
mod request_store;
mod requests_live;
mod restart;
mod room_model;
mod scale_out;
mod schema;
mod small_disk;
mod socket_attacks;
mod topics;
mod writer_faults;
