//! The demo's review: six reviewers, two to four reviews on every submitted proposal, and
//! the decisions (about 40 accepted and confirmed, a few declined, the rest rejected).

use devday_cfp::model::{HistoryEvent, ProposalId, ProposalState};
use devday_cfp::proposals::{self, list, service};
use devday_cfp::review::decide::{self, Decision};
use devday_cfp::review::reviews::{self, ReviewInput};
use devday_cfp::review::{aggregate, assign, settings};
use devday_db::DbConn;
use devday_shared::editions::{roles, Edition, Role};
use devday_shared::vocabulary::UserId;

const COMMENTS: [&str; 6] = [
    "Clear outline and a speaker who has done it in production.",
    "Interesting, but the abstract promises more than 45 minutes can hold.",
    "Very relevant for our audience this year.",
    "Solid, though we had a similar talk last year.",
    "Would love to see the numbers mentioned in the description.",
    "A good fit for beginners; maybe a lightning talk instead?",
];

/// `reviewers` are (user id) of the committee, already with the reviewer role.
pub fn fill(
    conn: &mut DbConn,
    edition: &Edition,
    organiser: &UserId,
    reviewers: &[UserId],
) -> anyhow::Result<(usize, usize)> {
    for r in reviewers {
        roles::grant(conn, &edition.id, r, Role::Reviewer)?;
    }
    let err = |e: devday_shared::AppError| anyhow::anyhow!("{e}");
    let categories = settings::categories(conn, &edition.id)?;
    assign::distribute(conn, &edition.id, 4).map_err(err)?;

    let submitted = list::list(
        conn,
        &edition.id,
        &list::Filter {
            state: ProposalState::Submitted.as_str().into(),
            per_page: 1000,
            sort: "title".into(),
            ..Default::default()
        },
    )?;
    let mut written = 0;
    for (n, row) in submitted.rows.iter().enumerate() {
        // A proposal's quality, so that its reviewers roughly agree.
        let quality = (n * 37 % 11) as i32;
        for (k, reviewer) in reviewers.iter().enumerate() {
            let queue = assign::queue(conn, &edition.id, reviewer)?;
            if !queue.iter().any(|q| q.proposal_id == row.proposal.id) {
                continue;
            }
            // Two to four reviews: every reviewer beyond the second writes only sometimes.
            let done = reviews::of_proposal(conn, &row.proposal.id)?.len();
            if done >= 2 && (n + k) % 3 == 0 {
                continue;
            }
            let scores = categories
                .iter()
                .enumerate()
                .map(|(c, cat)| {
                    let wobble = ((n + k * 3 + c) % 3) as i32 - 1;
                    (
                        cat.id.clone(),
                        (quality * (cat.max_score + 1) / 11 + wobble)
                            .clamp(cat.min_score, cat.max_score),
                    )
                })
                .collect();
            reviews::save(
                conn,
                &row.proposal.id,
                reviewer,
                &ReviewInput {
                    abstained: false,
                    scores,
                    comment: COMMENTS[(n + k) % COMMENTS.len()].into(),
                    speaker_note: if (n + k) % 4 == 0 {
                        "Thanks for submitting!".into()
                    } else {
                        String::new()
                    },
                },
            )
            .map_err(err)?;
            written += 1;
        }
    }

    // Decide by weighted mean: the best 43 accepted (40 confirm, 3 decline), the rest rejected.
    let scores = reviews::scores_by_proposal(conn, &edition.id)?;
    let mut ranked: Vec<(f64, ProposalId)> = submitted
        .rows
        .iter()
        .map(|r| {
            let mean = aggregate::stats(
                scores
                    .get(r.proposal.id.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
            )
            .mean;
            (mean.unwrap_or(0.0), r.proposal.id.clone())
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut confirmed = 0;
    for (place, (_, id)) in ranked.iter().enumerate() {
        let proposal = proposals::get(conn, &edition.id, id)?
            .ok_or_else(|| anyhow::anyhow!("demo proposal vanished"))?;
        let decision = if place < 43 {
            Decision::Accept
        } else {
            Decision::Reject
        };
        decide::decide(conn, &proposal, decision, organiser).map_err(err)?;
        let decided = proposals::get(conn, &edition.id, id)?
            .ok_or_else(|| anyhow::anyhow!("demo proposal vanished"))?;
        decide::mark_told(conn, id, decided.state)?;
        if decision == Decision::Accept {
            let answer = if place % 15 == 7 {
                ProposalState::Declined
            } else {
                ProposalState::Confirmed
            };
            let speaker = proposals::speakers(conn, id)?
                .into_iter()
                .next()
                .map(|s| s.user_id)
                .unwrap_or_else(|| organiser.to_owned());
            service::transition(
                conn,
                &decided,
                answer,
                &speaker,
                HistoryEvent::AnsweredBySpeaker.into(),
            )
            .map_err(err)?;
            if answer == ProposalState::Confirmed {
                confirmed += 1;
                // Everyone may be streamed; a few speakers refuse a recording.
                devday_cfp::confirming::set_consent(conn, id, true, place % 11 != 4)?;
            }
        }
    }
    Ok((written, confirmed))
}
