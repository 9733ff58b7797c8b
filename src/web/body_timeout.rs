//! Deadlines for request bodies. actix-http times out a request's head
//! (`client_request_timeout`) but not its body: a POST that declares
//! `Content-Length: 60000` and then sends nothing held its connection, and a
//! descriptor, for ever. This middleware wraps every request body in a stream
//! with two deadlines: each piece must arrive within `pause` of the previous
//! one (or of the head), and the whole body within `pause` times
//! [`WHOLE_BODY_FACTOR`]. When either passes, whatever is reading the body
//! (a form, a multipart upload) gets an error, and the response becomes a 408
//! that closes the connection, whatever the handler made of the error.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse};
use bytes::Bytes;
use futures_util::Stream;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{Instant, Sleep};

/// The whole body may take this many times the longest pause.
pub const WHOLE_BODY_FACTOR: u32 = 6;

/// Puts deadlines on the body of every request that has one; see the module docs.
pub async fn limit_body_time(
    pause: Duration,
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    if !has_body(&req) {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let timed_out = Rc::new(Cell::new(false));
    let payload = TimedPayload::new(req.take_payload(), pause, timed_out.clone());
    req.set_payload(Payload::Stream {
        payload: Box::pin(payload),
    });
    let response = next.call(req).await?;
    if !timed_out.get() {
        return Ok(response.map_into_left_body());
    }
    // The request log line shows the 408; a flood of them needs no second line each.
    tracing::debug!(
        path = super::request_log::loggable(response.request().path()),
        "request body did not arrive in time"
    );
    let refusal = HttpResponse::RequestTimeout()
        .force_close()
        .content_type("text/plain; charset=utf-8")
        .body(super::language::for_request(response.request()).get("error-too-slow"));
    Ok(ServiceResponse::new(response.request().clone(), refusal).map_into_right_body())
}

/// Whether the request announces a body. Websocket upgrades never do: their
/// frames arrive on the payload stream, and have their own timeouts.
fn has_body(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    if headers.contains_key(header::UPGRADE) {
        return false;
    }
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() != "0")
}

/// A request body that fails with a timeout when it stalls.
struct TimedPayload {
    inner: Payload,
    pause: Duration,
    whole_deadline: Instant,
    timer: Pin<Box<Sleep>>,
    timed_out: Rc<Cell<bool>>,
    finished: bool,
}

impl TimedPayload {
    fn new(inner: Payload, pause: Duration, timed_out: Rc<Cell<bool>>) -> Self {
        let now = Instant::now();
        let whole_deadline = now + pause * WHOLE_BODY_FACTOR;
        TimedPayload {
            inner,
            pause,
            whole_deadline,
            timer: Box::pin(tokio::time::sleep_until((now + pause).min(whole_deadline))),
            timed_out,
            finished: false,
        }
    }
}

impl Stream for TimedPayload {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.finished {
            return Poll::Ready(None);
        }
        match Pin::new(&mut this.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => {
                let next = (Instant::now() + this.pause).min(this.whole_deadline);
                this.timer.as_mut().reset(next);
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(other) => {
                this.finished = other.is_none();
                Poll::Ready(other)
            }
            Poll::Pending => {
                if this.timer.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                this.finished = true;
                this.timed_out.set(true);
                Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "the request body did not arrive in time",
                )))))
            }
        }
    }
}
