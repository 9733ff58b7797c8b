//! Headless Chromium driven over WebDriver (fantoccini + chromedriver) against
//! the real server. Without Chromium the browser tests fail, naming it, unless
//! the run asked to go without it by name (`INTERCEDE_SKIP=browser`, see
//! `parts.rs`), when they say so and return.

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a page may take to show what a test waits for.
pub const PAGE_WAIT: Duration = Duration::from_secs(20);

const DRIVERS: &[&str] = &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];
const BROWSERS: &[&str] = &[
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
];

fn find(candidates: &[&str], env: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env) {
        return Some(PathBuf::from(path));
    }
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

/// A chromedriver process; browsers opened through it close with it.
pub struct Driver {
    process: Child,
    port: u16,
    browser: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Starts chromedriver; without a browser, a failure that says why, or `None`
/// when the run asked to skip browsers.
pub fn driver() -> Option<Driver> {
    let (Some(driver), Some(browser)) = (
        find(DRIVERS, "INTERCEDE_CHROMEDRIVER"),
        find(BROWSERS, "INTERCEDE_CHROMIUM"),
    ) else {
        super::parts::missing(
            super::parts::Part::Browser,
            "Chromium or chromedriver not found, so the browser test cannot run",
        );
        return None;
    };
    let port = free_port();
    let process = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    Some(Driver {
        process,
        port,
        browser,
    })
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Driver {
    /// A new headless browser window of the given size (CSS pixels), as a
    /// phone (touch, no hover).
    pub async fn open(&self, width: u32, height: u32) -> Page {
        self.open_as(width, height, true).await
    }

    /// A laptop's browser window: a mouse and a keyboard, no touch.
    pub async fn open_laptop(&self, width: u32, height: u32) -> Page {
        self.open_as(width, height, false).await
    }

    async fn open_as(&self, width: u32, height: u32, touch: bool) -> Page {
        let mut caps = Capabilities::new();
        let mut options = json!({
                "binary": self.browser,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                    format!("--window-size={width},{height}"),
                ],
        });
        if touch {
            options["mobileEmulation"] =
                json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0 } });
        }
        caps.insert("goog:chromeOptions".into(), options);
        let url = format!("http://127.0.0.1:{}", self.port);
        let started = Instant::now();
        loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => return Page { client },
                Err(error) if started.elapsed() < Duration::from_secs(20) => {
                    let _ = error;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(error) => panic!("could not open a browser: {error}"),
            }
        }
    }
}

/// One browser window.
pub struct Page {
    pub client: Client,
}

impl Page {
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("page loads");
    }

    /// Runs a script in the page and returns its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// The text of an element (empty if missing).
    pub async fn text(&self, css: &str) -> String {
        let script = format!(
            "var e = document.querySelector({}); return e ? e.textContent.trim() : '';",
            serde_json::to_string(css).unwrap()
        );
        self.eval(&script)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until a script returns true.
    pub async fn wait_for(&self, what: &str, script: &str) {
        let started = Instant::now();
        loop {
            if self.eval(script).await == Value::Bool(true) {
                return;
            }
            if started.elapsed() > PAGE_WAIT {
                panic!("timed out waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until an element's text contains `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) {
        let started = Instant::now();
        loop {
            let text = self.text(css).await;
            if text.contains(expected) {
                return;
            }
            if started.elapsed() > PAGE_WAIT {
                panic!("timed out waiting for {css} to contain {expected:?}; it shows {text:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} on the page: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("{css} clickable: {e}"));
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} on the page: {e}"))
            .send_keys(text)
            .await
            .unwrap();
    }

    /// Saves a screenshot under `target/screenshots/` for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("target")
            .join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Page sizes as the page sees them: (scrollWidth, clientWidth, scrollHeight, clientHeight).
    pub async fn scroll_sizes(&self) -> (i64, i64, i64, i64) {
        let v = self
            .eval(
                "var d = document.documentElement; \
                 return [d.scrollWidth, d.clientWidth, d.scrollHeight, d.clientHeight];",
            )
            .await;
        let n = |i: usize| v[i].as_i64().unwrap();
        (n(0), n(1), n(2), n(3))
    }

    /// Lays the page out as the browser would print it (`@media print`), or
    /// back as a screen, through the browser's own developer protocol.
    pub async fn emulate_media(&self, media: &str) {
        self.client
            .issue_cmd(DevToolsCommand {
                cmd: "Emulation.setEmulatedMedia",
                params: json!({ "media": media }),
            })
            .await
            .expect("media emulated");
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// A command of Chromium's developer protocol, sent through chromedriver.
#[derive(Debug)]
struct DevToolsCommand {
    cmd: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevToolsCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// A page of the given size, logged in as the facilitator, at `path`.
pub async fn facilitator_page(
    driver: &Driver,
    app: &super::helpers::TestApp,
    width: u32,
    path: &str,
) -> Page {
    // Phones are touch screens; wider windows are a laptop with a keyboard.
    let page = if width <= 800 {
        driver.open(width, 800).await
    } else {
        driver.open_laptop(width, 800).await
    };
    page.goto(&format!("{}/login?next={path}", app.address))
        .await;
    page.type_into("input[name=name]", super::helpers::OWNER)
        .await;
    page.type_into("input[name=password]", super::helpers::PASSWORD)
        .await;
    page.click("button[type=submit]").await;
    page.wait_for(
        "the page after signing in",
        &format!(
            "return location.pathname === {} && document.readyState === 'complete';",
            serde_json::to_string(path).unwrap()
        ),
    )
    .await;
    page
}
