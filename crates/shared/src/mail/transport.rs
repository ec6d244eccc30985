use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{FileTransport, Message, SmtpTransport, Transport};

use super::outbox::QueuedMail;
use crate::config::{MailSettings, MailTransportKind, SmtpTls};

/// Where mail goes: an SMTP server, `.eml` files (development) or only the log.
pub enum MailTransport {
    Smtp(Box<SmtpTransport>),
    File(FileTransport),
    Log,
}

#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error("mail.from: {0}")]
    From(String),
    #[error("mail.smtp_host: {0}")]
    Smtp(String),
    #[error("mail.file_dir: {0}")]
    FileDir(String),
    #[error("building the message: {0}")]
    Message(String),
    #[error("sending: {0}")]
    Send(String),
}

pub struct Sender {
    transport: MailTransport,
    from: Mailbox,
}

impl Sender {
    pub fn from_settings(settings: &MailSettings) -> Result<Self, TransportError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| TransportError::From(format!("{e}")))?;
        let transport = match settings.transport {
            MailTransportKind::Log => MailTransport::Log,
            MailTransportKind::File => {
                std::fs::create_dir_all(&settings.file_dir)
                    .map_err(|e| TransportError::FileDir(e.to_string()))?;
                MailTransport::File(FileTransport::new(&settings.file_dir))
            }
            MailTransportKind::Smtp => {
                let host = settings.smtp_host.as_str();
                let tls = |host: &str| {
                    TlsParameters::new(host.to_owned())
                        .map_err(|e| TransportError::Smtp(e.to_string()))
                };
                let mut builder = SmtpTransport::builder_dangerous(host)
                    .port(settings.smtp_port)
                    .timeout(Some(Duration::from_secs(settings.timeout_seconds)));
                builder = match settings.smtp_tls {
                    SmtpTls::None => builder.tls(Tls::None),
                    SmtpTls::Starttls => builder.tls(Tls::Required(tls(host)?)),
                    SmtpTls::Tls => builder.tls(Tls::Wrapper(tls(host)?)),
                };
                if !settings.smtp_username.is_empty() {
                    builder = builder.credentials(Credentials::new(
                        settings.smtp_username.clone(),
                        settings.smtp_password.clone(),
                    ));
                }
                MailTransport::Smtp(Box::new(builder.build()))
            }
        };
        Ok(Self { transport, from })
    }

    pub fn send(&self, mail: &QueuedMail) -> Result<(), TransportError> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|e| TransportError::Message(format!("recipient: {e}")))?;
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            // Stable per outbox entry: if a crash makes us send a mail twice, receivers and
            // the test sink can tell it is the same mail.
            .message_id(Some(format!("<{}@devday>", mail.id)));
        let text = SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body_text.clone());
        let png =
            || ContentType::parse("image/png").map_err(|e| TransportError::Message(e.to_string()));
        let message = match (&mail.body_html, &mail.inline_png) {
            (Some(html), image) => {
                let alternative = MultiPart::alternative().singlepart(text).singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(html.clone()),
                );
                match image {
                    // The HTML shows it as `cid:inline`.
                    Some(bytes) => {
                        builder.multipart(MultiPart::related().multipart(alternative).singlepart(
                            Attachment::new_inline("inline".into()).body(bytes.clone(), png()?),
                        ))
                    }
                    None => builder.multipart(alternative),
                }
            }
            (None, Some(bytes)) => builder.multipart(
                MultiPart::mixed()
                    .singlepart(text)
                    .singlepart(Attachment::new("image.png".into()).body(bytes.clone(), png()?)),
            ),
            (None, None) => builder.singlepart(text),
        }
        .map_err(|e| TransportError::Message(e.to_string()))?;
        match &self.transport {
            MailTransport::Smtp(smtp) => smtp
                .send(&message)
                .map(drop)
                .map_err(|e| TransportError::Send(e.to_string())),
            MailTransport::File(file) => file
                .send(&message)
                .map(drop)
                .map_err(|e| TransportError::Send(e.to_string())),
            MailTransport::Log => {
                tracing::info!(to = %mail.recipient, subject = %mail.subject, "mail (log transport)");
                Ok(())
            }
        }
    }
}
