#![allow(clippy::unwrap_used, clippy::expect_used)]
//! What a config or playbook file may make the YAML parser do: aliases (`*name`) that
//! repeat more than a hundred thousand values and characters, and values nested more
//! than 32 levels deep, are refused with their location, before anything is expanded.
//! Files without aliases are never taken for bombs, and a few aliases still work.

use warroom::config::{Config, Source, language_of, parse_playbook};

const ALIASES: &str = "found aliases (*name) that repeat more than a hundred thousand values \
                       and characters once expanded, expected each value written out where \
                       it is used (a warroom config needs no anchors or aliases)";

const DEPTH: &str = "found a value nested more than 32 levels deep, expected a flatter file \
                     (a warroom config needs no deep nesting)";

fn refusal(text: &str) -> String {
    Config::with_user_text("bomb.yaml", text)
        .unwrap_err()
        .to_string()
}

/// 1-based column of the `nth` (0-based) occurrence of `needle` in line `line` (1-based).
fn column_of(text: &str, line: usize, needle: &str, nth: usize) -> usize {
    let l = text.lines().nth(line - 1).unwrap();
    l.match_indices(needle).nth(nth).unwrap().0 + 1
}

#[test]
fn a_billion_laughs_is_refused_at_its_first_alias() {
    // Each list repeats the one above ten times: 10^9 values once expanded.
    let mut text = String::from(
        "organisation: \"Example\"\npoint_of_contact:\n  name: \"Camille\"\n  tags: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\ncontacts:\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let aliases = vec![format!("*{}", pair[0]); 10].join(", ");
        text.push_str(&format!(
            "  - {{ name: \"{}\", tags: &{} [{aliases}] }}\n",
            pair[1], pair[1]
        ));
    }
    let err = refusal(&text);
    assert_eq!(
        err,
        format!("bomb.yaml:6:{}: {ALIASES}", column_of(&text, 6, "*a", 0))
    );
}

#[test]
fn one_list_repeated_by_thousands_of_contacts_is_refused() {
    // The shape of the 1 MB file that took 2 GB: accepted before, every contact a copy
    // of the list.
    let list = vec!["x"; 1000].join(", ");
    let mut text = format!(
        "organisation: \"Example\"\npoint_of_contact:\n  name: \"Camille\"\n  tags: &t [{list}]\ncontacts:\n"
    );
    for i in 0..2000 {
        text.push_str(&format!("  - {{ name: c{i}, tags: *t }}\n"));
    }
    assert_eq!(
        refusal(&text),
        format!("bomb.yaml:6:{}: {ALIASES}", column_of(&text, 6, "*t", 0))
    );
}

#[test]
fn one_long_text_repeated_by_many_aliases_is_refused() {
    let long = "lol ".repeat(2500);
    let mut text = format!(
        "organisation: \"Example\"\npoint_of_contact:\n  name: \"Camille\"\n  notes: &n \"{long}\"\ncontacts:\n"
    );
    for i in 0..100 {
        text.push_str(&format!("  - {{ name: c{i}, notes: *n }}\n"));
    }
    assert_eq!(
        refusal(&text),
        format!("bomb.yaml:6:{}: {ALIASES}", column_of(&text, 6, "*n", 0))
    );
}

#[test]
fn the_parsers_own_repetition_limit_is_said_the_same_way() {
    // Empty lists doubled at each level: few values, but more alias jumps than the
    // parser allows (a hundred per event of the file), passed before our own limit.
    let mut text = String::from(
        "organisation: \"Example\"\npoint_of_contact:\n  name: \"Camille\"\n  tags: &l0 []\ncontacts:\n",
    );
    for level in 1..=24 {
        let below = level - 1;
        text.push_str(&format!(
            "  - {{ name: n{level}, tags: &l{level} [*l{below}, *l{below}] }}\n"
        ));
    }
    assert_eq!(
        refusal(&text),
        format!("bomb.yaml:6:{}: {ALIASES}", column_of(&text, 6, "*l0", 0))
    );
}

#[test]
fn a_playbook_whose_aliases_repeat_too_much_is_refused() {
    let config = Config::embedded().unwrap();
    let long = "Call them. ".repeat(200);
    let mut text = format!(
        "id: bomb\nname: \"Bomb\"\ndescription: &d \"{long}\"\ncategories: [availability]\nitems:\n"
    );
    for i in 0..100 {
        text.push_str(&format!(
            "  - {{ id: step-{i}, stage: detect, owner: it-lead, text: *d }}\n"
        ));
    }
    let err = parse_playbook(Source::new("bomb.yaml", &text), config.vocabulary())
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!("bomb.yaml:6:{}: {ALIASES}", column_of(&text, 6, "*d", 0))
    );
}

#[test]
fn a_few_aliases_are_still_accepted_and_expanded() {
    let text = "organisation: \"Example\"\npoint_of_contact:\n  name: \"Camille\"\n  phones: &hq [\"+33 1 00 00 00 00\"]\ncontacts:\n  - { name: A, phones: *hq }\n  - { name: B, phones: *hq, tags: &t [night, weekend] }\n  - { name: C, phones: *hq, tags: *t }\n";
    let config = Config::with_user_text("ok.yaml", text).unwrap();
    assert_eq!(config.contacts.len(), 3);
    for contact in &config.contacts {
        assert_eq!(contact.phones, ["+33 1 00 00 00 00"]);
    }
    assert_eq!(config.contacts[2].tags, ["night", "weekend"]);
}

#[test]
fn large_files_without_aliases_are_never_taken_for_bombs() {
    // The most values for the fewest characters: keys without values, `{a,b,…}`.
    let keys: Vec<String> = (0..100_000).map(|i| format!("k{i}")).collect();
    let text = format!("x: {{{}}}\n", keys.join(","));
    assert_eq!(Source::new("big.yaml", &text).within_limits(), Ok(()));
    let text = format!("x: [{}]\n", vec!["[]"; 200_000].join(","));
    assert_eq!(Source::new("big.yaml", &text).within_limits(), Ok(()));
    let text = format!("x: [{}]\n", vec!["\"\""; 200_000].join(","));
    assert_eq!(Source::new("big.yaml", &text).within_limits(), Ok(()));
}

#[test]
fn brackets_nested_past_the_limit_are_refused_at_the_first_one_too_deep() {
    let text = format!(
        "organisation: \"Example\"\nretainer:\n  name: {}{}\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    // The 33rd bracket, read from the text (the parser's time grows with the square
    // of the depth).
    assert_eq!(refusal(&text), format!("bomb.yaml:3:{}: {DEPTH}", 9 + 32));
    // Read before the command, for the help's language: not handed to the parser.
    assert_eq!(language_of(&text), None);
    assert_eq!(language_of("language: fr\n"), Some(warroom::i18n::Lang::Fr));
}

/// A file whose innermost mapping is at `depth` (the file's own mapping is at 1).
fn nested(depth: usize) -> String {
    let mut text = String::new();
    for level in 1..depth {
        text.push_str(&format!("{}level{level}:\n", "  ".repeat(level - 1)));
    }
    text.push_str(&format!("{}deep: yes\n", "  ".repeat(depth - 1)));
    text
}

#[test]
fn values_nested_past_the_limit_are_refused_at_the_first_level_too_deep() {
    assert_eq!(Source::new("ok.yaml", &nested(32)).within_limits(), Ok(()));
    let err = Source::new("deep.yaml", &nested(33))
        .within_limits()
        .unwrap_err();
    // The mapping at level 33 begins with the key on line 33.
    assert_eq!(err.to_string(), format!("deep.yaml:33:65: {DEPTH}"));
    // A file nested this deep is refused as a config before its keys are checked.
    assert_eq!(refusal(&nested(40)), format!("bomb.yaml:33:65: {DEPTH}"));
    // So is the same depth in brackets, on one line.
    let text = format!("x: {}1{}\n", "[".repeat(32), "]".repeat(32));
    assert_eq!(
        Source::new("deep.yaml", &text)
            .within_limits()
            .unwrap_err()
            .to_string(),
        format!("deep.yaml:1:{}: {DEPTH}", 3 + 32)
    );
}
