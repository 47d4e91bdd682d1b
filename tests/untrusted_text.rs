//! Text that did not come from the operator's keyboard — an imported journal, a hash
//! typed by hand, a contact's name — is drawn without panicking and without reaching
//! the terminal as control characters.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::harness::*;
use crossterm::event::KeyCode;
use warroom::domain::{Change, EvidenceKind, EvidenceSpec};

#[test]
fn an_evidence_hash_of_multibyte_characters_is_drawn_cut_by_characters() {
    let mut h = Harness::new();
    h.declare("Odd hash", 'o');
    let id = h.state().id;
    let evidence = Change::EvidenceRegistered {
        evidence: EvidenceSpec {
            reference: "E\u{1b}[31m1".into(),
            kind: EvidenceKind::Other,
            description: "disk".into(),
            location: String::new(),
            // 15 ASCII then multi-byte characters across byte 16.
            sha256: Some(format!("{}ééé\u{1b}[2J", "a".repeat(15))),
            size: None,
            collected_by: None,
            collected_at: None,
        },
    };
    let events = warroom::ops::append(&h.store, id, t0(), "t", vec![evidence]).unwrap();
    let incidents = warroom::store::Store::list(&h.store).unwrap();
    h.send(warroom::app::Msg::Saved {
        id,
        events,
        incidents,
    });
    h.shift('J');
    h.key(KeyCode::Tab);
    let screen = h.screen(120, 40);
    assert!(
        screen.contains(&format!("sha256 {}é…", "a".repeat(15))),
        "{screen}"
    );
    assert!(!screen.contains('\u{1b}'), "{screen}");
}

#[test]
fn a_forged_evidence_hash_cannot_break_out_of_the_markdown_report() {
    let mut h = Harness::new();
    h.declare("Forged hash", 'o');
    let id = h.state().id;
    let register = |reference: &str, sha256: &str| Change::EvidenceRegistered {
        evidence: EvidenceSpec {
            reference: reference.into(),
            kind: EvidenceKind::Other,
            description: "disk".into(),
            location: String::new(),
            sha256: Some(sha256.into()),
            size: None,
            collected_by: None,
            collected_at: None,
        },
    };
    let good = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    let forged = "x`\n\n# Forged heading [click](http://evil)";
    let changes = vec![register("E1", good), register("E2", forged)];
    warroom::ops::append(&h.store, id, t0(), "t", changes).unwrap();
    let events = warroom::store::Store::events(&h.store, id).unwrap();
    let state = warroom::domain::fold(&events).unwrap();
    let report = warroom::report::build(&state, &events, &h.app.config, "head", t0());
    let md = warroom::report::markdown(&report);
    assert!(md.contains(&format!("  - SHA-256 `{good}`\n")), "{md}");
    assert!(
        md.contains("  - SHA-256 x\\`  \\# Forged heading \\[click\\]\\(http://evil\\)\n"),
        "{md}"
    );
    assert!(!md.contains("\n# Forged"), "{md}");
}

/// Writes `changes` straight into the store in `dir`, as an older warroom or a damaged
/// import could have left them, bypassing the checks of the command line.
fn store_raw(dir: &std::path::Path, id: &str, changes: Vec<Change>) {
    use warroom::store::{NewEvent, SledStore, Store};
    let store = SledStore::open(dir).unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(common::cli::NOW)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let batch: Vec<NewEvent> = changes
        .into_iter()
        .map(|c| NewEvent::new(at, "mallory\u{1b}[8m", c))
        .collect();
    let (incident, directory): (Vec<_>, Vec<_>) = batch
        .into_iter()
        .partition(|e| !matches!(e.change, Change::ContactSaved { .. }));
    if !incident.is_empty() {
        store.append(id.parse().unwrap(), &incident).unwrap();
    }
    if !directory.is_empty() {
        store.append_directory(&directory).unwrap();
    }
}

fn assert_no_escape(out: &str) {
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(
        out.contains('\u{241B}'),
        "the unsafe characters are shown: {out:?}"
    );
}

#[test]
fn the_command_line_prints_stored_text_without_control_characters() {
    use common::cli::*;
    let dir = tmp();
    let id = declare(dir.path(), "Escapes", "2");
    let evidence = Change::EvidenceRegistered {
        evidence: EvidenceSpec {
            reference: "E\u{1b}[2J1".into(),
            kind: EvidenceKind::Other,
            description: "disk".into(),
            location: dir.path().join("missing.img").display().to_string(),
            sha256: Some("\u{1b}]0;pwned\u{7}".into()),
            size: None,
            collected_by: None,
            collected_at: None,
        },
    };
    let title = Change::Amended {
        amendment: warroom::domain::Amendment::Title("Title \u{1b}[31mred".into()),
        reason: "\u{1b}]0;pwned\u{7}".into(),
    };
    let contact = Change::ContactSaved {
        contact: warroom::domain::Contact {
            id: "evil\u{1b}[31m".into(),
            name: "Evil Corp".into(),
            ..Default::default()
        },
    };
    store_raw(dir.path(), &id, vec![evidence, title, contact]);

    let list = ok(warroom(dir.path()).args(["evidence", "list", &id]));
    assert_no_escape(&list);
    let verify = ok(warroom(dir.path()).args(["evidence", "verify", &id]));
    assert_no_escape(&verify);
    let draft = ok(warroom(dir.path()).args(["draft", &id, "gdpr"]));
    assert_no_escape(&draft);
    assert!(draft.contains("Title \u{241B}[31mred"), "{draft}");
    let contacts = ok(warroom(dir.path()).args(["contacts", "--search", "Evil"]));
    assert_no_escape(&contacts);
    // The saved file keeps the draft as written.
    let file = dir.path().join("draft.txt");
    ok(warroom(dir.path())
        .args(["draft", &id, "gdpr", "-o"])
        .arg(&file));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Title \u{1b}[31mred")
    );
}
