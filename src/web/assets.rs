//! The stylesheet and scripts, built into the binary so the server works from
//! any directory and needs nothing from the internet.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use std::hash::{DefaultHasher, Hash, Hasher};
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
        name: "console.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/console.js"),
    },
];

/// A validator per asset, so a phone revalidates cheaply instead of downloading again.
fn etags() -> &'static Vec<String> {
    static ETAGS: OnceLock<Vec<String>> = OnceLock::new();
    ETAGS.get_or_init(|| {
        ASSETS
            .iter()
            .map(|asset| {
                let mut hasher = DefaultHasher::new();
                asset.body.hash(&mut hasher);
                format!("\"{:016x}\"", hasher.finish())
            })
            .collect()
    })
}

pub async fn asset(req: HttpRequest, file: web::Path<String>) -> HttpResponse {
    let Some(index) = ASSETS.iter().position(|a| a.name == file.as_str()) else {
        return HttpResponse::NotFound()
            .content_type("text/plain")
            .body("No such file.");
    };
    let asset = &ASSETS[index];
    let etag = &etags()[index];
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
        .insert_header((header::CACHE_CONTROL, "no-cache"));
    if fresh {
        response.finish()
    } else {
        response.content_type(asset.content_type).body(asset.body)
    }
}
