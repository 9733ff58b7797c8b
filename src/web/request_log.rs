//! One log line per HTTP request: method, path, status and time taken. Query
//! strings and bodies are left out, so no form value reaches the log.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use std::time::Instant;

pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.path().to_string();
    let response = next.call(req).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    match &response {
        Ok(res) => tracing::info!(
            %method,
            path,
            status = res.status().as_u16(),
            ms = format_args!("{ms:.1}"),
            "request"
        ),
        Err(error) => {
            tracing::info!(%method, path, %error, ms = format_args!("{ms:.1}"), "request failed")
        }
    }
    response
}
