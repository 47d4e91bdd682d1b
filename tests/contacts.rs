//! The Contacts pane through the real `App` and keys: the escalation plan for the
//! incident's severity, calls logged with one key (the retainer's clock starting from
//! that call), fuzzy search with highlights, contacts added and edited.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::harness::*;
use crossterm::event::KeyCode;
use warroom::app::{ContactRow, Overlay, Pane};
use warroom::domain::{ClockState, ContactOutcome, StepStatus};

const EXAMPLE: &str = include_str!("../config.example.yaml");

/// A severity-4 incident with the example organisation's directory and plan.
fn severe() -> Harness {
    let config = Harness::config_with_playbooks(EXAMPLE, &[]);
    let mut h = Harness::with_config(config);
    h.shift('N');
    h.type_text("Ransomware on the file servers");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char('4'));
    h.key(KeyCode::Enter);
    assert_eq!(h.state().severity.level(), 4);
    // Contacts pane: Checklist → Clocks → Contacts.
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Pane::Contacts);
    h
}

fn plan_roles(h: &Harness) -> Vec<String> {
    let directory = h.app.directory();
    h.app
        .contact_rows(&directory)
        .into_iter()
        .filter_map(|r| match r {
            ContactRow::Step { step, .. } => Some(step.role),
            ContactRow::Contact { .. } => None,
        })
        .collect()
}

#[test]
fn a_severity_4_incident_lists_whom_to_call_in_order() {
    let h = severe();
    assert_eq!(
        plan_roles(&h),
        [
            "point-of-contact",
            "management",
            "retainer-csirt",
            "insurer",
            "hosting-provider"
        ]
    );
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("○ Cyber point of contact · Camille"),
        "{screen}"
    );
    assert!(screen.contains("○ Management · Nadia Roux"), "{screen}");
}

#[test]
fn logging_calls_moves_the_plan_and_the_retainer_call_starts_its_clock() {
    let mut h = severe();
    // First row: the point of contact. L, Enter: reached (the default outcome).
    h.key(KeyCode::Char('@'));
    assert!(
        h.screen(120, 40)
            .contains("Outcome: ◀ reached — Camille Durand ▶")
    );
    h.type_text("on the bridge");
    h.key(KeyCode::Enter);
    let attempt = h.state().contact_attempts.last().unwrap().clone();
    assert_eq!(attempt.contact_id.as_deref(), Some("point-of-contact"));
    assert_eq!(attempt.outcome, ContactOutcome::Reached);
    assert_eq!(attempt.note, "on the bridge");
    // Reached goes to the bottom: management is next, on top.
    assert_eq!(plan_roles(&h)[0], "management");
    // Management: no answer (Tab once).
    h.key(KeyCode::Char('@'));
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    assert_eq!(
        h.state().contact_attempts.last().unwrap().outcome,
        ContactOutcome::NoAnswer
    );
    assert!(h.screen(120, 40).contains("no answer ×1"));
    // The retainer (second row now): a message left starts its SLA clock.
    h.key(KeyCode::Down);
    assert!(matches!(
        h.state().clocks().get("retainer-sla").unwrap().state,
        ClockState::Waiting
    ));
    h.key(KeyCode::Char('@'));
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    assert_eq!(
        h.state().contact_attempts.last().unwrap().outcome,
        ContactOutcome::Message
    );
    assert!(h.state().retainer_alert.is_some());
    assert!(matches!(
        h.state().clocks().get("retainer-sla").unwrap().state,
        ClockState::Running { .. }
    ));
    let directory = h.app.directory();
    let steps = h.app.escalation(&directory);
    let retainer = steps.iter().find(|s| s.role == "retainer-csirt").unwrap();
    assert!(matches!(retainer.status, StepStatus::Reached { .. }));
}

#[test]
fn slash_searches_with_highlights_and_esc_clears() {
    let mut h = severe();
    h.key(KeyCode::Char('/'));
    h.type_text("cnil");
    let directory = h.app.directory();
    let rows = h.app.contact_rows(&directory);
    let ContactRow::Contact { index, name_chars } = &rows[0] else {
        panic!("search shows contacts only")
    };
    assert_eq!(directory[*index].id, "cnil");
    assert_eq!(name_chars, &[0, 1, 2, 3]);
    let screen = h.screen(120, 40);
    assert!(screen.contains("/cnil  Enter keep · Esc clear"), "{screen}");
    // The matched letters are drawn reversed.
    let buffer = h.buffer(120, 40);
    let reversed = buffer
        .content
        .iter()
        .any(|c| c.symbol() == "C" && c.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert!(reversed);
    // Enter keeps the filter and gives the keys back (j moves, not types).
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('j'));
    assert_eq!(h.app.search.as_ref().unwrap().input.value(), "cnil");
    h.key(KeyCode::Esc);
    assert!(h.app.search.is_none());
}

#[test]
fn a_contact_added_from_the_dashboard_joins_the_directory_and_the_plan() {
    let mut h = severe();
    h.shift('C');
    h.key(KeyCode::Enter);
    assert!(h.screen(120, 40).contains("A contact needs a name"));
    h.type_text("Zoé Dupont");
    for text in [
        "Press officer",
        "",
        "+33 6 11 22 33 44",
        "zoe@example.com",
        "24/7",
        "communications",
    ] {
        h.key(KeyCode::Tab);
        h.type_text(text);
    }
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    let saved = h
        .app
        .directory()
        .into_iter()
        .find(|c| c.id == "zoé-dupont")
        .unwrap();
    assert_eq!(saved.phones, ["+33 6 11 22 33 44"]);
    assert_eq!(saved.roles, ["communications"]);
    assert_eq!(h.store.directory_events().unwrap().len(), 1);
    // Editing keeps the id.
    let rows = h.app.contact_rows(&h.app.directory());
    let at = rows
        .iter()
        .position(|r| matches!(r, ContactRow::Contact { index, .. } if h.app.directory()[*index].id == "zoé-dupont"))
        .unwrap();
    for _ in 0..at {
        h.key(KeyCode::Down);
    }
    h.shift('E');
    let Some(Overlay::Contact(form)) = &h.app.overlay else {
        panic!("the edit form")
    };
    assert_eq!(form.inputs[0].value(), "Zoé Dupont");
    h.key(KeyCode::Tab);
    h.type_text(" (spokesperson)");
    h.key(KeyCode::Enter);
    let edited = h
        .app
        .directory()
        .into_iter()
        .find(|c| c.id == "zoé-dupont")
        .unwrap();
    assert_eq!(edited.role, "Press officer (spokesperson)");
}

use warroom::store::Store;

#[test]
fn a_new_contact_named_like_an_existing_one_does_not_replace_it() {
    let mut h = severe();
    let before = h.app.directory();
    let public = before.iter().find(|c| c.key() == "cnil").unwrap().clone();
    h.shift('C');
    h.type_text("CNIL");
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    let after = h.app.directory();
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after.iter().find(|c| c.key() == "cnil"), Some(&public));
    assert!(after.iter().any(|c| c.id == "cnil-2" && c.name == "CNIL"));
}

#[test]
fn contacts_pane_snapshot() {
    let mut h = severe();
    h.key(KeyCode::Char('@'));
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('@'));
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    insta::assert_snapshot!(h.screen(120, 40));
}
