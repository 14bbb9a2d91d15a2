//! The support calendar's iCalendar feed (`/calendar.ics`) as a calendar program reads it.

mod common;

use chrono::{Datelike, Days, Utc};
use common::{get, send, text};

/// A birthday is one whole day: `DTEND` (exclusive in RFC 5545) is the next day, not the
/// same one, which calendar programs read as an event lasting no time at all.
#[tokio::test]
async fn a_birthday_in_the_feed_lasts_the_whole_day() {
    let birthday = Utc::now().date_naive() + Days::new(10);
    let birth = birthday.with_year(1980).unwrap_or(birthday);
    let records = format!(
        r#"{{"type":"person","id":"p1","country":"BY","birth_date":"{birth}","consent":["calendar"]}}
{{"type":"event","id":"e1","person":"p1","kind":"detained","date":"2021-01-10"}}
"#
    );
    let (live, _dir) = common::server_of(&records);
    let feed = text(send(&live, get("/calendar.ics", None, None)).await).await;
    let start = format!("DTSTART;VALUE=DATE:{}", birthday.format("%Y%m%d"));
    let end = format!(
        "DTEND;VALUE=DATE:{}",
        (birthday + Days::new(1)).format("%Y%m%d")
    );
    assert!(feed.contains(&start), "no {start}:\n{feed}");
    assert!(feed.contains(&end), "no {end}:\n{feed}");
}
