//! The domain's fixed vocabulary (severity levels, incident categories) in the current
//! language. The domain keeps one English name for parsing and storage; screens,
//! reports and drafts ask here. TLP labels are not here: FIRST wants them untranslated.

use super::tr;
use crate::domain::{Category, Severity};

pub fn severity(s: Severity) -> String {
    tr(&format!("severity-{}", s.name().to_lowercase()))
}

pub fn category(c: Category) -> String {
    tr(&format!("category-{}", c.slug()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set};

    #[test]
    fn every_severity_and_category_is_named_in_both_languages() {
        for lang in [Lang::En, Lang::Fr] {
            set(lang);
            for s in Severity::ALL {
                let name = severity(s);
                assert!(!name.starts_with("severity-"), "{lang:?} {s:?}");
                if lang == Lang::En {
                    assert_eq!(name, s.name());
                }
            }
            for c in Category::ALL {
                let name = category(c);
                assert!(!name.starts_with("category-"), "{lang:?} {c:?}");
                if lang == Lang::En {
                    assert_eq!(name, c.name());
                }
            }
        }
        set(Lang::Fr);
        assert_eq!(severity(Severity::High), "Élevée");
        set(Lang::En);
    }
}
