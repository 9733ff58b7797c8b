//! The time zone a gathering meets in, by its IANA name (`America/Chicago`), so
//! a 7 pm gathering reads as 7 pm in its report and exports rather than as the
//! next morning in UTC. Zone rules come from the `jiff` crate with the time zone
//! database built in, so a server on a machine without one (or on a LAN with no
//! internet) knows every zone all the same.

use crate::i18n::Message;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A time zone known to the built-in database, with its canonical name.
#[derive(Debug, Clone)]
pub struct MeetingZone {
    name: String,
    tz: TimeZone,
}

/// Longer names than any in the database are refused before a lookup.
const MAX_NAME: usize = 64;

impl MeetingZone {
    /// Reads a typed or browser-given name (case does not matter).
    pub fn parse(input: &str) -> Result<Self, Message> {
        let typed = input.trim();
        if typed.is_empty() {
            return Err(Message::new("error-time-zone-empty"));
        }
        let known = (typed.len() <= MAX_NAME)
            .then(|| TimeZone::get(typed).ok())
            .flatten();
        match known {
            Some(tz) => Ok(MeetingZone {
                name: tz.iana_name().unwrap_or(typed).to_string(),
                tz,
            }),
            None => Err(Message::new("error-time-zone-unknown")
                .text("zone", typed.chars().take(MAX_NAME).collect::<String>())),
        }
    }

    pub fn utc() -> Self {
        MeetingZone {
            name: "UTC".into(),
            tz: TimeZone::UTC,
        }
    }

    /// The zone as stored: UTC while none is set (or if a stored name is
    /// ever no longer known).
    pub fn from_stored(name: &str) -> Self {
        Self::parse(name).unwrap_or_else(|_| Self::utc())
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    fn format(&self, ms: i64, pattern: &str) -> String {
        Timestamp::from_millisecond(ms)
            .map(|t| t.to_zoned(self.tz.clone()).strftime(pattern).to_string())
            .unwrap_or_default()
    }

    /// RFC 3339 to the second, with the zone's offset at that moment:
    /// `2026-11-21T19:05:00-06:00`.
    pub fn rfc3339(&self, ms: i64) -> String {
        self.format(ms, "%Y-%m-%dT%H:%M:%S%:z")
    }

    /// The date and time on the zone's clock at `ms`, as (year, month, day,
    /// hour, minute), for formatting in a person's language.
    pub fn civil(&self, ms: i64) -> Option<(i32, u8, u8, u8, u8)> {
        let zoned = Timestamp::from_millisecond(ms)
            .ok()?
            .to_zoned(self.tz.clone());
        Some((
            i32::from(zoned.year()),
            u8::try_from(zoned.month()).ok()?,
            u8::try_from(zoned.day()).ok()?,
            u8::try_from(zoned.hour()).ok()?,
            u8::try_from(zoned.minute()).ok()?,
        ))
    }

    /// The zone's abbreviation at `ms` (`CST`, `WAT`, or an offset such as `-03`).
    pub fn abbreviation(&self, ms: i64) -> String {
        self.format(ms, "%Z")
    }

    /// For people: `21 Nov 2026, 19:05 CST`.
    pub fn readable(&self, ms: i64) -> String {
        self.format(ms, "%-d %b %Y, %H:%M %Z")
    }

    /// The day alone: `21 Nov 2026`.
    pub fn date(&self, ms: i64) -> String {
        self.format(ms, "%-d %b %Y")
    }

    /// Every zone name the database knows, sorted, for the editor's suggestions.
    pub fn known_names() -> Vec<String> {
        let mut names: Vec<String> = jiff::tz::db()
            .available()
            .map(|name| name.to_string())
            .filter(|name| name.contains('/') || name == "UTC")
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 22 Nov 2026 01:05 UTC: the evening of the 21st in Chicago.
    const EVENING: i64 = 1_795_309_500_000;

    #[test]
    fn an_evening_in_chicago_reads_as_the_evening() {
        let zone = MeetingZone::parse("america/chicago").unwrap();
        assert_eq!(zone.name(), "America/Chicago");
        assert_eq!(zone.rfc3339(EVENING), "2026-11-21T19:05:00-06:00");
        assert_eq!(zone.readable(EVENING), "21 Nov 2026, 19:05 CST");
        assert_eq!(zone.date(EVENING), "21 Nov 2026");
        assert_eq!(
            MeetingZone::utc().rfc3339(EVENING),
            "2026-11-22T01:05:00+00:00"
        );
    }

    #[test]
    fn unknown_names_are_refused_with_a_reason() {
        for typed in ["", "Mars/Olympus", "<script>", &"Europe/".repeat(20)] {
            assert!(MeetingZone::parse(typed).is_err(), "{typed:?}");
        }
        assert_eq!(MeetingZone::from_stored("").name(), "UTC");
    }

    #[test]
    fn the_database_is_built_in() {
        let names = MeetingZone::known_names();
        assert!(names.len() > 300, "{}", names.len());
        assert!(names.iter().any(|n| n == "Africa/Lagos"));
    }
}
