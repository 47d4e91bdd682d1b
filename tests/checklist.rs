//! The Checklist pane as the operator works it, through the real `App` and keys:
//! playbook chosen at declaration, phases browsed and advanced, items assigned, marked
//! not applicable, added, filtered.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::harness::*;
use crossterm::event::KeyCode;
use warroom::app::{Filter, Overlay};
use warroom::domain::Change;

/// A small playbook so phases can be finished with a few keys.
const TINY: &str = "id: tiny\nname: Tiny\ncategories: [fraud]\nitems:\n  - { id: t-one, stage: detect, owner: it-lead, text: \"First step\", call: bank, evidence: \"the mail\", starts: [gdpr-authority] }\n  - { id: t-two, stage: analyse, owner: dpo, text: \"Second step\" }\n  - { id: t-three, stage: contain, owner: it-lead, text: \"Contain it\" }\n  - { id: t-four, stage: learn, owner: management, text: \"Learn\" }\n";

fn tiny() -> Harness {
    let config = Harness::config_with_playbooks("operator: camille\n", &[("tiny.yaml", TINY)]);
    let mut h = Harness::with_config(config);
    h.declare("Fake invoice paid", 'f');
    assert_eq!(h.state().playbook.as_ref().unwrap().id, "tiny");
    h
}

fn last_change(h: &Harness) -> Change {
    h.last_event().change
}

#[test]
fn a_ransomware_incident_gets_the_ransomware_playbook_phase_by_phase() {
    let mut h = Harness::new();
    h.shift('N');
    h.type_text("Files encrypted on FS01");
    for _ in 0..3 {
        h.key(KeyCode::Tab);
    }
    // Category is still "Other": the form says which playbook that picks.
    assert!(
        h.screen(120, 40)
            .contains("◀ from the category: Generic incident ▶")
    );
    h.key(KeyCode::BackTab);
    h.key(KeyCode::Char('m'));
    h.key(KeyCode::Tab);
    assert!(
        h.screen(120, 40)
            .contains("◀ from the category: Ransomware ▶")
    );
    h.key(KeyCode::Enter);
    let s = h.state();
    assert_eq!(s.playbook.as_ref().unwrap().id, "ransomware");
    assert_eq!(s.phase_model.as_ref().unwrap().id, "picerl");
    assert_eq!(s.phases.len(), 5);
    assert!(s.checklist.iter().all(|i| i.id.starts_with("rw-")));
    let screen = h.screen(120, 40);
    assert!(screen.contains("Checklist — Identification 0/"), "{screen}");
    assert!(screen.contains("Next: Declare the incident"), "{screen}");
}

#[test]
fn the_form_can_name_another_playbook() {
    let mut h = Harness::new();
    h.shift('N');
    h.type_text("Odd one");
    for _ in 0..3 {
        h.key(KeyCode::Tab);
    }
    // Right steps from "by category" to the first playbook, then the next.
    h.key(KeyCode::Right);
    h.key(KeyCode::Right);
    assert!(h.screen(120, 40).contains("◀ Ransomware ▶"));
    h.key(KeyCode::Enter);
    assert_eq!(h.state().playbook.as_ref().unwrap().id, "ransomware");
    assert_eq!(h.state().category, warroom::domain::Category::Other);
}

#[test]
fn advancing_with_open_items_asks_first() {
    let mut h = tiny();
    h.key(KeyCode::Char('>'));
    let Some(Overlay::Confirm(c)) = &h.app.overlay else {
        panic!("expected a question");
    };
    assert_eq!(
        c.question,
        "2 items are still open in Identification. Move on to Containment anyway? Tied to a deadline or required, these stay on the list: First step."
    );
    assert!(h.screen(100, 30).contains("y: yes   n / Esc: no"));
    h.key(KeyCode::Char('n'));
    assert!(h.app.overlay.is_none());
    assert_eq!(h.state().current_phase, 0);

    h.key(KeyCode::Char('>'));
    h.key(KeyCode::Char('y'));
    assert_eq!(h.state().current_phase, 1);
    assert_eq!(
        last_change(&h),
        Change::PhaseAdvanced {
            phase: "containment".into(),
            name: "Containment".into(),
            left_open: vec!["t-one".into(), "t-two".into()],
        }
    );
    let screen = h.screen(120, 40);
    assert!(screen.contains("Checklist — Containment 0/1"), "{screen}");
    assert!(screen.contains("Phase: Containment (2/5)"), "{screen}");
}

#[test]
fn a_finished_phase_advances_at_once_and_the_last_one_says_so() {
    let mut h = tiny();
    h.key(KeyCode::Char(' '));
    // t-one is linked to the GDPR clock: decline the offer to record it.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Down);
    h.key(KeyCode::Char(' '));
    assert_eq!(h.state().progress(0), (2, 2));
    h.key(KeyCode::Char('>'));
    assert!(h.app.overlay.is_none(), "no question when nothing is open");
    assert_eq!(h.state().current_phase, 1);
    for _ in 0..3 {
        h.key(KeyCode::Char('>'));
        h.key(KeyCode::Char('y'));
    }
    assert_eq!(h.state().current_phase, 4);
    h.key(KeyCode::Char('x'));
    h.type_text("done elsewhere");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('>'));
    assert_eq!(
        h.app.flash.as_ref().unwrap().text.text(),
        "This is the last phase"
    );
}

#[test]
fn going_back_a_phase_always_asks() {
    let mut h = tiny();
    h.key(KeyCode::Char('<'));
    assert_eq!(
        h.app.flash.as_ref().unwrap().text.text(),
        "This is the first phase"
    );
    h.key(KeyCode::Char('>'));
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('<'));
    let Some(Overlay::Confirm(c)) = &h.app.overlay else {
        panic!("expected a question");
    };
    assert_eq!(c.question, "Move the incident back to Identification?");
    h.key(KeyCode::Char('y'));
    assert_eq!(h.state().current_phase, 0);
}

#[test]
fn left_and_right_browse_phases_without_moving_the_incident() {
    let mut h = tiny();
    h.key(KeyCode::Right);
    assert_eq!(h.app.viewed_phase(), 1);
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("Checklist — Containment 0/1 · not the current phase"),
        "{screen}"
    );
    assert!(screen.contains("Contain it"), "{screen}");
    // Items of a later phase can be ticked from here.
    h.key(KeyCode::Char(' '));
    assert!(h.state().item("t-three").unwrap().done.is_some());
    for _ in 0..10 {
        h.key(KeyCode::Right);
    }
    assert_eq!(h.app.viewed_phase(), 4);
    h.key(KeyCode::Char('h'));
    h.key(KeyCode::Char('h'));
    h.key(KeyCode::Char('h'));
    h.key(KeyCode::Left);
    assert_eq!(h.app.viewed_phase(), 0);
    assert_eq!(h.state().current_phase, 0);
}

#[test]
fn assign_from_the_directory_by_typing_or_to_a_new_name_then_take_back() {
    let mut h = tiny();
    h.shift('A');
    h.type_text("cnil");
    let screen = h.screen(120, 40);
    assert!(screen.contains("Give this item to"), "{screen}");
    assert!(screen.contains("CNIL breach notification"), "{screen}");
    assert!(screen.contains("cnil (not in the directory)"), "{screen}");
    h.key(KeyCode::Enter);
    assert_eq!(
        h.state().item("t-one").unwrap().assignee.as_deref(),
        Some("CNIL breach notification")
    );

    h.shift('A');
    h.type_text("Zoé Dupont");
    h.key(KeyCode::Enter);
    assert_eq!(
        h.state().item("t-one").unwrap().assignee.as_deref(),
        Some("Zoé Dupont")
    );
    assert!(h.screen(120, 40).contains("→ Zoé Dupont"));

    // With nothing typed, the last choice takes the item back.
    h.shift('A');
    for _ in 0..20 {
        h.key(KeyCode::Down);
    }
    assert!(h.screen(120, 40).contains("Nobody (take it back)"));
    h.key(KeyCode::Enter);
    assert_eq!(h.state().item("t-one").unwrap().assignee, None);
    assert!(matches!(
        last_change(&h),
        Change::ItemAssigned { person: None, .. }
    ));
}

#[test]
fn not_applicable_needs_a_reason_and_shows_it() {
    let mut h = tiny();
    h.key(KeyCode::Down);
    h.key(KeyCode::Char('x'));
    h.key(KeyCode::Enter);
    let screen = h.screen(100, 30);
    assert!(screen.contains("Type some text first"), "{screen}");
    h.type_text("no personal data");
    h.key(KeyCode::Enter);
    let item = h.state().item("t-two").unwrap();
    assert_eq!(
        item.not_applicable.as_ref().unwrap().reason,
        "no personal data"
    );
    let screen = h.screen(120, 40);
    assert!(screen.contains("[-] Second step"), "{screen}");
    assert!(screen.contains("N/A: no personal data"), "{screen}");
    assert!(
        screen.contains("Checklist — Identification 1/2"),
        "{screen}"
    );
    // Space reopens it.
    h.key(KeyCode::Char(' '));
    assert!(h.state().item("t-two").unwrap().is_open());
}

#[test]
fn an_item_can_be_added_with_an_owner() {
    let mut h = tiny();
    h.key(KeyCode::Right);
    h.key(KeyCode::Char('+'));
    h.type_text("Call the bank's fraud desk");
    // Nobody, point of contact, incident commander, IT lead.
    for _ in 0..3 {
        h.key(KeyCode::Tab);
    }
    assert!(h.screen(120, 40).contains("Owner: ◀ IT lead ▶"));
    h.key(KeyCode::Enter);
    let added = h.state().item("add-1").unwrap();
    assert_eq!(added.phase, "containment");
    assert_eq!(added.owner.as_deref(), Some("it-lead"));
    assert_eq!(h.state().progress(1), (0, 2));
}

#[test]
fn the_filter_keeps_open_items_or_mine() {
    let mut h = tiny();
    h.key(KeyCode::Char(' '));
    // t-one is linked to the GDPR clock: decline the offer to record it.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('f'));
    assert_eq!(h.app.filter, Filter::Open);
    let screen = h.screen(120, 40);
    assert!(screen.contains("· open only"), "{screen}");
    assert!(!screen.contains("] First step"), "{screen}");
    assert!(screen.contains("Second step"), "{screen}");
    h.key(KeyCode::Char('f'));
    assert_eq!(h.app.filter, Filter::Mine);
    assert!(
        h.screen(120, 40)
            .contains("Nothing in this phase is assigned to you.")
    );
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Down);
    h.shift('A');
    h.type_text("camille");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Char('f'));
    assert_eq!(h.app.visible_items().len(), 1);
    assert_eq!(h.app.visible_items()[0].id, "t-two");
}

#[test]
fn the_detail_line_shows_the_hints_of_the_selected_item() {
    let h = tiny();
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("Owner: IT lead · Call: Bank · Keep: the mail · Starts: gdpr-authority"),
        "{screen}"
    );
}

#[test]
fn checklist_pane_snapshot() {
    let mut h = tiny();
    h.key(KeyCode::Char(' '));
    // t-one is linked to the GDPR clock: decline the offer to record it.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Down);
    h.shift('A');
    h.type_text("Sam Leroy");
    h.key(KeyCode::Enter);
    insta::assert_snapshot!(h.screen(120, 40));
}

#[test]
fn confirm_dialog_snapshot() {
    let mut h = tiny();
    h.key(KeyCode::Char('>'));
    insta::assert_snapshot!(h.screen(80, 24));
}

#[test]
fn assign_dialog_snapshot() {
    let mut h = tiny();
    h.shift('A');
    h.type_text("c");
    insta::assert_snapshot!(h.screen(100, 30));
}

#[test]
fn open_steps_tied_to_a_clock_are_carried_over_after_a_phase_move() {
    let mut h = tiny();
    // t-one starts the GDPR clock and stays open; t-two is not tied to any clock.
    h.key(KeyCode::Char('>'));
    let Some(Overlay::Confirm(c)) = &h.app.overlay else {
        panic!("asks first");
    };
    assert!(
        c.question.contains("these stay on the list: First step"),
        "{}",
        c.question
    );
    h.key(KeyCode::Char('y'));
    assert_eq!(h.state().current_phase, 1);
    let ids: Vec<&str> = h
        .app
        .visible_items()
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids.first(), Some(&"t-one"), "{ids:?}");
    assert!(!ids.contains(&"t-two"), "{ids:?}");
    let screen = h.screen(120, 40);
    assert!(screen.contains("↩ carried over"), "{screen}");
    assert!(screen.contains("Next: First step"), "{screen}");
    // Done, it leaves the list.
    h.key(KeyCode::Enter);
    if h.app.overlay.is_some() {
        h.key(KeyCode::Char('n'));
    }
    assert!(!h.app.visible_items().iter().any(|i| i.id == "t-one"));
}

#[test]
fn a_required_step_is_carried_over_too() {
    const MUST: &str = "id: must\nname: Must\ncategories: [fraud]\nitems:\n  - { id: m-one, stage: detect, owner: legal, text: \"File the complaint\", required: true }\n  - { id: m-two, stage: detect, owner: it-lead, text: \"Optional look\" }\n  - { id: m-three, stage: contain, owner: it-lead, text: \"Contain it\" }\n";
    let config = Harness::config_with_playbooks("operator: camille\n", &[("must.yaml", MUST)]);
    let mut h = Harness::with_config(config);
    h.declare("Fake invoice paid", 'f');
    h.key(KeyCode::Char('>'));
    h.key(KeyCode::Char('y'));
    let ids: Vec<&str> = h
        .app
        .visible_items()
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, vec!["m-one", "m-three"]);
}
