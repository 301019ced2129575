//! A small WebDriver client over plain HTTP, for the browser tests: starts
//! Debian's chromedriver on a free loopback port, opens a headless Chromium
//! session at a phone's size, and speaks the few W3C WebDriver commands the
//! tests need (navigate, find, click, run a script, take a screenshot).
//! Blocking: call it from a blocking thread beside the server under test.
//!
//! Included by path (`#[path = "support/webdriver.rs"] mod webdriver;`),
//! beside `http_client` (its chunked bodies are read the same way).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The key W3C WebDriver gives an element's reference under.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
/// No WebDriver command waits longer than this for its answer.
const ANSWER_WITHIN: Duration = Duration::from_secs(60);

/// Where Debian puts the browser and its driver (`chromium`,
/// `chromium-driver`); `None` when either is missing.
pub fn installed() -> Option<(PathBuf, PathBuf)> {
    let find = |names: &[&str]| names.iter().map(PathBuf::from).find(|path| path.is_file());
    let browser = find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"])?;
    let driver = find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])?;
    Some((browser, driver))
}

/// A running chromedriver with one browser session; both end when dropped.
pub struct Browser {
    driver: Child,
    at: SocketAddr,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts `driver` and a headless `browser` whose window is
    /// `width`×`height` CSS pixels, speaking `lang` first.
    pub fn start(browser: &Path, driver: &Path, width: u32, height: u32, lang: &str) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let at = SocketAddr::from(([127, 0, 0, 1], port));
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().unwrap();
        let mut browser_handle = Browser {
            driver: child,
            at,
            session: String::new(),
            _profile: profile,
        };
        let started = Instant::now();
        loop {
            let ready = browser_handle
                .call("GET", "/status", None)
                .ok()
                .and_then(|v| v["value"]["ready"].as_bool());
            if ready == Some(true) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver ready in time"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = browser_handle._profile.path().display().to_string();
        let args = [
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            format!("--user-data-dir={profile}"),
            format!("--window-size={width},{height}"),
            format!("--lang={lang}"),
        ];
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": browser.display().to_string(),
                    "args": args,
                    "prefs": { "intl.accept_languages": lang },
                    // A phone's viewport: a desktop window has a least
                    // width wider than a phone's.
                    "mobileEmulation": { "deviceMetrics": {
                        "width": width, "height": height, "pixelRatio": 2, "touch": true,
                    }},
                }
            }}
        });
        let made = browser_handle
            .call("POST", "/session", Some(capabilities))
            .expect("a browser session");
        browser_handle.session = made["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {made}"))
            .to_string();
        // The page's own size, whatever the window's frame takes.
        browser_handle.script(&format!(
            "window.resizeTo && window.resizeTo({width},{height}); return 0;"
        ));
        browser_handle
    }

    /// One WebDriver command: its JSON answer, or the error it said.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut stream = TcpStream::connect(self.at).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(ANSWER_WITHIN)).ok();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.at,
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| e.to_string())?;
        let (_, body) = read_answer(&mut stream)?;
        let value: Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
        if value["value"]["error"].is_string() {
            return Err(value["value"].to_string());
        }
        Ok(value)
    }

    fn session_call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.call(method, &path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub fn open(&self, url: &str) {
        self.session_call("POST", "/url", Some(json!({ "url": url })));
    }

    /// Runs `script` (a function body) in the page; its return value.
    pub fn script(&self, script: &str) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )["value"]
            .clone()
    }

    /// Waits until `script` returns true; panics with `what` after `within`.
    pub fn wait_until(&self, script: &str, within: Duration, what: &str) {
        let started = Instant::now();
        while self.script(script) != Value::Bool(true) {
            assert!(started.elapsed() < within, "waited for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The text of the first element `css` finds ("" when none).
    pub fn text(&self, css: &str) -> String {
        let script = format!(
            "var e = document.querySelector({}); return e ? e.textContent : '';",
            json!(css)
        );
        self.script(&script).as_str().unwrap_or("").to_string()
    }

    /// Clicks the `n`-th element `css` finds, as a person's tap: WebDriver
    /// scrolls it into view and clicks its middle.
    pub fn click(&self, css: &str, n: usize) {
        let found = self.session_call(
            "POST",
            "/elements",
            Some(json!({ "using": "css selector", "value": css })),
        );
        let id = found["value"][n][ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {n} for {css}: {found}"))
            .to_string();
        self.session_call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// The page as a PNG.
    pub fn screenshot(&self) -> Vec<u8> {
        let shot = self.session_call("GET", "/screenshot", None);
        decode_base64(shot["value"].as_str().expect("a screenshot"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// One HTTP answer: chromedriver keeps the connection open, so its body is
/// read by its length (or its chunks), not to the end.
fn read_answer(stream: &mut TcpStream) -> Result<(String, String), String> {
    let mut raw = Vec::new();
    let mut byte = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream.read(&mut byte).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("closed before its head".into());
        }
        raw.extend_from_slice(&byte[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim() == "content-length")
        .and_then(|(_, value)| value.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let body = &raw[head_end..];
        let done = match length {
            Some(length) => body.len() >= length,
            None if chunked => body.windows(5).any(|w| w == b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        let n = stream.read(&mut byte).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&byte[..n]);
    }
    let body = String::from_utf8_lossy(&raw[head_end..]).into_owned();
    let body = if chunked {
        crate::http_client::dechunk(&body)
    } else {
        body
    };
    Ok((head, body))
}

/// Standard base64, as WebDriver sends screenshots.
pub fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let digits: Vec<u32> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | d << (18 - 6 * i));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}
