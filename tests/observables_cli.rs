//! `warroom ioc`: the observables register from the command line — values checked and
//! written one way, duplicates merged, defanged for people and canonical for machines,
//! and refusals (exit 2) that store nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;

fn register(dir: &std::path::Path, id: &str) -> Vec<Value> {
    serde_json::from_str(&ok(warroom(dir).args(["ioc", "list", id, "--json"]))).unwrap()
}

#[test]
fn observables_are_read_for_their_kind_and_merged_not_added_twice() {
    let dir = tmp();
    let id = declare(dir.path(), "Phishing wave", "3");
    let add = |args: &[&str]| ok(warroom(dir.path()).args(["ioc", "add", &id]).args(args));
    assert!(
        add(&["url", "hxxps://Evil[.]Example[.]com/pay", "--sighted"]).contains("observable O1")
    );
    assert!(add(&["domain", "EVIL.example.com."]).contains("observable O2"));
    let again = add(&[
        "url",
        "https://evil.example.com/pay",
        "--source",
        "proxy",
        "--note",
        "C2",
    ]);
    assert!(again.contains("merged into O1"), "{again}");
    add(&[
        "md5",
        "D41D8CD98F00B204E9800998ECF8427E",
        "--not-ioc",
        "--tlp",
        "green",
    ]);

    let all = register(dir.path(), &id);
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[0]["spec"]["value"], "https://evil.example.com/pay");
    assert_eq!(all[0]["spec"]["sighted"], true);
    assert_eq!(all[0]["spec"]["source"], "proxy");
    assert_eq!(all[0]["reports"], 2);
    assert_eq!(all[1]["spec"]["value"], "evil.example.com");
    assert_eq!(all[2]["spec"]["value"], "d41d8cd98f00b204e9800998ecf8427e");
    assert_eq!(all[2]["spec"]["ioc"], false);
    assert_eq!(all[2]["spec"]["tlp"], "TLP:GREEN");

    // People read them defanged; nothing on the screen is a live link.
    let listed = ok(warroom(dir.path()).args(["ioc", "list", &id]));
    assert!(
        listed.contains("hxxps://evil[.]example[.]com/pay"),
        "{listed}"
    );
    assert!(listed.contains("evil[.]example[.]com"), "{listed}");
    assert!(!listed.contains("https://"), "{listed}");
    assert!(listed.contains("[context, TLP:GREEN]"), "{listed}");
    let shown = ok(warroom(dir.path()).args(["show", &id]));
    assert!(shown.contains("Indicator of compromise (url): hxxps://evil[.]example[.]com/pay"));
    ok(warroom(dir.path()).args(["verify", &id]));
}

#[test]
fn a_field_is_set_by_an_event_and_bad_input_stores_nothing() {
    let dir = tmp();
    let id = declare(dir.path(), "Intrusion", "4");
    ok(warroom(dir.path()).args(["ioc", "add", &id, "ip", "192[.]0[.]2[.]10"]));
    ok(warroom(dir.path()).args(["ioc", "set", &id, "O1", "ioc", "no"]));
    ok(warroom(dir.path()).args(["ioc", "set", &id, "o1", "tlp", "red"]));
    let all = register(dir.path(), &id);
    assert_eq!(all[0]["spec"]["value"], "192.0.2.10");
    assert_eq!(all[0]["spec"]["ioc"], false);
    assert_eq!(all[0]["spec"]["tlp"], "TLP:RED");

    let events = journal_len(dir.path(), &id);
    for (args, says) in [
        (vec!["add", &id, "ip", "300.1.1.1"], "is not a valid ip"),
        (vec!["add", &id, "sha256", "abc"], "64 hexadecimal digits"),
        (
            vec!["add", &id, "colour", "red"],
            "unknown observable kind 'colour'",
        ),
        (
            vec!["add", &id, "ip", "192.0.2.1", "--event", "99"],
            "no event #99",
        ),
        (
            vec!["set", &id, "O7", "ioc", "no"],
            "has no observable 'O7'",
        ),
        (
            vec!["set", &id, "O1", "colour", "red"],
            "has no field 'colour'",
        ),
        (vec!["set", &id, "O1", "ioc", "maybe"], "ioc is yes or no"),
    ] {
        let err = fails(warroom(dir.path()).arg("ioc").args(&args), 2);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(
        journal_len(dir.path(), &id),
        events,
        "a refusal stores nothing"
    );
}

#[test]
fn refusals_and_the_register_speak_french() {
    let dir = tmp();
    let id = declare(dir.path(), "Intrusion", "4");
    let err = fails(
        warroom(dir.path()).args(["--lang", "fr", "ioc", "add", &id, "domain", "localhost"]),
        2,
    );
    assert!(
        err.contains("« localhost » n’est pas un domain valide : un nom de domaine"),
        "{err}"
    );
    ok(warroom(dir.path()).args(["ioc", "add", &id, "account", "CORP\\svc", "--sighted"]));
    let listed = ok(warroom(dir.path()).args(["--lang", "fr", "ioc", "list", &id]));
    assert!(
        listed.contains("CORP\\svc  [IOC, vu chez nous, TLP:AMBER]"),
        "{listed}"
    );
    // Positionals keep their order under French help (`ioc add ID KIND VALUE`).
    ok(warroom(dir.path()).args(["--lang", "fr", "ioc", "set", &id, "O1", "sighted", "non"]));
    assert_eq!(register(dir.path(), &id)[0]["spec"]["sighted"], false);
}
