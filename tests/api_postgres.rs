//! The whole integration suite again, on PostgreSQL: the same tests as the
//! `api` binary, each on a fresh database of the server that
//! `INTERCEDE_TEST_POSTGRES` names (see `api/postgres.rs`). Tests about the
//! SQLite file itself (a crash's integrity check, a full disk, a removed,
//! replaced or read-only file) say so and pass at once here.

#[path = "api/main.rs"]
mod api;
