//! Reading an imported JSON file with the place of every error: each value is reached
//! through an `At` that knows its JSON path (`Event.Attribute[3].value`), so the first
//! thing wrong is refused by where it is, and nothing is stored.

use crate::domain::{BadObservable, ObservableKind};
use chrono::{DateTime, Datelike, Utc};
use serde_json::Value;

/// Why an imported file was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// A JSON path (`objects[5].pattern`); empty for the file as a whole.
    pub path: String,
    pub why: Why,
}

impl ImportError {
    /// In words, after the name of the file: where in it, and why. The path and the
    /// value come from the file: whoever shows this makes it safe for the terminal.
    pub fn said(&self, file: &str) -> String {
        use crate::text;
        let why = match &self.why {
            Why::NotJson { line, column } => text::import_not_json(*line, *column),
            Why::NotAnExport => text::import_not_an_export(),
            Why::Missing => text::import_missing(),
            Why::WrongType { expected } => match expected {
                Expected::String => text::import_expected_string(),
                Expected::Array => text::import_expected_array(),
                Expected::Object => text::import_expected_object(),
                Expected::Boolean => text::import_expected_boolean(),
            },
            Why::NotADate { found } => text::import_not_a_date(found),
            Why::DateOutOfRange { found } => text::import_date_out_of_range(found),
            Why::BadObservable { kind, value, why } => text::bad_observable(*kind, value, *why),
        };
        if self.path.is_empty() {
            format!("{file}: {why}")
        } else {
            format!("{file}: {}: {why}", self.path)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Not JSON at all: where the parser stopped.
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but neither a MISP event nor a STIX bundle.
    NotAnExport,
    Missing,
    WrongType {
        expected: Expected,
    },
    /// A date and time that does not read as one.
    NotADate {
        found: String,
    },
    /// A date before 1990 or after 2100: a mistake, not when something was seen.
    DateOutOfRange {
        found: String,
    },
    /// A value refused for the kind it is imported as.
    BadObservable {
        kind: ObservableKind,
        value: String,
        why: BadObservable,
    },
}

/// The JSON type a value must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    Array,
    Object,
    Boolean,
}

/// A value inside the file, with its path.
#[derive(Debug, Clone)]
pub struct At<'a> {
    pub path: String,
    pub value: &'a Value,
}

impl<'a> At<'a> {
    pub fn root(value: &'a Value) -> Self {
        At {
            path: String::new(),
            value,
        }
    }

    pub fn fail(&self, why: Why) -> ImportError {
        ImportError {
            path: self.path.clone(),
            why,
        }
    }

    fn wrong(&self, expected: Expected) -> ImportError {
        self.fail(Why::WrongType { expected })
    }

    /// The member `name`, if there and not null.
    pub fn get(&self, name: &str) -> Option<At<'a>> {
        let value = self.value.get(name).filter(|v| !v.is_null())?;
        let path = if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        };
        Some(At { path, value })
    }

    /// The member `name`, which must be there.
    pub fn field(&self, name: &str) -> Result<At<'a>, ImportError> {
        if !self.value.is_object() {
            return Err(self.wrong(Expected::Object));
        }
        self.get(name).ok_or_else(|| {
            let mut missing = self.clone();
            missing.path = if self.path.is_empty() {
                name.to_string()
            } else {
                format!("{}.{name}", self.path)
            };
            missing.fail(Why::Missing)
        })
    }

    pub fn str(&self) -> Result<&'a str, ImportError> {
        self.value
            .as_str()
            .ok_or_else(|| self.wrong(Expected::String))
    }

    /// A string member, if there.
    pub fn opt_str(&self, name: &str) -> Result<Option<&'a str>, ImportError> {
        self.get(name).map(|at| at.str()).transpose()
    }

    /// The items of an array, each with its path.
    pub fn items(&self) -> Result<Vec<At<'a>>, ImportError> {
        let items = self
            .value
            .as_array()
            .ok_or_else(|| self.wrong(Expected::Array))?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, value)| At {
                path: format!("{}[{i}]", self.path),
                value,
            })
            .collect())
    }

    /// The items of an array member, none when it is absent.
    pub fn opt_items(&self, name: &str) -> Result<Vec<At<'a>>, ImportError> {
        self.get(name).map_or(Ok(Vec::new()), |at| at.items())
    }

    /// A yes/no as JSON writers give it: true/false, 1/0, "1"/"0", "true"/"false".
    pub fn flag(&self) -> Result<bool, ImportError> {
        match self.value {
            Value::Bool(b) => Ok(*b),
            Value::Number(n) if n.as_u64() == Some(0) => Ok(false),
            Value::Number(n) if n.as_u64() == Some(1) => Ok(true),
            Value::String(s) if matches!(s.as_str(), "0" | "false") => Ok(false),
            Value::String(s) if matches!(s.as_str(), "1" | "true") => Ok(true),
            _ => Err(self.wrong(Expected::Boolean)),
        }
    }

    /// `value` read as an observable of `kind`, refused here when it is not one.
    pub fn observable(&self, kind: ObservableKind, value: &str) -> Result<String, ImportError> {
        crate::domain::observable::normalise(kind, value).map_err(|why| {
            self.fail(Why::BadObservable {
                kind,
                value: value.to_string(),
                why,
            })
        })
    }
}

/// The dates an import accepts: what is outside was not seen in an incident (a zero,
/// a clock far off), and would stretch the register's seen span.
const EARLIEST_YEAR: i32 = 1990;
const LATEST_YEAR: i32 = 2100;

impl At<'_> {
    /// A date and time: ISO 8601 with an offset (`2026-11-28T13:05:00Z`,
    /// `…+00:00`, `…+0000`), or seconds since 1970 (a number or a string of digits).
    pub fn instant(&self) -> Result<DateTime<Utc>, ImportError> {
        let found = match self.value {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            _ => return Err(self.wrong(Expected::String)),
        };
        let read = if !found.is_empty() && found.bytes().all(|b| b.is_ascii_digit()) {
            found
                .parse::<i64>()
                .ok()
                .and_then(|s| DateTime::from_timestamp(s, 0))
        } else {
            DateTime::parse_from_rfc3339(&found)
                .or_else(|_| DateTime::parse_from_str(&found, "%Y-%m-%dT%H:%M:%S%.f%z"))
                .ok()
                .map(|t| t.with_timezone(&Utc))
        };
        let Some(at) = read else {
            return Err(self.fail(Why::NotADate { found }));
        };
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&at.year()) {
            return Err(self.fail(Why::DateOutOfRange { found }));
        }
        Ok(at)
    }

    /// A date member, if there.
    pub fn opt_instant(&self, name: &str) -> Result<Option<DateTime<Utc>>, ImportError> {
        self.get(name).map(|at| at.instant()).transpose()
    }
}

/// The file as JSON, or where it stops being JSON.
pub fn parse(text: &str) -> Result<Value, ImportError> {
    serde_json::from_str(text).map_err(|e| ImportError {
        path: String::new(),
        why: Why::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_path_of_the_value() {
        let value: Value =
            serde_json::from_str(r#"{"Event":{"Attribute":[{"type":"ip-dst"},{"value":3}]}}"#)
                .unwrap_or_default();
        let root = At::root(&value);
        let attributes = root
            .field("Event")
            .and_then(|e| e.field("Attribute"))
            .and_then(|a| a.items())
            .unwrap_or_default();
        let missing = attributes[0].field("value").unwrap_err();
        assert_eq!(missing.path, "Event.Attribute[0].value");
        assert_eq!(missing.why, Why::Missing);
        let wrong = attributes[1].field("value").and_then(|v| v.str().map(drop));
        assert_eq!(
            wrong.unwrap_err().path,
            "Event.Attribute[1].value".to_string()
        );
        let dates: Value = serde_json::from_str(
            r#"{"a": "2026-11-28T13:05:00.250000+00:00", "b": "1795870800", "c": 1795870800,
                "d": "2026-11-28T14:05:00+0100", "e": "yesterday", "f": "0", "g": "2200-01-01T00:00:00Z"}"#,
        )
        .unwrap_or_default();
        let dates = At::root(&dates);
        let at = |name: &str| dates.field(name).and_then(|d| d.instant());
        let noon = DateTime::parse_from_rfc3339("2026-11-28T13:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        assert_eq!(
            at("a").ok(),
            Some(noon + chrono::Duration::milliseconds(300_250))
        );
        assert_eq!(at("b").ok(), Some(noon));
        assert_eq!(at("c").ok(), Some(noon));
        assert_eq!(at("d").ok(), Some(noon + chrono::Duration::minutes(5)));
        assert_eq!(
            at("e").unwrap_err(),
            ImportError {
                path: "e".into(),
                why: Why::NotADate {
                    found: "yesterday".into()
                }
            }
        );
        assert_eq!(
            at("f").unwrap_err().why,
            Why::DateOutOfRange { found: "0".into() }
        );
        assert_eq!(at("g").unwrap_err().path, "g");
        let not_json = parse("{\n  \"a\": ]").unwrap_err();
        assert_eq!(not_json.why, Why::NotJson { line: 2, column: 8 });
    }
}
