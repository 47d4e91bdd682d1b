//! The screens in the operator's language: chosen by the config, `--lang` or the
//! environment; switched with `L`. Reports, drafts, CLI output and help, and the
//! shipped content (playbooks, clocks, contacts, drills) follow it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use common::harness::*;
use crossterm::event::KeyCode;
use warroom::app::Msg;
use warroom::failure::Failure;
use warroom::i18n::Lang;
use warroom::store::StoreError;

#[test]
fn l_switches_the_dashboard_between_english_and_french() {
    let mut h = Harness::with_demo();
    assert!(h.screen(120, 40).contains("┌ Clocks"));
    h.shift('L');
    assert_eq!(h.app.lang, Lang::Fr);
    let screen = h.screen(120, 40);
    assert!(screen.contains("┌ Délais"), "{screen}");
    assert!(screen.contains("Depuis la déclaration"), "{screen}");
    h.key(KeyCode::Char('?'));
    let help = h.screen(120, 40);
    assert!(help.contains("Panneau suivant"), "{help}");
    assert!(help.contains("Tableau de bord"), "{help}");
    h.key(KeyCode::Esc);
    h.shift('L');
    assert!(h.screen(120, 40).contains("┌ Clocks"));
}

#[test]
fn a_french_screen_at_80x24_keeps_its_frame() {
    let mut h = Harness::with_demo();
    h.shift('L');
    let screen = h.screen(80, 24);
    assert_eq!(screen.lines().count(), 24);
    assert!(
        screen
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn the_environment_and_flag_choose_the_language() {
    let dir = tmp();
    ok(warroom(dir.path()).arg("demo"));
    let snap = |env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = warroom(dir.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        ok(cmd.arg("snapshot").args(args))
    };
    assert!(snap(&[("LANG", "fr_FR.UTF-8")], &[]).contains("Délais"));
    assert!(snap(&[("LANG", "en_GB.UTF-8")], &[]).contains("Clocks"));
    assert!(
        snap(&[("LANG", "fr_FR.UTF-8")], &["--lang", "en"]).contains("Clocks"),
        "--lang wins over the environment"
    );
    let config = dir.path().join("fr.yaml");
    std::fs::write(&config, "language: fr\n").unwrap();
    let mut cmd = warroom(dir.path());
    cmd.arg("--config")
        .arg(&config)
        .args(["--lang", "en", "snapshot"]);
    assert!(
        ok(&mut cmd).contains("Clocks"),
        "--lang wins over the config for this run"
    );
    let mut cmd = warroom(dir.path());
    cmd.arg("--config").arg(&config).arg("snapshot");
    assert!(
        ok(&mut cmd).contains("Délais"),
        "the config wins over the environment"
    );
}

#[test]
fn shipped_content_is_shown_in_french_and_stored_in_english() {
    let mut h = Harness::with_demo();
    let english = h.screen(120, 40);
    assert!(english.contains("Declare the incident"), "{english}");
    h.shift('L');
    let french = h.screen(120, 40);
    assert!(!french.contains("Declare the incident"), "{french}");
    assert!(french.contains("Déclarer l’incident"), "{french}");
    assert!(french.contains("ÉLEVÉE"), "severity in French: {french}");
    insta::assert_snapshot!("french_dashboard_120x40", french);
}

#[test]
fn a_french_incident_exports_its_report_in_either_language() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).env("LANG", "fr_FR.UTF-8").arg("demo"));
    let id = id.trim();
    let report = |lang: &str| {
        ok(warroom(dir.path())
            .env("LANG", "fr_FR.UTF-8")
            .args(["export", id, "--format", "md", "--lang", lang]))
    };
    let (fr, en) = (report("fr"), report("en"));
    assert!(en.contains("Declare the incident"), "{en}");
    assert!(fr.contains("Déclarer l’incident"), "{fr}");
    assert!(!fr.contains("Declare the incident"), "{fr}");
    // TLP labels stay as FIRST writes them.
    assert!(fr.contains("TLP:AMBER") && en.contains("TLP:AMBER"));
    insta::assert_snapshot!("report_en", en);
    insta::assert_snapshot!("report_fr", fr);
}

#[test]
fn cli_output_and_help_speak_french() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).arg("demo"));
    let show = ok(warroom(dir.path())
        .env("LANG", "fr_FR.UTF-8")
        .args(["show", id.trim()]));
    assert!(show.contains("Déclarer l’incident"), "{show}");
    let help = ok(warroom(dir.path()).args(["--lang", "fr", "new", "--help"]));
    assert!(help.contains("Utilisation :"), "{help}");
    assert!(help.contains("Déclarer un nouvel incident"), "{help}");
    let english = ok(warroom(dir.path()).args(["--lang", "en", "new", "--help"]));
    assert!(english.contains("Declare a new incident"), "{english}");
}

/// French puts a no-break space before a colon (U+00A0, as `text::colon` does), so
/// that `warroom show`'s labels never read `Déclaré:` nor break before the colon.
#[test]
fn show_in_french_puts_a_no_break_space_before_each_colon() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).args([
        "new",
        "--title",
        "Rançongiciel",
        "--severity",
        "4",
        "--category",
        "malicious-code",
    ]));
    let id = id.trim();
    ok(warroom(dir.path()).args([
        "asset",
        "add",
        id,
        "host",
        "WS-042",
        "--state",
        "compromised",
    ]));
    let show = ok(warroom(dir.path()).args(["--lang", "fr", "show", id]));
    for expected in [
        "Déclaré\u{a0}: ",
        "Depuis la déclaration\u{a0}: ",
        "Actifs\u{a0}: 1 compromis",
        "(les actifs impliquent\u{a0}: postes)",
        "Procédure\u{a0}: ",
        "(CNIL (autorité de protection des données))\u{a0}: ",
    ] {
        assert!(show.contains(expected), "{expected:?}\n{show}");
    }
    // Above the checklist (whose items are shipped text) and the journal (user text).
    let labels = &show[..show.find('▶').unwrap_or(show.len())];
    for line in labels.lines().filter(|l| l.contains(':')) {
        let bare = line.contains(": ") && !line.contains("\u{a0}: ");
        assert!(
            !bare && !line.contains(" : "),
            "a colon without a no-break space: {line:?}"
        );
    }
}

#[test]
fn errors_speak_french_and_keep_their_location_and_exit_code() {
    let dir = tmp();
    let fr = |cmd: &mut assert_cmd::Command| -> String {
        let out = cmd
            .env("LANG", "fr_FR.UTF-8")
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        String::from_utf8(out).unwrap()
    };
    let config = dir.path().join("bad.yaml");
    std::fs::write(&config, "phase_model: nope\n").unwrap();
    let err = fr(warroom(dir.path()).arg("--config").arg(&config).arg("list"));
    assert!(
        err.contains("bad.yaml:1:14: modèle de phases `nope` trouvé"),
        "{err}"
    );
    let err = fr(warroom(dir.path()).args(["flag", "IR-2026-0001", "bogus"]));
    assert!(err.contains("indicateur « bogus » inconnu"), "{err}");
    let err = fr(warroom(dir.path()).args(["show", "nope"]));
    assert!(err.contains("n’est pas un identifiant d’incident"), "{err}");
    let missing = warroom(dir.path())
        .env("LANG", "fr_FR.UTF-8")
        .args(["show", "IR-2026-0099"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8(missing)
            .unwrap()
            .contains("pas d’incident IR-2026-0099")
    );
}

/// A failure is kept typed until drawn, then worded in the language on screen: a write
/// refused on a full disk (worded before on the writer thread, in English whatever the
/// screen spoke) reads wholly in French on a French screen.
#[test]
fn a_failure_reads_in_the_language_on_screen_when_it_is_drawn() {
    let full = || {
        Msg::Failed(Failure::from(StoreError::DiskFull {
            dir: "/srv/w".into(),
            free: 0,
            needed: 2 * 1024 * 1024,
        }))
    };
    let mut h = Harness::with_demo();
    h.send(full());
    let english = words(&h.screen(120, 40));
    assert!(
        english.contains("NOT SAVED: the disk holding /srv/w is full"),
        "{english}"
    );
    h.shift('L');
    h.send(full());
    let french = words(&h.screen(120, 40));
    assert!(
        french.contains("NON ENREGISTRÉ : le disque de /srv/w est plein")
            && french.contains("libérez de la place"),
        "{french}"
    );
    for english_word in [
        "NOT SAVED",
        "disk holding",
        "nothing was written",
        "free some space",
    ] {
        assert!(
            !french.contains(english_word),
            "{english_word:?} on a French screen:\n{french}"
        );
    }
}

/// What the system says about a file is worded by warroom: a missing evidence file is
/// refused in French with no English from the C library.
#[test]
fn a_missing_evidence_file_is_refused_in_french() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).arg("demo"));
    let missing = dir.path().join("absent.img");
    let out = warroom(dir.path())
        .env("LANG", "fr_FR.UTF-8")
        .args([
            "evidence",
            "add",
            id.trim(),
            "--kind",
            "disk-image",
            "--description",
            "image",
        ])
        .arg("--file")
        .arg(&missing)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("fichier ou dossier introuvable"), "{err}");
    assert!(
        !err.contains("No such file") && !err.contains("os error"),
        "{err}"
    );
}

/// The screen's text with its runs of spaces and line breaks made single spaces.
fn words(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// French help is laid over the command line without moving its positionals: a
/// positional with French help used to go last (`correct ID EVENT TEXT` read the text
/// as the event number).
#[test]
fn french_help_keeps_every_positional_in_its_place() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).arg("demo"));
    let id = id.trim();
    ok(warroom(dir.path()).args(["--lang", "fr", "correct", id, "3", "corrigé"]));
    ok(warroom(dir.path()).args(["--lang", "fr", "call", id, "cnil", "no-answer"]));
    let shown = ok(warroom(dir.path()).args(["show", id]));
    assert!(shown.contains("corrigé"), "{shown}");
}
