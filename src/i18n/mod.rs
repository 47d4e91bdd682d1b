//! The operator's language. Messages live in Fluent files (`assets/locales/*.ftl`),
//! embedded. `tr` reads this thread's language: the command line sets it once, the
//! dashboard at each frame from its `Look` (`ui::draw`), and work done in another
//! language (a report exported in French) is wrapped in `speaking`, which gives the
//! thread its own back.
//! A message missing in French falls back to English, and one missing everywhere shows
//! its id (a test keeps both files in step).

mod content;
pub mod terms;

pub use content::{localized, localized_in};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

const EN: &str = include_str!("../../assets/locales/en.ftl");
const FR: &str = include_str!("../../assets/locales/fr.ftl");

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }

    /// From a locale such as `fr_FR.UTF-8`, `fr`, `en_GB`; `None` for others.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let lower = locale.trim().to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Lang::Fr)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and known (`var` reads
    /// the environment, passed in so that tests need not change it).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name).filter(|v| !v.is_empty()))
            .find_map(|v| Lang::from_locale(&v))
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => EN,
            Lang::Fr => FR,
        }
    }
}

impl crate::domain::ClosedList for Lang {
    const WHAT: &'static str = "language";
    const VALUES: &'static [Self] = &[Lang::En, Lang::Fr];

    fn typed_name(self) -> String {
        self.code().to_string()
    }
}

crate::parse_closed_list!(Lang);

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

pub fn set(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// `work` done in `lang`, this thread's language given back after (a report exported in
/// French by the writer thread leaves it as it was).
pub fn speaking<T>(lang: Lang, work: impl FnOnce() -> T) -> T {
    let before = current();
    set(lang);
    let done = work();
    set(before);
    done
}

pub fn current() -> Lang {
    LANG.with(Cell::get)
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static EN_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    static FR_BUNDLE: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN_BUNDLE,
        Lang::Fr => &FR_BUNDLE,
    };
    cell.get_or_init(|| {
        let id = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No bidi isolation marks: they would reach the terminal.
        bundle.set_use_isolating(false);
        // The files are ours and tested; a syntax error leaves the bad entries out.
        let resource = FluentResource::try_new(lang.source().to_string())
            .unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `id` in `lang`, else in English, else the id itself.
pub fn tr_in(lang: Lang, id: &str) -> String {
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(pattern, None, &mut errors).into_owned();
        }
    }
    id.to_string()
}

/// The message `id` in the current language.
pub fn tr(id: &str) -> String {
    tr_in(current(), id)
}

/// The message `id` with its variables (`{ $name }`), in the current language.
pub fn tr_args(id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
    let mut fluent = fluent_bundle::FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    for l in [current(), Lang::En] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b
                .format_pattern(pattern, Some(&fluent), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// Every message id a language file defines.
pub fn ids(lang: Lang) -> Vec<String> {
    let resource =
        FluentResource::try_new(lang.source().to_string()).unwrap_or_else(|(partial, _)| partial);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_exactly_the_same_messages() {
        let mut en = ids(Lang::En);
        let mut fr = ids(Lang::Fr);
        en.sort();
        fr.sort();
        let missing: Vec<_> = en.iter().filter(|id| !fr.contains(id)).collect();
        let extra: Vec<_> = fr.iter().filter(|id| !en.contains(id)).collect();
        assert!(missing.is_empty(), "missing in fr.ftl: {missing:?}");
        assert!(extra.is_empty(), "only in fr.ftl: {extra:?}");
        assert!(en.len() > 90);
        // An id defined twice would silently keep only its first text.
        for ids in [&en, &fr] {
            let mut unique = ids.to_vec();
            unique.dedup();
            assert_eq!(unique.len(), ids.len(), "an id is defined twice");
        }
    }

    #[test]
    fn both_files_parse_without_error() {
        for lang in [Lang::En, Lang::Fr] {
            assert!(
                FluentResource::try_new(lang.source().to_string()).is_ok(),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn lookups_fall_back_to_english_then_the_id() {
        assert_eq!(tr_in(Lang::Fr, "pane-clocks"), "Délais");
        assert_eq!(tr_in(Lang::En, "pane-clocks"), "Clocks");
        assert_eq!(tr_in(Lang::Fr, "no-such-message"), "no-such-message");
    }

    #[test]
    fn variables_and_plurals() {
        set(Lang::En);
        assert_eq!(
            tr_args(
                "confirm-advance",
                &[("open", 1.into()), ("from", "A".into()), ("to", "B".into())]
            ),
            "1 item is still open in A. Move on to B anyway?"
        );
        set(Lang::Fr);
        assert_eq!(
            tr_args(
                "confirm-advance",
                &[("open", 3.into()), ("from", "A".into()), ("to", "B".into())]
            ),
            "3 éléments sont encore ouverts en A. Passer quand même à B ?"
        );
        set(Lang::En);
    }

    #[test]
    fn the_environment_chooses_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])),
            Some(Lang::Fr)
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")])),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), None);
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "fr")])),
            Some(Lang::Fr)
        );
    }
}
