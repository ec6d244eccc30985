//! A real SMTP server on loopback that keeps what it receives. It can be told to fail
//! (answering 451) to play an outage.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Mail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub message_id: Option<String>,
    /// PNG parts (inline or attached), decoded.
    pub images: Vec<Vec<u8>>,
}

impl Mail {
    /// The first link in the text part that contains `fragment`.
    pub fn link(&self, fragment: &str) -> Option<String> {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(fragment))
            .map(str::to_owned)
    }
}

#[derive(Default)]
struct State {
    mails: Vec<Mail>,
    failing: bool,
    refused: usize,
    /// How long the sink takes for each message before taking it (a slow relay).
    delay: Duration,
}

#[derive(Clone)]
pub struct SmtpSink {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
}

impl SmtpSink {
    pub fn start() -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = shared.clone();
                std::thread::spawn(move || {
                    let _ = serve(stream, &state);
                });
            }
        });
        Ok(Self { addr, state })
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// While failing, every mail is refused with a temporary error.
    pub fn set_failing(&self, failing: bool) {
        self.state.lock().unwrap().failing = failing;
    }

    /// Makes every message take `delay` before the sink takes it, as a slow relay does.
    pub fn set_delay(&self, delay: Duration) {
        self.state.lock().unwrap().delay = delay;
    }

    pub fn refused(&self) -> usize {
        self.state.lock().unwrap().refused
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.state.lock().unwrap().mails.clone()
    }

    pub fn mails_to(&self, to: &str) -> Vec<Mail> {
        self.mails()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
            .collect()
    }

    /// Waits (up to 15 s) until `count` mails to `to` have arrived; returns the latest.
    pub async fn wait_for_nth(&self, to: &str, count: usize) -> anyhow::Result<Mail> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let mails = self.mails_to(to);
            if mails.len() >= count {
                return Ok(mails[count - 1].clone());
            }
            if Instant::now() > deadline {
                anyhow::bail!(
                    "no mail #{count} to {to} within 15 s; the sink has {:?}",
                    self.mails()
                        .iter()
                        .map(|m| (&m.to, &m.subject))
                        .collect::<Vec<_>>()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits (up to 15 s) for a mail to `to` whose subject starts with `prefix`.
    pub async fn wait_for_subject(&self, to: &str, prefix: &str) -> anyhow::Result<Mail> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(mail) = self
                .mails_to(to)
                .into_iter()
                .find(|m| m.subject.starts_with(prefix))
            {
                return Ok(mail);
            }
            if Instant::now() > deadline {
                anyhow::bail!("no mail \"{prefix}…\" to {to} within 15 s");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn wait_for(&self, to: &str) -> anyhow::Result<Mail> {
        self.wait_for_nth(to, 1).await
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    out.write_all(b"220 devday-test-sink ESMTP\r\n")?;
    let mut recipients = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        if command.starts_with("EHLO") {
            out.write_all(b"250-devday-test-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")?;
        } else if command.starts_with("HELO") || command.starts_with("NOOP") {
            out.write_all(b"250 OK\r\n")?;
        } else if command.starts_with("RSET") {
            recipients.clear();
            out.write_all(b"250 OK\r\n")?;
        } else if command.starts_with("MAIL FROM") {
            let mut s = state.lock().unwrap();
            if s.failing {
                s.refused += 1;
                out.write_all(b"451 4.3.0 Try again later\r\n")?;
            } else {
                out.write_all(b"250 OK\r\n")?;
            }
        } else if command.starts_with("RCPT TO") {
            let addr = line
                .split_once(':')
                .map(|(_, a)| {
                    a.trim()
                        .trim_start_matches('<')
                        .trim_end_matches('>')
                        .to_owned()
                })
                .unwrap_or_default();
            recipients.push(addr);
            out.write_all(b"250 OK\r\n")?;
        } else if command == "DATA" {
            let delay = state.lock().unwrap().delay;
            std::thread::sleep(delay);
            out.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
            let mut raw = String::new();
            loop {
                line.clear();
                if reader.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                raw.push_str(line.strip_prefix('.').unwrap_or(&line));
            }
            let mail = parse(&raw, std::mem::take(&mut recipients));
            state.lock().unwrap().mails.push(mail);
            out.write_all(b"250 OK queued\r\n")?;
        } else if command.starts_with("QUIT") {
            out.write_all(b"221 Bye\r\n")?;
            return Ok(());
        } else {
            out.write_all(b"502 Command not implemented\r\n")?;
        }
    }
}

fn parse(raw: &str, to: Vec<String>) -> Mail {
    let message = mail_parser::MessageParser::default().parse(raw.as_bytes());
    match message {
        Some(m) => Mail {
            to,
            subject: m.subject().unwrap_or_default().to_owned(),
            text: m.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
            html: m.body_html(0).map(|t| t.into_owned()),
            message_id: m.message_id().map(str::to_owned),
            images: m
                .attachments()
                .filter(|part| {
                    mail_parser::MimeHeaders::content_type(*part)
                        .is_some_and(|t| t.ctype() == "image" && t.subtype() == Some("png"))
                })
                .map(|part| part.contents().to_vec())
                .collect(),
        },
        None => Mail {
            to,
            subject: String::new(),
            text: raw.to_owned(),
            html: None,
            message_id: None,
            images: Vec::new(),
        },
    }
}
