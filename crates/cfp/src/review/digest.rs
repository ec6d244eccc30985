//! New assignments reach reviewers as one mail per round (a distribution, a track, a
//! proposal given by hand), not one per proposal: how many are new, how many wait in all,
//! until when the review window is open, and the link to the queue.

use devday_shared::vocabulary::UserId;
use std::collections::BTreeMap;

use devday_db::DbConn;
use devday_shared::accounts::users;
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::AppResult;

use super::{assign, settings};

/// Queues one mail to each reviewer in `new` (reviewer id → assignments added this round).
pub fn tell(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    new: &BTreeMap<UserId, usize>,
) -> AppResult<()> {
    let closes = settings::get(conn, &edition.id)?.closes_at;
    for (reviewer_id, &added) in new.iter().filter(|(_, n)| **n > 0) {
        let reviewer = users::find(conn, reviewer_id)?;
        let locale = Locale::parse(&reviewer.locale).unwrap_or_default();
        let waiting = assign::queue(conn, &edition.id, reviewer_id)?
            .iter()
            .filter(|i| !i.reviewed)
            .count();
        let mut ctx = tera::Context::new();
        ctx.insert("name", &reviewer.display_name);
        ctx.insert("edition", &edition.name);
        ctx.insert("added", &added);
        ctx.insert("waiting", &waiting);
        ctx.insert("until", &closes.map(|c| edition.say_day_time(c, locale)));
        ctx.insert("link", &mailer.link(&format!("/{}/review/", edition.slug)));
        outbox::enqueue(
            conn,
            &mailer.compose("review_assigned", locale, &reviewer.email, ctx)?,
        )?;
    }
    Ok(())
}
