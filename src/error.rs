//! The crate's error type. Client mistakes carry a [`Message`] a person can
//! act on: its key and variables, put into words once, at the edge, in the
//! reader's language (`web::error_page`; shown with `{}` it reads in
//! English). Anything unexpected is logged with its cause chain and shown as a
//! plain 500.

use crate::i18n::Message;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    NotFound(Message),
    #[error("{0}")]
    BadRequest(Message),
    #[error("Please log in as the facilitator.")]
    Unauthorized,
    /// A form without this session's CSRF token (expired, or from another site).
    #[error("This form has expired or came from another site. Reload the page and try again.")]
    Csrf,
    #[error("{0}")]
    Forbidden(Message),
    #[error("{0}")]
    PayloadTooLarge(Message),
    #[error("{0}")]
    TooManyRequests(Message),
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("could not render the page")]
    Render(#[from] askama::Error),
    #[error("{0}")]
    Internal(String),
    /// The server is stopping: it takes on nothing new, and the client tries
    /// again in a moment (reaching the next process).
    #[error("The server is restarting. Please try again in a moment.")]
    Restarting,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn internal(message: impl Into<String>) -> Self {
        AppError::Internal(message.into())
    }

    /// What a person is told, for a refusal that carries its own words.
    pub fn message(&self) -> Option<&Message> {
        match self {
            AppError::NotFound(message)
            | AppError::BadRequest(message)
            | AppError::Forbidden(message)
            | AppError::PayloadTooLarge(message)
            | AppError::TooManyRequests(message) => Some(message),
            _ => None,
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Restarting => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(_) | AppError::Render(_) | AppError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if let AppError::Restarting = self {
            return HttpResponse::build(status)
                .insert_header((actix_web::http::header::RETRY_AFTER, "1"))
                .content_type("text/plain; charset=utf-8")
                .body(self.to_string());
        }
        let message = if status.is_server_error() {
            tracing::error!(error = ?self, cause = %error_chain(self), "request failed");
            "Something went wrong on the server. Please try again.".to_string()
        } else {
            self.to_string()
        };
        HttpResponse::build(status)
            .content_type("text/plain; charset=utf-8")
            .body(message)
    }
}

/// "outer: inner: innermost", for logs.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut out = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}
