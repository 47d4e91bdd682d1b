//! The real `App` driven by key events, effects carried out on an in-memory store, and
//! the screen read back from ratatui's test backend. No terminal, no sleeps.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::TimeDelta;
use common::harness::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use warroom::app::{Action, Msg, Overlay, Pane};
use warroom::domain::{Category, Severity};
use warroom::failure::Failure;
use warroom::store::{Store, StoreError};
use warroom::{ops, ui};

#[test]
fn welcome_screen_120x40() {
    insta::assert_snapshot!(Harness::new().screen(120, 40));
}

#[test]
fn welcome_screen_80x24() {
    insta::assert_snapshot!(Harness::new().screen(80, 24));
}

#[test]
fn demo_dashboard_120x40() {
    insta::assert_snapshot!(Harness::with_demo().screen(120, 40));
}

#[test]
fn demo_dashboard_80x24() {
    insta::assert_snapshot!(Harness::with_demo().screen(80, 24));
}

#[test]
fn below_80x24_the_screen_says_what_it_needs() {
    let h = Harness::with_demo();
    for (w, hgt) in [(79, 24), (80, 23), (20, 5), (1, 1)] {
        let screen = h.screen(w, hgt);
        let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        if w >= 20 {
            assert!(flat.contains("at least 80×24"), "{w}x{hgt}: {screen}");
        }
        assert!(!screen.contains("Checklist"), "{w}x{hgt} drew panes");
    }
}

#[test]
fn the_demo_is_marked_exercise_and_alive() {
    let h = Harness::with_demo();
    let screen = h.screen(120, 40);
    assert!(screen.contains("EXERCISE"));
    assert!(screen.starts_with(" EXERCISE"));
    assert!(screen.contains("EX-2026-0001"));
    assert!(screen.contains("Retainer response"));
    assert!(screen.contains("GDPR notification"));
    assert!(screen.contains("● saved"));
    assert_eq!(h.app.pending(), 0);
}

#[test]
fn space_toggles_the_selected_item_through_the_journal() {
    let mut h = Harness::with_demo();
    let id = h.app.active.as_ref().unwrap().state.id;
    // The demo ticked the first two items; the third is open.
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::Char(' '));
    let state = &h.app.active.as_ref().unwrap().state;
    let item = state.items_of_phase(0).nth(2).unwrap();
    let done = item.done.as_ref().expect("ticked");
    assert_eq!(done.by, "camille");
    // What the screen shows is what a fresh read of the store gives.
    let stored = warroom::domain::fold(&h.store.events(id).unwrap()).unwrap();
    assert_eq!(&stored, state);
    h.key(KeyCode::Enter);
    assert!(
        h.app
            .active
            .as_ref()
            .unwrap()
            .state
            .items_of_phase(0)
            .nth(2)
            .unwrap()
            .done
            .is_none()
    );
}

#[test]
fn toggling_only_works_in_the_checklist_pane() {
    let mut h = Harness::with_demo();
    let before = h.app.active.as_ref().unwrap().events.len();
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Pane::Clocks);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Pane::Contacts);
    h.key(KeyCode::Char(' '));
    assert_eq!(h.app.active.as_ref().unwrap().events.len(), before);
    h.send(Msg::Key(KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
    )));
    assert_eq!(h.app.focus, Pane::Clocks);
}

#[test]
fn a_note_typed_in_the_form_reaches_the_journal_and_screen() {
    let mut h = Harness::with_demo();
    h.key(KeyCode::Char('n'));
    assert!(matches!(h.app.overlay, Some(Overlay::Line(_))));
    h.type_text("Firewall logs exported to USB key #3");
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    assert!(
        h.screen(120, 40)
            .contains("camille    Firewall logs exported to USB key #3")
    );
}

#[test]
fn escape_cancels_a_note_without_writing() {
    let mut h = Harness::with_demo();
    let before = h.app.active.as_ref().unwrap().events.len();
    h.key(KeyCode::Char('n'));
    h.type_text("never mind");
    h.key(KeyCode::Esc);
    assert_eq!(h.app.active.as_ref().unwrap().events.len(), before);
}

#[test]
fn declaring_an_incident_from_the_form() {
    let mut h = Harness::new();
    h.shift('N');
    h.key(KeyCode::Enter);
    let Some(Overlay::NewIncident(form)) = &h.app.overlay else {
        panic!("form closed")
    };
    assert!(form.error.is_some(), "an empty title is refused");
    h.type_text("Mailbox rules forwarding to outside");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char('4'));
    h.key(KeyCode::Tab);
    h.key(KeyCode::Char('f'));
    h.key(KeyCode::Enter);
    let state = &h.app.active.as_ref().expect("declared").state;
    assert_eq!(state.title, "Mailbox rules forwarding to outside");
    assert_eq!(state.severity, Severity::Severe);
    assert_eq!(state.category, Category::Fraud);
    assert_eq!(state.id.to_string(), "IR-2026-0001");
    assert!(!state.exercise);
    assert!(!h.screen(120, 40).contains("EXERCISE"));
}

#[test]
fn the_retainer_clock_turns_amber_then_red() {
    let mut h = Harness::new();
    h.shift('N');
    h.type_text("Intrusion");
    h.key(KeyCode::Enter);
    assert!(h.screen(120, 40).contains("waits: alert (a)"));
    h.key(KeyCode::Char('a'));
    h.at(TimeDelta::minutes(10));
    assert!(h.screen(120, 40).contains("00:50:00 left"));
    h.at(TimeDelta::minutes(50));
    let screen = h.screen(120, 40);
    assert!(screen.contains("00:10:00 left"), "{screen}");
    let buffer = h.buffer(120, 40);
    let amber = buffer
        .content
        .iter()
        .any(|c| c.symbol() == "0" && c.fg == ui::theme::AMBER);
    assert!(amber, "due soon is amber");
    h.at(TimeDelta::minutes(75));
    assert!(h.screen(120, 40).contains("+00:15:00 OVERDUE"));
    let buffer = h.buffer(120, 40);
    let red = buffer
        .content
        .iter()
        .any(|c| c.symbol() == "+" && c.bg == ratatui::style::Color::Red);
    assert!(red, "overdue is red");
}

#[test]
fn switching_incident_with_the_picker() {
    let mut h = Harness::with_demo();
    h.shift('N');
    h.type_text("Second");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.active.as_ref().unwrap().state.title, "Second");
    h.key(KeyCode::Char('i'));
    assert!(h.screen(120, 40).contains("Switch incident"));
    h.key(KeyCode::Down);
    h.key(KeyCode::Enter);
    assert!(
        h.app.active.as_ref().unwrap().state.exercise,
        "back on the demo"
    );
}

#[test]
fn help_lists_every_bound_dashboard_action() {
    let mut h = Harness::with_demo();
    h.key(KeyCode::Char('?'));
    let screen = h.screen(120, 60);
    for action in [
        Action::ToggleItem,
        Action::AddNote,
        Action::AlertRetainer,
        Action::Quit,
    ] {
        assert!(
            screen.contains(&warroom::text::describe(action)),
            "{action:?} missing"
        );
    }
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
}

#[test]
fn q_quits_and_ctrl_c_quits_even_in_a_form() {
    let mut h = Harness::with_demo();
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Char('q'));
    assert!(!h.app.should_quit, "q is text in a form");
    h.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(h.app.should_quit);
}

#[test]
fn hostile_text_never_reaches_the_screen_raw() {
    let mut h = Harness::with_demo();
    h.key(KeyCode::Char('n'));
    h.send(Msg::Paste(
        "\u{1b}]0;pwned\u{7}\u{1b}[2J 事件 \u{202E}evil".into(),
    ));
    h.key(KeyCode::Enter);
    let id = h.app.active.as_ref().unwrap().state.id;
    // Also text that bypassed the form (a script using the CLI can store anything).
    ops::append(
        &h.store,
        id,
        t0(),
        "x\u{1b}[31m",
        vec![warroom::domain::Change::NoteAdded {
            text: "\u{9b}31m C1 \u{1b}[5m blink".into(),
        }],
    )
    .unwrap();
    h.send(Msg::Loaded {
        id,
        events: h.store.events(id).unwrap(),
    });
    for (w, hgt) in [(120, 40), (80, 24)] {
        let screen = h.screen(w, hgt);
        assert!(
            !screen.chars().any(|c| c.is_control() && c != '\n'),
            "{screen:?}"
        );
        assert!(!screen.contains('\u{202E}'));
        for line in screen.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= usize::from(w),
                "{line}"
            );
        }
    }
    assert!(h.screen(120, 40).contains("事件"));
}

/// The store's answer to a write on a full disk, as the writer thread passes it on.
fn disk_full() -> Failure {
    Failure::from(StoreError::DiskFull {
        dir: "/srv/warroom/data".into(),
        free: 0,
        needed: 2 * 1024 * 1024,
    })
}

#[test]
fn a_failed_write_is_shown_and_not_marked_saved() {
    let mut h = Harness::with_demo();
    h.send(Msg::Failed(disk_full()));
    let screen = h.screen(120, 40);
    assert!(screen.contains("NOT SAVED: the disk holding"), "{screen}");
}

#[test]
fn switching_is_not_a_write_and_a_failed_load_is_not_not_saved() {
    let mut h = Harness::with_demo();
    h.key(KeyCode::Char('i'));
    let effects = h
        .app
        .update(Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    assert!(effects.is_empty(), "the open incident is already shown");
    assert_eq!(h.app.pending(), 0);
    h.send(Msg::LoadFailed(Failure::from(StoreError::UnknownIncident(
        "IR-2026-0009".parse().unwrap(),
    ))));
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("● saved") && !screen.contains("NOT SAVED"),
        "{screen}"
    );
    assert!(screen.contains("no incident IR-2026-0009"), "{screen}");
}

/// A write that fails says why in full, even on the smallest screen: a cause too long
/// for the status line is shown whole above it; a note gives its form back with the
/// text and the cause.
#[test]
fn a_failed_write_says_its_cause_in_full_and_gives_back_what_was_typed() {
    let mut h = Harness::with_demo();
    h.key(KeyCode::Char('n'));
    h.type_text("isolated the file server at 14:05");
    // The store refuses the write: as the runtime would say it.
    let submitted = h.app.update(Msg::Action(Action::Submit));
    assert_eq!(submitted.len(), 1, "one write sent");
    let cause = "the disk holding /srv/warroom/data is full (0 B free, a write needs about 2.0 MB): nothing was written; free some space and try again";
    h.app.update(Msg::Failed(disk_full()));
    match &h.app.overlay {
        Some(Overlay::Line(form)) => {
            assert_eq!(form.input.value(), "isolated the file server at 14:05");
            assert!(
                form.error
                    .as_ref()
                    .is_some_and(|e| e.text().contains(cause))
            );
        }
        other => panic!("the note form given back, got {other:?}"),
    }
    // Dismissed, the cause stays on screen, whole, at 80×24.
    h.key(KeyCode::Esc);
    h.app.update(Msg::Failed(disk_full()));
    let screen = h.screen(80, 24);
    let joined: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in [
        "nothing was written;",
        "free some space and try again",
        "2.0 MB",
    ] {
        assert!(joined.contains(word), "{word:?} not on screen:\n{screen}");
    }
    assert_eq!(h.app.pending(), 0);
}

/// The Lessons tab scrolls like the others: with more lessons than rows, the last one
/// selected is on screen and highlighted.
#[test]
fn the_lessons_tab_keeps_the_selected_lesson_on_screen() {
    let mut h = Harness::new();
    h.declare("Many lessons", 'o');
    h.shift('J');
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    for n in 1..=60 {
        h.key(KeyCode::Char('+'));
        h.type_text(&format!("lesson number {n:02}"));
        h.key(KeyCode::Enter);
    }
    assert_eq!(h.state().lessons.len(), 60);
    h.key(KeyCode::End);
    let buffer = h.buffer(120, 40);
    let screen = ui::buffer_text(&buffer);
    let row = screen
        .lines()
        .position(|line| line.contains("lesson number 60"))
        .unwrap_or_else(|| panic!("the last lesson is not on screen:\n{screen}"));
    assert!(!screen.contains("lesson number 01"), "{screen}");
    let y = u16::try_from(row).unwrap();
    let highlighted = (0..buffer.area.width)
        .map(|x| &buffer[(x, y)])
        .filter(|c| c.bg == ratatui::style::Color::Rgb(40, 60, 90))
        .count();
    assert!(
        highlighted > 100,
        "the selected row is highlighted across ({highlighted})"
    );
    // Back to the first: the list scrolls back.
    h.key(KeyCode::Home);
    let screen = h.screen(120, 40);
    assert!(screen.contains("lesson number 01"), "{screen}");
    assert!(!screen.contains("lesson number 60"), "{screen}");
}
