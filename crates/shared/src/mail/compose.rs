use crate::error::AppResult;
use crate::i18n::Locale;
use crate::templates::Templates;

/// A mail ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    /// A PNG shown in the HTML body as `cid:inline` (a ticket's QR code); attached to the
    /// plain-text body too.
    pub inline_png: Option<Vec<u8>>,
}

/// Renders `email/{name}.txt` (first line: the subject, then a blank line, then the body) and,
/// if it exists, `email/{name}.html`, in `locale`.
pub fn compose(
    templates: &Templates,
    name: &str,
    locale: Locale,
    to: &str,
    mut context: tera::Context,
) -> AppResult<Mail> {
    context.insert("lang", locale.code());
    let rendered = templates.render(&format!("email/{name}.txt"), &context)?;
    let (subject, body) = rendered
        .trim_start()
        .split_once('\n')
        .unwrap_or((rendered.as_str(), ""));
    let html_name = format!("email/{name}.html");
    let html = if templates.has(&html_name) {
        context.insert("subject", subject.trim());
        Some(templates.render(&html_name, &context)?)
    } else {
        None
    };
    Ok(Mail {
        to: to.to_owned(),
        subject: subject.trim().to_owned(),
        text: body.trim_start_matches('\n').to_owned(),
        html,
        inline_png: None,
    })
}
