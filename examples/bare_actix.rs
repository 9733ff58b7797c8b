//! A bare actix-ws broadcast server: the second baseline the load generator
//! (`examples/load_generator.rs`, `--baseline actix`) measures beside
//! Intercede, doing exactly what `bench/node/broadcast.js` does: every socket
//! gets a first frame on connecting; a `next` / `previous` from any socket
//! sends one frame of the given size (the new topic, the next `seq`) to every
//! socket, the same bytes for all; a `tap` is answered with an `ack` at once
//! (no disk, no rules, no limits).
//!
//! It is written the plain way an actix-ws server is: one task per socket,
//! one `tokio::sync::broadcast` channel for the frames.
//!
//! ```sh
//! taskset -c 0 target/release/examples/bare_actix 8093 1585
//! ```

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use actix_ws::Message;
use bytestring::ByteString;
use futures_util::StreamExt;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering::Relaxed};
use tokio::sync::broadcast;

struct Room {
    frames: broadcast::Sender<ByteString>,
    topic: AtomicI64,
    seq: AtomicI64,
    frame_bytes: usize,
}

impl Room {
    fn frame(&self, kind: &str) -> ByteString {
        let head = format!(
            r#"{{"type":"{kind}","seq":{},"live":{{"phase":"topic","topic":{{"id":{},"body_html":""#,
            self.seq.load(Relaxed),
            self.topic.load(Relaxed)
        );
        let tail = r#""}}}"#;
        let pad = self.frame_bytes.saturating_sub(head.len() + tail.len());
        ByteString::from(format!("{head}{}{tail}", "x".repeat(pad)))
    }
}

async fn socket(
    req: HttpRequest,
    body: web::Payload,
    room: web::Data<Arc<Room>>,
) -> actix_web::Result<HttpResponse> {
    let (response, mut session, mut messages) = actix_ws::handle(&req, body)?;
    let room = room.get_ref().clone();
    let mut frames = room.frames.subscribe();
    actix_web::rt::spawn(async move {
        if session.text(room.frame("snapshot")).await.is_err() {
            return;
        }
        loop {
            tokio::select! {
                frame = frames.recv() => match frame {
                    Ok(frame) => if session.text(frame).await.is_err() { return },
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(_) => return,
                },
                message = messages.next() => match message {
                    Some(Ok(Message::Text(text))) => {
                        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
                            continue;
                        };
                        match value["type"].as_str() {
                            Some(kind @ ("next" | "previous")) => {
                                room.topic.fetch_add(if kind == "next" { 1 } else { -1 }, Relaxed);
                                room.seq.fetch_add(1, Relaxed);
                                let _ = room.frames.send(room.frame("state"));
                            }
                            Some("tap") => {
                                let ack = format!(
                                    r#"{{"type":"ack","op":{},"topic":{},"counted":true}}"#,
                                    value["op"],
                                    room.topic.load(Relaxed)
                                );
                                if session.text(ack).await.is_err() {
                                    return;
                                }
                            }
                            _ => {}
                        }
                    }
                    Some(Ok(Message::Ping(bytes))) => {
                        let _ = session.pong(&bytes).await;
                    }
                    Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                    Some(Ok(_)) => {}
                },
            }
        }
    });
    Ok(response)
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let port: u16 = args.next().and_then(|p| p.parse().ok()).unwrap_or(8093);
    let frame_bytes: usize = args.next().and_then(|b| b.parse().ok()).unwrap_or(1500);
    let room = Arc::new(Room {
        frames: broadcast::channel(64).0,
        topic: AtomicI64::new(1),
        seq: AtomicI64::new(0),
        frame_bytes,
    });
    HttpServer::new(move || {
        App::new()
            .app_data(web::Data::new(room.clone()))
            .route("/attend", web::get().to(socket))
            .route("/console", web::get().to(socket))
    })
    .workers(1)
    .bind(("127.0.0.1", port))?
    .run()
    .await
}
