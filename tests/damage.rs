//! Damage stays where it is, and can be repaired: a flipped byte in the index, in a
//! journal; journal folders swapped; a journal restored from an older copy; the index
//! deleted. Each was found spreading or silent before; each is now contained, said,
//! and mended where the bytes allow.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::{declare, fails, list_json, ok, tmp, warroom};
use common::pty::Dashboard;
use std::path::Path;

/// A store with two incidents (the first with 30 notes), and a saved contact.
fn store() -> (tempfile::TempDir, String, String) {
    let dir = tmp();
    let first = declare(dir.path(), "Ransomware on the file server", "4");
    let second = declare(dir.path(), "Phishing wave", "2");
    for n in 1..=30 {
        ok(warroom(dir.path()).args([
            "note",
            &first,
            &format!("observation number {n:02} on the file server"),
        ]));
    }
    ok(warroom(dir.path()).args([
        "contacts",
        "save",
        "--name",
        "Alice Martin",
        "--phone",
        "+33 1 23 45 67 89",
    ]));
    (dir, first, second)
}

/// Changes the byte `offset` bytes into the first occurrence of `pattern` in `file`
/// (every occurrence with `all`: sled may keep older copies of a record); returns how
/// many were changed.
fn flip_in(file: &Path, pattern: &[u8], offset: usize, all: bool) -> usize {
    let mut bytes = std::fs::read(file).unwrap();
    let mut at: Vec<usize> = bytes
        .windows(pattern.len())
        .enumerate()
        .filter(|(_, w)| *w == pattern)
        .map(|(i, _)| i)
        .collect();
    if !all {
        at.truncate(1);
    }
    for &i in &at {
        bytes[i + offset] ^= 0x20;
    }
    std::fs::write(file, bytes).unwrap();
    at.len()
}

fn flip(file: &Path, pattern: &[u8], offset: usize) -> usize {
    flip_in(file, pattern, offset, false)
}

fn journal_file(dir: &Path, id: &str) -> std::path::PathBuf {
    dir.join("journals").join(id).join("db")
}

fn export(dir: &Path, id: &str) -> String {
    ok(warroom(dir).args(["export", id, "--format", "journal"]))
}

#[test]
fn a_damaged_index_is_said_and_rebuilt_by_repair_with_nothing_lost() {
    let (dir, first, second) = store();
    let before = (export(dir.path(), &first), export(dir.path(), &second));
    assert!(flip(&dir.path().join("db").join("db"), b"Phishing wave", 3) > 0);
    for args in [vec!["list"], vec!["note", first.as_str(), "x"]] {
        let err = fails(warroom(dir.path()).args(&args), 1);
        assert!(
            err.contains("index") && err.contains("warroom repair"),
            "{err}"
        );
    }
    let out = ok(warroom(dir.path()).arg("repair"));
    assert!(out.contains("rebuilt from the journals"), "{out}");
    assert!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("db.damaged-"))
    );
    assert_eq!(list_json(dir.path()).len(), 2);
    assert_eq!(
        (export(dir.path(), &first), export(dir.path(), &second)),
        before
    );
    // The contacts were never in the index.
    assert!(ok(warroom(dir.path()).arg("contacts")).contains("Alice Martin"));
    let verified = ok(warroom(dir.path()).arg("verify"));
    assert!(
        verified.contains("rebuilt from the journals on"),
        "{verified}"
    );
}

#[test]
fn the_dashboard_offers_to_rebuild_a_damaged_index_at_start() {
    let (dir, first, _) = store();
    let before = export(dir.path(), &first);
    assert!(flip(&dir.path().join("db").join("db"), b"Phishing wave", 3) > 0);
    let dash = Dashboard::start(dir.path());
    dash.wait_for("the offer", |s| s.contains("Rebuild the index"));
    let mut dash = dash;
    dash.keys("y\r");
    dash.wait_for("the dashboard", |s| {
        s.contains("Incident") && (s.contains(&first) || s.contains("Phishing wave"))
    });
    dash.keys("q");
    dash.wait_exit();
    assert_eq!(export(dir.path(), &first), before);
}

#[test]
fn a_flipped_byte_in_a_journal_damages_that_incident_only_and_repair_rebuilds_it() {
    let (dir, first, second) = store();
    let before = export(dir.path(), &first);
    assert!(
        flip(
            &journal_file(dir.path(), &first),
            b"observation number 17",
            5
        ) > 0
    );
    // The other incident reads and writes as before.
    ok(warroom(dir.path()).args(["show", &second]));
    ok(warroom(dir.path()).args(["note", &second, "still fine"]));
    let err = fails(warroom(dir.path()).args(["show", &first]), 1);
    assert!(err.contains("damaged"), "{err}");
    let listed = ok(warroom(dir.path()).arg("list"));
    let line = listed.lines().find(|l| l.contains(&first)).unwrap();
    assert!(line.contains("DAMAGED"), "{listed}");
    // The dashboard opens on what reads, and says what does not.
    let shown = ok(warroom(dir.path()).args(["snapshot", "--width", "160", "--height", "40"]));
    assert!(
        shown.contains("Phishing wave") && shown.contains("is damaged"),
        "{shown}"
    );
    let out = warroom(dir.path()).arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("BROKEN") && said.contains("warroom repair"),
        "{said}"
    );
    let repaired = ok(warroom(dir.path()).arg("repair"));
    assert!(repaired.contains("rebuilt from its records"), "{repaired}");
    assert_eq!(
        export(dir.path(), &first),
        before,
        "every event back, byte for byte"
    );
    ok(warroom(dir.path()).arg("verify"));
    assert!(!ok(warroom(dir.path()).arg("list")).contains("DAMAGED"));
}

#[test]
fn verify_names_the_first_unreadable_event_and_reads_past_it() {
    let (dir, first, _) = store();
    // Every copy of event 12 (note 11) damaged, its JSON broken: lost for good.
    let file = journal_file(dir.path(), &first);
    assert!(flip_in(&file, b"\"observation number 11 ", 0, true) > 0);
    let out = warroom(dir.path())
        .args(["verify", &first])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("event 12 is the first that cannot be read"),
        "{said}"
    );
    assert!(
        said.contains("events 1–11 read and chain from the start"),
        "{said}"
    );
    assert!(
        said.contains("events 13–31 read and chain to the head"),
        "{said}"
    );
    let out = warroom(dir.path()).arg("repair").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("cannot be rebuilt"));
}

#[test]
fn swapped_journal_folders_are_refused_and_nothing_is_written() {
    let (dir, first, second) = store();
    let before = (export(dir.path(), &first), export(dir.path(), &second));
    let journals = dir.path().join("journals");
    let swap = || {
        std::fs::rename(journals.join(&first), journals.join("swap")).unwrap();
        std::fs::rename(journals.join(&second), journals.join(&first)).unwrap();
        std::fs::rename(journals.join("swap"), journals.join(&second)).unwrap();
    };
    swap();
    let err = fails(
        warroom(dir.path()).args(["note", &first, "into the wrong journal"]),
        1,
    );
    assert!(err.contains("swapped"), "{err}");
    let err = fails(
        warroom(dir.path()).args(["note", &second, "into the wrong journal"]),
        1,
    );
    assert!(err.contains("swapped"), "{err}");
    swap();
    // The kept copies of the refused opens are beside the journals; the journals
    // themselves read as before.
    for entry in std::fs::read_dir(&journals).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.contains(".damaged-") {
            std::fs::remove_dir_all(entry.path()).unwrap();
        }
    }
    ok(warroom(dir.path()).args(["repair"]));
    assert_eq!(
        (export(dir.path(), &first), export(dir.path(), &second)),
        before
    );
}

#[test]
fn a_journal_restored_from_an_older_copy_is_detected_and_can_be_accepted() {
    let (dir, first, _) = store();
    let journal = dir.path().join("journals").join(&first);
    let old = dir.path().join("old-copy");
    copy_dir(&journal, &old);
    ok(warroom(dir.path()).args(["note", &first, "written after the copy"]));
    std::fs::remove_dir_all(&journal).unwrap();
    copy_dir(&old, &journal);
    let err = fails(
        warroom(dir.path()).args(["note", &first, "after the rollback"]),
        1,
    );
    assert!(
        err.contains("holds 31 events but the index recorded 32"),
        "{err}"
    );
    let out = warroom(dir.path())
        .args(["verify", &first])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("events 32–32 are missing"));
    // Taken as it is, on purpose: the journal itself keeps the trace.
    ok(warroom(dir.path()).args(["repair", "--accept", &first]));
    ok(warroom(dir.path()).args(["note", &first, "after the rollback"]));
    let shown = ok(warroom(dir.path()).args(["show", &first]));
    assert!(
        shown.contains("the index had recorded 32 events"),
        "{shown}"
    );
    ok(warroom(dir.path()).arg("verify"));
}

#[test]
fn losing_the_index_keeps_the_contacts_and_verify_says_it_was_rebuilt() {
    let (dir, _, _) = store();
    std::fs::remove_dir_all(dir.path().join("db")).unwrap();
    assert!(ok(warroom(dir.path()).arg("contacts")).contains("Alice Martin"));
    assert_eq!(list_json(dir.path()).len(), 2);
    let verified = ok(warroom(dir.path()).arg("verify"));
    assert!(
        verified.contains("cannot be told from the original"),
        "{verified}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The index on disk lags its journals while a dashboard runs (its entries reach the
/// disk when it closes): a journal damaged after a dashboard was killed is rebuilt with
/// every event it holds, not cut back to the head the index last saved.
#[test]
fn repair_keeps_the_events_written_after_the_index_was_last_saved() {
    let (dir, _, second) = store();
    let mut dash = Dashboard::start(dir.path());
    dash.wait_for("the dashboard", |s| {
        s.contains(&second) && s.contains("● saved")
    });
    for n in 1..=3 {
        dash.keys("n");
        dash.wait_for("the note form", |s| s.contains("Add a note"));
        dash.keys(&format!("typed before the kill {n}\r"));
        dash.wait_for("the note saved", |s| {
            !s.contains("Add a note") && s.contains(&format!("typed before the kill {n}"))
        });
    }
    dash.sigkill();
    // Damaged as the kill left it (nothing has opened it since): its settings file, so
    // that sled refuses it while every record is intact.
    let conf = dir.path().join("journals").join(&second).join("conf");
    assert!(flip(&conf, b"segment_size", 2) > 0);
    let repaired = ok(warroom(dir.path()).arg("repair"));
    assert!(
        repaired.contains("rebuilt from its records") && repaired.contains("after the index"),
        "{repaired}"
    );
    let journal = export(dir.path(), &second);
    for n in 1..=3 {
        assert!(
            journal.contains(&format!("typed before the kill {n}")),
            "{journal}"
        );
    }
    ok(warroom(dir.path()).arg("verify"));
}
