//! Reading what people type, the same way for both faces: a time (`--at`, `t`, `@13:05`)
//! and whether it is plausible (when.rs), a fact's typed value for `warroom set` and the
//! Edit incident form (amend.rs), the time zone times are read and shown in (zone.rs),
//! and text kept on one line, free of control characters. Parse failures are typed
//! errors; `text` words them in the reader's language.

pub mod amend;
pub mod when;
mod zone;

pub use zone::{Zone, unknown_tz};

/// Keeps typed or pasted text on one line and free of control characters, which would
/// otherwise reach the journal and every screen that shows it.
pub fn clean_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}

/// The element after (or before) `current` in `all`, wrapping around.
pub fn cycle<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
    let n = all.len();
    let i = all.iter().position(|x| *x == current).unwrap_or(0);
    all[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }]
}
