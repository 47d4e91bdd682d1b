//! Closed lists of values — severity, category, TLP, flags, the kinds of contacts,
//! evidence and lessons, a call's outcome, an incident's facts: one trait gives each its
//! values, the name a person types for each, and the parsing; one error says what was
//! typed that is not on the list, with the valid names. `text` words that error in the
//! reader's language; the English `Display` here is for logs and tests.

/// A type whose values are a fixed list that people name by typing.
pub trait ClosedList: Copy + 'static {
    /// What the values are, as the suffix of its message id (`what-severity`).
    const WHAT: &'static str;
    /// Every value, in the order they are listed.
    const VALUES: &'static [Self];

    /// The name a person types, and the valid-values list shows.
    fn typed_name(self) -> String;

    /// Whether `typed` names this value: by default its name in any case, with spaces or
    /// underscores for dashes.
    fn is_named(self, typed: &str) -> bool {
        normal(typed) == normal(&self.typed_name())
    }

    /// The value `typed` names, or why there is none.
    fn parse_typed(typed: &str) -> Result<Self, UnknownValue> {
        Self::VALUES
            .iter()
            .copied()
            .find(|v| v.is_named(typed))
            .ok_or_else(|| UnknownValue {
                what: Self::WHAT,
                found: typed.to_string(),
                valid: Self::VALUES.iter().map(|v| v.typed_name()).collect(),
            })
    }
}

fn normal(text: &str) -> String {
    text.trim().to_ascii_lowercase().replace([' ', '_'], "-")
}

/// A value typed for a closed list that is not on it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {} '{found}'; valid values: {}", what.replace('-', " "), valid.join(", "))]
pub struct UnknownValue {
    /// The list's `WHAT` (`severity`, `contact-kind`…).
    pub what: &'static str,
    pub found: String,
    pub valid: Vec<String>,
}

/// `FromStr` for closed lists, with `UnknownValue` as its error.
#[macro_export]
macro_rules! parse_closed_list {
    ($($t:ty),* $(,)?) => {
        $(impl std::str::FromStr for $t {
            type Err = $crate::domain::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$t as $crate::domain::ClosedList>::parse_typed(s)
            }
        })*
    };
}

/// A closed list whose typed names are its slugs (`Type::ALL`, `Type::slug`): the trait
/// and `FromStr` in one line, `closed_list_by_slug!(LessonKind => "lesson-kind")`.
#[macro_export]
macro_rules! closed_list_by_slug {
    ($t:ty => $what:literal) => {
        impl $crate::domain::ClosedList for $t {
            const WHAT: &'static str = $what;
            const VALUES: &'static [Self] = &Self::ALL;

            fn typed_name(self) -> String {
                self.slug().to_string()
            }
        }

        $crate::parse_closed_list!($t);
    };
}
