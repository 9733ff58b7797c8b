//! `/healthz`: 200 "ok" only while the database answers and writes go through;
//! 503 with the reason otherwise (the file was removed or replaced, commits are
//! failing, or one has been stuck), so a monitor or a proxy can tell.

use super::AppState;
use crate::store::writer::WriterHealth;
use actix_web::{HttpResponse, web};

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let problem = match state.store.ping().await {
        Err(reason) => Some(reason),
        Ok(()) => match state.hub.writer_health() {
            WriterHealth::Ok => None,
            WriterHealth::Failing { reason, for_ms } => {
                Some(format!("writes failing for {} s: {reason}", for_ms / 1000))
            }
            WriterHealth::Stuck { for_ms } => {
                Some(format!("a write has been stuck for {} s", for_ms / 1000))
            }
        },
    };
    match problem {
        None => HttpResponse::Ok().content_type("text/plain").body("ok"),
        Some(reason) => {
            tracing::debug!(%reason, "health check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body(reason)
        }
    }
}
