//! Reading YAML with errors that say where: `file:line:column: found …, expected …`.
//! serde_yaml locates syntax and type errors itself; rules that the types cannot state
//! are located by finding the offending key and value in the text.

use std::fmt;

/// A configuration or playbook error, located in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// A YAML text and its file name, for parsing and for locating errors in it.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl<'a> Source<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Source { file, text }
    }

    /// True when the text holds nothing but blank lines and comments.
    pub fn is_blank(&self) -> bool {
        self.text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    }

    /// The text as a `T`, once it is known to stay within the limits (see `limits`):
    /// aliases that repeat too much and values nested too deep are refused unexpanded.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ConfigError> {
        super::limits::check(*self)?;
        serde_yaml::from_str(self.text).map_err(|e| self.serde_error(&e))
    }

    /// Refuses, located, what would make the parser take far more time or memory than
    /// the size of the file: aliases that repeat too much, values nested too deep.
    pub fn within_limits(&self) -> Result<(), ConfigError> {
        super::limits::check(*self)
    }

    /// serde_yaml's message without its own " at line … column …" tail, located ourselves.
    fn serde_error(&self, e: &serde_yaml::Error) -> ConfigError {
        let full = e.to_string();
        let message = match full.find(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full.clone(),
        };
        let (line, column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((1, 1));
        if let Some((at, explained)) = self.explain(&message, &full, (line, column)) {
            return self.error_at(at, explained);
        }
        // The parser's own limits (checked before, with lower bounds, by `limits`).
        match message.as_str() {
            "recursion limit exceeded" => {
                return self.error_at((line, column), super::limits::depth_message());
            }
            "repetition limit exceeded" => {
                return self.error_at(
                    super::limits::alias_location(
                        self.text,
                        e.location().is_some().then_some((line, column)),
                    ),
                    super::limits::alias_message(),
                );
            }
            _ => {}
        }
        // Our own value parsers (durations, triggers) fail after serde_yaml has moved on
        // to the enclosing mapping; point at the value they name instead.
        let at = found_value(&message)
            .and_then(|value| self.text_after(line, value))
            .unwrap_or((line, column));
        self.error_at(at, plain_types(&message))
    }

    /// The parser's syntax messages say what it expected in its own terms ("did not find
    /// expected key"); these say what the user most likely did.
    fn explain(
        &self,
        message: &str,
        full: &str,
        (line, column): (usize, usize),
    ) -> Option<((usize, usize), String)> {
        use crate::i18n::{tr, tr_args};
        let position = |after: &str| -> Option<(usize, usize)> {
            let rest = &full[full.find(after)? + after.len()..];
            let rest = rest.strip_prefix(" at line ")?;
            let (l, rest) = rest.split_once(" column ")?;
            let c: String = rest.chars().take_while(char::is_ascii_digit).collect();
            Some((l.parse().ok()?, c.parse().ok()?))
        };
        if message == "did not find expected key" {
            if let Some(open) = self.unclosed_quote_before(line) {
                let text = tr_args("err-yaml-unclosed-quote", &[("line", open.into())]);
                return Some(((line, column), text));
            }
            let (l, c) = position("while parsing a block mapping")?;
            let text = tr_args(
                "err-yaml-indent",
                &[("line", l.into()), ("column", c.into())],
            );
            return Some(((line, column), text));
        }
        if message.starts_with("found character that cannot start any token")
            && self
                .text
                .lines()
                .nth(line.saturating_sub(1))?
                .chars()
                .nth(column.saturating_sub(1))
                == Some('\t')
        {
            return Some(((line, column), tr("err-yaml-tab")));
        }
        if message.starts_with("found unexpected end of stream") {
            let at = position("while scanning a quoted scalar")?;
            return Some((at, tr("err-yaml-eof-in-quote")));
        }
        None
    }

    /// The nearest line before `line` that opens a double or single quote it does not
    /// close, if any: a quoted value then ran on into the next keys.
    fn unclosed_quote_before(&self, line: usize) -> Option<usize> {
        let (n, text) = self
            .text
            .lines()
            .enumerate()
            .take(line.saturating_sub(1))
            .filter(|(_, l)| !l.trim().is_empty())
            .last()?;
        let odd = |q: char| text.matches(q).count() % 2 == 1;
        (odd('"') || (odd('\'') && !text.contains('"'))).then_some(n + 1)
    }

    /// Where `needle` first appears on or after line `from` (1-based).
    fn text_after(&self, from: usize, needle: &str) -> Option<(usize, usize)> {
        self.lines()
            .enumerate()
            .skip(from.saturating_sub(1))
            .find_map(|(n, l)| l.find(needle).map(|c| (n + 1, c + 1)))
    }

    pub fn error_at(&self, (line, column): (usize, usize), message: String) -> ConfigError {
        ConfigError {
            file: self.file.to_string(),
            line,
            column,
            message,
        }
    }

    /// An error at the start of the file, for what concerns the whole of it.
    pub fn error(&self, message: String) -> ConfigError {
        self.error_at((1, 1), message)
    }

    /// Where the `nth` (0-based) `key: value` pair is (at the value), else the value of
    /// the `nth` `key:`, else 1:1. Block and flow (`{ id: x }`) mappings alike; quotes
    /// around the value are ignored.
    pub fn key_value(&self, key: &str, value: &str, nth: usize) -> (usize, usize) {
        self.keys(key)
            .filter(|k| k.value == value)
            .nth(nth)
            .or_else(|| self.keys(key).nth(nth))
            .map_or((1, 1), |k| (k.line, k.value_column))
    }

    /// Where the `nth` (0-based) `key:` is, or 1:1.
    pub fn key(&self, key: &str, nth: usize) -> (usize, usize) {
        self.keys(key)
            .nth(nth)
            .map_or((1, 1), |k| (k.line, k.key_column))
    }

    /// Where the first `key:` on or after line `from` (1-based) is, at its value, keeping
    /// only those whose value is `value_is` when given; `from`:1 when there is none.
    pub fn key_after(&self, from: usize, key: &str, value_is: Option<&str>) -> (usize, usize) {
        self.keys(key)
            .find(|k| k.line >= from && value_is.is_none_or(|v| k.value == v))
            .map_or((from.max(1), 1), |k| (k.line, k.value_column))
    }

    /// Where the `nth` (0-based) `key:` on or after line `from` is, at the key itself;
    /// `from`:1 when there is none.
    pub fn nth_key_after(&self, from: usize, key: &str, nth: usize) -> (usize, usize) {
        self.keys(key)
            .filter(|k| k.line >= from)
            .nth(nth)
            .map_or((from.max(1), 1), |k| (k.line, k.key_column))
    }

    fn keys(&self, key: &str) -> impl Iterator<Item = KeyAt<'a>> + Clone + use<'a> {
        let pattern = format!("{key}:");
        self.lines()
            .enumerate()
            .flat_map(move |(n, line)| keys_in_line(line, &pattern, n + 1))
    }

    /// Every `key:` of the text, read in one pass, to locate many entries (one per
    /// contact, one per playbook item) without reading the text again for each.
    pub fn key_index(&self, key: &str) -> KeyIndex<'a> {
        let keys: Vec<KeyAt<'a>> = self.keys(key).collect();
        let mut first_with_value = std::collections::HashMap::new();
        for k in &keys {
            first_with_value.entry(k.value).or_insert(k.line);
        }
        KeyIndex {
            keys,
            first_with_value,
        }
    }

    /// The lines of the text; in tests, each line read is counted (see `lines_read`).
    fn lines(&self) -> impl Iterator<Item = &'a str> + Clone + use<'a> {
        self.text.lines().inspect(|_| {
            #[cfg(test)]
            LINES_READ.with(|n| n.set(n.get() + 1));
        })
    }

    /// Where `word` first appears as a whole word on or after line `from` (1-based),
    /// or `from`:1 when it does not.
    pub fn word_after(&self, from: usize, word: &str) -> (usize, usize) {
        self.lines()
            .enumerate()
            .skip(from.saturating_sub(1))
            .find_map(|(n, line)| find_word(line, word).map(|col| (n + 1, col + 1)))
            .unwrap_or((from.max(1), 1))
    }
}

/// Every `key:` of a text, in order (see `Source::key_index`).
pub struct KeyIndex<'a> {
    keys: Vec<KeyAt<'a>>,
    /// The line of the first `key:` with each value.
    first_with_value: std::collections::HashMap<&'a str, usize>,
}

impl KeyIndex<'_> {
    /// As `Source::nth_key_after`: the `nth` (0-based) `key:` on or after line `from`,
    /// at the key itself; `from`:1 when there is none.
    pub fn nth_after(&self, from: usize, nth: usize) -> (usize, usize) {
        let first = self.keys.partition_point(|k| k.line < from);
        self.keys
            .get(first + nth)
            .map_or((from.max(1), 1), |k| (k.line, k.key_column))
    }

    /// As `Source::key_value(key, value, 0).0`: the line of the first `key: value`, else
    /// of the first `key:`, else 1.
    pub fn line_of(&self, value: &str) -> usize {
        self.first_with_value
            .get(value)
            .copied()
            .or_else(|| self.keys.first().map(|k| k.line))
            .unwrap_or(1)
    }
}

#[cfg(test)]
thread_local! {
    static LINES_READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many lines of YAML text this thread has read to locate keys and words so far:
/// the work done to locate errors, which must grow with the size of a file, not with
/// the square of it.
#[cfg(test)]
pub fn lines_read() -> usize {
    LINES_READ.with(std::cell::Cell::get)
}

/// serde's type names are Rust's (`u32`, `struct Retainer`); a config writer knows
/// numbers and mappings.
fn plain_types(message: &str) -> String {
    let Some((head, expected)) = message.rsplit_once(", expected ") else {
        return message.to_string();
    };
    let plain = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => {
            crate::i18n::tr("yaml-type-whole-number")
        }
        e if e.starts_with("struct ") || e == "a map" => crate::i18n::tr("yaml-type-mapping"),
        e if e.starts_with("a sequence") => crate::i18n::tr("yaml-type-list"),
        _ => return message.to_string(),
    };
    format!("{head}, expected {plain}")
}

/// The value in a message of the form "… found 'VALUE', expected …".
fn found_value(message: &str) -> Option<&str> {
    let start = message.find("found '")? + "found '".len();
    let len = message[start..].find("', expected")?;
    Some(&message[start..start + len]).filter(|v| !v.is_empty())
}

/// One `key: value` found in the text; columns are 1-based.
#[derive(Clone, Copy)]
struct KeyAt<'a> {
    line: usize,
    key_column: usize,
    value_column: usize,
    value: &'a str,
}

/// Every `key: value` of `line`, in block style (`key: v`, `- key: v`) or inside a
/// flow mapping (`{ a: 1, key: v }`). The value ends at a comma or brace in flow style.
fn keys_in_line<'a>(line: &'a str, pattern: &str, line_no: usize) -> Vec<KeyAt<'a>> {
    let mut found = Vec::new();
    for (i, _) in line.match_indices(pattern) {
        let before = line[..i].trim_end_matches(' ');
        let starts_key = before.is_empty()
            || before.ends_with(['{', ','])
            || before.trim() == "-"
            || before.ends_with(" -");
        if !starts_key {
            continue;
        }
        let after = &line[i + pattern.len()..];
        let in_flow = before.contains('{');
        let raw = if in_flow {
            after.split([',', '}']).next().unwrap_or("")
        } else {
            after
        };
        let lead = raw.len() - raw.trim_start().len();
        let value = raw.trim().trim_matches(['"', '\'']);
        found.push(KeyAt {
            line: line_no,
            key_column: i + 1,
            value_column: i + pattern.len() + lead + 1,
            value,
        });
    }
    found
}

/// Byte column of `word` in `line` where it is not part of a longer id.
fn find_word(line: &str, word: &str) -> Option<usize> {
    let is_id = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    line.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = line[..i].chars().next_back();
        let after = line[i + word.len()..].chars().next();
        !before.is_some_and(is_id) && !after.is_some_and(is_id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "id: x\nitems:\n  - id: a\n    owner: \"it-lead\"\n  - id: a\n    starts: [gdpr-authority, nis2]\n";

    #[test]
    fn finds_key_value_pairs_in_lists_and_quotes() {
        let s = Source::new("f", TEXT);
        assert_eq!(s.key_value("id", "a", 0), (3, 9));
        assert_eq!(s.key_value("id", "a", 1), (5, 9));
        assert_eq!(s.key_value("owner", "it-lead", 0), (4, 12));
        // Unknown value: falls back to the nth key's value.
        assert_eq!(s.key_value("owner", "nobody", 0), (4, 12));
        assert_eq!(s.key("owner", 0), (4, 5));
        let flow = Source::new("f", "- { id: a, name: \"B\" }\n");
        assert_eq!(flow.key_value("name", "B", 0), (1, 18));
        assert_eq!(flow.key_value("id", "a", 0), (1, 9));
        assert_eq!(s.key("nothing", 0), (1, 1));
    }

    #[test]
    fn finds_whole_words_only() {
        let s = Source::new("f", TEXT);
        assert_eq!(s.word_after(5, "nis2"), (6, 30));
        assert_eq!(s.word_after(1, "gdpr"), (1, 1));
    }
}
