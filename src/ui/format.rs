//! Turning values into screen text: durations, and user text made safe to print.

use std::borrow::Cow;

pub use crate::text::hms;

/// Characters that could move the cursor, recolour the terminal or reorder text:
/// C0/C1 controls (ESC starts every escape sequence), DEL, and bidi overrides.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// User text as it may be drawn: every unsafe character becomes a visible picture of
/// itself, so an escape sequence pasted from a phishing mail shows up (`␛[31m`) instead
/// of acting. C0 controls become their Unicode control pictures (`␀`…`␟`), DEL `␡`, and
/// C1 controls and bidi overrides `␦`. (Not `�`: some terminal emulators drop it.)
pub fn safe(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(text.chars().map(shown_as).collect())
    } else {
        Cow::Borrowed(text)
    }
}

fn shown_as(c: char) -> char {
    match u32::from(c) {
        code @ 0..=0x1F => char::from_u32(0x2400 + code).unwrap_or('\u{2426}'),
        0x7F => '\u{2421}',
        _ if is_unsafe(c) => '\u{2426}',
        _ => c,
    }
}

/// Shipped content (a playbook item, phase, clock or role name, a public contact's
/// notes) in the frame's language, made safe; other text is only made safe.
pub fn content(text: &str) -> Cow<'_, str> {
    match crate::i18n::localized(text) {
        Cow::Borrowed(t) => safe(t),
        Cow::Owned(t) => Cow::Owned(safe(&t).into_owned()),
    }
}

/// `text` cut to at most `width` terminal columns, ending in `…` when cut. Wide
/// characters count double, so the result never overflows its cell range.
pub fn fit(text: &str, width: usize) -> Cow<'_, str> {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

/// When an event happened, for a row of the journal: the time alone for today (in
/// `zone`, seen from `now`), else the date too; and, when it was written down more
/// than a minute apart from that, "logged …" to put after it.
pub fn event_time(
    event: &crate::domain::Event,
    zone: crate::app::Zone,
    now: chrono::DateTime<chrono::Utc>,
) -> (String, Option<String>) {
    let today = zone.date_of(now);
    let shown = |t: chrono::DateTime<chrono::Utc>, today_fmt: &str| {
        if zone.date_of(t) == today {
            zone.format(t, today_fmt)
        } else {
            zone.format(t, "%d %b %H:%M")
        }
    };
    let occurred = shown(event.occurred(), "%H:%M:%S");
    let logged = event
        .logged_apart()
        .map(|t| crate::text::logged_at(&shown(t, "%H:%M")));
    (occurred, logged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn fit_cuts_by_columns_with_an_ellipsis() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("exactly10!", 10), "exactly10!");
        assert_eq!(fit("a longer line", 8), "a longe…");
        // Two columns per CJK character: 3 of them and the ellipsis make 7.
        assert_eq!(fit("漢字漢字漢字", 8), "漢字漢…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn formats_spans() {
        assert_eq!(hms(TimeDelta::seconds(0)), "00:00:00");
        assert_eq!(hms(TimeDelta::seconds(3 * 3600 + 62)), "03:01:02");
        assert_eq!(hms(TimeDelta::seconds(-61)), "00:01:01");
        assert_eq!(
            hms(TimeDelta::hours(47) + TimeDelta::seconds(59 * 60 + 59)),
            "47:59:59"
        );
        assert_eq!(hms(TimeDelta::hours(49)), "2d 01:00:00");
    }

    #[test]
    fn escapes_and_bidi_become_visible() {
        assert_eq!(safe("ok"), Cow::Borrowed("ok"));
        assert_eq!(safe("\u{1b}[31mred\u{7}"), "␛[31mred␇");
        assert_eq!(safe("a\u{202E}b\u{9b}c\u{7f}"), "a␦b␦c␡");
        assert_eq!(safe("line\nbreak\0"), "line␊break␀");
        // Wide and combining characters are kept: ratatui lays them out by width.
        assert_eq!(safe("事件 é"), "事件 é");
    }
}
