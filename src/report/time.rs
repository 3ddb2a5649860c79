//! UTC timestamps for SARIF (`2024-05-01T12:00:00.000Z`) and GitLab (`2024-05-01T12:00:00`,
//! which its schema requires without a zone). Hand-written: it is one well-known conversion
//! (days to civil date, Howard Hinnant's algorithm) and a date-time crate would be a dependency
//! for a dozen lines.

use std::time::{SystemTime, UNIX_EPOCH};

/// A UTC date and time broken into fields.
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    millis: u32,
}

fn civil(t: SystemTime) -> Civil {
    // Times before 1970 do not occur for a scan that runs now; clamp rather than fail.
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs() as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Civil {
        year,
        month,
        day,
        hour: (rem / 3_600) as u32,
        minute: (rem % 3_600 / 60) as u32,
        second: (rem % 60) as u32,
        millis: d.subsec_millis(),
    }
}

/// RFC 3339 UTC with milliseconds and `Z`, as SARIF's `dateTime` properties.
pub fn rfc3339_utc(t: SystemTime) -> String {
    let c = civil(t);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second, c.millis
    )
}

/// `yyyy-mm-dd` in UTC: today's date for `keysweep:allow ... until=` (compared as text).
pub fn utc_date(t: SystemTime) -> String {
    let c = civil(t);
    format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
}

/// `yyyy-mm-ddThh:mm:ss` in UTC, the exact pattern GitLab's report schema requires.
pub fn gitlab_utc(t: SystemTime) -> String {
    let c = civil(t);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(secs: u64, millis: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs) + Duration::from_millis(millis)
    }

    #[test]
    fn known_dates() {
        assert_eq!(rfc3339_utc(at(0, 0)), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339_utc(at(951_782_400, 7)), "2000-02-29T00:00:00.007Z");
        assert_eq!(gitlab_utc(at(951_868_800 - 1, 0)), "2000-02-29T23:59:59");
        assert_eq!(gitlab_utc(at(1_700_000_000, 0)), "2023-11-14T22:13:20");
        assert_eq!(gitlab_utc(at(4_107_542_400, 0)), "2100-03-01T00:00:00");
    }
}
