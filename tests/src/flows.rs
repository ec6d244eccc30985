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
    let res = organiser
        .post(
            &format!("/{slug}/manage/review/decide"),
            &[("ids", proposal), ("decision", "accept")],
        )
        .await?;
    anyhow::ensure!(res.status == 303, "decide: {} {}", res.status, res.body);
    organiser
        .post(&format!("/{slug}/manage/review/notify"), &[])
        .await?;
    let mail = app.smtp.wait_for_subject(speaker_email, "Accepted").await?;
    let link = mail
        .link("/cfp/respond/")
        .ok_or_else(|| anyhow::anyhow!("no confirm link in {}", mail.text))?;
    let res = app.client().post(&link, &[("answer", "confirm")]).await?;
    anyhow::ensure!(res.status == 200, "confirm: {} {}", res.status, res.body);
    Ok(())
}
