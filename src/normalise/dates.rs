//! Publication dates: the forms news uses, parsed to UTC RFC 3339 (`2022-10-05T14:30:00Z`).
//!
//! Rules: a time of day is found first (with its AM/PM and zone), then the rest must be a date.
//! A date or time without a zone is UTC. Named zones are the unambiguous ones of RFC 2822 and a
//! few common others (BST, CET, MSK, ...); an unknown word makes the whole date unparseable rather
//! than guessed. Numeric day/month orders: `25.11.2026` is day first; `a/b/yyyy` is accepted only
//! when one number is over 12, since 05/10/2022 means different days in the US and in Europe.
//! All-digit values are unix timestamps (seconds; milliseconds from 10^11 up), except 8 digits,
//! which are `YYYYMMDD` when that is a valid date.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use regex::Regex;

/// A time of day anywhere in the text, with what may follow it: seconds, fraction, AM/PM, zone.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &r"(?ix)
        (?:^|[\sT,@])
        (?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?
        (?:\s*(?P<ampm>[ap])\.?\s?m\.?)?
        (?:\s*(?P<zname>ZONES)\b)?
        (?:\s*(?P<off>[+\-−]\d{1,2}(?::?\d{2})?))?
        (?:\s*\((?P<zparen>ZONES)\))?
        \s*(?:$|[\s,])"
            .replace("ZONES", ZONE_NAMES),
    )
    .unwrap()
});

/// Zone names the time pattern takes; an unknown word after a time is left to fail the date.
const ZONE_NAMES: &str = "z|ut|utc|gmt|wet|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|akdt|hst|bst|cet|west|cest|eet|eest|msk|jst|kst|aest|aedt";

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Parses a date as written to UTC RFC 3339; `None` when it is not a form we recognise.
pub fn parse(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if let Some(dt) = parse_number(s) {
        return Some(format(dt));
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(format(dt.with_timezone(&Utc)));
    }
    let (time, offset_secs, date_text) = match TIME.captures(s) {
        Some(c) => {
            let whole = c.get(0)?;
            let time = time_of(&c)?;
            let offset = zone_offset(c.name("zname"), c.name("off"), c.name("zparen"))?;
            let date_text = format!("{} {}", &s[..whole.start()], &s[whole.end()..]);
            (time, offset, date_text)
        }
        None => (NaiveTime::MIN, 0, s.to_string()),
    };
    let date = parse_date(&date_text)?;
    let local = NaiveDateTime::new(date, time);
    let utc = local.checked_sub_signed(TimeDelta::try_seconds(offset_secs)?)?;
    Some(format(utc.and_utc()))
}

fn format(dt: DateTime<Utc>) -> String {
    dt.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Unix timestamps (seconds or milliseconds, optional fraction) and `YYYYMMDD`.
fn parse_number(s: &str) -> Option<DateTime<Utc>> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    if int.len() == 8 && frac.is_empty() {
        let d = NaiveDate::parse_from_str(int, "%Y%m%d")
            .ok()
            .filter(|d| (1900..=2100).contains(&d.year()));
        if let Some(d) = d {
            return Some(d.and_time(NaiveTime::MIN).and_utc());
        }
    }
    // Fewer digits than 1973 in seconds is more likely a year or a count than a timestamp.
    if int.len() < 9 || int.len() > 16 {
        return None;
    }
    let n: i64 = int.parse().ok()?;
    if n >= 100_000_000_000 {
        DateTime::from_timestamp_millis(n)
    } else {
        DateTime::from_timestamp(n, 0)
    }
}

fn time_of(c: &regex::Captures) -> Option<NaiveTime> {
    let num = |name: &str| {
        c.name(name)
            .map_or(Some(0), |m| m.as_str().parse::<u32>().ok())
    };
    let mut h = num("h")?;
    let m = num("m")?;
    // A leap second is stored as the second before it rather than rejected.
    let s = num("s")?.min(59);
    let nanos = match c.name("f") {
        Some(f) => format!("{:0<9}", f.as_str()).parse::<u32>().ok()?,
        None => 0,
    };
    if let Some(ampm) = c.name("ampm") {
        if !(1..=12).contains(&h) {
            return None;
        }
        let pm = ampm.as_str().eq_ignore_ascii_case("p");
        h = match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    NaiveTime::from_hms_nano_opt(h, m, s, nanos)
}

/// The zone's offset east of UTC in seconds; `None` for a zone we do not know (no guessing).
fn zone_offset(
    name: Option<regex::Match>,
    off: Option<regex::Match>,
    paren: Option<regex::Match>,
) -> Option<i64> {
    let mut total = 0i64;
    for n in [name, paren].into_iter().flatten() {
        total += named_zone(n.as_str())? * 3600;
    }
    if let Some(o) = off {
        let o = o.as_str().replace('−', "-");
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let digits: String = o.chars().filter(char::is_ascii_digit).collect();
        let (h, m) = match digits.len() {
            1 | 2 => (digits.parse::<i64>().ok()?, 0),
            3 | 4 => {
                let split = digits.len() - 2;
                (
                    digits[..split].parse::<i64>().ok()?,
                    digits[split..].parse::<i64>().ok()?,
                )
            }
            _ => return None,
        };
        if h > 14 || m > 59 {
            return None;
        }
        total += sign * (h * 3600 + m * 60);
    }
    Some(total)
}

/// Hours east of UTC for zone abbreviations that mean one thing.
fn named_zone(name: &str) -> Option<i64> {
    Some(match name.to_ascii_uppercase().as_str() {
        "Z" | "UT" | "UTC" | "GMT" | "WET" => 0,
        "EST" => -5,
        "EDT" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        "AKST" => -9,
        "AKDT" => -8,
        "HST" => -10,
        "BST" | "CET" | "WEST" => 1,
        "CEST" | "EET" => 2,
        "EEST" | "MSK" => 3,
        "JST" | "KST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        _ => return None,
    })
}

/// A date without time: ISO, dotted, slashed, or with a month name in any order with day and year.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let cleaned = text.to_lowercase().replace(',', " ");
    let mut tokens: Vec<String> = Vec::new();
    for word in cleaned.split_whitespace() {
        // Weekdays, "on" and "at" carry no date information.
        let bare = word.trim_end_matches('.');
        if bare == "at" || bare == "on" || is_weekday(bare) {
            continue;
        }
        tokens.push(word.to_string());
    }
    match tokens.len() {
        1 => numeric_date(&tokens[0]).or_else(|| named_date(&split_parts(&tokens[0]))),
        2 | 3 => {
            let parts: Vec<String> = tokens.iter().flat_map(|t| split_parts(t)).collect();
            named_date(&parts)
        }
        _ => None,
    }
}

/// A weekday name or an abbreviation of at least three letters ("wed", "tues", "thurs").
fn is_weekday(w: &str) -> bool {
    w.len() >= 3 && WEEKDAYS.iter().any(|d| d.starts_with(w))
}

/// "25-nov-2026" and "nov." split into their parts; ordinal suffixes ("25th") dropped.
fn split_parts(token: &str) -> Vec<String> {
    token
        .split(['-', '/', '.'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let digits = p.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &p[digits.len()..];
            if !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && matches!(suffix, "st" | "nd" | "rd" | "th")
            {
                digits.to_string()
            } else {
                p.to_string()
            }
        })
        .collect()
}

/// All-number dates: `2026-11-25`, `2026/11/25`, `2026.11.25`, `25.11.2026`, `25/11/2026` (unambiguous only).
fn numeric_date(token: &str) -> Option<NaiveDate> {
    let sep = token.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = token.split(sep).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let ymd = if parts[0].len() == 4 {
        (n[0], n[1], n[2])
    } else if parts[2].len() == 4 {
        match sep {
            '.' => (n[2], n[1], n[0]),
            _ if n[0] > 12 && n[1] <= 12 => (n[2], n[1], n[0]),
            _ if n[1] > 12 && n[0] <= 12 => (n[2], n[0], n[1]),
            _ => return None,
        }
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(ymd.0).ok()?, ymd.1, ymd.2)
}

/// Exactly a month name, a day and a four-digit year, in any order.
fn named_date(parts: &[String]) -> Option<NaiveDate> {
    if parts.len() != 3 {
        return None;
    }
    let (mut month, mut day, mut year) = (None, None, None);
    for p in parts {
        let p = p.as_str();
        if p.bytes().all(|b| b.is_ascii_digit()) {
            match p.len() {
                4 if year.is_none() => year = p.parse::<i32>().ok(),
                1 | 2 if day.is_none() => day = p.parse::<u32>().ok(),
                _ => return None,
            }
        } else if month.is_none() {
            month = month_number(p);
            month?;
        } else {
            return None;
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.starts_with(word))
        .map(|&(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn p(s: &str) -> Option<String> {
        parse(s)
    }

    #[test]
    fn iso_and_rfc3339() {
        assert_eq!(
            p("2022-10-05T14:30:00+03:00").as_deref(),
            Some("2022-10-05T11:30:00Z")
        );
        assert_eq!(
            p("2022-10-05T14:30:00Z").as_deref(),
            Some("2022-10-05T14:30:00Z")
        );
        assert_eq!(
            p("2022-10-05T14:30:00.123456-05:00").as_deref(),
            Some("2022-10-05T19:30:00Z")
        );
        assert_eq!(
            p("2022-10-05T14:30+0300").as_deref(),
            Some("2022-10-05T11:30:00Z")
        );
        assert_eq!(
            p("2022-10-05 14:30").as_deref(),
            Some("2022-10-05T14:30:00Z")
        );
        assert_eq!(
            p("2022-10-05 14:30:59").as_deref(),
            Some("2022-10-05T14:30:59Z")
        );
        assert_eq!(p("2022-10-05").as_deref(), Some("2022-10-05T00:00:00Z"));
        assert_eq!(
            p("2022-10-05T01:00:00+03").as_deref(),
            Some("2022-10-04T22:00:00Z")
        );
    }

    #[test]
    fn rfc2822() {
        assert_eq!(
            p("Wed, 05 Oct 2022 14:30:00 GMT").as_deref(),
            Some("2022-10-05T14:30:00Z")
        );
        assert_eq!(
            p("Wed, 05 Oct 2022 14:30:00 +0000").as_deref(),
            Some("2022-10-05T14:30:00Z")
        );
        assert_eq!(
            p("05 Oct 2022 14:30:00 EST").as_deref(),
            Some("2022-10-05T19:30:00Z")
        );
        assert_eq!(
            p("Wed, 5 Oct 2022 14:30 EDT").as_deref(),
            Some("2022-10-05T18:30:00Z")
        );
        assert_eq!(
            p("Wed, 05 Oct 2022 14:30:00 PST").as_deref(),
            Some("2022-10-05T22:30:00Z")
        );
        assert_eq!(
            p("Wed, 05 Oct 2022 14:30:00 UT").as_deref(),
            Some("2022-10-05T14:30:00Z")
        );
        assert_eq!(
            p("Wed, 05 Oct 2022 14:30:00 Z").as_deref(),
            Some("2022-10-05T14:30:00Z")
        );
        assert_eq!(
            p("Wednesday, 05 October 2022 14:30:00 -0700").as_deref(),
            Some("2022-10-05T21:30:00Z")
        );
    }

    #[test]
    fn written_forms() {
        assert_eq!(
            p("25 November 2026").as_deref(),
            Some("2026-11-25T00:00:00Z")
        );
        assert_eq!(
            p("November 25, 2026").as_deref(),
            Some("2026-11-25T00:00:00Z")
        );
        assert_eq!(
            p("Nov 25, 2026 3:04 PM").as_deref(),
            Some("2026-11-25T15:04:00Z")
        );
        assert_eq!(
            p("Nov. 25, 2026 at 12:04 a.m. EST").as_deref(),
            Some("2026-11-25T05:04:00Z")
        );
        assert_eq!(p("25 Nov 2026").as_deref(), Some("2026-11-25T00:00:00Z"));
        assert_eq!(p("25th Sept 2026").as_deref(), Some("2026-09-25T00:00:00Z"));
        assert_eq!(p("25-Nov-2026").as_deref(), Some("2026-11-25T00:00:00Z"));
        assert_eq!(
            p("14:30 GMT, 5 October 2022").as_deref(),
            Some("2022-10-05T14:30:00Z")
        );
        assert_eq!(
            p("Tuesday 25 November 2026").as_deref(),
            Some("2026-11-25T00:00:00Z")
        );
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(p("25.11.2026").as_deref(), Some("2026-11-25T00:00:00Z"));
        assert_eq!(
            p("25.11.2026 14:00").as_deref(),
            Some("2026-11-25T14:00:00Z")
        );
        assert_eq!(p("2026/11/25").as_deref(), Some("2026-11-25T00:00:00Z"));
        assert_eq!(p("25/11/2026").as_deref(), Some("2026-11-25T00:00:00Z"));
        assert_eq!(p("11/25/2026").as_deref(), Some("2026-11-25T00:00:00Z"));
        assert_eq!(p("05/10/2022"), None, "ambiguous day/month");
        assert_eq!(p("20221005").as_deref(), Some("2022-10-05T00:00:00Z"));
    }

    #[test]
    fn unix_timestamps() {
        assert_eq!(p("1664980200").as_deref(), Some("2022-10-05T14:30:00Z"));
        assert_eq!(p("1664980200000").as_deref(), Some("2022-10-05T14:30:00Z"));
        assert_eq!(p("1664980200.5").as_deref(), Some("2022-10-05T14:30:00Z"));
        assert_eq!(p("2022"), None);
    }

    #[test]
    fn unparseable() {
        for s in [
            "",
            "yesterday",
            "2022-13-45",
            "Nov 31, 2026",
            "14:30 local, 5 October 2022",
            "25 Nov 2026 25:00",
            "13:00 PM 25 Nov 2026",
            "99999999999999999999",
            "May 2026",
            "2022-10-05T14:30:00+99:00",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "::",
            "1:1",
            "T12:00",
            "−",
            "99:99",
            "12:00 (XYZW)",
            "٣/٣/٢٠٢٢",
            "\u{0}",
            "9999-12-31T23:59:59-14:00",
        ] {
            let _ = p(s);
        }
    }
}
