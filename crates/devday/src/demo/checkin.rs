//! Demo check-ins: two doors admit two thirds of the confirmed registrations for the venue
//! across the first morning (those watching online stay home), one ticket is scanned twice,
//! and a forged code is turned away.

use chrono::{Duration, TimeZone};
use devday_badges::checkin::{self, Presented, Scan};
use devday_badges::{lists, tickets};
use devday_db::DbConn;
use devday_shared::editions::Edition;

pub fn fill(conn: &mut DbConn, edition: &Edition) -> anyhow::Result<usize> {
    let entrance =
        lists::find(conn, &edition.id, None)?.ok_or_else(|| anyhow::anyhow!("no entrance list"))?;
    let holders: Vec<_> = tickets::confirmed(conn, &edition.id)?
        .into_iter()
        .filter(|h| entrance.admits(&h.ticket_type_ids))
        .collect();
    // Half past seven at the venue, stored in UTC like every time.
    let morning = edition
        .starts_on
        .and_hms_opt(7, 30, 0)
        .ok_or_else(|| anyhow::anyhow!("no morning"))?;
    let doors_open = edition
        .tz()
        .from_local_datetime(&morning)
        .earliest()
        .map_or(morning, |t| t.naive_utc());
    let mut admitted = 0;
    for (n, holder) in holders.iter().enumerate().filter(|(n, _)| n % 3 != 2) {
        let scan = Scan {
            presented: Presented::Registration(holder.registration_id.clone()),
            device: format!("Door {}", n % 2 + 1),
            nonce: None,
            scanned_at: Some(doors_open + Duration::seconds(n as i64 * 17)),
            offline: n % 7 == 0,
        };
        checkin::scan(conn, edition, &entrance, &scan)?;
        admitted += 1;
    }
    if let Some(first) = holders.first() {
        let again = Scan {
            presented: Presented::Registration(first.registration_id.clone()),
            device: "Door 2".into(),
            nonce: None,
            scanned_at: Some(doors_open + Duration::minutes(50)),
            offline: false,
        };
        checkin::scan(conn, edition, &entrance, &again)?;
    }
    let forged = Scan {
        presented: Presented::Code("devday:1:devday-demo:nobody:0:AAAA".into()),
        device: "Door 1".into(),
        nonce: None,
        scanned_at: Some(doors_open + Duration::minutes(55)),
        offline: false,
    };
    checkin::scan(conn, edition, &entrance, &forged)?;
    Ok(admitted)
}
