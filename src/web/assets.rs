//! The stylesheet and scripts, built into the binary so the server works from
//! any directory and needs nothing from the internet.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::sync::OnceLock;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "app.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("../../static/app.css"),
    },
    Asset {
        name: "live.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/live.js"),
    },
    Asset {
        name: "attend.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/attend.js"),
    },
    Asset {
        name: "moderate.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/moderate.js"),
    },
    Asset {
        name: "requests.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/requests.js"),
    },
    Asset {
        name: "projector.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/projector.js"),
    },
    Asset {
        name: "favicon.svg",
        content_type: "image/svg+xml",
        body: include_str!("../../static/favicon.svg"),
    },
    Asset {
        name: "time-zone.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/time-zone.js"),
    },
    Asset {
        name: "editor.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/editor.js"),
    },
    Asset {
        name: "copy.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/copy.js"),
    },
    Asset {
        name: "console.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/console.js"),
    },
];

/// Per asset: a validator, so a phone revalidates cheaply instead of downloading
/// again, and the body gzipped once at the best level (the response compression
/// middleware favours speed, which matters for pages but not for files that
/// never change while the server runs).
fn prepared() -> &'static Vec<(String, Vec<u8>)> {
    static PREPARED: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    PREPARED.get_or_init(|| {
        ASSETS
            .iter()
            .map(|asset| {
                let mut hasher = DefaultHasher::new();
                asset.body.hash(&mut hasher);
                let etag = format!("\"{:016x}\"", hasher.finish());
                let mut gz = GzEncoder::new(Vec::new(), Compression::best());
                // unwrap: writing to a Vec cannot fail.
                gz.write_all(asset.body.as_bytes()).unwrap();
                (etag, gz.finish().unwrap())
            })
            .collect()
    })
}

fn accepts_gzip(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")))
}

pub async fn asset(req: HttpRequest, file: web::Path<String>) -> HttpResponse {
    let Some(index) = ASSETS.iter().position(|a| a.name == file.as_str()) else {
        return HttpResponse::NotFound()
            .content_type("text/plain")
            .body("No such file.");
    };
    let asset = &ASSETS[index];
    let (etag, gzipped) = &prepared()[index];
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == etag);
    let mut response = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, etag.as_str()))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header((header::VARY, "Accept-Encoding"));
    if fresh {
        response.finish()
    } else if accepts_gzip(&req) {
        response
            .insert_header((header::CONTENT_ENCODING, "gzip"))
            .content_type(asset.content_type)
            .body(gzipped.clone())
    } else {
        response.content_type(asset.content_type).body(asset.body)
    }
}
