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
