//! One log line per HTTP request: method, path, status and time taken. Query
//! strings and bodies are left out, so no form value reaches the log, and
//! the secrets some paths carry (an invitation's token, a moderator code)
//! are cut from them.

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

/// The path as logged. An invitation's token makes an account, and a
/// moderator code opens a gathering's team-only requests: of such paths only
/// the route is kept, whatever follows.
pub fn loggable(path: &str) -> String {
    const SECRET_AFTER: [(&str, &str); 3] = [
        ("/invite/", "/invite/{token}"),
        ("/m/", "/m/{code}"),
        ("/ws/moderate/", "/ws/moderate/{code}"),
    ];
    for (prefix, route) in SECRET_AFTER {
        if let Some(rest) = path.strip_prefix(prefix) {
            // `/m/{code}/requests/{id}` keeps its shape, not its code.
            return match rest.split_once('/') {
                Some((_, after)) => format!("{route}/{after}"),
                None => route.to_string(),
            };
        }
    }
    path.to_string()
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

    #[test]
    fn moderator_codes_stay_out_of_the_log() {
        assert_eq!(loggable("/m/TYZMHHB8PM65"), "/m/{code}");
        assert_eq!(
            loggable("/m/TYZMHHB8PM65/requests/7"),
            "/m/{code}/requests/7"
        );
        assert_eq!(loggable("/ws/moderate/TYZMHHB8PM65"), "/ws/moderate/{code}");
        assert_eq!(loggable("/m"), "/m");
    }
}
