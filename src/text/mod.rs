//! Every sentence warroom shows, by audience: the dashboard (screens.rs), the command
//! line (cli.rs), the post-incident report (reports.rs), notification drafts
//! (drafts.rs), journal lines and the names of recorded values (journal.rs), and what
//! went wrong (errors.rs). Each reads `assets/locales/*.ftl` through `i18n::tr` and
//! `i18n::tr_args`; values such as titles, names and notes are passed as message
//! variables, never translated. Callers name them `text::…` whatever their audience.

use crate::i18n::{tr, tr_args};
use crate::keys::Action;

use fluent_bundle::FluentValue;

/// A value shown as it is (a name, a title, an id), for a message variable.
fn shown(value: impl std::fmt::Display) -> FluentValue<'static> {
    value.to_string().into()
}

/// A text that may be shipped content (an item, a phase name, a drill's inject), in the
/// current language when it is.
fn content(text: &str) -> FluentValue<'static> {
    crate::i18n::localized(text).into_owned().into()
}

fn severity(s: crate::domain::Severity) -> FluentValue<'static> {
    format!("{} {}", s.level(), crate::i18n::terms::severity(s)).into()
}

/// Who holds the store, as its lock file says, or "another warroom process".
fn holder_of(holder: Option<&crate::store::lock::Holder>) -> String {
    match holder {
        Some(h) => tr_args(
            "store-holder",
            &[("pid", h.pid.into()), ("command", h.command.clone().into())],
        ),
        None => tr("store-holder-unknown"),
    }
}

/// A size for people: 512 B, 12 KB, 3.4 MB, 2.0 GB.
fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// A sentence worded when it is shown, not when it is made. Flashes and form errors are
/// made in `update` (or on a writer thread) but drawn later, maybe after `L` changed the
/// language: the screen calls `text()` at each frame, in the language of that frame.
#[derive(Clone)]
pub struct Said(std::sync::Arc<dyn Fn() -> String + Send + Sync>);

impl Said {
    pub fn new(say: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Said(std::sync::Arc::new(say))
    }

    /// Text warroom does not word (already complete, or typed by someone).
    pub fn verbatim(text: impl Into<String>) -> Self {
        let text = text.into();
        Said::new(move || text.clone())
    }

    pub fn text(&self) -> String {
        (self.0)()
    }
}

impl std::fmt::Debug for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Said({:?})", self.text())
    }
}

/// Two sentences are the same when they read the same now.
impl PartialEq for Said {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl Eq for Said {}

/// One function per message: `name => "message-id";` reads a message without
/// variables, `name(var: Type, …) => "message-id";` one whose variables are named like
/// the arguments (`{ $var }`). Anything more than passing values through is written by
/// hand beside it.
#[macro_export]
macro_rules! words {
    ($($(#[$doc:meta])* $name:ident $(($($arg:ident: $ty:ty),* $(,)?))? => $id:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name($($($arg: $ty),*)?) -> String {
                $crate::words!(@say $id $($(, $arg)*)?)
            }
        )*
    };
    (@say $id:literal) => {
        $crate::i18n::tr($id)
    };
    (@say $id:literal $(, $arg:ident)+) => {
        $crate::i18n::tr_args($id, &[$((stringify!($arg), $arg.into())),+])
    };
}

mod cli;
mod contract;
mod drafts;
mod drill;
mod errors;
mod identity;
mod journal;
mod plan;
mod readiness;
mod reports;
mod screens;

pub use cli::*;
pub use contract::*;
pub use drafts::*;
pub use drill::*;
pub use errors::*;
pub use identity::*;
pub use journal::*;
pub use plan::*;
pub use readiness::*;
pub use reports::*;
pub use screens::*;

pub const APP_NAME: &str = "warroom";

words! {
    exercise => "exercise";
    /// How long ago, from a duration already formatted (`00:45:00 ago`).
    ago(span: &str) => "ago";
}

/// A label followed by its colon: `Phase:` in English, `Phase :` in French (with a
/// no-break space, so the colon never starts a line).
pub fn colon(label: &str) -> String {
    format!("{label}{}", tr("colon"))
}

/// `hh:mm:ss`, or `Nd hh:mm:ss` beyond 48 hours (`Nj` in French). Negative spans are shown as their size.
pub fn hms(span: chrono::TimeDelta) -> String {
    let total = span.num_seconds().unsigned_abs();
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h >= 48 {
        let day = tr("day-letter");
        format!("{}{day} {:02}:{:02}:{:02}", h / 24, h % 24, m, s)
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set};

    #[test]
    fn sentences_with_values_read_the_same_in_english_and_agree_in_french() {
        set(Lang::En);
        assert_eq!(
            cli_items_open("INC-1", &["a", "b"]),
            "INC-1: 2 item(s) of the current phase are still open (a, b); tick them, mark them not applicable, or pass --force"
        );
        assert_eq!(
            cli_failed_verification(1),
            "1 journal(s) failed verification"
        );
        assert_eq!(
            too_small(80, 24, 60, 20),
            "warroom needs a terminal of at least 80×24; this one is 60×20."
        );
        assert_eq!(
            cli_unknown_event("INC-1", 12, 3400),
            "INC-1 has no event #12; its events are #1 to #3400"
        );
        assert_eq!(
            cli_already("INC-1", "x", true),
            "INC-1: x is already done; nothing recorded"
        );
        set(Lang::Fr);
        assert_eq!(
            cli_failed_verification(1),
            "1 journal n’a pas passé la vérification"
        );
        assert_eq!(
            cli_imported("INC-1", 3),
            "INC-1 importé (3 événements, chaîne vérifiée)"
        );
        assert_eq!(flag_short(crate::domain::Flag::Major), "majeur");
        let phase = |open: &[&str]| crate::domain::Change::PhaseAdvanced {
            phase: "contain".into(),
            name: "Containment".into(),
            left_open: open.iter().map(|s| s.to_string()).collect(),
        };
        // A shipped phase name is shown in French too.
        assert_eq!(event_line(&phase(&[]), None), "Phase : Confinement");
        assert_eq!(
            event_line(&phase(&["a", "b"]), None),
            "Phase : Confinement (2 actions laissées ouvertes)"
        );
        set(Lang::En);
        assert_eq!(event_line(&phase(&[]), None), "Phase: Containment");
        assert_eq!(
            event_line(&phase(&["a"]), None),
            "Phase: Containment (1 left open before)"
        );
        set(Lang::En);
        assert_eq!(flag_short(crate::domain::Flag::Major), "major");
    }
}
