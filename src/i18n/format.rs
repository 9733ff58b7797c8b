//! Dates, times and numbers in a person's language, by ICU4X with its data
//! compiled in: "29 de noviembre de 2026", "29 nov. 2026, 19:05",
//! "18 000" in French, "12,5" in Spanish. English is formatted as British
//! English (day, month, year and a 24-hour clock), as the pages always were.
//! Machine-readable forms (the CSV and JSON reports) never come from here.

use super::{Count, LANGUAGES, Tr};
use crate::domain::MeetingZone;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use icu_datetime::options::TimePrecision;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;

struct Formatters {
    long_date: DateTimeFormatter<YMD>,
    short_date: DateTimeFormatter<YMD>,
    date_time: DateTimeFormatter<YMDT>,
    number: DecimalFormatter,
}

thread_local! {
    /// Made once per thread: ICU4X's formatters are not shared between threads.
    static FORMATTERS: Vec<Formatters> = make_formatters();
}

fn make_formatters() -> Vec<Formatters> {
    LANGUAGES
        .iter()
        .map(|language| {
            let tag = match language.code {
                "en" => "en-GB",
                other => other,
            };
            // unwrap: the tags are constant and valid, and the compiled data
            // has every one of them (a unit test formats in each).
            let locale: Locale = tag.parse().unwrap();
            Formatters {
                long_date: DateTimeFormatter::try_new(locale.clone().into(), YMD::long()).unwrap(),
                short_date: DateTimeFormatter::try_new(locale.clone().into(), YMD::medium())
                    .unwrap(),
                date_time: DateTimeFormatter::try_new(
                    locale.clone().into(),
                    YMDT::medium().with_time_precision(TimePrecision::Minute),
                )
                .unwrap(),
                number: DecimalFormatter::try_new(locale.into(), Default::default()).unwrap(),
            }
        })
        .collect()
}

fn civil(zone: &MeetingZone, ms: i64) -> Option<(Date<icu_calendar::Iso>, Time)> {
    let (year, month, day, hour, minute) = zone.civil(ms)?;
    let date = Date::try_new_iso(year, month, day).ok()?;
    let time = Time::try_new(hour, minute, 0, 0).ok()?;
    Some((date, time))
}

impl Tr {
    fn with_formatters<R>(&self, f: impl FnOnce(&Formatters) -> R) -> R {
        FORMATTERS.with(|all| f(&all[self.index]))
    }

    /// The day in full: "29 November 2026", "29 de noviembre de 2026".
    pub fn long_date(&self, zone: &MeetingZone, ms: i64) -> String {
        civil(zone, ms)
            .map(|(date, _)| self.with_formatters(|f| f.long_date.format(&date).to_string()))
            .unwrap_or_default()
    }

    /// The day, short: "29 Nov 2026", "29 nov 2026".
    pub fn date(&self, zone: &MeetingZone, ms: i64) -> String {
        civil(zone, ms)
            .map(|(date, _)| self.with_formatters(|f| f.short_date.format(&date).to_string()))
            .unwrap_or_default()
    }

    /// The day and the time on the zone's clock, with the zone's
    /// abbreviation: "29 Nov 2026, 19:05 CST", "29 nov 2026, 19:05 CST".
    pub fn date_time(&self, zone: &MeetingZone, ms: i64) -> String {
        civil(zone, ms)
            .map(|(date, time)| {
                let text = self
                    .with_formatters(|f| f.date_time.format(&DateTime { date, time }).to_string());
                format!("{text} {}", zone.abbreviation(ms))
            })
            .unwrap_or_default()
    }

    /// A whole number with the language's grouping: "18,000", "18 000".
    pub fn number(&self, n: impl Count) -> String {
        self.with_formatters(|f| f.number.format(&Decimal::from(n.count())).to_string())
    }

    /// A number with `digits` decimals, rounded: "12.5", "12,5".
    pub fn decimal(&self, value: impl Real, digits: i16) -> String {
        let value = value.real();
        let scale = 10f64.powi(i32::from(digits));
        let scaled = (value * scale).round();
        if !scaled.is_finite() || scaled.abs() > 1e15 {
            return value.to_string();
        }
        let mut decimal = Decimal::from(scaled as i64);
        decimal.multiply_pow10(-digits);
        self.with_formatters(|f| f.number.format(&decimal).to_string())
    }
}

/// A number with decimals a template can pass (templates pass fields by reference).
pub trait Real {
    fn real(&self) -> f64;
}

impl Real for f64 {
    fn real(&self) -> f64 {
        *self
    }
}

impl<T: Real + ?Sized> Real for &T {
    fn real(&self) -> f64 {
        (**self).real()
    }
}

impl Tr {
    /// A message whose variable `name` is a whole number written out in this
    /// language's way ("of 1 200 min planned"), not one that picks a plural.
    pub fn with_number(&self, key: &str, name: &str, n: impl Count) -> String {
        self.text(key, name, &self.number(n))
    }

    /// The same with a number with `digits` decimals ("12,5 min").
    pub fn with_decimal(&self, key: &str, name: &str, value: impl Real, digits: i16) -> String {
        self.text(key, name, &self.decimal(value, digits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(code: &str) -> Tr {
        Tr::for_code(code).unwrap()
    }

    // 29 Nov 2026, 19:05 in Chicago (01:05 UTC the next day).
    const EVENING: i64 = 1_796_000_700_000;

    #[test]
    fn dates_are_in_the_readers_language_on_the_zones_clock() {
        let chicago = MeetingZone::parse("America/Chicago").unwrap();
        assert_eq!(
            tr("es").long_date(&chicago, EVENING),
            "29 de noviembre de 2026"
        );
        assert_eq!(
            tr("pt").long_date(&chicago, EVENING),
            "29 de novembro de 2026"
        );
        assert_eq!(tr("fr").long_date(&chicago, EVENING), "29 novembre 2026");
        assert_eq!(tr("sw").long_date(&chicago, EVENING), "29 Novemba 2026");
        assert_eq!(tr("en").long_date(&chicago, EVENING), "29 November 2026");
        assert_eq!(tr("en").date(&chicago, EVENING), "29 Nov 2026");
        assert_eq!(
            tr("en").date_time(&chicago, EVENING),
            "29 Nov 2026, 19:05 CST"
        );
        let spanish = tr("es").date_time(&chicago, EVENING);
        assert!(
            spanish.starts_with("29 nov 2026") && spanish.contains("19:05"),
            "{spanish}"
        );
        assert_eq!(
            tr("en").long_date(&MeetingZone::utc(), EVENING),
            "30 November 2026",
            "the next day in UTC"
        );
    }

    #[test]
    fn numbers_are_grouped_and_pointed_as_the_language_does() {
        assert_eq!(tr("en").number(18_000i64), "18,000");
        assert_eq!(tr("fr").number(18_000i64), "18\u{202f}000");
        assert_eq!(tr("es").number(18_000i64), "18.000");
        assert_eq!(tr("pt").number(7i64), "7");
        assert_eq!(tr("en").decimal(12.54, 1), "12.5");
        assert_eq!(tr("fr").decimal(12.5, 1), "12,5");
        assert_eq!(tr("es").decimal(3.0, 1), "3,0");
        assert_eq!(tr("sw").decimal(0.0, 0), "0");
    }
}
