//! One log line per HTTP request: method, path, status and time taken. Query
//! strings and bodies are left out, so no form value reaches the log, and
//! an invitation link's token is cut from its path.

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
    let path = loggable(req.path());
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

/// The path as logged: an invitation's token is the secret that makes an
/// account, so only the route is kept.
fn loggable(path: &str) -> String {
    match path.strip_prefix("/invite/") {
        Some(_) => "/invite/{token}".to_string(),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::loggable;

    #[test]
    fn invitation_tokens_stay_out_of_the_log() {
        assert_eq!(
            loggable(&format!("/invite/{}", "ab".repeat(32))),
            "/invite/{token}"
        );
        assert_eq!(loggable("/console/K7HQ2M"), "/console/K7HQ2M");
    }
}
