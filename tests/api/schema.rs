//! The two engines' migrations keep the same schema: the same files, the same
//! tables and columns, and on PostgreSQL only 64-bit integers (ids and
//! millisecond times must never be narrowed).

use super::helpers::{on_postgres, open_test_store};
use sqlx::{Connection, SqliteConnection};
use std::collections::BTreeSet;

fn migration_names(engine: &str) -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(engine);
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn every_migration_exists_for_both_engines() {
    assert_eq!(
        migration_names("sqlite"),
        migration_names("postgres"),
        "a migration added to migrations/sqlite/ needs its twin in migrations/postgres/"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_engines_have_the_same_tables_and_columns_and_postgres_only_bigints() {
    if !on_postgres() {
        eprintln!("compares with PostgreSQL: run by the api_postgres binary");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sqlite_file = dir.path().join("schema.db");
    intercede::store::Store::open_sqlite(&sqlite_file)
        .await
        .unwrap()
        .close()
        .await;
    let mut sqlite = SqliteConnection::connect(&format!("sqlite://{}", sqlite_file.display()))
        .await
        .unwrap();
    let on_sqlite: BTreeSet<(String, String)> = sqlx::query_as(
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut sqlite)
    .await
    .unwrap()
    .into_iter()
    .collect();

    let store = open_test_store(dir.path()).await;
    store.close().await;
    let intercede::store::DatabaseLocation::Postgres(url) =
        super::helpers::test_database(dir.path()).await
    else {
        unreachable!("on PostgreSQL");
    };
    let mut postgres = sqlx::PgConnection::connect(&url).await.unwrap();
    let columns: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::TEXT, column_name::TEXT, data_type::TEXT
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut postgres)
    .await
    .unwrap();
    let on_postgres: BTreeSet<(String, String)> = columns
        .iter()
        .map(|(table, column, _)| (table.clone(), column.clone()))
        .collect();
    assert!(
        on_sqlite.len() > 20,
        "the SQLite schema was read: {on_sqlite:?}"
    );
    assert_eq!(on_sqlite, on_postgres, "the engines' schemas differ");
    let narrow: Vec<_> = columns
        .iter()
        .filter(|(_, _, kind)| matches!(kind.as_str(), "integer" | "smallint" | "numeric"))
        .collect();
    assert!(narrow.is_empty(), "use BIGINT on PostgreSQL: {narrow:?}");
}
