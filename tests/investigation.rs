//! The investigation view (`I`) through the real `App`: the observables register added
//! to by hand and from a note, searched, and its facts set with one key each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::harness::*;
use crossterm::event::KeyCode;
use warroom::app::Overlay;
use warroom::domain::Tlp;

/// `+` adds an observable, its kind guessed or chosen with Tab, the value checked and
/// shown defanged; `o` on a journal event adds the observables it mentions, linked to
/// it, after asking.
#[test]
fn observables_are_added_by_hand_and_from_a_note() {
    let mut h = Harness::with_demo();
    h.shift('I');
    assert!(h.app.investigation.is_some());
    assert!(h.screen(120, 40).contains("No observable yet"));
    h.key(KeyCode::Char('+'));
    h.type_text("hxxps://evil[.]example/gate");
    h.key(KeyCode::Enter);
    let screen = h.screen(120, 40);
    assert!(screen.contains("Observables (1)"), "{screen}");
    assert!(screen.contains("hxxps://evil[.]example/gate"), "{screen}");
    assert!(!screen.contains("https://"), "{screen}");
    let first = &h.state().observables.all[0];
    assert_eq!(first.spec.value, "https://evil.example/gate");

    // A value of no kind it can guess: refused, the form kept, until a kind is chosen.
    h.key(KeyCode::Char('+'));
    h.type_text("svc_backup");
    h.key(KeyCode::Enter);
    assert!(
        h.screen(120, 40)
            .contains("cannot tell what 'svc_backup' is")
    );
    for _ in 0..13 {
        h.key(KeyCode::Tab); // auto → ip → … → account (the 13th kind)
    }
    h.key(KeyCode::Enter);
    assert_eq!(h.state().observables.all[1].spec.kind.slug(), "account");

    // A note, in the journal, that names two observables, one already known.
    h.shift('J');
    assert!(h.app.investigation.is_none() && h.app.journal_view.is_some());
    h.key(KeyCode::Char('n'));
    h.type_text("Beacon to hxxps://evil[.]example/gate from 203.0.113.7");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    let note = h.last_event().id;
    h.key(KeyCode::Char('o'));
    let question = h.screen(120, 40);
    assert!(
        question.contains(&format!("linked to event #{note}: 203[.]0[.]113[.]7?")),
        "{question}"
    );
    h.key(KeyCode::Char('y'));
    let added = &h.state().observables.all[2];
    assert_eq!(
        (added.spec.value.as_str(), added.spec.events.as_slice()),
        ("203.0.113.7", &[note][..])
    );
    // The newest event (the one just written, which names it defanged) adds nothing.
    h.key(KeyCode::Char('o'));
    assert!(
        h.screen(120, 40)
            .contains("mentions no observable that is not already")
    );
}

fn with_three_observables() -> Harness {
    let mut h = Harness::with_demo();
    h.shift('I');
    for value in ["203.0.113.7", "evil.example", "bad.example.org"] {
        h.key(KeyCode::Char('+'));
        h.type_text(value);
        h.key(KeyCode::Enter);
    }
    assert_eq!(h.state().observables.len(), 3);
    h
}

/// `/` searches the register fuzzily, the value as typed defanged too; the keys then
/// act on the row found, not on the row at that place in the whole list.
#[test]
fn the_search_narrows_the_register_and_keys_act_on_what_it_found() {
    let mut h = with_three_observables();
    h.key(KeyCode::Char('/'));
    h.type_text("bad[.]example");
    let screen = h.screen(120, 40);
    assert!(screen.contains("bad[.]example[.]org"), "{screen}");
    assert!(!screen.contains("203[.]0[.]113[.]7"), "{screen}");
    assert_eq!(h.app.investigation_rows(), [2]);
    h.key(KeyCode::Enter); // stop typing, keep the search
    h.key(KeyCode::Char('i'));
    let o = &h.state().observables.all;
    assert!(o[0].spec.ioc && o[1].spec.ioc, "untouched");
    assert!(!o[2].spec.ioc, "the one found is no longer an IOC");

    // Nothing matches: said, and the keys do nothing.
    h.key(KeyCode::Char('/'));
    for _ in 0.."bad[.]example".len() {
        h.key(KeyCode::Backspace);
    }
    h.type_text("zzzz");
    assert!(h.screen(120, 40).contains("Nothing matches"));
    h.key(KeyCode::Enter);
    let before = h.state().clone();
    h.key(KeyCode::Char('s'));
    assert_eq!(h.state().observables, before.observables);

    // Esc clears the search first, then closes the view.
    h.key(KeyCode::Esc);
    assert_eq!(h.app.investigation_rows(), [0, 1, 2]);
    h.key(KeyCode::Esc);
    assert!(h.app.investigation.is_none());
}

/// `s`, `l` and `n` set the selected observable's facts, each as an event.
#[test]
fn sighted_tlp_and_note_are_set_from_the_keyboard() {
    let mut h = with_three_observables();
    h.key(KeyCode::Down);
    let events = h.app.active.as_ref().unwrap().events.len();
    h.key(KeyCode::Char('s'));
    h.key(KeyCode::Char('l'));
    h.key(KeyCode::Char('l'));
    h.key(KeyCode::Char('n'));
    h.type_text("seen in proxy logs\u{1b}[31m");
    h.key(KeyCode::Enter);
    let o = &h.state().observables.all[1];
    assert!(o.spec.sighted);
    assert_eq!(o.spec.tlp, Some(Tlp::Green));
    assert_eq!(o.spec.note, "seen in proxy logs[31m");
    assert_eq!(h.app.active.as_ref().unwrap().events.len(), events + 4);
    let screen = h.screen(120, 40);
    assert!(screen.contains("seen in proxy logs"), "{screen}");
    assert!(screen.contains("TLP:GREEN"), "{screen}");
}

/// The keys of the view are in `?`, under their own heading.
#[test]
fn the_help_lists_the_investigation_keys() {
    let mut h = with_three_observables();
    h.key(KeyCode::Char('?'));
    let help = h.screen(120, 200);
    assert!(help.contains("Investigation (observables"), "{help}");
    assert!(help.contains("IOC or not"), "{help}");
    assert!(help.contains("Next TLP"), "{help}");
    assert!(help.contains("Write the exchange files"), "{help}");
    assert!(help.contains("Import observables from a MISP"), "{help}");
}

/// `X` in the investigation view writes every exchange file of the incident (here a
/// store not on disk: the flash names the files it would have written).
#[test]
fn x_writes_the_exchange_files_from_the_investigation_view() {
    let mut h = with_three_observables();
    h.shift('X');
    let flash = h.app.flash.as_ref().unwrap().text.text();
    let id = h.state().id.to_string();
    assert!(flash.starts_with("Exchange files written"), "{flash}");
    for suffix in [
        "misp.json",
        "stix.json",
        "timesketch.jsonl",
        "observables.csv",
        "assets.csv",
    ] {
        assert!(
            flash.contains(&format!("{id}-{suffix}")),
            "{suffix}: {flash}"
        );
    }
}

/// `m` asks for a file and imports its observables: the new ones added, the ones the
/// register has merged, the entries of other types counted, in one write.
#[test]
fn m_imports_the_observables_of_a_misp_event_and_says_what_came_of_it() {
    let mut h = with_three_observables();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("partner.misp.json");
    std::fs::write(
        &file,
        r#"{"Event": {"info": "From CERT-FR", "Attribute": [
            {"type": "domain", "value": "EVIL.example", "to_ids": true},
            {"type": "sha256", "value": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", "to_ids": true},
            {"type": "btc", "value": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"}]}}"#,
    )
    .unwrap();
    let before = h.state().event_count;
    h.key(KeyCode::Char('m'));
    assert!(h.screen(120, 40).contains("Import observables from a file"));
    h.type_text(&file.display().to_string());
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    let o = &h.state().observables.all;
    assert_eq!(o.len(), 4);
    assert_eq!(
        o[3].spec.value,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert!(
        o[1].spec.ioc,
        "evil.example was merged, its IOC flag raised"
    );
    assert_eq!(h.state().event_count, before + 2);
    let flash = h.app.flash.as_ref().unwrap().text.text();
    assert!(
        flash.starts_with("1 observable added, 1 merged into the register's, 1 entry skipped"),
        "{flash}"
    );
}

/// A file that cannot be read, or holds a bad value, stores nothing: the form comes
/// back saying which file, where in it and why, for the path to be corrected.
#[test]
fn a_refused_import_keeps_the_form_and_says_where_and_why() {
    let mut h = with_three_observables();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.misp.json");
    std::fs::write(
        &file,
        r#"{"Event": {"Attribute": [
            {"type": "domain", "value": "fine.example"},
            {"type": "ip-dst", "value": "300.1.1.1"}]}}"#,
    )
    .unwrap();
    let before = h.state().event_count;
    for (path, said) in [
        (
            file.display().to_string(),
            "Event.Attribute[1].value: '300.1.1.1' is not a valid ip",
        ),
        (
            dir.path().join("missing.json").display().to_string(),
            "missing.json",
        ),
    ] {
        h.key(KeyCode::Char('m'));
        h.type_text(&path);
        h.key(KeyCode::Enter);
        let screen = h.screen(160, 40);
        assert!(
            screen.contains("Import observables from a file"),
            "{screen}"
        );
        let error = match &h.app.overlay {
            Some(Overlay::Line(form)) => form.error.as_ref().unwrap().text(),
            other => panic!("the form should be back: {other:?}"),
        };
        assert!(error.contains(said), "{error}");
        h.key(KeyCode::Esc);
    }
    assert_eq!(h.state().event_count, before);
    assert_eq!(h.state().observables.len(), 3);
}

/// The Assets tab: `+` adds one (`name | owner`, Tab for its kind), `>` and `<` move
/// it through its states, each an event, and `n` sets its note.
#[test]
fn assets_are_added_and_moved_through_their_states() {
    let mut h = Harness::with_demo();
    h.shift('I');
    h.key(KeyCode::Tab);
    assert!(h.screen(120, 40).contains("No affected asset yet"));
    h.key(KeyCode::Char('+'));
    h.type_text("FS01 | IT ops");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('+'));
    h.key(KeyCode::Tab); // host → account
    h.type_text("svc_backup");
    h.key(KeyCode::Enter);
    let assets = &h.state().assets.all;
    assert_eq!(assets.len(), 2);
    assert_eq!(
        (
            assets[0].name.as_str(),
            assets[0].owner.as_str(),
            assets[0].kind.slug()
        ),
        ("FS01", "IT ops", "host")
    );
    assert_eq!(assets[1].kind.slug(), "account");

    // FS01: suspected → compromised → contained, then back one; restored is the end.
    h.shift('>');
    h.shift('>');
    assert_eq!(h.state().assets.all[0].state().slug(), "contained");
    h.shift('<');
    assert_eq!(h.state().assets.all[0].state().slug(), "compromised");
    let screen = h.screen(120, 40);
    assert!(screen.contains("Assets (2)"), "{screen}");
    assert!(screen.contains("compromised"), "{screen}");
    assert!(
        screen.contains("contained") && screen.contains(" → "),
        "the history shows the moves: {screen}"
    );
    h.shift('<');
    h.shift('<');
    assert_eq!(
        h.state().assets.all[0].state().slug(),
        "suspected",
        "no state before"
    );

    h.key(KeyCode::Down);
    h.key(KeyCode::Char('n'));
    h.type_text("used to move laterally");
    h.key(KeyCode::Enter);
    assert_eq!(h.state().assets.all[1].note, "used to move laterally");

    // The search finds an asset by its owner.
    h.key(KeyCode::Char('/'));
    h.type_text("it ops");
    assert_eq!(h.app.investigation_rows(), [0]);
}

/// The Attack tab: a step needs when it happened (`@WHEN` or `t` before); an ATT&CK id
/// in the text is recorded and named; rows are in the order things happened.
#[test]
fn attack_steps_are_added_with_their_time_and_technique() {
    let mut h = Harness::with_demo();
    h.shift('I');
    h.key(KeyCode::BackTab); // the last tab: the attack timeline
    assert!(h.screen(120, 40).contains("No attack step yet"));
    h.key(KeyCode::Char('+'));
    h.type_text("Files encrypted on FS01 T1486");
    h.key(KeyCode::Enter);
    assert!(h.state().attack_timeline.is_empty());
    assert!(h.screen(120, 40).contains("Say when the attacker did it"));
    h.key(KeyCode::Esc);

    h.key(KeyCode::Char('+'));
    h.type_text("@-1d Files encrypted on FS01 T1486");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('+'));
    h.type_text("@-3d Invoice e-mail opened (TA0001, t1566.001)");
    h.key(KeyCode::Enter);
    let steps = h.state().attack_timeline.sorted();
    assert_eq!(steps.len(), 2);
    let now = h.app.now;
    assert_eq!(steps[0].spec.at, now - chrono::TimeDelta::days(3));
    assert_eq!(steps[0].spec.tactic.as_deref(), Some("TA0001"));
    assert_eq!(steps[0].spec.technique.as_deref(), Some("T1566.001"));
    assert_eq!(steps[1].spec.technique.as_deref(), Some("T1486"));
    assert_eq!(h.app.investigation_rows(), [0, 1]);
    let screen = h.screen(120, 40);
    let first = screen.find("Spearphishing Attachment").expect(&screen);
    let second = screen.find("Data Encrypted for Impact").expect(&screen);
    assert!(first < second, "in the order they happened: {screen}");

    // A technique with a tactic it does not belong to: refused, with why.
    h.key(KeyCode::Char('+'));
    h.type_text("@-2d Odd TA0040 T1566.001");
    h.key(KeyCode::Enter);
    assert_eq!(h.state().attack_timeline.len(), 2);
    assert!(h.app.overlay.is_some(), "the form stays, with the reason");

    // The search finds a step by its technique's name.
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('/'));
    h.type_text("encrypted impact");
    assert_eq!(h.app.investigation_rows(), [1]);
}

/// An observable (`O1`) or asset (`A1`) id written in a step links it; an id that names
/// nothing is refused in the form, not written as text that looks like a link.
#[test]
fn ids_in_a_steps_text_link_the_observables_and_assets_it_names() {
    let mut h = with_three_observables();
    h.key(KeyCode::Tab); // assets
    h.key(KeyCode::Char('+'));
    h.type_text("FS01 | IT ops");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Tab); // attack timeline
    h.key(KeyCode::Char('+'));
    h.type_text("@-1d Beacon from A1 to O2 (and O2 again), T1071");
    h.key(KeyCode::Enter);
    let steps = h.state().attack_timeline.sorted();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].spec.observables, ["O2"]);
    assert_eq!(steps[0].spec.assets, ["A1"]);

    h.key(KeyCode::Char('+'));
    h.type_text("@-1d Lateral move to A7");
    h.key(KeyCode::Enter);
    assert_eq!(h.state().attack_timeline.len(), 1);
    let error = match &h.app.overlay {
        Some(Overlay::Line(form)) => form.error.as_ref().unwrap().text(),
        other => panic!("the form should stay: {other:?}"),
    };
    assert!(error.contains("has no asset 'A7'"), "{error}");
}
