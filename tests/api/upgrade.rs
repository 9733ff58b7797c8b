//! A database of the version before accounts, opened by this one: its single
//! facilitator becomes the owner account "admin" with the same password, its
//! gatherings are the owner's, and a browser signed in before is still
//! signed in. Nothing is lost on either engine.

use super::helpers::{OWNER, PASSWORD, on_postgres, spawn_app_in, test_database};
use intercede::store::DatabaseLocation;
use sqlx::migrate::Migrator;
use std::sync::Arc;

/// The last migration of the version before accounts.
const BEFORE_ACCOUNTS: i64 = 10;

/// The migrations of this engine up to (and including) `last`.
async fn migrator_until(last: i64) -> Migrator {
    let engine = if on_postgres() { "postgres" } else { "sqlite" };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(engine);
    let mut migrator = Migrator::new(dir).await.unwrap();
    let kept: Vec<_> = migrator
        .migrations
        .iter()
        .filter(|m| m.version <= last)
        .cloned()
        .collect();
    migrator.migrations = kept.into();
    migrator
}

/// What a database of the version before accounts held: the facilitator's
/// password hash, one signed-in browser (by its token's hash), a gathering.
macro_rules! fill_old_database {
    ($pool:expr, $password_hash:expr, $session_hash:expr) => {{
        let pool = $pool;
        sqlx::query("INSERT INTO facilitator (id, password_hash, created_at) VALUES (1, $1, 1)")
            .bind($password_hash)
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO sessions (token_hash, csrf_token, created_at, expires_at)
             VALUES ($1, 'csrf-from-before', 1, $2)",
        )
        .bind($session_hash)
        .bind(i64::MAX / 2)
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO gatherings (code, title, status, created_at)
             VALUES ('K7HQ2M', 'Harvest prayers', 'draft', 2)",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    }};
}

/// A database migrated only as far as the version before accounts, holding
/// what that version stored.
async fn old_database(database: &DatabaseLocation, password_hash: &str, session_hash: &str) {
    let migrator = migrator_until(BEFORE_ACCOUNTS).await;
    match database {
        DatabaseLocation::Sqlite(path) => {
            let options = sqlx::sqlite::SqliteConnectOptions::new()
                .filename(path)
                .create_if_missing(true);
            let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
            migrator.run(&pool).await.unwrap();
            fill_old_database!(pool, password_hash, session_hash);
        }
        DatabaseLocation::Postgres(url) => {
            let pool = sqlx::PgPool::connect(url).await.unwrap();
            migrator.run(&pool).await.unwrap();
            fill_old_database!(pool, password_hash, session_hash);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_single_facilitator_of_before_becomes_the_owner_and_nothing_is_lost() {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let database = test_database(dir.path()).await;
    let hash = intercede::web::auth::hash_password(PASSWORD).unwrap();
    let session_token = "a session token from before";
    let session_hash = intercede::web::auth::token_hash(session_token);
    old_database(&database, &hash, &session_hash).await;

    // The new version starts on it without being given a password.
    let app = spawn_app_in(dir, |settings| settings.admin_password = None).await;
    let owner = app.store.owner_credentials().await.unwrap().unwrap();
    assert_eq!(owner.account.name, OWNER);
    assert_eq!(owner.password_hash, hash, "the password is kept");
    // The old browser is still signed in, as the owner, and sees the gathering.
    let cookie = format!("intercede_session={session_token}");
    let list = app
        .browser()
        .get(format!("{}/console", app.address))
        .header("Cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), 200);
    assert!(list.text().await.unwrap().contains("K7HQ2M"));
    // The password of before signs in under the owner's name.
    app.facilitator().await;
    let gathering = app
        .store
        .find_gathering(&intercede::domain::JoinCode::parse("K7HQ2M").unwrap())
        .await
        .unwrap()
        .unwrap();
    let owner_of = app.store.gathering_owner(gathering.id).await.unwrap();
    assert_eq!(owner_of.map(|a| a.name).as_deref(), Some(OWNER));
}
