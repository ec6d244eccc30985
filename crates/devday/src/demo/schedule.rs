//! The demo's timetable: six rooms, lunch and coffee, the confirmed sessions placed on the
//! first day by a simple first-fit (a keynote across all rooms at nine), released as
//! version 1, then a version 2 that moves two sessions.

use chrono::{Duration, NaiveTime};
use devday_db::DbConn;
use devday_schedule::conflicts::{self, Context};
use devday_schedule::draft::{self, PlaceForm, Session};
use devday_schedule::history::Batch;
use devday_schedule::model::Placement;
use devday_schedule::model::RoomId;
use devday_schedule::release::{self, ReleaseForm, Tell};
use devday_schedule::setup::{self, BreakForm, GridForm, RoomForm};
use devday_schedule::{grid, model::GridSettings};
use devday_shared::editions::{Edition, EditionFormat};
use devday_shared::mail::Mailer;
use devday_shared::vocabulary::UserId;

const ROOMS: [(&str, &str); 6] = [
    ("Großer Saal", "600"),
    ("Kleiner Saal", "250"),
    ("Raum 1", "120"),
    ("Raum 2", "80"),
    ("Raum 3", "60"),
    ("Workshop-Raum", "30"),
];

/// Returns how many sessions were placed.
pub fn fill(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    organiser: &UserId,
) -> anyhow::Result<usize> {
    let err = |e: devday_shared::AppError| anyhow::anyhow!("{e}");
    for (n, (name, capacity)) in ROOMS.into_iter().enumerate() {
        // The two halls stream (where the edition is online at all).
        let stream_url = if n < 2 && edition.format != EditionFormat::OnSite {
            format!(
                "https://stream.devday-demo.example/{}/{}",
                edition.slug,
                n + 1
            )
        } else {
            String::new()
        };
        let form = RoomForm {
            name: name.into(),
            capacity: capacity.into(),
            stream_url,
            ..RoomForm::default()
        };
        setup::add_room(conn, &edition.id, &form).map_err(err)?;
    }
    let grid_form = GridForm {
        day_starts: "09:00".into(),
        day_ends: "19:00".into(),
        granularity_minutes: "15".into(),
        change_minutes: "15".into(),
    };
    setup::save_grid(conn, &edition.id, &grid_form).map_err(err)?;
    let day = edition.starts_on.to_string();
    for (title, starts, ends) in [
        ("Mittagessen", "12:30", "13:30"),
        ("Kaffee", "15:30", "16:00"),
    ] {
        let form = BreakForm {
            title: title.into(),
            day: day.clone(),
            starts: starts.into(),
            ends: ends.into(),
        };
        setup::add_break(conn, edition, &form).map_err(err)?;
    }
    let rooms = setup::rooms(conn, &edition.id)?;
    let breaks = setup::breaks(conn, &edition.id)?;
    let grid_settings = setup::grid_settings(conn, &edition.id)?;
    let mut sessions = draft::sessions(conn, &edition.id)?;
    sessions.sort_by_key(|s| std::cmp::Reverse(s.default_minutes));
    let availability = Default::default();
    let audience = devday_schedule::audience::counts(conn, &edition.id)?;
    let ctx = Context {
        rooms: &rooms,
        breaks: &breaks,
        availability: &availability,
        change_minutes: grid_settings.change_minutes,
        audience: &audience,
    };
    // The first talk opens the day in every room; then the longest first, as workshops
    // need the long morning stretch.
    if let Some(at) = sessions.iter().position(|s| s.default_minutes == 45) {
        let keynote = sessions.remove(at);
        sessions.insert(0, keynote);
    }
    let mut placed: Vec<Session> = Vec::new();
    for (index, mut session) in sessions.into_iter().enumerate() {
        let Some((room, start)) = first_fit(
            edition,
            &grid_settings,
            &ctx,
            &placed,
            &mut session,
            index == 0,
        ) else {
            continue;
        };
        let (local_day, time) = grid::local_parts(edition, start);
        let form = PlaceForm {
            day: local_day.to_string(),
            room: room.map_or_else(|| "all".to_owned(), RoomId::into_string),
            start: time.format("%H:%M").to_string(),
            duration: String::new(),
            version: "0".into(),
            pinned: false,
        };
        let saved = draft::place(
            conn,
            edition,
            &grid_settings,
            &rooms,
            &session.proposal_id,
            &form,
            &Batch::new(None),
        )
        .map_err(err)?;
        session.placement = Some(saved);
        placed.push(session);
    }
    let count = placed.len();
    let release_form = |name: &str, comment: &str| ReleaseForm {
        name: name.into(),
        comment: comment.into(),
        acknowledge_warnings: true,
    };
    release::release_as(
        conn,
        mailer,
        edition,
        &release_form("Version 1", "Das erste Programm."),
        organiser,
        Tell::Nobody,
    )
    .map_err(err)?;
    // Version 2 swaps the rooms of two talks that run at the same time.
    let pair = placed.iter().enumerate().find_map(|(i, a)| {
        placed[i + 1..]
            .iter()
            .find_map(|b| match (&a.placement, &b.placement) {
                (Some(pa), Some(pb))
                    if pa.starts_at == pb.starts_at
                        && pa.duration_minutes == pb.duration_minutes
                        && pa.room_id.is_some()
                        && pb.room_id.is_some() =>
                {
                    Some((
                        a.proposal_id.clone(),
                        pa.clone(),
                        b.proposal_id.clone(),
                        pb.clone(),
                    ))
                }
                _ => None,
            })
    });
    if let Some((a, pa, b, pb)) = pair {
        let room_of = |p: &Placement| p.room_id.clone().unwrap_or_default();
        // Through an empty slot: a cannot take b's room while b is still there.
        move_to(
            conn,
            edition,
            &grid_settings,
            &rooms,
            &a,
            &pa,
            &room_of(&pb),
            pa.version,
            Some(grid_settings.day_ends - Duration::minutes(i64::from(pa.duration_minutes))),
        )?;
        move_to(
            conn,
            edition,
            &grid_settings,
            &rooms,
            &b,
            &pb,
            &room_of(&pa),
            pb.version,
            None,
        )?;
        move_to(
            conn,
            edition,
            &grid_settings,
            &rooms,
            &a,
            &pa,
            &room_of(&pb),
            pa.version + 1,
            None,
        )?;
        release::release_as(
            conn,
            mailer,
            edition,
            &release_form("Version 2", "Zwei Vorträge tauschen die Räume."),
            organiser,
            Tell::Nobody,
        )
        .map_err(err)?;
    }
    Ok(count)
}

#[allow(clippy::too_many_arguments)]
fn move_to(
    conn: &mut DbConn,
    edition: &Edition,
    grid_settings: &GridSettings,
    rooms: &[devday_schedule::model::Room],
    proposal: &devday_shared::vocabulary::ProposalId,
    was: &Placement,
    room: &str,
    version: i32,
    at: Option<NaiveTime>,
) -> anyhow::Result<()> {
    let (day, time) = grid::local_parts(edition, was.starts_at);
    let form = PlaceForm {
        day: day.to_string(),
        room: room.into(),
        start: at.unwrap_or(time).format("%H:%M").to_string(),
        duration: String::new(),
        version: version.to_string(),
        pinned: false,
    };
    draft::place(
        conn,
        edition,
        grid_settings,
        rooms,
        proposal,
        &form,
        &Batch::new(None),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}

/// The earliest slot (15-minute steps, rooms in order) where the session adds no conflict.
fn first_fit(
    edition: &Edition,
    grid_settings: &GridSettings,
    ctx: &Context,
    placed: &[Session],
    session: &mut Session,
    all_rooms: bool,
) -> Option<(Option<RoomId>, chrono::NaiveDateTime)> {
    let minutes = session.default_minutes;
    let rooms: Vec<Option<RoomId>> = if all_rooms {
        vec![None]
    } else {
        ctx.rooms.iter().map(|r| Some(r.id.clone())).collect()
    };
    for day in grid::days(edition) {
        let mut time = grid_settings.day_starts;
        while time < grid_settings.day_ends {
            let start = grid::to_utc(edition, day, time)?;
            if grid::misfit(edition, grid_settings, start, minutes).is_none() {
                for room in &rooms {
                    session.placement = Some(Placement {
                        proposal_id: session.proposal_id.clone(),
                        edition_id: edition.id.clone(),
                        room_id: room.clone(),
                        starts_at: start,
                        duration_minutes: minutes,
                        version: 0,
                        updated_at: start,
                        pinned: false,
                    });
                    let mut all: Vec<Session> = placed.to_vec();
                    all.push(session.clone());
                    if conflicts::find(&all, ctx).is_empty() {
                        return Some((room.clone(), start));
                    }
                }
            }
            time += Duration::minutes(15);
        }
    }
    session.placement = None;
    None
}
