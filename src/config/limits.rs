//! What a YAML file may make the parser do, checked before it is read for real:
//!
//! - aliases (`*name`, repeating what an anchor `&name` marks) may not repeat much: a
//!   "billion laughs" file of one megabyte would otherwise expand to gigabytes;
//! - values may not nest deep: the parser's time grows with the square of the depth of
//!   `[[[…`, and a warroom config never needs more than a few levels.
//!
//! A file past a limit is refused with its location and what was passed, unexpanded.

use super::yaml::{ConfigError, Source};
use serde::de::{
    self, DeserializeSeed, EnumAccess, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use std::cell::Cell;
use std::fmt;
use std::ops::ControlFlow;

/// How deep values may nest. A warroom config needs seven levels at most (the file,
/// `phase_models`, a model, `phases`, a phase, `stages`, a stage).
pub const MAX_DEPTH: usize = 32;

/// How many values and characters aliases may add to a file once expanded ("a hundred
/// thousand" in the message). Each value counts one, each character of text one more.
pub const ALIAS_ALLOWANCE: usize = 100_000;

/// The limit a file passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Limit {
    Depth,
    Aliases,
}

/// Refuses, located, a file whose values nest deeper than `MAX_DEPTH` or whose aliases
/// repeat more than `ALIAS_ALLOWANCE`. Other faults (syntax, types) are left to the
/// parse proper, which says them as before.
pub(super) fn check(source: Source) -> Result<(), ConfigError> {
    // Deep flow nesting first, from the text alone: the parser would take minutes.
    if let Some(at) = too_deep_brackets(source.text) {
        return Err(source.error_at(at, depth_message()));
    }
    // Then every value, aliases followed, counted without being kept. Without aliases a
    // file holds fewer values and characters than twice its length (a value takes at
    // least one character, `{a,b}` two values for two characters), so what passes
    // this budget was repeated by aliases.
    let budget = source
        .text
        .len()
        .saturating_mul(2)
        .saturating_add(1 + ALIAS_ALLOWANCE);
    let state = State {
        left: Cell::new(budget),
        passed: Cell::new(None),
    };
    let walk = Walk {
        state: &state,
        depth: 1,
    };
    let Err(e) = walk.deserialize(serde_yaml::Deserializer::from_str(source.text)) else {
        return Ok(());
    };
    let mark = e.location().map(|l| (l.line(), l.column()));
    let said = e.to_string();
    match state.passed.get() {
        Some(Limit::Depth) => Err(source.error_at(mark.unwrap_or((1, 1)), depth_message())),
        Some(Limit::Aliases) => {
            Err(source.error_at(alias_location(source.text, mark), alias_message()))
        }
        // The parser's own limits, should they come first.
        None if said.starts_with("repetition limit exceeded") => {
            Err(source.error_at(alias_location(source.text, mark), alias_message()))
        }
        None if said.starts_with("recursion limit exceeded") => {
            Err(source.error_at(mark.unwrap_or((1, 1)), depth_message()))
        }
        None => Ok(()),
    }
}

/// Where `[` or `{` first nest deeper than `MAX_DEPTH` in `text`, read without the
/// parser (whose time grows with the square of that depth).
pub(super) fn too_deep_brackets(text: &str) -> Option<(usize, usize)> {
    let mut too_deep = None;
    scan(text, |found, at| match found {
        Found::Open(depth) if depth > MAX_DEPTH => {
            too_deep = Some(at);
            ControlFlow::Break(())
        }
        _ => ControlFlow::Continue(()),
    });
    too_deep
}

/// The message `id`, or `english` while the language files lack it.
fn said(id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)], english: String) -> String {
    let text = crate::i18n::tr_args(id, args);
    if text == id { english } else { text }
}

/// What a file nested deeper than `MAX_DEPTH` is told.
pub(super) fn depth_message() -> String {
    said(
        "err-yaml-depth",
        &[("limit", MAX_DEPTH.into())],
        format!(
            "found a value nested more than {MAX_DEPTH} levels deep, expected a flatter file \
             (a warroom config needs no deep nesting)"
        ),
    )
}

/// What a file whose aliases repeat more than `ALIAS_ALLOWANCE` is told.
pub(super) fn alias_message() -> String {
    said(
        "err-yaml-aliases",
        &[],
        "found aliases (*name) that repeat more than a hundred thousand values and \
         characters once expanded, expected each value written out where it is used \
         (a warroom config needs no anchors or aliases)"
            .to_string(),
    )
}

/// Where to point at for aliases that repeat too much: the first alias of the anchor
/// nearest before `mark` (where the parser was, inside what is repeated), else the
/// first alias of the file, else `mark`, else 1:1.
pub(super) fn alias_location(text: &str, mark: Option<(usize, usize)>) -> (usize, usize) {
    let mut anchor: Option<(&str, (usize, usize))> = None;
    let mut first_alias = None;
    scan(text, |found, at| {
        match found {
            Found::Anchor(name) if mark.is_some_and(|m| at <= m) => anchor = Some((name, at)),
            Found::Alias(_) if first_alias.is_none() => first_alias = Some(at),
            _ => {}
        }
        if mark.is_some_and(|m| at > m) {
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    let mut of_anchor = None;
    if let Some((name, anchored_at)) = anchor {
        scan(text, |found, at| match found {
            Found::Alias(alias) if alias == name && at > anchored_at => {
                of_anchor = Some(at);
                ControlFlow::Break(())
            }
            _ => ControlFlow::Continue(()),
        });
    }
    if first_alias.is_none() && of_anchor.is_none() {
        // The first alias may lie past the mark.
        scan(text, |found, at| match found {
            Found::Alias(_) => {
                first_alias = Some(at);
                ControlFlow::Break(())
            }
            _ => ControlFlow::Continue(()),
        });
    }
    of_anchor.or(first_alias).or(mark).unwrap_or((1, 1))
}

/// What the budget has left and which limit, if any, was passed.
struct State {
    left: Cell<usize>,
    passed: Cell<Option<Limit>>,
}

/// A value at `depth` (the file's top value is at 1), counted and walked through.
#[derive(Clone, Copy)]
struct Walk<'s> {
    state: &'s State,
    depth: usize,
}

impl<'s> Walk<'s> {
    fn spend<E: de::Error>(self, cost: usize) -> Result<(), E> {
        let left = self.state.left.get();
        if cost > left {
            self.state.passed.set(Some(Limit::Aliases));
            return Err(E::custom("alias expansion limit"));
        }
        self.state.left.set(left - cost);
        Ok(())
    }

    /// A sequence or mapping at this depth, whose values are one level below.
    fn enter<E: de::Error>(self) -> Result<Walk<'s>, E> {
        if self.depth > MAX_DEPTH {
            self.state.passed.set(Some(Limit::Depth));
            return Err(E::custom("nesting depth limit"));
        }
        self.spend(1)?;
        Ok(Walk {
            state: self.state,
            depth: self.depth + 1,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.spend(v.len().saturating_add(1))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
        self.spend(v.len().saturating_add(1))
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend(1)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let inner = self.enter()?;
        while seq.next_element_seed(inner)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let inner = self.enter()?;
        while map.next_key_seed(inner)?.is_some() {
            map.next_value_seed(inner)?;
        }
        Ok(())
    }

    /// A tagged value (`!tag value`): the tag is a word, the value is walked.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (IgnoredAny, variant) = data.variant()?;
        self.spend(1)?;
        variant.newtype_variant_seed(self)
    }
}

/// What `scan` reports, each at its first character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found<'t> {
    /// `&name`, marking the value that follows.
    Anchor(&'t str),
    /// `*name`, repeating the value the anchor marks.
    Alias(&'t str),
    /// `[` or `{` opening a flow collection at this flow depth (1 for the outermost).
    Open(usize),
}

/// Reads the text as YAML's scanner does for what matters here, in one pass and without
/// the parser: the anchors, aliases and flow brackets that begin a value. Quoted values,
/// block scalars (`|`, `>`), comments and plain text are skipped. Positions are 1-based,
/// lines and columns in characters, as the parser's. `on` may stop the scan.
fn scan<'t>(text: &'t str, mut on: impl FnMut(Found<'t>, (usize, usize)) -> ControlFlow<()>) {
    // Inside a quoted value running over lines: its quote.
    let mut quote: Option<char> = None;
    // Inside a block scalar: the indentation of the line that began it.
    let mut block: Option<usize> = None;
    let mut flow = 0usize;
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        // At the start of a value, where `&`, `*`, `[`, `"`… are indicators.
        let mut value_starts = quote.is_none();
        let mut after_space = true;
        let mut chars = line.char_indices().enumerate().peekable();
        while let Some((column, (i, c))) = chars.next() {
            let at = (n + 1, column + 1);
            let rest = &line[i + c.len_utf8()..];
            let ends_token = |next: Option<char>| {
                next.is_none_or(|x| {
                    x == ' ' || x == '\t' || (flow > 0 && matches!(x, ',' | ']' | '}'))
                })
            };
            if let Some(q) = quote {
                if c == '\\' && q == '"' {
                    chars.next();
                } else if c == q {
                    if q == '\'' && rest.starts_with('\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                }
                continue;
            }
            if c == ' ' || c == '\t' {
                after_space = true;
                continue;
            }
            let was_space = std::mem::replace(&mut after_space, false);
            if c == '#' && was_space {
                break;
            }
            if !value_starts {
                match c {
                    ':' if ends_token(rest.chars().next()) => value_starts = true,
                    ',' if flow > 0 => value_starts = true,
                    ']' | '}' if flow > 0 => flow -= 1,
                    _ => {}
                }
                continue;
            }
            match c {
                '&' | '*' | '!' => {
                    let len = rest
                        .find(|x: char| {
                            x == ' ' || x == '\t' || matches!(x, ',' | '[' | ']' | '{' | '}')
                        })
                        .unwrap_or(rest.len());
                    let name = &rest[..len];
                    let found = match c {
                        '&' => Some(Found::Anchor(name)),
                        '*' => Some(Found::Alias(name)),
                        _ => None,
                    };
                    if let Some(found) = found
                        && on(found, at).is_break()
                    {
                        return;
                    }
                    let end = i + c.len_utf8() + len;
                    while chars.next_if(|&(_, (j, _))| j < end).is_some() {}
                    // An anchor or a tag comes before its value; an alias is one.
                    value_starts = c != '*';
                }
                '"' | '\'' => {
                    quote = Some(c);
                    value_starts = false;
                }
                '|' | '>' if flow == 0 => {
                    block = Some(indent);
                    break;
                }
                '-' | '?' | ':' if ends_token(rest.chars().next()) => {}
                '[' | '{' => {
                    flow += 1;
                    if on(Found::Open(flow), at).is_break() {
                        return;
                    }
                }
                ']' | '}' => {
                    flow = flow.saturating_sub(1);
                    value_starts = false;
                }
                ',' if flow > 0 => {}
                // Plain text, to the end of the line or the next `: `, `, ` or `#`.
                _ => value_starts = false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Found<'_>, (usize, usize))> {
        let mut all = Vec::new();
        scan(text, |f, at| {
            all.push((f, at));
            ControlFlow::Continue(())
        });
        all
    }

    #[test]
    fn the_scan_finds_anchors_aliases_and_brackets_where_values_begin() {
        let text = "a: &x [1, *y]\nb:\n  - *x\n  - {k: &z v, l: *z}\n";
        assert_eq!(
            found(text),
            vec![
                (Found::Anchor("x"), (1, 4)),
                (Found::Open(1), (1, 7)),
                (Found::Alias("y"), (1, 11)),
                (Found::Alias("x"), (3, 5)),
                (Found::Open(1), (4, 5)),
                (Found::Anchor("z"), (4, 9)),
                (Found::Alias("z"), (4, 18)),
            ]
        );
    }

    #[test]
    fn the_scan_skips_quotes_comments_block_scalars_and_plain_text() {
        let text = "a: \"*x [\" # *y [\nb: '&it''s *z'\nc: |\n  *x [[\n  &y\nd: call me *now* [1]\ne: a*b\nf: \"two\n  *lines\"\n";
        assert_eq!(found(text), vec![]);
    }

    #[test]
    fn the_scan_reads_columns_in_characters() {
        assert_eq!(
            found("é: [*x]\n"),
            vec![(Found::Open(1), (1, 4)), (Found::Alias("x"), (1, 5))]
        );
    }
}
