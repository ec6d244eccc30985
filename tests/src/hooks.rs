//! A webhook receiver on loopback that keeps what it is posted and answers 204. It can go
//! down (its port refuses connections) and come back on the same port.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as received.
#[derive(Debug, Clone)]
pub struct Posted {
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Posted {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_default()
    }

    pub fn event_type(&self) -> String {
        self.json()["type"].as_str().unwrap_or_default().to_owned()
    }
}

pub struct Receiver {
    port: u16,
    posted: Arc<Mutex<Vec<Posted>>>,
    running: Option<Arc<AtomicBool>>,
}

impl Receiver {
    pub fn start() -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let mut receiver = Self {
            port,
            posted: Arc::default(),
            running: None,
        };
        receiver.serve(listener)?;
        Ok(receiver)
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn serve(&mut self, listener: TcpListener) -> anyhow::Result<()> {
        listener.set_nonblocking(true)?;
        let running = Arc::new(AtomicBool::new(true));
        let (flag, posted) = (running.clone(), self.posted.clone());
        std::thread::spawn(move || {
            while flag.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        if let Some(p) = read(stream) {
                            posted.lock().unwrap_or_else(|e| e.into_inner()).push(p);
                        }
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        self.running = Some(running);
        Ok(())
    }

    /// Stops listening: connections to the port are refused.
    pub fn down(&mut self) {
        if let Some(flag) = self.running.take() {
            flag.store(false, Ordering::SeqCst);
        }
        // The listener closes when its thread sees the flag.
        std::thread::sleep(Duration::from_millis(50));
    }

    /// Listens again on the same port.
    pub fn up(&mut self) -> anyhow::Result<()> {
        let listener = TcpListener::bind(("127.0.0.1", self.port))?;
        self.serve(listener)
    }

    pub fn posted(&self) -> Vec<Posted> {
        self.posted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits (up to 20 s) until a delivery of `event_type` has come.
    pub async fn wait_for(&self, event_type: &str) -> anyhow::Result<Posted> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(p) = self
                .posted()
                .into_iter()
                .find(|p| p.event_type() == event_type)
            {
                return Ok(p);
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "no {event_type} delivery; got {:?}",
                self.posted()
                    .iter()
                    .map(Posted::event_type)
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        if let Some(flag) = self.running.take() {
            flag.store(false, Ordering::SeqCst);
        }
    }
}

/// Reads one HTTP/1.1 request with a Content-Length body and answers 204.
fn read(mut stream: TcpStream) -> Option<Posted> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut headers = HashMap::new();
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        if let Some((name, value)) = trimmed.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    let length: usize = headers.get("content-length")?.parse().ok()?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    stream
        .write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n")
        .ok()?;
    Some(Posted {
        headers,
        body: String::from_utf8(body).ok()?,
    })
}
