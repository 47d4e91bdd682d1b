//! The Clocks pane through the real `App` and keys: flags that start clocks (asked
//! first), met with a reference, waived with a reason, started by hand, sorted by
//! urgency, coloured by urgency, drafts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::TimeDelta;
use common::harness::*;
use crossterm::event::KeyCode;
use warroom::app::{Overlay, Pane};
use warroom::domain::{ClockState, Flag};
use warroom::ui;

/// A personal-data incident at a NIS2 entity, declared at t0.
fn nis2_breach() -> Harness {
    let config = Harness::config_with_playbooks("nis2_entity: true\n", &[]);
    let mut h = Harness::with_config(config);
    h.declare("Customer database exposed", 'i');
    h
}

fn state_of(h: &Harness, id: &str) -> ClockState {
    h.state().clocks().get(id).unwrap().state.clone()
}

#[test]
fn a_flag_asks_first_naming_the_clocks_it_starts() {
    let mut h = nis2_breach();
    h.shift('S');
    let Some(Overlay::Confirm(c)) = &h.app.overlay else {
        panic!("expected a question")
    };
    assert_eq!(
        c.question,
        "Record \"significant incident (NIS2)\" as of now? Starts: NIS2 early warning due Sun 29 Nov 15:00 (14:00 UTC); NIS2 notification due Tue 01 Dec 15:00 (14:00 UTC)."
    );
    h.key(KeyCode::Char('n'));
    assert_eq!(state_of(&h, "nis2-early-warning"), ClockState::Waiting);
    h.shift('S');
    h.key(KeyCode::Char('y'));
    assert!(matches!(
        state_of(&h, "nis2-early-warning"),
        ClockState::Running { .. }
    ));
    // Again: nothing to ask, it is already recorded.
    h.shift('S');
    assert!(h.app.overlay.is_none());
    assert!(
        h.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .text()
            .starts_with("Already recorded")
    );
}

#[test]
fn clocks_are_sorted_by_urgency_and_coloured() {
    let mut h = nis2_breach();
    h.shift('P');
    h.key(KeyCode::Char('y'));
    h.at(TimeDelta::minutes(5));
    h.shift('S');
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('a'));
    let ids: Vec<String> = h.app.clock_rows().iter().map(|c| c.id.clone()).collect();
    assert_eq!(
        ids[..4],
        [
            "retainer-sla",
            "nis2-early-warning",
            "gdpr-authority",
            "nis2-notification"
        ]
    );
    // 50 minutes on: the retainer is due soon (amber); 2 hours on, overdue (red).
    h.at(TimeDelta::minutes(55));
    let amber = h
        .buffer(120, 40)
        .content
        .iter()
        .any(|c| c.symbol() == "0" && c.fg == ui::theme::AMBER);
    assert!(amber);
    h.at(TimeDelta::hours(2));
    let screen = h.screen(120, 40);
    assert!(screen.contains("+00:55:00 OVERDUE"), "{screen}");
    assert_eq!(
        h.app.clock_rows()[0].id,
        "retainer-sla",
        "overdue comes first"
    );
}

#[test]
fn met_asks_for_a_reference_and_shows_how_early() {
    let mut h = nis2_breach();
    h.shift('P');
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('c'));
    assert_eq!(h.app.focus, Pane::Clocks);
    let gdpr = h
        .app
        .clock_rows()
        .iter()
        .position(|c| c.id == "gdpr-authority")
        .unwrap();
    for _ in 0..gdpr {
        h.key(KeyCode::Down);
    }
    h.at(TimeDelta::hours(20));
    h.key(KeyCode::Char('m'));
    h.type_text("CNIL-2026-4411");
    h.key(KeyCode::Enter);
    assert!(matches!(
        state_of(&h, "gdpr-authority"),
        ClockState::Met { ref reference, .. } if reference == "CNIL-2026-4411"
    ));
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("met 2d 04:00:00 early") || screen.contains("met 52:00:00 early"),
        "{screen}"
    );
    assert!(screen.contains("ref. CNIL-2026-4411"), "{screen}");
}

#[test]
fn waive_needs_a_reason_and_start_by_hand_asks_first() {
    let mut h = nis2_breach();
    h.key(KeyCode::Char('c'));
    let subjects = h
        .app
        .clock_rows()
        .iter()
        .position(|c| c.id == "gdpr-subjects")
        .unwrap();
    for _ in 0..subjects {
        h.key(KeyCode::Down);
    }
    h.key(KeyCode::Char('s'));
    let Some(Overlay::Confirm(c)) = &h.app.overlay else {
        panic!("expected a question")
    };
    assert!(
        c.question.starts_with("Start Inform the people now?"),
        "{}",
        c.question
    );
    h.key(KeyCode::Char('y'));
    assert!(matches!(
        state_of(&h, "gdpr-subjects"),
        ClockState::Running { .. }
    ));
    h.key(KeyCode::Char('w'));
    h.key(KeyCode::Enter);
    assert!(h.screen(100, 30).contains("Type some text first"));
    h.type_text("data was encrypted, keys safe");
    h.key(KeyCode::Enter);
    assert!(matches!(
        state_of(&h, "gdpr-subjects"),
        ClockState::Waived { .. }
    ));
    assert!(h.screen(120, 40).contains("data was encrypted, keys safe"));
}

#[test]
fn clock_keys_need_the_clocks_pane() {
    let mut h = nis2_breach();
    h.key(KeyCode::Char('m'));
    assert!(h.app.overlay.is_none());
    assert!(
        h.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .text()
            .starts_with("Select a clock first")
    );
}

#[test]
fn d_shows_the_draft_of_the_selected_clock() {
    let mut h = nis2_breach();
    h.shift('P');
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('c'));
    h.shift('D');
    let Some(Overlay::Draft { text, .. }) = &h.app.overlay else {
        panic!("expected the draft")
    };
    assert!(text.starts_with("TLP:AMBER\nPersonal-data breach notification (GDPR Art. 33)"));
    assert!(text.contains("Deadline: 2026-12-01 14:00:00 UTC"));
    assert!(
        h.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .text()
            .starts_with("Draft saved")
    );
    assert!(h.screen(120, 40).contains("Nature of the breach"));
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
}

#[test]
fn d_on_a_dora_clock_shows_the_dora_report_it_is_for() {
    let config =
        Harness::config_with_playbooks("dora_entity: true\nlei: 5493001KJTIIGC8Y1R12\n", &[]);
    let mut h = Harness::with_config(config);
    h.declare("Payment gateway down", 'i');
    h.shift('M');
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('c'));
    assert_eq!(h.app.clock_rows()[0].id, "dora-initial");
    h.shift('D');
    let Some(Overlay::Draft { title, text, .. }) = &h.app.overlay else {
        panic!("expected the draft")
    };
    assert_eq!(
        title,
        "DORA initial notification of a major ICT-related incident (Art. 19(4)(a)) - DRAFT"
    );
    assert!(
        text.contains("  LEI code: 5493001KJTIIGC8Y1R12\n"),
        "{text}"
    );
    assert!(
        text.contains("  Classified as major: 2026-11-28 14:00:00 UTC\n"),
        "{text}"
    );
    assert!(
        text.contains("Deadline: 2026-11-28 18:00:00 UTC\n"),
        "{text}"
    );
    assert!(
        h.screen(120, 40)
            .contains("Type of submission: initial notification")
    );
}

#[test]
fn the_personal_data_flag_backdates_nothing_from_the_dashboard() {
    let mut h = nis2_breach();
    h.at(TimeDelta::minutes(30));
    h.shift('P');
    h.key(KeyCode::Char('y'));
    let at = h.state().clock_facts.flags[&Flag::PersonalData];
    assert_eq!(at, t0() + TimeDelta::minutes(30));
}

#[test]
fn clocks_pane_snapshot() {
    let mut h = nis2_breach();
    h.shift('P');
    h.key(KeyCode::Char('y'));
    h.shift('S');
    h.key(KeyCode::Char('y'));
    h.key(KeyCode::Char('a'));
    h.at(TimeDelta::minutes(50));
    insta::assert_snapshot!(h.screen(120, 40));
}

const LINKED: &str = "id: linked\nname: Linked\ncategories: [fraud]\nitems:\n  - { id: t-aware, stage: detect, owner: dpo, text: \"Record when the breach became known\", starts: [gdpr-authority] }\n  - { id: t-notify, stage: detect, owner: dpo, text: \"Notify the CNIL\", stops: [gdpr-authority] }\n";

#[test]
fn ticking_a_step_linked_to_a_clock_offers_to_record_the_clock_change() {
    let config = Harness::config_with_playbooks("", &[("linked.yaml", LINKED)]);
    let mut h = Harness::with_config(config);
    h.declare("Invoice fraud with a data leak", 'f');
    h.key(KeyCode::Char(' '));
    let Some(Overlay::Confirm(c)) = &h.app.overlay else {
        panic!("expected the offer")
    };
    assert_eq!(
        c.question,
        "This step is linked to the clocks. Record also: personal-data breach established?"
    );
    assert!(
        h.state().item("t-aware").unwrap().done.is_some(),
        "the tick is saved anyway"
    );
    h.key(KeyCode::Char('y'));
    assert!(matches!(
        state_of(&h, "gdpr-authority"),
        ClockState::Running { .. }
    ));

    h.key(KeyCode::Down);
    h.at(TimeDelta::hours(30));
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Char('y'));
    assert!(matches!(
        state_of(&h, "gdpr-authority"),
        ClockState::Met { ref reference, .. } if reference == "checklist step t-notify"
    ));
    // Unticking and ticking again offers nothing more: the clock is met.
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Char(' '));
    assert!(h.app.overlay.is_none());
}

#[cfg(unix)]
#[test]
fn drafts_are_saved_in_a_private_folder_of_the_data_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::cli::tmp();
    let path =
        warroom::ops::save_draft(dir.path(), "IR-2026-0001-gdpr.txt", "TLP:AMBER\n").unwrap();
    assert_eq!(path, dir.path().join("drafts/IR-2026-0001-gdpr.txt"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "TLP:AMBER\n");
    let mode = std::fs::metadata(dir.path().join("drafts"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
}

#[test]
fn a_clock_too_long_for_the_calendar_is_drawn_and_reported_without_panic() {
    // Spans the config now refuses, as an older journal may still carry them.
    let mut config = warroom::config::Config::embedded().unwrap();
    let mut huge = config.catalog.clocks[0].clone();
    huge.id = "forever".into();
    huge.starts = "declared".parse().unwrap();
    huge.duration = "200000000000m".parse().unwrap();
    huge.warn = "9999999999999999m".parse().unwrap();
    let mut months = huge.clone();
    months.id = "months".into();
    months.duration = "4294967295 months".parse().unwrap();
    months.warn = "25%".parse().unwrap();
    config.catalog.clocks.extend([huge, months]);
    let mut h = Harness::with_config(config.clone());
    h.declare("Clock beyond the calendar", 'i');
    h.at(TimeDelta::hours(1));
    assert!(h.screen(120, 40).contains("Clock beyond the calendar"));
    let _ = ui::to_text(&h.app, 80, 24);
    let active = h.app.active.as_ref().unwrap();
    let report = warroom::report::build(
        &active.state,
        &active.events,
        &config,
        "head",
        t0() + TimeDelta::hours(1),
    );
    assert!(!warroom::report::markdown(&report).is_empty());
    assert!(!warroom::report::html(&report).is_empty());
}

/// Every running clock is either on screen or counted in "+N running ↓", at any size.
#[test]
fn no_running_clock_is_hidden_without_a_marker() {
    let mut h = nis2_breach();
    h.key(KeyCode::Char('a'));
    for flag in ['P', 'S'] {
        h.shift(flag);
        h.key(KeyCode::Char('y'));
    }
    let running: Vec<String> = h
        .app
        .clock_rows()
        .into_iter()
        .filter(|c| matches!(c.state, ClockState::Running { .. }))
        .map(|c| c.name)
        .collect();
    assert!(running.len() >= 4, "{running:?}");
    for (w, hgt) in [(80, 24), (120, 35), (120, 40), (200, 60)] {
        let screen = h.screen(w, hgt);
        // A running clock's row ends with the time left, against the pane's border.
        let shown = screen.matches(" left│").count();
        let marker = screen
            .split("+")
            .filter_map(|rest| rest.split(" running ↓").next())
            .find_map(|n| n.trim().parse::<usize>().ok())
            .unwrap_or(0);
        assert_eq!(shown + marker, running.len(), "{w}×{hgt}:\n{screen}");
        assert!(
            shown >= 2,
            "the two most urgent at least, {w}×{hgt}:\n{screen}"
        );
    }
}

#[test]
fn s_where_nis2_does_not_cover_the_incident_says_why_and_y_marks_it_covered() {
    let mut h = Harness::new();
    h.declare("Payment service down", 'a');
    h.shift('S');
    let Some(Overlay::Confirm(c)) = &h.app.overlay else {
        panic!("expected a question")
    };
    assert!(
        c.question.contains("not marked as covered"),
        "{}",
        c.question
    );
    assert!(c.question.contains("NIS2 applies: yes"), "{}", c.question);
    assert!(
        c.question.contains("NIS2 early warning due"),
        "{}",
        c.question
    );
    h.key(KeyCode::Char('y'));
    assert!(h.state().clock_facts.entity.nis2);
    assert!(matches!(
        state_of(&h, "nis2-early-warning"),
        ClockState::Running { .. }
    ));
}
