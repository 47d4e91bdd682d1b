//! Every writing command gives the same output and writes the same events whether it
//! runs on its own or reaches the store through an open dashboard that owns it, with
//! its own `--lang`, `--at` and paths kept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use common::pty::Dashboard;
use std::path::Path;

/// The writing commands of a small incident, `{id}` standing for its id.
const SCRIPT: &[&[&str]] = &[
    &[
        "new",
        "--title",
        "Files encrypted on FS01",
        "--severity",
        "4",
        "--category",
        "malicious-code",
    ],
    &["note", "{id}", "First ransom note found", "--at", "13:05"],
    &["--lang", "fr", "note", "{id}", "Appel du prestataire"],
    &["alert-retainer", "{id}", "--at", "13:20"],
    &[
        "call",
        "{id}",
        "cnil",
        "reached",
        "--note",
        "asked for the form",
    ],
    &["flag", "{id}", "personal-data", "--at", "2026-11-28 12:40"],
    &["check", "{id}", "rw-declare"],
    &["uncheck", "{id}", "rw-declare"],
    &["check", "{id}", "rw-declare"],
    &["assign", "{id}", "rw-isolate", "Sam"],
    &["add-item", "{id}", "Call the insurer"],
    &[
        "not-applicable",
        "{id}",
        "rw-dora-check",
        "not a financial entity",
    ],
    &["clock", "{id}", "gdpr-authority", "met", "--ref", "CNIL-1"],
    &[
        "clock",
        "{id}",
        "gdpr-subjects",
        "waive",
        "--reason",
        "no high risk",
    ],
    &["lesson", "{id}", "cause", "Phishing mail to accounting"],
    &[
        "evidence",
        "add",
        "{id}",
        "--kind",
        "log",
        "--description",
        "firewall log",
        "--sha256",
        "0000000000000000000000000000000000000000000000000000000000000000",
    ],
    &[
        "evidence",
        "transfer",
        "{id}",
        "E1",
        "--to",
        "Retainer analyst",
    ],
    &[
        "asset",
        "add",
        "{id}",
        "host",
        "FS01",
        "--state",
        "compromised",
        "--evidence",
        "E1",
    ],
    &["asset", "state", "{id}", "A1", "contained", "--at", "13:40"],
    &[
        "correct",
        "{id}",
        "#2",
        "it was the second note",
        "--happened",
        "13:00",
    ],
    &["retract", "{id}", "3", "--reason", "wrong incident"],
    &[
        "set",
        "{id}",
        "commander",
        "Camille Martin",
        "--reason",
        "named by the CEO",
    ],
    &["--lang", "fr", "set", "{id}", "severity", "5"],
    &["phase", "{id}", "containment", "--force"],
    &[
        "timeline",
        "add",
        "{id}",
        "2026-11-20T08:00:00Z",
        "VPN login with a stolen password",
        "--tactic",
        "initial-access",
        "--technique",
        "T1133",
    ],
    &[
        "--lang",
        "fr",
        "timeline",
        "set",
        "{id}",
        "S1",
        "source",
        "journaux VPN",
    ],
    &[
        "close",
        "{id}",
        "--resolution",
        "resolved",
        "--summary",
        "Restored",
        "--leave-open",
    ],
    &["reopen", "{id}", "--reason", "second server found"],
    &[
        "contacts",
        "save",
        "--name",
        "Zoe Insurer Hotline",
        "--roles",
        "insurer",
    ],
    &["demo"],
    // Its output only: the open dashboard delivers a drill's injects as they fall due.
    &["drill", "phishing-campaign"],
];

fn run(dir: &Path, script: &[&[&str]]) -> Vec<String> {
    let mut id = String::new();
    script
        .iter()
        .map(|args| {
            let args: Vec<String> = args.iter().map(|a| a.replace("{id}", &id)).collect();
            let out = ok(warroom(dir).args(&args));
            if args[0] == "new" {
                id = out.trim().to_string();
            }
            out
        })
        .collect()
}

#[test]
fn every_writing_command_is_the_same_through_an_open_dashboard() {
    let alone = tmp();
    let shared = tmp();
    let mut owner = Dashboard::start(shared.path());
    owner.wait_for("the welcome screen", |s| s.contains("Declare"));

    let by_itself = run(alone.path(), SCRIPT);
    let through = run(shared.path(), SCRIPT);
    for ((args, a), b) in SCRIPT.iter().zip(&by_itself).zip(&through) {
        assert_eq!(a, b, "output of {args:?}");
    }
    // The French commands answered in French both ways.
    assert!(
        by_itself[2].contains("enregistré, événement 3"),
        "{}",
        by_itself[2]
    );
    let french_set = SCRIPT
        .iter()
        .position(|args| args.starts_with(&["--lang", "fr", "set"]))
        .unwrap();
    assert!(
        through[french_set].contains("Gravité modifiée"),
        "{}",
        through[french_set]
    );
    let id = by_itself[0].trim();
    let journal = |dir: &Path| ok(warroom(dir).args(["export", id, "--format", "journal"]));
    assert_eq!(
        journal(alone.path()),
        journal(shared.path()),
        "the same events, byte for byte"
    );
    let demo = by_itself[SCRIPT.len() - 2].trim();
    let demo_journal = |dir: &Path| ok(warroom(dir).args(["export", demo, "--format", "journal"]));
    assert_eq!(demo_journal(alone.path()), demo_journal(shared.path()));
    owner.wait_for("the incident on the owner's screen", |s| s.contains(id));
    // The contact saved from the command line is in the open dashboard's directory.
    owner.keys("/");
    owner.keys("Zoe Insurer");
    owner.wait_for("the new contact found on the owner", |s| {
        s.contains("Zoe Insurer Hotline")
    });
    owner.keys("\r");
    owner.keys("q");
    owner.wait_exit();
}
