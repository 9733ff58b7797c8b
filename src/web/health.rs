//! `/healthz`: 200 while the database answers, 503 otherwise.

use super::AppState;
use actix_web::{HttpResponse, web};

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    if state.store.ping().await {
        HttpResponse::Ok().content_type("text/plain").body("ok")
    } else {
        HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("database unreachable")
    }
}
