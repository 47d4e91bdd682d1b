//! Turning values into screen text: durations, and user text made safe to print.

use chrono::TimeDelta;
use std::borrow::Cow;

/// `hh:mm:ss`, or `Nd hh:mm:ss` beyond 48 hours. Negative spans are shown as their size.
pub fn hms(span: TimeDelta) -> String {
    let total = span.num_seconds().unsigned_abs();
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h >= 48 {
        format!("{}d {:02}:{:02}:{:02}", h / 24, h % 24, m, s)
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

/// Characters that could move the cursor, recolour the terminal or reorder text:
/// C0/C1 controls (ESC starts every escape sequence), DEL, and bidi overrides.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// User text as it may be drawn: every unsafe character becomes a visible `�`, so an
/// escape sequence pasted from a phishing mail shows up instead of acting.
pub fn safe(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(
            text.chars()
                .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(safe("\u{1b}[31mred\u{7}"), "\u{FFFD}[31mred\u{FFFD}");
        assert_eq!(safe("a\u{202E}b\u{9b}c"), "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(safe("line\nbreak"), "line\u{FFFD}break");
        // Wide and combining characters are kept: ratatui lays them out by width.
        assert_eq!(safe("事件 é"), "事件 é");
    }
}
