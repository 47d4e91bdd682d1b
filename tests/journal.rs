//! The full-screen journal through the real `App`: quick notes that stay open, filter
//! and search, corrections and retractions shown struck, the evidence and lessons tabs,
//! the report written from the dashboard.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::harness::*;
use crossterm::event::KeyCode;
use warroom::app::{JournalTab, KindFilter};
use warroom::domain::{Change, LessonKind};

fn with_journal() -> Harness {
    let mut h = Harness::with_demo();
    h.shift('J');
    assert!(h.app.journal_view.is_some());
    h
}

fn rows(h: &Harness) -> Vec<u64> {
    h.app.journal_rows()
}

#[test]
fn the_quick_note_stays_open_for_rapid_logging() {
    let mut h = with_journal();
    let before = h.app.active.as_ref().unwrap().events.len();
    h.key(KeyCode::Char('n'));
    for note in ["first", "second", "third"] {
        h.type_text(note);
        h.key(KeyCode::Enter);
    }
    assert!(
        h.app.journal_view.as_ref().unwrap().quick_note.is_some(),
        "still open"
    );
    assert_eq!(h.app.active.as_ref().unwrap().events.len(), before + 3);
    h.key(KeyCode::Esc);
    assert!(h.app.journal_view.as_ref().unwrap().quick_note.is_none());
    let screen = h.screen(120, 40);
    assert!(screen.contains("third"), "{screen}");
    h.key(KeyCode::Esc);
    assert!(
        h.app.journal_view.is_none(),
        "a second Esc closes the journal"
    );
}

#[test]
fn filter_and_search_narrow_the_list() {
    let mut h = with_journal();
    let all = rows(&h).len();
    h.key(KeyCode::Char('f'));
    assert_eq!(h.app.journal_view.as_ref().unwrap().kind, KindFilter::Notes);
    let notes = rows(&h);
    assert!(notes.len() < all && !notes.is_empty());
    assert!(h.screen(120, 40).contains("showing: notes"));
    h.key(KeyCode::Char('/'));
    h.type_text("backup");
    let hits = rows(&h);
    assert_eq!(hits.len(), 1, "one note mentions the backup");
    assert!(h.screen(120, 40).contains("Offline backup of last night"));
    h.key(KeyCode::Esc);
    assert_eq!(rows(&h), notes, "Esc clears the search, keeps the filter");
}

#[test]
fn correct_and_retract_the_selected_event_which_stays_visible() {
    let mut h = with_journal();
    // Newest first: the first row is the latest note.
    let target = rows(&h)[0];
    h.key(KeyCode::Char('r'));
    h.type_text("entered on the wrong incident");
    h.key(KeyCode::Enter);
    let state = h.state();
    assert_eq!(state.retracted[&target].1, "entered on the wrong incident");
    // The retraction is now on top; the retracted note is second and still listed.
    assert_eq!(rows(&h)[1], target);
    h.key(KeyCode::Down);
    h.key(KeyCode::Char('c'));
    h.type_text("memory capture finished at 15:10");
    h.key(KeyCode::Enter);
    assert_eq!(h.state().corrections[&target].len(), 1);
    let buffer = h.buffer(120, 40);
    let struck = buffer
        .content
        .iter()
        .any(|c| c.modifier.contains(ratatui::style::Modifier::CROSSED_OUT));
    assert!(struck, "amended events are drawn struck");
    // The correction arrived on top: the amended note is third; its detail says why.
    h.key(KeyCode::Down);
    assert_eq!(h.app.selected_event_id(), Some(target));
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("retracted by #11: entered on the wrong incident"),
        "{screen}"
    );
    assert!(
        screen.contains("#12: Correction of #10: memory capture finished at 15:10"),
        "{screen}"
    );
}

#[test]
fn evidence_and_lessons_tabs_register_hand_over_and_record() {
    let mut h = with_journal();
    h.key(KeyCode::Tab);
    assert_eq!(
        h.app.journal_view.as_ref().unwrap().tab,
        JournalTab::Evidence
    );
    h.key(KeyCode::Char('+'));
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    h.type_text("FS01 memory image");
    h.key(KeyCode::Enter);
    let item = &h.state().evidence[0];
    assert_eq!(item.spec.reference, "E1");
    assert_eq!(item.spec.kind.slug(), "memory-image");
    h.shift('A');
    h.type_text("Retainer analyst");
    h.key(KeyCode::Enter);
    assert_eq!(h.state().evidence[0].custodian(), "Retainer analyst");
    assert!(h.screen(120, 40).contains("→ Retainer analyst"));

    h.key(KeyCode::Tab);
    h.key(KeyCode::Char('+'));
    for _ in 0..3 {
        h.key(KeyCode::Tab);
    }
    h.type_text("MFA on every remote access @IT lead 2027-01-31");
    h.key(KeyCode::Enter);
    let lesson = &h.state().lessons[0];
    assert_eq!(lesson.kind, LessonKind::Recommendation);
    assert_eq!(lesson.owner.as_deref(), Some("IT lead"));
    assert_eq!(lesson.due.unwrap().to_string(), "2027-01-31");
}

#[test]
fn x_writes_the_report_from_the_dashboard() {
    let mut h = with_journal();
    h.shift('X');
    let flash = h.app.flash.as_ref().unwrap().text.text().clone();
    assert!(
        flash.starts_with("Report written: EX-2026-0001.md, EX-2026-0001.html"),
        "{flash}"
    );
}

#[test]
fn a_hundred_thousand_events_list_and_scroll() {
    let mut h = Harness::new();
    h.declare("Long incident", 'o');
    let id = h.state().id;
    let batch: Vec<Change> = (0..100_000)
        .map(|n| Change::NoteAdded {
            text: format!("note {n}"),
        })
        .collect();
    let events = warroom::ops::append(&h.store, id, t0(), "seed", batch).unwrap();
    let incidents = warroom::store::Store::list(&h.store).unwrap();
    h.send(warroom::app::Msg::Saved {
        id,
        events,
        incidents,
    });
    h.shift('J');
    assert_eq!(rows(&h).len(), 100_001);
    h.key(KeyCode::PageDown);
    h.key(KeyCode::End);
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("Declared: Long incident"),
        "the oldest at the end"
    );
    h.key(KeyCode::Char('/'));
    h.type_text("note 99999");
    assert_eq!(rows(&h).len(), 1);
}

#[test]
fn journal_view_snapshot() {
    let mut h = with_journal();
    h.key(KeyCode::Char('r'));
    h.type_text("wrong incident");
    h.key(KeyCode::Enter);
    insta::assert_snapshot!(h.screen(120, 40));
}

#[test]
fn evidence_registered_with_a_path_is_hashed_before_it_is_saved() {
    let dir = common::cli::tmp();
    let file = dir.path().join("abc.txt");
    std::fs::write(&file, "abc").unwrap();
    let mut h = with_journal();
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char('+'));
    h.type_text(&format!("Exported log | {}", file.display()));
    h.key(KeyCode::Enter);
    let spec = &h.state().evidence[0].spec;
    assert_eq!(spec.description, "Exported log");
    assert_eq!(
        spec.sha256.as_deref(),
        Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    );
    assert_eq!(spec.size, Some(3));
    assert_eq!(spec.location, file.display().to_string());
    // A path that is not there: nothing saved, the reason said.
    h.key(KeyCode::Char('+'));
    h.type_text("Ghost | /nonexistent/file");
    h.key(KeyCode::Enter);
    assert_eq!(h.state().evidence.len(), 1);
    assert!(
        h.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .text()
            .contains("/nonexistent/file")
    );
}

/// Two writes picked the same evidence reference and item id from a screen that had not
/// yet seen the first: both are kept, under distinct ids, and both are shown.
#[test]
fn ids_taken_by_a_write_in_flight_are_renumbered_not_lost() {
    use warroom::domain::{EvidenceKind, EvidenceSpec, ItemSpec};
    let mut h = Harness::new();
    h.declare("Two at once", 'o');
    let id = h.state().id;
    let phase = h.state().phases[0].id.clone();
    let evidence = |description: &str| Change::EvidenceRegistered {
        evidence: EvidenceSpec {
            reference: "E1".into(),
            kind: EvidenceKind::Other,
            description: description.into(),
            location: String::new(),
            sha256: None,
            size: None,
            collected_by: None,
            collected_at: None,
        },
    };
    let item = |text: &str| Change::ItemAdded {
        item: ItemSpec {
            id: "add-1".into(),
            phase: phase.clone(),
            text: text.into(),
            owner: None,
            hints: Default::default(),
        },
    };
    for (e, i) in [("disk image", "first step"), ("paper notes", "second step")] {
        let events =
            warroom::ops::append(&h.store, id, t0(), "t", vec![evidence(e), item(i)]).unwrap();
        let incidents = warroom::store::Store::list(&h.store).unwrap();
        h.send(warroom::app::Msg::Saved {
            id,
            events,
            incidents,
        });
    }
    let state = h.state();
    let refs: Vec<&str> = state
        .evidence
        .iter()
        .map(|e| e.spec.reference.as_str())
        .collect();
    assert_eq!(refs, ["E1", "E2"]);
    assert!(state.item("add-1").is_some_and(|i| i.text == "first step"));
    assert!(state.item("add-2").is_some_and(|i| i.text == "second step"));
}

/// A refresh after a forwarded command may repeat events the screen has, or skip one
/// it never saw: the screen then equals the store, never a mix.
#[test]
fn a_refresh_skips_known_events_and_rereads_on_a_gap() {
    use warroom::app::{Effect, Msg};
    let mut h = Harness::with_demo();
    let id = h.state().id;
    let note = |text: &str| Change::NoteAdded { text: text.into() };
    warroom::ops::append(&h.store, id, t0(), "t", vec![note("forwarded")]).unwrap();
    let all = warroom::store::Store::events(&h.store, id).unwrap();
    let incidents = warroom::store::Store::list(&h.store).unwrap();
    // The whole journal again: only the new event is applied, once.
    let effects = h.app.update(Msg::Refreshed {
        id,
        events: all.clone(),
        incidents: incidents.clone(),
    });
    assert!(effects.is_empty());
    assert_eq!(h.app.active.as_ref().unwrap().events.len(), all.len());
    let again = h.app.update(Msg::Refreshed {
        id,
        events: all.clone(),
        incidents: incidents.clone(),
    });
    assert!(again.is_empty());
    assert_eq!(h.app.active.as_ref().unwrap().events.len(), all.len());
    // Two more stored, only the last one reported: the screen asks for a re-read.
    let more = warroom::ops::append(&h.store, id, t0(), "t", vec![note("a"), note("b")]).unwrap();
    let effects = h.app.update(Msg::Saved {
        id,
        events: more[1..].to_vec(),
        incidents,
    });
    assert_eq!(effects, vec![Effect::Load(id)]);
    assert_eq!(h.app.active.as_ref().unwrap().events.len(), all.len());
}

/// Observables, assets and attack steps have a filter of their own (`f` cycles to it),
/// and the evidence filter keeps the evidence register's events only.
#[test]
fn the_investigation_filter_lists_observables_assets_and_attack_steps() {
    use warroom::domain::{AssetKind, AssetSpec, AssetState, AttackStepSpec, ObservableKind};
    let mut h = with_journal();
    let id = h.state().id;
    let changes = vec![
        Change::AssetAdded {
            asset: AssetSpec::new(AssetKind::Host, "FS01".into()),
        },
        Change::AssetStateChanged {
            asset: "A1".into(),
            state: AssetState::Contained,
        },
        Change::AttackStepAdded {
            step: AttackStepSpec::new("S1".into(), t0(), "Files encrypted on FS01".into()),
        },
        Change::ObservableReported {
            observable: warroom::domain::ObservableSpec::new(
                ObservableKind::Domain,
                "evil.example".into(),
            ),
        },
        Change::NoteAdded {
            text: "not an investigation event".into(),
        },
    ];
    let events = warroom::ops::append(&h.store, id, t0(), "t", changes).unwrap();
    let ids: Vec<u64> = events.iter().map(|e| e.id).collect();
    let incidents = warroom::store::Store::list(&h.store).unwrap();
    h.send(warroom::app::Msg::Saved {
        id,
        events,
        incidents,
    });
    while h.app.journal_view.as_ref().unwrap().kind != KindFilter::Investigation {
        h.key(KeyCode::Char('f'));
    }
    let mut listed = rows(&h);
    listed.sort_unstable();
    assert_eq!(listed, ids[..4], "the four, not the note nor older events");
    let screen = h.screen(80, 24);
    assert!(screen.contains("showing: investigation"), "{screen}");
    while h.app.journal_view.as_ref().unwrap().kind != KindFilter::Evidence {
        h.key(KeyCode::Char('f'));
    }
    assert!(rows(&h).iter().all(|r| !ids.contains(r)));
}
