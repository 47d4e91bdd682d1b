//! The written record from the command line: evidence hashed and verified, lessons,
//! corrections, the report in each format (snapshots, escaping, a parser check for the
//! HTML), and the journal moved between stores.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;
use std::path::Path;

const HOSTILE: &str =
    "Ransomware <script>alert(1)</script> | **bold** [x](http://e.vil) `code` & \"q\"";

/// An incident with a bit of everything, no file paths (so reports are reproducible).
fn incident(dir: &Path) -> String {
    let id = ok(warroom(dir).args([
        "new",
        "--title",
        HOSTILE,
        "--severity",
        "4",
        "--category",
        "malicious-code",
    ]))
    .trim()
    .to_string();
    let run = |args: &[&str]| {
        ok(warroom(dir).args(args));
    };
    run(&["check", &id, "rw-declare"]);
    run(&[
        "not-applicable",
        &id,
        "rw-dora-check",
        "not a financial entity",
    ]);
    run(&[
        "evidence",
        "add",
        &id,
        "--kind",
        "memory-image",
        "--description",
        "FS01 memory <dump>",
        "--sha256",
        &"ab".repeat(32),
        "--location",
        "Safe 2, USB #4",
    ]);
    run(&[
        "evidence",
        "transfer",
        &id,
        "E1",
        "--to",
        "Retainer analyst",
        "--note",
        "sealed bag 17",
    ]);
    run(&[
        "call",
        &id,
        "retainer",
        "reached",
        "--note",
        "analyst *on* the bridge",
    ]);
    run(&["lesson", &id, "cause", "RDP exposed | no MFA"]);
    run(&[
        "lesson",
        &id,
        "recommendation",
        "MFA on every remote access",
        "--owner",
        "IT lead",
        "--due",
        "2027-01-31",
    ]);
    run(&["note", &id, "wrong host noted"]);
    run(&["retract", &id, "10", "--reason", "it was a test"]);
    run(&["correct", &id, "1", "Detected at 13:05, not 14:00"]);
    id
}

#[test]
fn evidence_from_a_file_is_hashed_and_a_changed_file_is_caught() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).args(["new", "--title", "T", "--severity", "2"]))
        .trim()
        .to_string();
    let file = dir.path().join("abc.txt");
    std::fs::write(&file, "abc").unwrap();
    let out = ok(warroom(dir.path())
        .args([
            "evidence",
            "add",
            &id,
            "--kind",
            "log",
            "--description",
            "a log",
            "--file",
        ])
        .arg(&file));
    assert_eq!(out, format!("saved {id} event 2\nE1\n"));
    let listed: Value = serde_json::from_str(&ok(
        warroom(dir.path()).args(["evidence", "list", &id, "--json"])
    ))
    .unwrap();
    assert_eq!(
        listed[0]["spec"]["sha256"],
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(listed[0]["spec"]["size"], 3);
    assert_eq!(listed[0]["custody"][0]["to"], "tester");
    let verified = ok(warroom(dir.path()).args(["evidence", "verify", &id]));
    assert!(verified.contains("E1 ok"), "{verified}");
    std::fs::write(&file, "abd").unwrap();
    let err = fails_any_stdout(warroom(dir.path()).args(["evidence", "verify", &id]), 1);
    assert!(err.contains("no longer match"), "{err}");
    let err = fails(
        warroom(dir.path()).args([
            "evidence",
            "add",
            &id,
            "--kind",
            "log",
            "--description",
            "x",
            "--sha256",
            "xyz",
        ]),
        2,
    );
    assert!(err.contains("is not a SHA-256"), "{err}");
    let err = fails(
        warroom(dir.path()).args([
            "evidence",
            "add",
            &id,
            "--kind",
            "tape",
            "--description",
            "x",
        ]),
        2,
    );
    assert!(err.contains("unknown evidence kind 'tape'"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["evidence", "transfer", &id, "E9", "--to", "x"]),
        1,
    );
    assert!(err.contains("no evidence item 'E9'"), "{err}");
}

/// Runs, asserts the exit code, returns stderr (stdout may hold per-item lines).
fn fails_any_stdout(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn corrections_and_retractions_name_existing_events() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).args(["new", "--title", "T", "--severity", "2"]))
        .trim()
        .to_string();
    let err = fails(warroom(dir.path()).args(["correct", &id, "7", "x"]), 1);
    assert!(
        err.contains("has no event #7; its events are #1 to #1"),
        "{err}"
    );
    let err = fails(
        warroom(dir.path()).args(["retract", &id, "1", "--reason", "x"]),
        1,
    );
    assert!(err.contains("cannot be retracted"), "{err}");
    let err = fails(warroom(dir.path()).args(["lesson", &id, "gossip", "x"]), 2);
    assert!(err.contains("unknown lesson kind 'gossip'"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["lesson", &id, "cause", "x", "--due", "soon"]),
        2,
    );
    assert!(err.contains("is not a date"), "{err}");
}

#[test]
fn the_markdown_report_snapshot_escapes_user_text() {
    let dir = tmp();
    let id = incident(dir.path());
    let md = ok(warroom(dir.path()).args(["export", &id, "--format", "md"]));
    assert!(md.starts_with("**TLP:AMBER**\n"), "{md}");
    assert!(
        md.contains("\\<script\\>alert\\(1\\)\\</script\\> \\| \\*\\*bold\\*\\*"),
        "{md}"
    );
    assert!(!md.contains("<script>"), "{md}");
    assert!(
        md.contains("| 10 | ~~wrong host noted~~ | #11 | it was a test |"),
        "{md}"
    );
    insta::assert_snapshot!(md);
}

/// Tags balance (void elements aside), attributes quoted, no raw `<` in text.
fn check_html(html: &str) {
    const VOID: [&str; 3] = ["meta", "br", "!DOCTYPE"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').expect("a tag is closed");
        let tag = &after[..close];
        assert!(!tag.contains('<'), "'<' inside a tag: {tag}");
        let name = tag.split_whitespace().next().unwrap().to_string();
        if let Some(name) = name.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
        } else if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
        rest = &after[close + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn the_html_report_is_well_formed_self_contained_and_escaped() {
    let dir = tmp();
    let id = incident(dir.path());
    let html = ok(warroom(dir.path()).args(["export", &id, "--format", "html"]));
    check_html(&html);
    assert!(
        html.contains("<title>TLP:AMBER Post-incident report"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"), "no script, not even ours");
    assert!(
        !html.contains("http://e.vil\""),
        "no link made of user text"
    );
    assert!(html.contains("@media print"));
    assert!(
        !html.contains("src=") && !html.contains("href="),
        "self-contained"
    );
    insta::assert_snapshot!(html);
}

#[test]
fn the_json_report_carries_everything_with_the_head_hash() {
    let dir = tmp();
    let id = incident(dir.path());
    let report: Value = serde_json::from_str(&ok(
        warroom(dir.path()).args(["export", &id, "--format", "json"])
    ))
    .unwrap();
    assert_eq!(report["title"], HOSTILE, "JSON keeps the text exactly");
    assert_eq!(report["tlp"], "TLP:AMBER");
    let verified = ok(warroom(dir.path()).args(["verify", &id]));
    let head = report["journal"]["sha256"].as_str().unwrap();
    assert!(verified.contains(head), "{verified}");
    assert_eq!(
        report["evidence"][0]["custody"][1]["to"],
        "Retainer analyst"
    );
    assert_eq!(report["lessons"][1]["owner"], "IT lead");
    let clocks = report["clocks"].as_array().unwrap();
    assert!(
        clocks
            .iter()
            .any(|c| c["name"] == "Retainer response" && c["state"] == "running")
    );
    insta::assert_snapshot!(serde_json::to_string_pretty(&report).unwrap());
}

#[test]
fn a_journal_moves_between_stores_and_a_tampered_one_is_refused() {
    let dir = tmp();
    let id = incident(dir.path());
    let file = dir.path().join("journal.jsonl");
    ok(warroom(dir.path())
        .args(["export", &id, "--format", "journal", "-o"])
        .arg(&file));
    let other = tmp();
    let out = ok(warroom(other.path()).arg("import").arg(&file));
    assert!(
        out.contains(&format!("imported {id} (12 events, chain verified)")),
        "{out}"
    );
    assert_eq!(
        show_json(other.path(), &id),
        show_json(dir.path(), &id),
        "identical fold"
    );
    let again = ok(warroom(other.path()).arg("import").arg(&file));
    assert!(again.contains("nothing imported"), "{again}");

    let text = std::fs::read_to_string(&file).unwrap();
    let tampered = dir.path().join("tampered.jsonl");
    std::fs::write(
        &tampered,
        text.replacen("wrong host noted", "wrong host moted", 1),
    )
    .unwrap();
    let third = tmp();
    let err = fails(warroom(third.path()).arg("import").arg(&tampered), 2);
    assert!(err.contains("event 10"), "{err}");
    assert!(list_json(third.path()).is_empty(), "nothing stored");

    // Same id, other content: refused, the local incident untouched.
    let local = tmp();
    ok(warroom(local.path()).args(["new", "--title", "Another", "--severity", "1"]));
    let err = fails(warroom(local.path()).arg("import").arg(&file), 1);
    assert!(
        err.contains("already exists here with a different journal"),
        "{err}"
    );
    let err = fails(
        warroom(local.path())
            .arg("import")
            .arg(dir.path().join("missing.jsonl")),
        2,
    );
    assert!(err.contains("cannot read"), "{err}");
}
