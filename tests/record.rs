//! A true record through the real `App`: an entry written down after the fact carries
//! the time it happened (`t`, or `@13:05` at the start of a form), and the rest of the
//! record follows that time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::harness::*;
use crossterm::event::KeyCode;
use warroom::app::Overlay;
use warroom::domain::Change;

/// 13:05 in the harness's zone (UTC+1) on t0's day.
fn five_past_one() -> DateTime<Utc> {
    t0() - TimeDelta::minutes(115)
}

fn note(h: &mut Harness, text: &str) {
    h.key(KeyCode::Char('n'));
    h.type_text(text);
    h.key(KeyCode::Enter);
}

#[test]
fn t_dates_the_next_entry_only_and_says_so_until_then() {
    let mut h = Harness::new();
    h.declare("Fake invoice paid", 'f');
    h.at(TimeDelta::minutes(30));
    h.key(KeyCode::Char('t'));
    h.type_text("13:05");
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none(), "the time was accepted");
    assert_eq!(h.app.backdate, Some(five_past_one()));
    let screen = h.screen(120, 40);
    assert!(screen.contains("next entry dated"), "{screen}");

    note(&mut h, "Bank called back");
    let dated = h.last_event();
    assert_eq!(dated.occurred(), five_past_one());
    assert_eq!(dated.at, t0() + TimeDelta::minutes(30), "written now");
    assert_eq!(dated.logged_apart(), Some(dated.at));
    assert_eq!(h.app.backdate, None, "used once");
    assert!(!h.screen(120, 40).contains("next entry dated"));

    note(&mut h, "Next one is now");
    assert_eq!(h.last_event().occurred_at, None);
}

#[test]
fn an_at_sign_dates_the_entry_it_starts() {
    let mut h = Harness::new();
    h.declare("Fake invoice paid", 'f');
    note(&mut h, "@13:05 Called the bank");
    let dated = h.last_event();
    assert_eq!(dated.occurred(), five_past_one());
    assert_eq!(
        dated.change,
        Change::NoteAdded {
            text: "Called the bank".into()
        }
    );
    // A name after `@` is text, not a time.
    note(&mut h, "@Camille call back");
    let plain = h.last_event();
    assert_eq!(plain.occurred_at, None);
    assert_eq!(
        plain.change,
        Change::NoteAdded {
            text: "@Camille call back".into()
        }
    );
}

#[test]
fn a_time_in_the_future_or_unreadable_is_refused_in_the_form() {
    let mut h = Harness::new();
    h.declare("Fake invoice paid", 'f');
    let events = h.app.active.as_ref().unwrap().events.len();
    for typed in ["2027-01-01 10:00", "soon"] {
        h.key(KeyCode::Char('t'));
        h.type_text(typed);
        h.key(KeyCode::Enter);
        let Some(Overlay::Line(form)) = &h.app.overlay else {
            panic!("the form stays open for {typed}");
        };
        assert!(form.error.is_some(), "{typed} is refused with a reason");
        assert_eq!(h.app.backdate, None);
        h.key(KeyCode::Esc);
    }
    // `@` with an unreadable time keeps the note form open and writes nothing.
    h.key(KeyCode::Char('n'));
    h.type_text("@25:99 too late");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.overlay, Some(Overlay::Line(_))));
    assert_eq!(h.app.active.as_ref().unwrap().events.len(), events);
}

#[test]
fn an_empty_time_clears_the_one_stated() {
    let mut h = Harness::new();
    h.declare("Fake invoice paid", 'f');
    h.key(KeyCode::Char('t'));
    h.type_text("13:05");
    h.key(KeyCode::Enter);
    assert!(h.app.backdate.is_some());
    h.key(KeyCode::Char('t'));
    h.key(KeyCode::Enter);
    assert_eq!(h.app.backdate, None);
    note(&mut h, "now");
    assert_eq!(h.last_event().occurred_at, None);
}

#[test]
fn e_edits_the_incident_facts_with_a_reason_and_only_what_changed() {
    let mut h = Harness::new();
    h.declare("Fake invoice paid", 'f');
    h.key(KeyCode::Char('e'));
    assert!(matches!(h.app.overlay, Some(Overlay::Incident(_))));
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("Edit the incident") && screen.contains("Commander:"),
        "{screen}"
    );
    // Severity: → steps to the next value.
    h.key(KeyCode::Tab);
    h.key(KeyCode::Right);
    // Commander: typed.
    for _ in 0..3 {
        h.key(KeyCode::Tab);
    }
    h.type_text("Camille Martin");
    // The reason, last: back past the first field.
    for _ in 0..5 {
        h.key(KeyCode::BackTab);
    }
    h.type_text("bank confirmed the loss");
    let before = h.app.active.as_ref().unwrap().events.len();
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none(), "saved: {:?}", h.app.overlay);
    let events = &h.app.active.as_ref().unwrap().events;
    assert_eq!(events.len(), before + 2, "two facts changed, two events");
    assert_eq!(h.state().commander.as_deref(), Some("Camille Martin"));
    assert!(matches!(
        &events.last().unwrap().change,
        Change::Amended { reason, .. } if reason == "bank confirmed the loss"
    ));
    // Nothing changed: said, nothing written.
    h.key(KeyCode::Char('e'));
    h.key(KeyCode::Enter);
    assert_eq!(h.app.active.as_ref().unwrap().events.len(), before + 2);
    assert!(
        h.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .text()
            .contains("Nothing changed")
    );
}

#[test]
fn a_bad_value_keeps_the_form_open_on_its_field() {
    let mut h = Harness::new();
    h.declare("Fake invoice paid", 'f');
    h.key(KeyCode::Char('e'));
    for _ in 0..5 {
        h.key(KeyCode::Tab);
    }
    h.type_text("moon");
    h.key(KeyCode::Enter);
    let Some(Overlay::Incident(form)) = &h.app.overlay else {
        panic!("still open");
    };
    assert_eq!(form.current_field(), Some(warroom::domain::Field::Scope));
    assert!(
        form.error
            .as_ref()
            .unwrap()
            .text()
            .contains("personal-data")
    );
}

#[test]
fn f_closes_asking_about_running_clocks_and_reopens() {
    let mut h = Harness::new();
    h.declare("Fake invoice paid", 'f');
    h.key(KeyCode::Char('a'));
    h.shift('F');
    h.type_text("Bank recovered the money");
    h.key(KeyCode::Enter);
    // The retainer's clock runs: confirm leaving it.
    let Some(Overlay::Confirm(confirm)) = &h.app.overlay else {
        panic!("asks first: {:?}", h.app.overlay);
    };
    assert!(
        confirm.question.contains("retainer-sla"),
        "{}",
        confirm.question
    );
    h.key(KeyCode::Char('y'));
    let closure = h.state().closure.clone().unwrap();
    assert_eq!(closure.left_running, vec!["retainer-sla".to_string()]);
    assert_eq!(closure.summary, "Bank recovered the money");
    // The retainer was alerted: its review is asked; Esc leaves it for later.
    assert!(
        matches!(h.app.overlay, Some(Overlay::Review(_))),
        "{:?}",
        h.app.overlay
    );
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
    h.at(TimeDelta::days(3));
    assert!(
        h.screen(120, 40)
            .contains("Closed after 00:00:00: resolved")
    );
    h.shift('F');
    h.type_text("the fraud came back");
    h.key(KeyCode::Enter);
    assert!(h.state().closure.is_none());
}

#[test]
fn the_declaration_form_sets_the_tlp() {
    let mut h = Harness::new();
    h.shift('N');
    h.type_text("Leak of the customer file");
    for _ in 0..4 {
        h.key(KeyCode::Tab);
    }
    assert!(h.screen(120, 40).contains("◀ TLP:AMBER ▶"));
    h.key(KeyCode::Left);
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    assert_eq!(h.state().tlp, warroom::domain::Tlp::Red);
}

#[test]
fn ticking_a_step_that_sets_a_fact_offers_the_form_on_that_fact() {
    let mut h = Harness::new();
    h.declare("Fake invoice paid", 'f');
    let row = h
        .app
        .visible_items()
        .iter()
        .position(|i| !i.hints.sets.is_empty())
        .expect("the phishing playbook has a step that sets a fact");
    for _ in 0..row {
        h.key(KeyCode::Down);
    }
    let sets = h.app.visible_items()[row].hints.sets[0];
    h.key(KeyCode::Enter);
    let Some(Overlay::Incident(form)) = &h.app.overlay else {
        panic!("the form is offered: {:?}", h.app.overlay);
    };
    assert_eq!(form.current_field(), Some(sets));
    assert!(
        h.app.visible_items()[row].done.is_some(),
        "and the step is ticked"
    );
}

#[test]
fn a_correction_starting_with_a_time_re_dates_the_event_and_its_clocks() {
    let mut h = Harness::new();
    h.declare("Customer file leaked", 'i');
    h.shift('P');
    h.key(KeyCode::Char('y'));
    let flag = h.last_event().id;
    let deadline = |h: &Harness| {
        h.state()
            .clocks()
            .get("gdpr-authority")
            .unwrap()
            .state
            .deadline()
    };
    assert_eq!(deadline(&h), Some(t0() + TimeDelta::hours(72)));
    h.shift('J');
    let row = h
        .app
        .journal_rows()
        .iter()
        .position(|id| *id == flag)
        .unwrap();
    for _ in 0..row {
        h.key(KeyCode::Down);
    }
    h.key(KeyCode::Char('c'));
    h.type_text("@13:05 the DPO knew since the call");
    h.key(KeyCode::Enter);
    assert!(matches!(
        h.last_event().change,
        Change::Corrected { occurred_at: Some(at), .. } if at == five_past_one()
    ));
    assert_eq!(
        h.last_event().occurred_at,
        None,
        "the correction itself is now"
    );
    assert_eq!(deadline(&h), Some(five_past_one() + TimeDelta::hours(72)));
}

#[test]
fn the_incident_switcher_marks_closed_incidents() {
    let mut h = Harness::new();
    h.declare("Fake invoice paid", 'f');
    h.shift('F');
    h.key(KeyCode::Enter);
    assert!(h.state().closure.is_some());
    h.key(KeyCode::Char('i'));
    let screen = h.screen(120, 40);
    assert!(screen.contains("[closed]"), "{screen}");
}

/// The declaration form takes the scope; one the retainer's contract does not cover is
/// said at once, and stays said on the Incident pane; a scope that does not read is
/// refused in the form.
#[test]
fn a_scope_beyond_the_contract_is_said_at_declaration() {
    let config = warroom::config::Config::with_user_text(
        "user.yaml",
        "contacts:\n  - { id: ot-vendor, name: OT Vendor, phones: [\"+33 1 99\"] }\nretainer:\n  name: Acme IR\n  response_minutes: 60\n  scope: [network, endpoints]\n  out_of_scope: [ot-vendor]\n",
    )
    .unwrap();
    let mut h = Harness::with_config(config);
    h.shift('N');
    h.type_text("PLC halted");
    // Title, severity, category, playbook, TLP: the scope is last.
    for _ in 0..5 {
        h.key(KeyCode::Tab);
    }
    h.type_text("network, moon");
    h.key(KeyCode::Enter);
    let Some(Overlay::NewIncident(form)) = &h.app.overlay else {
        panic!("refused in the form: {:?}", h.app.overlay);
    };
    assert!(
        form.error
            .as_ref()
            .unwrap()
            .text()
            .contains("is not a scope")
    );
    for _ in 0..4 {
        h.key(KeyCode::Backspace);
    }
    h.type_text("ot");
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    assert!(h.state().scope.ot && h.state().scope.network);
    let screen = h.screen(160, 40);
    let said = "outside the retainer contract: OT (industrial) — call OT Vendor (+33 1 99)";
    assert!(
        h.app.flash.as_ref().is_some_and(|f| f.text.text() == said),
        "{screen}"
    );
    h.app.flash = None;
    let screen = h.screen(160, 40);
    assert!(
        screen.contains("· outside the retainer contract: OT (industrial) — call OT Ve"),
        "the Incident pane keeps it, as far as it fits: {screen}"
    );
}
