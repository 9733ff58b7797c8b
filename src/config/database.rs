//! Where the data lives, as given with `--database`: a SQLite file (the
//! default) or a PostgreSQL server's URL.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The database to open: a file path means SQLite, a `postgres://` or
/// `postgresql://` URL means PostgreSQL.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseLocation {
    /// A SQLite file, created with its tables if missing.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL (it may hold a password: see [`fmt::Display`]).
    Postgres(String),
}

/// The engines Intercede stores its data in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl DatabaseLocation {
    /// Which engine this location is for.
    pub fn engine(&self) -> Engine {
        match self {
            DatabaseLocation::Sqlite(_) => Engine::Sqlite,
            DatabaseLocation::Postgres(_) => Engine::Postgres,
        }
    }
}

impl FromStr for DatabaseLocation {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            return Ok(DatabaseLocation::Postgres(text.to_string()));
        }
        // Anything else with a scheme is a mistake, not a file name to create.
        if let Some((scheme, _)) = text.split_once("://")
            && !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+')
        {
            return Err(format!(
                "\"{scheme}://\" is not a supported database: give a SQLite file path or a postgres:// URL"
            ));
        }
        if text.is_empty() {
            return Err("the database file name is empty".into());
        }
        Ok(DatabaseLocation::Sqlite(PathBuf::from(text)))
    }
}

impl From<PathBuf> for DatabaseLocation {
    fn from(path: PathBuf) -> Self {
        DatabaseLocation::Sqlite(path)
    }
}

impl From<&PathBuf> for DatabaseLocation {
    fn from(path: &PathBuf) -> Self {
        DatabaseLocation::Sqlite(path.clone())
    }
}

impl From<&Path> for DatabaseLocation {
    fn from(path: &Path) -> Self {
        DatabaseLocation::Sqlite(path.to_path_buf())
    }
}

impl fmt::Display for DatabaseLocation {
    /// The file path, or the URL with any password replaced by `***`, so the
    /// location can go into messages and logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseLocation::Sqlite(path) => write!(f, "{}", path.display()),
            DatabaseLocation::Postgres(url) => f.write_str(&redact_password(url)),
        }
    }
}

impl fmt::Debug for DatabaseLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

/// `postgres://user:secret@host/db` becomes `postgres://user:***@host/db`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return url.to_string();
    };
    match userinfo.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_sqlite_and_urls_are_postgres() {
        assert_eq!(
            "intercede.db".parse::<DatabaseLocation>().unwrap(),
            DatabaseLocation::Sqlite("intercede.db".into())
        );
        for url in [
            "postgres://u@localhost/db",
            "postgresql://u@%2Ftmp/db",
            "POSTGRES://u@h/d",
        ] {
            assert_eq!(
                url.parse::<DatabaseLocation>().unwrap().engine(),
                Engine::Postgres
            );
        }
        assert!("mysql://u@h/d".parse::<DatabaseLocation>().is_err());
        assert!("".parse::<DatabaseLocation>().is_err());
    }

    #[test]
    fn passwords_never_show() {
        let location: DatabaseLocation =
            "postgres://me:s3cret@db.example:5432/intercede?sslmode=require"
                .parse()
                .unwrap();
        let shown = format!("{location} {location:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("postgres://me:***@db.example:5432/intercede?sslmode=require"));
        let without: DatabaseLocation = "postgres://me@h/db".parse().unwrap();
        assert_eq!(without.to_string(), "postgres://me@h/db");
    }
}
