//! Fuzzy search (nucleo's matcher, the one the Helix editor uses): over the directory,
//! ranked hits with the matched characters of each name for highlighting; over any
//! register, ranked rows (`rank`).

use crate::domain::{Contact, ObservableRecord};
use crate::i18n::Lang;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// One contact that matches, its score, and which characters of its name matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
    /// Char positions in the name, ascending.
    pub name_chars: Vec<usize>,
}

/// What a contact is searched on: name, role, organisation, tags and role ids, written
/// into `text` (reused between contacts); the name and role also as shown in the
/// current language, so either spelling finds a shipped contact. ASCII separators keep
/// an ASCII contact on the matcher's fast path.
fn haystack(c: &Contact, lang: Lang, text: &mut String) {
    text.clear();
    text.push_str(&c.name);
    for part in [&c.role, &c.organisation] {
        text.push_str(" | ");
        text.push_str(part);
    }
    for part in [&c.name, &c.role] {
        if let std::borrow::Cow::Owned(shown) = crate::i18n::localized_in(lang, part) {
            text.push_str(" | ");
            text.push_str(&shown);
        }
    }
    for word in c.tags.iter().chain(&c.roles) {
        text.push(' ');
        text.push_str(word);
    }
}

/// Contacts matching `query` as shown in `lang`, best first (ties keep directory order). An empty query
/// matches everything in order.
pub fn search(contacts: &[Contact], query: &str, lang: Lang) -> Vec<Hit> {
    if query.trim().is_empty() {
        return (0..contacts.len())
            .map(|index| Hit {
                index,
                score: 0,
                name_chars: Vec::new(),
            })
            .collect();
    }
    let pattern = Pattern::new(
        query,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    );
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut indices = Vec::new();
    let mut text = String::new();
    let mut hits: Vec<Hit> = contacts
        .iter()
        .enumerate()
        .filter_map(|(index, c)| {
            // The whole text decides whether and how well it matches; the name alone
            // decides what to highlight (a match there is what the eye looks for).
            haystack(c, lang, &mut text);
            let score = pattern.score(Utf32Str::new(&text, &mut buf), &mut matcher)?;
            indices.clear();
            // Highlights go on the name as it is shown.
            let name = crate::i18n::localized_in(lang, &c.name);
            let name_score =
                pattern.indices(Utf32Str::new(&name, &mut buf), &mut matcher, &mut indices);
            let mut name_chars: Vec<usize> = match name_score {
                Some(_) => indices.iter().map(|&i| i as usize).collect(),
                None => Vec::new(),
            };
            name_chars.sort_unstable();
            name_chars.dedup();
            Some(Hit {
                index,
                score: score.max(name_score.unwrap_or(0)),
                name_chars,
            })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
    hits
}

/// What an observable is searched on: everything its row shows, the value canonical
/// (a query is refanged instead, see [`observable_query`]: half the text to match).
pub fn observable_text(o: &ObservableRecord, text: &mut String) {
    let spec = &o.spec;
    for part in [
        &o.id,
        spec.kind.slug(),
        &spec.value,
        &spec.source,
        &spec.note,
    ] {
        text.push_str(part);
        text.push(' ');
    }
}

/// A query for the observables as typed, `hxxp` or `[.]` pasted from a report
/// included, made to match the canonical values.
pub fn observable_query(query: &str) -> String {
    crate::domain::observable::refang(query)
}

/// Rows `0..count` matching `query`, best first (ties keep their order), each row's text
/// written by `haystack` into the buffer it is given (reused between rows). An empty
/// query keeps every row in order. For registers (observables, assets, the attack
/// timeline), where the whole row is what is searched and nothing is highlighted.
pub fn rank(query: &str, count: usize, mut haystack: impl FnMut(usize, &mut String)) -> Vec<usize> {
    if query.trim().is_empty() {
        return (0..count).collect();
    }
    let pattern = Pattern::new(
        query,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    );
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut text = String::new();
    let mut hits: Vec<(usize, u32)> = (0..count)
        .filter_map(|i| {
            text.clear();
            haystack(i, &mut text);
            let score = pattern.score(Utf32Str::new(&text, &mut buf), &mut matcher)?;
            Some((i, score))
        })
        .collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.into_iter().map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(name: &str, role: &str, tags: &[&str]) -> Contact {
        Contact {
            name: name.into(),
            role: role.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Contact::default()
        }
    }

    fn names<'a>(all: &'a [Contact], hits: &[Hit]) -> Vec<&'a str> {
        hits.iter().map(|h| all[h.index].name.as_str()).collect()
    }

    fn directory() -> Vec<Contact> {
        vec![
            contact("CERT-FR (ANSSI)", "National CSIRT", &["anssi", "nis2"]),
            contact(
                "CNIL breach notification",
                "Data-protection authority",
                &["gdpr"],
            ),
            contact("Camille Durand", "IT lead", &[]),
            contact("Info Escroqueries", "Fraud reporting", &["escroquerie"]),
            contact("CyberSecure SOC", "Retainer CSIRT", &["retainer"]),
        ]
    }

    #[test]
    fn rank_finds_rows_by_any_part_best_first() {
        let rows = [
            "O1 ip 203.0.113.7 c2",
            "O2 domain evil.example",
            "O3 sha256 ab12",
        ];
        let find = |q: &str| rank(q, rows.len(), |i, t| t.push_str(rows[i]));
        assert_eq!(find("evil"), [1]);
        assert_eq!(find("203.0.113"), [0]);
        assert_eq!(find(""), [0, 1, 2]);
        assert!(find("zzzz").is_empty());
        // Fuzzy: letters in order, not together.
        assert_eq!(find("evlexmp"), [1]);
    }

    #[test]
    fn exact_name_prefixes_rank_first_and_are_highlighted() {
        let all = directory();
        let hits = search(&all, "cnil", Lang::En);
        assert_eq!(names(&all, &hits)[0], "CNIL breach notification");
        assert_eq!(hits[0].name_chars, [0, 1, 2, 3]);
    }

    #[test]
    fn roles_organisations_and_tags_match_too() {
        let all = directory();
        assert_eq!(
            names(&all, &search(&all, "gdpr", Lang::En)),
            ["CNIL breach notification"]
        );
        assert_eq!(
            names(&all, &search(&all, "fraud", Lang::En))[0],
            "Info Escroqueries"
        );
        let csirt = names(&all, &search(&all, "csirt", Lang::En));
        assert_eq!(csirt.len(), 2, "{csirt:?}");
        assert!(csirt.contains(&"CERT-FR (ANSSI)") && csirt.contains(&"CyberSecure SOC"));
        // A match outside the name highlights nothing in it.
        assert!(search(&all, "gdpr", Lang::En)[0].name_chars.is_empty());
    }

    #[test]
    fn fuzzy_typos_of_order_still_find_and_nothing_finds_nothing() {
        let all = directory();
        assert_eq!(
            names(&all, &search(&all, "cmldrnd", Lang::En))[0],
            "Camille Durand"
        );
        assert!(search(&all, "zzzz", Lang::En).is_empty());
        assert_eq!(search(&all, "", Lang::En).len(), all.len());
    }
}
