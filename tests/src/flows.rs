//! Steps several tests take to get somewhere (a submitted proposal, a confirmed speaker).

use crate::web::Client;
use crate::TestApp;

/// Submits a talk through the CfP form; returns the proposal's id.
pub async fn submit_proposal(
    client: &Client,
    slug: &str,
    title: &str,
    abstract_text: &str,
) -> anyhow::Result<String> {
    let form = client.get(&format!("/{slug}/cfp/submit")).await?;
    let talk = regex::Regex::new(r#"<option value="([0-9a-f-]{36})""#)?
        .captures(&form.body)
        .map(|c| c[1].to_owned())
        .expect("a session type");
    let res = client
        .post(
            &format!("/{slug}/cfp/submit"),
            &[
                ("title", title),
                ("abstract", abstract_text),
                ("session_type", &talk),
                ("language", "en"),
                ("level", "beginner"),
                ("action", "submit"),
            ],
        )
        .await?;
    anyhow::ensure!(res.status == 303, "submit failed: {}", res.body);
    Ok(res
        .location()
        .and_then(|l| l.rsplit('/').next())
        .unwrap_or_default()
        .to_owned())
}

/// Accepts a submitted proposal, mails the decision and confirms through the speaker's link:
/// the speaker of a confirmed session.
pub async fn confirm_proposal(
    app: &TestApp,
    organiser: &Client,
    slug: &str,
    proposal: &str,
    speaker_email: &str,
) -> anyhow::Result<()> {
    confirm_proposals(app, organiser, slug, &[proposal], speaker_email).await
}

/// Accepts several proposals of one speaker together; the speaker confirms each through
/// its own mailed link.
pub async fn confirm_proposals(
    app: &TestApp,
    organiser: &Client,
    slug: &str,
    proposals: &[&str],
    speaker_email: &str,
) -> anyhow::Result<()> {
    let accepted = || {
        app.smtp
            .mails_to(speaker_email)
            .into_iter()
            .filter(|m| m.subject.starts_with("Accepted"))
            .collect::<Vec<_>>()
    };
    let before = accepted().len();
    let mut fields: Vec<(&str, &str)> = proposals.iter().map(|p| ("ids", *p)).collect();
    fields.push(("decision", "accept"));
    let res = organiser
        .post(&format!("/{slug}/manage/review/decide"), &fields)
        .await?;
    anyhow::ensure!(res.status == 303, "decide: {} {}", res.status, res.body);
    organiser
        .post(&format!("/{slug}/manage/review/notify"), &[])
        .await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while accepted().len() < before + proposals.len() {
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "acceptance mails missing"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    for mail in accepted().iter().skip(before) {
        let link = mail
            .link("/cfp/respond/")
            .ok_or_else(|| anyhow::anyhow!("no confirm link in {}", mail.text))?;
        let res = app.client().post(&link, &[("answer", "confirm")]).await?;
        anyhow::ensure!(res.status == 200, "confirm: {} {}", res.status, res.body);
    }
    Ok(())
}

/// Issues guest tickets (confirmed at once) and returns each guest's ticket code, read
/// from the ticket page behind the mailed manage link.
pub async fn guest_tickets(
    app: &TestApp,
    admin: &Client,
    slug: &str,
    people: &[(&str, &str)],
) -> anyhow::Result<Vec<String>> {
    let rows: String = people
        .iter()
        .map(|(name, email)| format!("{name},{email}\n"))
        .collect();
    let res = admin
        .post(
            &format!("/{slug}/manage/registrations/import"),
            &[("rows", rows.as_str()), ("action", "import")],
        )
        .await?;
    anyhow::ensure!(res.status == 303, "import: {} {}", res.status, res.body);
    let mut codes = Vec::new();
    for (_, email) in people {
        codes.push(ticket_code(app, email).await?);
    }
    Ok(codes)
}

pub async fn ticket_page(app: &TestApp, email: &str) -> anyhow::Result<String> {
    let mail = app.smtp.wait_for_subject(email, "Your ticket").await?;
    let link = mail
        .link("/ticket")
        .ok_or_else(|| anyhow::anyhow!("no ticket link in {mail:?}"))?;
    Ok(link)
}

pub async fn ticket_code(app: &TestApp, email: &str) -> anyhow::Result<String> {
    let page = app.client().get(&ticket_page(app, email).await?).await?;
    anyhow::ensure!(page.status == 200, "{}", page.body);
    Ok(crate::capture(r#"id="ticket-code">([^<]+)<"#, &page.body))
}

/// A new API token of the signed-in client, made on the account page.
pub async fn api_token(client: &Client, name: &str) -> anyhow::Result<String> {
    let page = client.post("/account/tokens", &[("name", name)]).await?;
    Ok(crate::capture(r#"id="new-token">([^<]+)<"#, &page.body))
}
