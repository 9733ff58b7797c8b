//! Integration tests: the real server on port 0, a fresh SQLite file per test,
//! real HTTP and websocket clients.

mod agenda_editor;
mod agenda_transfer;
mod browser;
mod browser_support;
mod chaos;
mod crash;
mod edge_attacks;
mod hardening;
mod helpers;
mod live;
mod pages;
mod protocol_doc;
mod report;
mod restart;
mod room_model;
mod small_disk;
mod socket_attacks;
mod writer_faults;
