//! Shipped content in the operator's language. Playbooks, phase models, clocks, roles,
//! the public directory and drills are written in English in `assets/`, and the journal
//! keeps those English texts. Their French lives in `assets/locales/fr-content.ftl`,
//! one message per text, named after the asset's ids (`item-rw-isolate`). At render
//! time a shipped English text is swapped for its translation; any other text (typed by
//! the team, or from the user's own playbooks) is shown as stored.

use super::{Lang, current};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

const FR_CONTENT: &str = include_str!("../../assets/locales/fr-content.ftl");

/// `text` in the current language when it is a shipped text with a translation.
pub fn localized(text: &str) -> Cow<'_, str> {
    localized_in(current(), text)
}

pub fn localized_in(lang: Lang, text: &str) -> Cow<'_, str> {
    match lang {
        Lang::En => Cow::Borrowed(text),
        Lang::Fr => french()
            .get(text)
            .map_or(Cow::Borrowed(text), |t| Cow::Owned(t.clone())),
    }
}

/// English text → French text, for every shipped text the French file translates.
fn french() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let translations = translations();
        // The same English in two places (a role and a drill's author) keeps the first
        // translation, in asset order: roles and directory before drills.
        let mut map = HashMap::new();
        for (key, english) in crate::assets::shipped_texts() {
            if let Some(fr) = translations.get(&key) {
                map.entry(english).or_insert_with(|| fr.clone());
            }
        }
        map
    })
}

/// Every message of the French content file, by id.
pub fn translations() -> HashMap<String, String> {
    let resource =
        FluentResource::try_new(FR_CONTENT.to_string()).unwrap_or_else(|(partial, _)| partial);
    let mut bundle =
        FluentBundle::new_concurrent(vec![Lang::Fr.code().parse().unwrap_or_default()]);
    bundle.set_use_isolating(false);
    let ids: Vec<String> = resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    let _ = bundle.add_resource(resource);
    ids.into_iter()
        .filter_map(|id| {
            let pattern = bundle.get_message(&id)?.value()?;
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            Some((id, text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_french_content_file_parses() {
        assert!(FluentResource::try_new(FR_CONTENT.to_string()).is_ok());
    }

    #[test]
    fn every_shipped_text_has_exactly_one_french_translation() {
        let texts = crate::assets::shipped_texts();
        let translations = translations();
        let missing: Vec<&str> = texts
            .iter()
            .filter(|(key, _)| translations.get(key).is_none_or(|t| t.trim().is_empty()))
            .map(|(key, _)| key.as_str())
            .collect();
        let extra: Vec<&String> = translations
            .keys()
            .filter(|key| !texts.iter().any(|(k, _)| k == *key))
            .collect();
        assert!(missing.is_empty(), "missing in fr-content.ftl: {missing:?}");
        assert!(extra.is_empty(), "not a shipped text: {extra:?}");
    }

    #[test]
    fn only_shipped_texts_are_swapped() {
        let (_, english) = crate::assets::shipped_texts()
            .into_iter()
            .find(|(k, _)| k == "role-incident-commander")
            .unwrap_or_default();
        assert_eq!(english, "Incident commander");
        assert_eq!(localized_in(Lang::Fr, &english), "Pilote de l’incident");
        assert_eq!(localized_in(Lang::En, &english), "Incident commander");
        assert_eq!(
            localized_in(Lang::Fr, "typed by the team"),
            "typed by the team"
        );
    }

    /// Every tactic and technique of the ATT&CK catalogue has its English name and a
    /// French one.
    #[test]
    fn every_attack_name_is_in_both_languages() {
        let translations = translations();
        let attack = crate::assets::attack::catalogue();
        let names = attack
            .tactics
            .iter()
            .map(|t| (&t.id, &t.name))
            .chain(attack.techniques.iter().map(|t| (&t.id, &t.name)));
        for (id, english) in names {
            assert!(!english.trim().is_empty(), "{id}");
            let key = crate::assets::attack::text_key(id);
            let french = translations.get(&key).map(|t| t.trim());
            assert!(french.is_some_and(|f| !f.is_empty()), "{key}");
        }
    }
}
