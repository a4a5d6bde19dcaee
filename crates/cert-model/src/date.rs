//! En-US date rendering as Exchange prints it (`8/7/2008 10:04:02 AM`, design.md §5).

use time::OffsetDateTime;

/// Renders an instant the way the en-US culture prints a `DateTime`: `M/d/yyyy h:mm:ss tt`,
/// e.g. `8/7/2008 10:04:02 AM`. The instant is rendered in its own offset; callers convert
/// to the local time zone first.
pub fn format_date(instant: OffsetDateTime) -> String {
    let hour = instant.hour();
    let (hour12, meridiem) = match hour {
        0 => (12, "AM"),
        1..=11 => (hour, "AM"),
        12 => (12, "PM"),
        _ => (hour - 12, "PM"),
    };
    format!(
        "{}/{}/{} {}:{:02}:{:02} {}",
        u8::from(instant.month()),
        instant.day(),
        instant.year(),
        hour12,
        instant.minute(),
        instant.second(),
        meridiem
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn s1_2_dates_render_en_us() {
        assert_eq!(
            format_date(datetime!(2008-08-07 10:04:02 UTC)),
            "8/7/2008 10:04:02 AM"
        );
        assert_eq!(
            format_date(datetime!(2009-12-31 23:59:59 UTC)),
            "12/31/2009 11:59:59 PM"
        );
        assert_eq!(
            format_date(datetime!(2010-01-01 00:00:00 UTC)),
            "1/1/2010 12:00:00 AM"
        );
        assert_eq!(
            format_date(datetime!(2010-01-01 12:30:00 UTC)),
            "1/1/2010 12:30:00 PM"
        );
    }
}
