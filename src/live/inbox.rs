//! The incoming half of a live socket: websocket frames decoded from the
//! request body, with a byte budget.
//!
//! Our own reader rather than actix-ws's message stream, for three reasons:
//! its stream reads everything the client sends into one buffer before it
//! decodes (a frame header may declare a gigabyte and trickle it in), it
//! reports text that is not UTF-8 as a lost connection instead of something
//! the server can answer with close code 1007, and the connection must see
//! every frame (continuations and pongs included) to count it against the
//! socket's rate limit.

use actix_http::ws::{OpCode, Parser, ProtocolError};
use actix_web::web;
use bytes::{Bytes, BytesMut};
use bytestring::ByteString;
use futures_util::Stream;
use std::future::poll_fn;
use std::pin::Pin;
use std::task::{Context, Poll};

/// One frame from the client, text already checked to be UTF-8.
#[derive(Debug)]
pub enum Incoming {
    Text(ByteString),
    Binary,
    /// A fragment of a message split over several frames (not part of the protocol).
    Continuation,
    Ping(Bytes),
    Pong,
    Close,
}

/// Why reading stopped.
#[derive(Debug)]
pub enum ReadError {
    /// A frame over the size limit, or more bytes buffered for one frame than
    /// the budget allows.
    TooBig,
    /// A text frame that is not UTF-8.
    InvalidUtf8,
    /// Broken websocket framing.
    Protocol(ProtocolError),
    /// The network went away mid-frame: not the client's fault.
    Lost,
}

/// Frames from one client.
pub struct Inbox {
    payload: web::Payload,
    max_frame: usize,
    buffer: BytesMut,
    /// Most bytes held for one frame not yet complete.
    budget: usize,
    ended: bool,
}

impl Inbox {
    /// Reads frames of at most `max_frame` bytes, holding at most `budget`
    /// bytes (at least `max_frame` plus room for headers) while one arrives.
    pub fn new(payload: web::Payload, max_frame: usize, budget: usize) -> Self {
        Inbox {
            payload,
            max_frame,
            buffer: BytesMut::new(),
            budget,
            ended: false,
        }
    }

    /// The next frame; `None` once the client's side of the connection ended.
    pub async fn recv(&mut self) -> Option<Result<Incoming, ReadError>> {
        poll_fn(|cx| self.poll_frame(cx)).await
    }

    fn poll_frame(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Incoming, ReadError>>> {
        loop {
            // `true`: frames from a client must be masked.
            match Parser::parse(&mut self.buffer, true, self.max_frame) {
                Ok(Some((finished, opcode, payload))) => {
                    let payload = payload.map(BytesMut::freeze).unwrap_or_default();
                    return Poll::Ready(Some(incoming(finished, opcode, payload)));
                }
                Ok(None) => {}
                Err(ProtocolError::Overflow) => return Poll::Ready(Some(Err(ReadError::TooBig))),
                Err(error) => return Poll::Ready(Some(Err(ReadError::Protocol(error)))),
            }
            // Nothing complete yet: everything buffered belongs to one frame.
            if self.buffer.len() > self.budget {
                return Poll::Ready(Some(Err(ReadError::TooBig)));
            }
            if self.ended {
                return Poll::Ready(None);
            }
            match Pin::new(&mut self.payload).poll_next(cx) {
                Poll::Ready(Some(Ok(bytes))) => {
                    if self.buffer.is_empty() {
                        self.buffer = BytesMut::from(bytes);
                    } else {
                        self.buffer.extend_from_slice(&bytes);
                    }
                }
                Poll::Ready(Some(Err(_))) => {
                    self.ended = true;
                    return Poll::Ready(Some(Err(ReadError::Lost)));
                }
                Poll::Ready(None) => self.ended = true,
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

/// Fragments are never part of the protocol, so they are not reassembled:
/// each is reported (and counted) on its own.
fn incoming(finished: bool, opcode: OpCode, payload: Bytes) -> Result<Incoming, ReadError> {
    Ok(match opcode {
        OpCode::Text if finished => {
            Incoming::Text(ByteString::try_from(payload).map_err(|_| ReadError::InvalidUtf8)?)
        }
        OpCode::Text | OpCode::Continue => Incoming::Continuation,
        OpCode::Binary => Incoming::Binary,
        OpCode::Ping => Incoming::Ping(payload),
        OpCode::Pong => Incoming::Pong,
        OpCode::Close => match Parser::try_parse_close_payload(&payload) {
            Ok(_) => Incoming::Close,
            Err(error) => return Err(ReadError::Protocol(error)),
        },
        OpCode::Bad => return Err(ReadError::Protocol(ProtocolError::BadOpCode)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::FromRequest;
    use actix_web::test::TestRequest;

    /// A masked client frame, as browsers send them.
    fn frame(first_byte: u8, payload: &[u8]) -> Vec<u8> {
        let mask = [9u8, 8, 7, 6];
        let mut out = vec![first_byte, 0x80 | 127];
        out.extend_from_slice(&(payload.len() as u64).to_be_bytes());
        out.extend_from_slice(&mask);
        out.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
        out
    }

    async fn inbox(bytes: Vec<u8>) -> Inbox {
        let (req, mut payload) = TestRequest::default().set_payload(bytes).to_http_parts();
        let payload = web::Payload::from_request(&req, &mut payload)
            .await
            .unwrap();
        Inbox::new(payload, 64 * 1024, 80 * 1024)
    }

    #[actix_web::test]
    async fn every_kind_of_frame_is_reported() {
        let mut bytes = frame(0x81, br#"{"type":"ping"}"#);
        bytes.extend(frame(0x01, b"first half")); // a text fragment
        bytes.extend(frame(0x80, b"second half")); // its continuation
        bytes.extend(frame(0x8a, b"")); // pong
        bytes.extend(frame(0x89, b"hi")); // ping
        bytes.extend(frame(0x82, &[1, 2, 3])); // binary
        let mut inbox = inbox(bytes).await;
        let mut seen = Vec::new();
        while let Some(frame) = inbox.recv().await {
            seen.push(format!("{:?}", frame.unwrap()));
        }
        assert_eq!(
            seen,
            [
                r#"Text("{\"type\":\"ping\"}")"#,
                "Continuation",
                "Continuation",
                "Pong",
                "Ping(b\"hi\")",
                "Binary",
            ]
        );
    }

    #[actix_web::test]
    async fn text_that_is_not_utf8_is_reported_as_such() {
        let mut inbox = inbox(frame(0x81, &[b'{', 0xff, b'}'])).await;
        assert!(matches!(
            inbox.recv().await,
            Some(Err(ReadError::InvalidUtf8))
        ));
    }

    #[actix_web::test]
    async fn a_frame_declaring_a_gigabyte_is_cut_off_at_the_budget() {
        let mut bytes = vec![0x81, 0x80 | 127];
        bytes.extend_from_slice(&(1u64 << 30).to_be_bytes());
        bytes.extend_from_slice(&[1, 2, 3, 4]);
        bytes.extend(std::iter::repeat_n(b'x', 100 * 1024));
        let mut inbox = inbox(bytes).await;
        assert!(matches!(inbox.recv().await, Some(Err(ReadError::TooBig))));
    }
}
