//! Times and days as people type them: `--at` and `--since`.
//!
//! Pure: the current time is passed in. Plain times are on the local clock of the
//! time zone given (`TZ` in the app), so a day is the day the person lived.

use chrono::{
    DateTime, Days, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
};

/// Parses `--at`: RFC 3339 (`2026-11-30T21:00:00+01:00`), or a plain local time:
/// `now`, `today`, `yesterday` or `YYYY-MM-DD`, optionally followed by `HH:MM`
/// (or `HH:MM` alone, meaning today). A day without a time means noon.
pub fn parse_at<Tz: TimeZone>(
    text: &str,
    now: DateTime<Tz>,
) -> Result<DateTime<FixedOffset>, String> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    let tz = now.timezone();
    let today = now.naive_local().date();
    let mut lower = text.to_ascii_lowercase();
    // `2026-11-30T21:00` without an offset: a local time.
    if lower.len() > 10 && lower.as_bytes()[4] == b'-' && lower.as_bytes()[10] == b't' {
        lower.replace_range(10..11, " ");
    }
    let lower = lower.trim();
    if lower == "now" {
        return Ok(now.fixed_offset());
    }
    let mut words = lower.split_whitespace();
    let first = words.next().unwrap_or("");
    let (date, time_word) = match parse_day_word(first, today) {
        Some(d) => (d, words.next()),
        None => (today, Some(first)),
    };
    if words.next().is_some() {
        return Err(bad_at(text));
    }
    let time = match time_word {
        None => NaiveTime::from_hms_opt(12, 0, 0).expect("noon"),
        Some(w) => NaiveTime::parse_from_str(w, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(w, "%H:%M:%S"))
            .map_err(|_| bad_at(text))?,
    };
    let local = NaiveDateTime::new(date, time);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.fixed_offset()),
        // A clock going back: the first of the two.
        LocalResult::Ambiguous(t, _) => Ok(t.fixed_offset()),
        LocalResult::None => Err(format!(
            "--at \"{text}\": {local} does not exist on the local clock (the clocks went \
             forward); give another time"
        )),
    }
}

fn bad_at(text: &str) -> String {
    format!(
        "--at \"{text}\": not a time; use RFC 3339 (2026-11-30T21:00:00+01:00) or a local \
         time such as \"yesterday 21:00\", \"2026-11-30 08:15\" or \"21:00\""
    )
}

/// `today`, `yesterday` or `YYYY-MM-DD`.
fn parse_day_word(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    match word {
        "today" => Some(today),
        "yesterday" => today.checked_sub_days(Days::new(1)),
        _ => NaiveDate::parse_from_str(word, "%Y-%m-%d").ok(),
    }
}

/// Parses `--since`: `YYYY-MM-DD`, `today`, `yesterday`, or a number of days
/// back (`7d`, `14 days`; `7d` starts six days before today, so it covers 7 days).
pub fn parse_since(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let day = parse_since_day(text, today)?;
    if day > today {
        return Err(format!(
            "--since \"{text}\": that is after today ({today}); give a day up to today"
        ));
    }
    Ok(day)
}

fn parse_since_day(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let lower = text.trim().to_ascii_lowercase();
    if let Some(d) = parse_day_word(&lower, today) {
        return Ok(d);
    }
    let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
    let rest = lower[digits.len()..].trim();
    if !digits.is_empty() && matches!(rest, "d" | "day" | "days") {
        if let Ok(n) = digits.parse::<u64>() {
            if n >= 1 {
                if let Some(d) = today.checked_sub_days(Days::new(n - 1)) {
                    return Ok(d);
                }
            }
        }
    }
    Err(format!(
        "--since \"{text}\": not a day; use YYYY-MM-DD, today, yesterday or a number of days \
         such as 14d"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(s: &str, now: &str) -> Result<String, String> {
        let now = DateTime::parse_from_rfc3339(now).unwrap();
        parse_at(s, now).map(|t| t.to_rfc3339())
    }

    #[test]
    fn rfc3339_and_plain_times() {
        let now = "2026-11-30T10:00:00+01:00";
        assert_eq!(
            at("2026-11-20T21:00:00-05:00", now).unwrap(),
            "2026-11-20T21:00:00-05:00"
        );
        assert_eq!(
            at("yesterday 21:00", now).unwrap(),
            "2026-11-29T21:00:00+01:00"
        );
        assert_eq!(
            at("2026-11-02 08:15", now).unwrap(),
            "2026-11-02T08:15:00+01:00"
        );
        assert_eq!(at("07:30", now).unwrap(), "2026-11-30T07:30:00+01:00");
        assert_eq!(at("now", now).unwrap(), "2026-11-30T10:00:00+01:00");
        assert_eq!(at("today", now).unwrap(), "2026-11-30T12:00:00+01:00");
        assert!(at("last tuesday", now).is_err());
        assert!(at("yesterday 25:00", now).is_err());
    }

    #[test]
    fn since() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let d = |s| parse_since(s, today).unwrap().to_string();
        assert_eq!(d("7d"), "2026-11-24");
        assert_eq!(d("14 days"), "2026-11-17");
        assert_eq!(d("yesterday"), "2026-11-29");
        assert_eq!(d("2026-10-01"), "2026-10-01");
        assert!(parse_since("0d", today).is_err());
        assert!(parse_since("soon", today).is_err());
        assert!(parse_since("2026-12-01", today)
            .unwrap_err()
            .contains("after today"));
    }
}
