//! Waiting lists per ticket type. A freed seat is taken for the next person at once and
//! offered by mail with a deadline; an unanswered or declined offer passes on at once.
//! Nobody is skipped (oldest first) and no seat is lost between offers: an offered seat
//! counts as taken until the offer is used, declined or expires.

use crate::model::{RegistrationId, RegistrationState, WaitlistState};
use crate::register::Registered;
use chrono::Duration;
use chrono::NaiveDateTime;
use devday_db::schema::{
    registration_tickets::dsl as rt, registrations::dsl as r, ticket_types::dsl as tt,
    waitlist_entries::dsl as w,
};
use devday_db::{now, write_transaction, DbConn};
use devday_shared::accounts::EmailAddress;
use devday_shared::editions::Edition;
use devday_shared::i18n::Locale;
use devday_shared::mail::{outbox, Mailer};
use devday_shared::vocabulary::EditionId;
use devday_shared::vocabulary::TicketTypeId;
use devday_shared::{crypto, AppError, AppResult};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};

use crate::model::{Registration, TicketType, WaitlistEntry};
use crate::{seats, settings};

/// Puts a person on the list (once); returns their place among those still waiting.
///
/// The place is the one they hold. The ticket type's row counts joins (the queue number)
/// and those still waiting or offered a seat; raising both locks the row until this
/// transaction commits, so every earlier join and every leave is committed first, and the
/// newcomer's place is the count of those still on the list (on PostgreSQL, across
/// instances too). The lock is taken last, so it is held for one insert and the commit.
pub fn join(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    ticket: &TicketType,
    email: &EmailAddress,
    name: &str,
    locale: Locale,
) -> AppResult<i64> {
    let existing: Option<i32> = w::waitlist_entries
        .filter(w::ticket_type_id.eq(&ticket.id))
        .filter(w::email.eq(email.as_str()))
        .filter(w::state.eq_any(WaitlistState::ACTIVE))
        .select(w::queue_no)
        .first(conn)
        .optional()?;
    if let Some(theirs) = existing {
        // Already waiting: they keep their place.
        return Ok(w::waitlist_entries
            .filter(w::ticket_type_id.eq(&ticket.id))
            .filter(w::state.eq_any(WaitlistState::ACTIVE))
            .filter(w::queue_no.le(theirs))
            .count()
            .get_result(conn)?);
    }
    // While waiting, the token is the "leave the list" link; an offer replaces it.
    let leave = crypto::random_token();
    let mut ctx = tera::Context::new();
    ctx.insert("name", name);
    ctx.insert("edition", &edition.name);
    ctx.insert(
        "ticket",
        devday_shared::bilingual::pick(locale, &ticket.name, &ticket.name_de),
    );
    ctx.insert(
        "leave_link",
        &mailer.link(&format!("/register/waitlist/{leave}")),
    );
    outbox::enqueue(
        conn,
        &mailer.compose("waitlist_joined", locale, email.as_str(), ctx)?,
    )?;
    let entry = NewEntry {
        id: uuid::Uuid::new_v4().to_string(),
        ticket_type_id: &ticket.id,
        email: email.as_str(),
        name,
        locale: locale.code(),
        leave_hash: crypto::token_hash(&leave),
        at: now(),
    };
    Ok(i64::from(entry.draw_and_insert(conn)?))
}

/// A waiting-list entry about to be numbered.
struct NewEntry<'a> {
    id: String,
    ticket_type_id: &'a str,
    email: &'a str,
    name: &'a str,
    locale: &'a str,
    leave_hash: String,
    at: NaiveDateTime,
}

#[derive(QueryableByName)]
struct Drawn {
    #[diesel(sql_type = Integer)]
    place: i32,
}

impl NewEntry<'_> {
    /// Draws the next queue number, counts the entry onto the list and inserts it; returns
    /// its place. The ticket type's row stays locked until the commit, so on PostgreSQL
    /// this is one statement: the lock is held for it and the commit, not for a round trip
    /// more, and joins queue for it that much less.
    fn draw_and_insert(&self, conn: &mut DbConn) -> QueryResult<i32> {
        if let DbConn::Postgres(pg) = conn {
            let drawn: Drawn = diesel::sql_query(
                "WITH drawn AS (UPDATE ticket_types \
                   SET waitlist_joined = waitlist_joined + 1, waitlist_active = waitlist_active + 1 \
                   WHERE id = $1 RETURNING waitlist_joined, waitlist_active), \
                 entry AS (INSERT INTO waitlist_entries (id, ticket_type_id, email, name, locale, \
                   state, offer_token_hash, created_at, updated_at, queue_no) \
                   SELECT $2, $1, $3, $4, $5, $8, $6, $7, $7, waitlist_joined FROM drawn) \
                 SELECT waitlist_active AS place FROM drawn",
            )
            .bind::<Text, _>(self.ticket_type_id)
            .bind::<Text, _>(&self.id)
            .bind::<Text, _>(self.email)
            .bind::<Text, _>(self.name)
            .bind::<Text, _>(self.locale)
            .bind::<Text, _>(&self.leave_hash)
            .bind::<Timestamp, _>(self.at)
            .bind::<Text, _>(WaitlistState::Waiting)
            .get_result(pg)?;
            return Ok(drawn.place);
        }
        let (queue_no, place): (i32, i32) =
            diesel::update(tt::ticket_types.find(self.ticket_type_id))
                .set((
                    tt::waitlist_joined.eq(tt::waitlist_joined + 1),
                    tt::waitlist_active.eq(tt::waitlist_active + 1),
                ))
                .returning((tt::waitlist_joined, tt::waitlist_active))
                .get_result(conn)?;
        diesel::insert_into(w::waitlist_entries)
            .values((
                w::id.eq(&self.id),
                w::ticket_type_id.eq(self.ticket_type_id),
                w::email.eq(self.email),
                w::name.eq(self.name),
                w::locale.eq(self.locale),
                w::state.eq(WaitlistState::Waiting),
                w::offer_token_hash.eq(Some(&self.leave_hash)),
                w::created_at.eq(self.at),
                w::updated_at.eq(self.at),
                w::queue_no.eq(queue_no),
            ))
            .execute(conn)?;
        Ok(place)
    }
}

/// Counts one entry off the list (accepted, declined, expired or left), in the same
/// transaction as its change of state.
pub(crate) fn left_the_list(conn: &mut DbConn, ticket_type_id: &TicketTypeId) -> QueryResult<()> {
    diesel::update(
        tt::ticket_types
            .filter(tt::id.eq(ticket_type_id))
            .filter(tt::waitlist_active.gt(0)),
    )
    .set(tt::waitlist_active.eq(tt::waitlist_active - 1))
    .execute(conn)
    .map(drop)
}

/// The edition a waiting-list entry belongs to (through its ticket type).
pub fn edition_of(conn: &mut DbConn, entry: &WaitlistEntry) -> QueryResult<Edition> {
    let edition_id: EditionId = tt::ticket_types
        .find(&entry.ticket_type_id)
        .select(tt::edition_id)
        .first(conn)?;
    devday_shared::editions::queries::by_id(conn, &edition_id)
}

/// Offers every free seat of the type to the next people waiting, oldest first; returns
/// how many were offered.
pub fn offer_free_seats(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    ticket_type_id: &TicketTypeId,
) -> AppResult<usize> {
    let hours = i64::from(settings::get(conn, &edition.id)?.offer_hours);
    let mut offered = 0;
    loop {
        let next: Option<WaitlistEntry> = w::waitlist_entries
            .filter(w::ticket_type_id.eq(ticket_type_id))
            .filter(w::state.eq(WaitlistState::Waiting))
            .order(w::queue_no.asc())
            .select(WaitlistEntry::as_select())
            .first(conn)
            .optional()?;
        let Some(entry) = next else {
            return Ok(offered);
        };
        if !seats::take(conn, ticket_type_id)? {
            return Ok(offered);
        }
        let token = crypto::random_token();
        let expires = now() + Duration::hours(hours);
        diesel::update(
            w::waitlist_entries
                .filter(w::id.eq(&entry.id))
                .filter(w::state.eq(WaitlistState::Waiting)),
        )
        .set((
            w::state.eq(WaitlistState::Offered),
            w::offer_token_hash.eq(Some(crypto::token_hash(&token))),
            w::offer_expires_at.eq(Some(expires)),
            w::updated_at.eq(now()),
        ))
        .execute(conn)?;
        let ticket_type: TicketType = tt::ticket_types
            .find(ticket_type_id)
            .select(TicketType::as_select())
            .first(conn)?;
        crate::events::offered(conn, edition, &entry.id, &ticket_type, expires)?;
        let mut ctx = tera::Context::new();
        ctx.insert("name", &entry.name);
        ctx.insert("edition", &edition.name);
        ctx.insert("link", &mailer.link(&format!("/register/offer/{token}")));
        ctx.insert("hours", &hours);
        let locale = Locale::parse(&entry.locale).unwrap_or_default();
        // The deadline as a date the person can act on, not only a number of hours.
        ctx.insert("until", &edition.say_day_time(expires, locale));
        outbox::enqueue(
            conn,
            &mailer.compose("waitlist_offer", locale, &entry.email, ctx)?,
        )?;
        offered += 1;
    }
}

/// The open offer behind a link.
pub fn open_offer(conn: &mut DbConn, token: &str) -> QueryResult<Option<WaitlistEntry>> {
    w::waitlist_entries
        .filter(w::offer_token_hash.eq(crypto::token_hash(token)))
        .filter(w::state.eq(WaitlistState::Offered))
        .filter(w::offer_expires_at.gt(now()))
        .select(WaitlistEntry::as_select())
        .first(conn)
        .optional()
}

/// Takes the offered seat: a new confirmed registration (the link proved the address), or
/// a workshop added to the person's registration. A used or expired offer is a 404.
pub fn accept(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    token: &str,
) -> AppResult<Registered> {
    let registered = write_transaction(conn, |conn| -> AppResult<Registered> {
        let entry = open_offer(conn, token)?.ok_or(AppError::NotFound)?;
        let used = diesel::update(
            w::waitlist_entries
                .filter(w::id.eq(&entry.id))
                .filter(w::state.eq(WaitlistState::Offered)),
        )
        .set((
            w::state.eq(WaitlistState::Accepted),
            w::updated_at.eq(now()),
        ))
        .execute(conn)?;
        if used != 1 {
            return Err(AppError::NotFound);
        }
        left_the_list(conn, &entry.ticket_type_id)?;
        seat(conn, mailer, edition, &entry)
    })?;
    mailer.notify();
    Ok(registered)
}

/// Gives the person behind an accepted place on the list their registration (their own
/// again, if they had an active one) and the ticket for its type, and mails the ticket.
/// The seat is taken already.
pub(crate) fn seat(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    entry: &WaitlistEntry,
) -> AppResult<Registered> {
    let existing: Option<Registration> = r::registrations
        .filter(r::edition_id.eq(&edition.id))
        .filter(r::email.eq(&entry.email))
        .select(Registration::as_select())
        .first(conn)
        .optional()?;
    let at = now();
    let active = existing.filter(|e| e.is_active());
    let new = active.is_none();
    let id = match active {
        Some(reg) => reg.id,
        None => {
            let id = RegistrationId::from(uuid::Uuid::new_v4().to_string());
            diesel::delete(
                r::registrations
                    .filter(r::edition_id.eq(&edition.id))
                    .filter(r::email.eq(&entry.email)),
            )
            .execute(conn)?;
            diesel::insert_into(r::registrations)
                .values((
                    r::id.eq(&id),
                    r::edition_id.eq(&edition.id),
                    r::email.eq(&entry.email),
                    r::name.eq(&entry.name),
                    r::company.eq(""),
                    r::tshirt.eq(""),
                    r::dietary.eq(""),
                    r::accessibility.eq(""),
                    r::locale.eq(&entry.locale),
                    r::state.eq(RegistrationState::Confirmed),
                    r::manage_token_hash.eq(crypto::token_hash(&crypto::random_token())),
                    r::consent_at.eq(entry.created_at),
                    r::consent_version.eq(settings::get(conn, &edition.id)?.consent_version),
                    r::created_at.eq(at),
                    r::confirmed_at.eq(Some(at)),
                ))
                .execute(conn)?;
            id
        }
    };
    diesel::insert_into(rt::registration_tickets)
        .values((
            rt::registration_id.eq(&id),
            rt::ticket_type_id.eq(&entry.ticket_type_id),
        ))
        .execute(conn)?;
    let reg = r::registrations
        .find(&id)
        .select(Registration::as_select())
        .first(conn)?;
    let locale = Locale::parse(&reg.locale).unwrap_or_default();
    let manage_token = crate::register::send_ticket(conn, mailer, edition, &reg, locale)?;
    // A registration that only gains a workshop seat was confirmed (and told) before.
    if new {
        crate::events::confirmed(conn, edition, &reg)?;
    }
    Ok(Registered {
        registration: reg,
        manage_token,
    })
}

/// Declines an offer: the seat goes to the next person at once.
pub fn decline(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    token: &str,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let entry = open_offer(conn, token)?.ok_or(AppError::NotFound)?;
        let n = diesel::update(
            w::waitlist_entries
                .filter(w::id.eq(&entry.id))
                .filter(w::state.eq(WaitlistState::Offered)),
        )
        .set((
            w::state.eq(WaitlistState::Declined),
            w::updated_at.eq(now()),
        ))
        .execute(conn)?;
        if n != 1 {
            return Err(AppError::NotFound);
        }
        left_the_list(conn, &entry.ticket_type_id)?;
        seats::release(conn, &entry.ticket_type_id)?;
        offer_free_seats(conn, mailer, edition, &entry.ticket_type_id)?;
        Ok(())
    })?;
    mailer.notify();
    Ok(())
}

/// Expires unanswered offers and passes their seats on; returns how many expired.
pub fn expire_offers(conn: &mut DbConn, mailer: &Mailer) -> AppResult<usize> {
    let stale: Vec<(WaitlistEntry, EditionId)> = w::waitlist_entries
        .inner_join(tt::ticket_types)
        .filter(w::state.eq(WaitlistState::Offered))
        .filter(w::offer_expires_at.le(now()))
        .select((WaitlistEntry::as_select(), tt::edition_id))
        .load(conn)?;
    let mut n = 0;
    for (entry, edition_id) in stale {
        let edition = devday_shared::editions::queries::by_id(conn, &edition_id)?;
        n += write_transaction(conn, |conn| -> AppResult<usize> {
            let changed = diesel::update(
                w::waitlist_entries
                    .filter(w::id.eq(&entry.id))
                    .filter(w::state.eq(WaitlistState::Offered)),
            )
            .set((w::state.eq(WaitlistState::Expired), w::updated_at.eq(now())))
            .execute(conn)?;
            if changed == 1 {
                left_the_list(conn, &entry.ticket_type_id)?;
                seats::release(conn, &entry.ticket_type_id)?;
                offer_free_seats(conn, mailer, &edition, &entry.ticket_type_id)?;
            }
            Ok(changed)
        })?;
    }
    Ok(n)
}

/// The waiting or offered entry behind a leave link.
pub fn by_leave_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<WaitlistEntry>> {
    w::waitlist_entries
        .filter(w::offer_token_hash.eq(crypto::token_hash(token)))
        .filter(w::state.eq_any(WaitlistState::ACTIVE))
        .select(WaitlistEntry::as_select())
        .first(conn)
        .optional()
}

/// Leaves the list; an open offer's seat passes on at once.
pub fn leave(
    conn: &mut DbConn,
    mailer: &Mailer,
    edition: &Edition,
    entry: &WaitlistEntry,
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        let n = diesel::update(
            w::waitlist_entries
                .filter(w::id.eq(&entry.id))
                .filter(w::state.eq_any(WaitlistState::ACTIVE)),
        )
        .set((
            w::state.eq(WaitlistState::Left),
            w::offer_token_hash.eq(None::<String>),
            w::updated_at.eq(now()),
        ))
        .execute(conn)?;
        if n == 1 {
            left_the_list(conn, &entry.ticket_type_id)?;
        }
        if n == 1 && entry.state == WaitlistState::Offered {
            seats::release(conn, &entry.ticket_type_id)?;
            offer_free_seats(conn, mailer, edition, &entry.ticket_type_id)?;
        }
        Ok::<_, AppError>(())
    })?;
    mailer.notify();
    Ok(())
}

/// The list in order, for organisers.
pub fn entries(
    conn: &mut DbConn,
    ticket_type_id: &TicketTypeId,
) -> QueryResult<Vec<WaitlistEntry>> {
    w::waitlist_entries
        .filter(w::ticket_type_id.eq(ticket_type_id))
        .order(w::queue_no.asc())
        .select(WaitlistEntry::as_select())
        .load(conn)
}
