//! The Unix-style `-UFormat` specifiers of Get-Date (`-Format` is the engine's
//! `format_date`).

use time::OffsetDateTime;

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn month_name(d: &OffsetDateTime) -> &'static str {
    shell_engine::MONTH_NAMES[usize::from(u8::from(d.month())) - 1]
}

fn day_name(d: &OffsetDateTime) -> &'static str {
    DAYS[usize::from(d.weekday().number_days_from_monday())]
}

fn hour12(d: &OffsetDateTime) -> u8 {
    match d.hour() % 12 {
        0 => 12,
        h => h,
    }
}

fn offset_text(d: &OffsetDateTime, minutes: bool, pad: bool) -> String {
    let total = d.offset().whole_seconds();
    let sign = if total < 0 { '-' } else { '+' };
    let total = total.abs();
    let (h, m) = (total / 3600, (total % 3600) / 60);
    match (minutes, pad) {
        (true, _) => format!("{sign}{h:02}:{m:02}"),
        (false, true) => format!("{sign}{h:02}"),
        (false, false) => format!("{sign}{h}"),
    }
}

/// Formats a date with `-UFormat` specifiers (`%Y`, `%m`, `%d`, `%H`, `%M`, `%S`, …).
pub fn format_unix(d: &OffsetDateTime, format: &str) -> String {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(spec) = chars.next() else {
            out.push('%');
            break;
        };
        let text = match spec {
            'Y' => d.year().to_string(),
            'y' => format!("{:02}", d.year() % 100),
            'C' => format!("{:02}", d.year() / 100),
            'm' => format!("{:02}", u8::from(d.month())),
            'd' => format!("{:02}", d.day()),
            'e' => format!("{:>2}", d.day()),
            'H' => format!("{:02}", d.hour()),
            'I' => format!("{:02}", hour12(d)),
            'M' => format!("{:02}", d.minute()),
            'S' => format!("{:02}", d.second()),
            'p' => if d.hour() < 12 { "AM" } else { "PM" }.to_string(),
            'b' | 'h' => month_name(d)[..3].to_string(),
            'B' => month_name(d).to_string(),
            'a' => day_name(d)[..3].to_string(),
            'A' => day_name(d).to_string(),
            'j' => format!("{:03}", d.ordinal()),
            'u' => d.weekday().number_from_monday().to_string(),
            'w' => d.weekday().number_days_from_sunday().to_string(),
            's' => d.unix_timestamp().to_string(),
            'Z' => offset_text(d, false, true),
            'D' => format!(
                "{:02}/{:02}/{:02}",
                u8::from(d.month()),
                d.day(),
                d.year() % 100
            ),
            'F' => format!("{}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
            'T' | 'X' => format!("{:02}:{:02}:{:02}", d.hour(), d.minute(), d.second()),
            'R' => format!("{:02}:{:02}", d.hour(), d.minute()),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn get_date_uformat() {
        let d = datetime!(2008-08-07 22:04:02 UTC);
        assert_eq!(format_unix(&d, "%Y%m%d-%H%M%S"), "20080807-220402");
        assert_eq!(format_unix(&d, "%A %b %j %p %%"), "Thursday Aug 220 PM %");
    }
}
