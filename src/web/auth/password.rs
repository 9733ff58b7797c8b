//! The facilitator's password: argon2id hashing, and checking guesses without
//! stalling the server. Argon2 spends tens of milliseconds of CPU per check on
//! purpose; on the HTTP worker threads a burst of guesses would stall every
//! page and `/healthz`. So checks run on blocking threads, at most
//! [`PARALLEL_CHECKS`] at a time, behind a short queue; a guess that finds the
//! queue full is refused at once instead of waiting.

use crate::error::AppError;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::Rng;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::Semaphore;

/// Password checks running at once (the machine may have only two cores).
pub const PARALLEL_CHECKS: usize = 2;
/// Checks that may wait for a turn; more are refused as busy.
pub const QUEUED_CHECKS: usize = 16;

/// Hashes a password with argon2id and a random salt.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt_bytes: [u8; 16] = rand::random();
    let salt = SaltString::encode_b64(&salt_bytes)
        .map_err(|e| AppError::internal(format!("could not make a salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::internal(format!("could not hash the password: {e}")))
}

/// Whether `password` matches `stored_hash` (false for a malformed hash).
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// A password a person can read off a terminal and type: `xxxx-xxxx-xxxx-xxxx`.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    let groups: Vec<String> = (0..4)
        .map(|_| {
            (0..4)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
                .collect()
        })
        .collect();
    groups.join("-")
}

/// Runs password checks off the HTTP workers, a few at a time.
pub struct PasswordChecker {
    running: Arc<Semaphore>,
    /// Checks running or waiting.
    admitted: AtomicUsize,
    max_admitted: usize,
}

/// The guess was not checked: too many checks are running or waiting.
#[derive(Debug)]
pub struct Busy;

impl Default for PasswordChecker {
    fn default() -> Self {
        PasswordChecker::new(PARALLEL_CHECKS, QUEUED_CHECKS)
    }
}

impl PasswordChecker {
    pub fn new(parallel: usize, queued: usize) -> Self {
        PasswordChecker {
            running: Arc::new(Semaphore::new(parallel.max(1))),
            admitted: AtomicUsize::new(0),
            max_admitted: parallel.max(1) + queued,
        }
    }

    /// Checks `password` against `stored_hash` on a blocking thread, or says
    /// [`Busy`] at once when the queue is full.
    pub async fn verify(&self, password: &str, stored_hash: &str) -> Result<bool, Busy> {
        let (password, stored_hash) = (password.to_string(), stored_hash.to_string());
        let checked = self
            .run(move || verify_password(&password, &stored_hash))
            .await?;
        // A panic inside argon2 counts as a wrong password, never a login.
        Ok(checked.unwrap_or(false))
    }

    /// Hashes a new password in the same bounded pool as the checks, so
    /// forms that set passwords cannot stall the server either; [`Busy`] at
    /// once when the queue is full.
    pub async fn hash(&self, password: &str) -> Result<Result<String, AppError>, Busy> {
        let password = password.to_string();
        let hashed = self.run(move || hash_password(&password)).await?;
        Ok(hashed
            .unwrap_or_else(|e| Err(AppError::internal(format!("password hashing stopped: {e}")))))
    }

    /// Runs argon2's work on a blocking thread once a place is free, or says
    /// [`Busy`] at once when the queue is full. The permit moves into the
    /// blocking task, so a request dropped while argon2 runs still holds its
    /// place until argon2 is done.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<Result<T, tokio::task::JoinError>, Busy> {
        let admitted = Admitted::enter(&self.admitted, self.max_admitted).ok_or(Busy)?;
        let permit = self
            .running
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Busy)?;
        let done = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await;
        drop(admitted);
        Ok(done)
    }
}

/// One place among the admitted checks, given back on drop.
struct Admitted<'a>(&'a AtomicUsize);

impl<'a> Admitted<'a> {
    fn enter(count: &'a AtomicUsize, max: usize) -> Option<Self> {
        let before = count.fetch_add(1, Ordering::SeqCst);
        let admitted = Admitted(count);
        (before < max).then_some(admitted)
    }
}

impl Drop for Admitted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("correct horse ", &hash));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    #[test]
    fn generated_passwords_are_readable_and_different() {
        let a = generate_password();
        assert_eq!(a.len(), 19);
        assert_eq!(a.matches('-').count(), 3);
        assert_ne!(a, generate_password());
    }

    #[tokio::test]
    async fn a_full_queue_refuses_at_once() {
        let hash = hash_password("right").unwrap();
        let checker = PasswordChecker::new(1, 1);
        let (a, b, c) = tokio::join!(
            checker.verify("right", &hash),
            checker.verify("wrong", &hash),
            checker.verify("right", &hash),
        );
        assert!(matches!(a, Ok(true)));
        assert!(matches!(b, Ok(false)));
        assert!(c.is_err(), "the third finds one running and one waiting");
        assert!(matches!(checker.verify("right", &hash).await, Ok(true)));
    }
}
