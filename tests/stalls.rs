//! Nothing waits forever, and writers wait their turn: stopped owners, silent clients,
//! devices and huge files as evidence, signals, a writer stuck on its disk, and scripts
//! writing at once with and without a dashboard. Every wait here is bounded (a command
//! timeout or a screen deadline); none of them times anything.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::{declare, journal_len, show_json, warroom};
use common::pty::{DEADLINE, Dashboard};
use std::path::Path;

/// A command that must end by itself: killed (and failed) after `DEADLINE`.
fn bounded(dir: &Path) -> assert_cmd::Command {
    let mut cmd = warroom(dir);
    cmd.timeout(DEADLINE);
    cmd
}

/// Holds the store's lock from this process, as a command holding the store would.
fn hold_lock(dir: &Path) -> std::fs::File {
    let lock = std::fs::File::options()
        .write(true)
        .open(dir.join("warroom.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    lock
}

fn notes(dir: &Path, id: &str) -> Vec<String> {
    show_json(dir, id)["journal"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["change"]["kind"] == "note_added")
        .map(|e| e["change"]["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// `scripts` processes writing `each` notes at once; every one must succeed.
fn scripts_write_at_once(dir: &Path, id: &str, scripts: usize, each: usize) {
    let handles: Vec<_> = (0..scripts)
        .map(|s| {
            let (dir, id) = (dir.to_path_buf(), id.to_string());
            std::thread::spawn(move || {
                for n in 0..each {
                    let text = format!("script {s} note {n}");
                    let out = bounded(&dir).args(["note", &id, &text]).output().unwrap();
                    assert!(
                        out.status.success(),
                        "{text}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut stored = notes(dir, id);
    stored.sort();
    let mut expected: Vec<String> = (0..scripts)
        .flat_map(|s| (0..each).map(move |n| format!("script {s} note {n}")))
        .collect();
    expected.sort();
    assert_eq!(stored, expected, "every write once, none lost, none twice");
}

#[test]
fn eight_scripts_writing_at_once_all_succeed_with_no_dashboard() {
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Busy store", "3");
    scripts_write_at_once(dir.path(), &id, 8, 50);
    assert!(
        bounded(dir.path())
            .args(["verify", &id])
            .output()
            .unwrap()
            .status
            .success()
    );
}

#[test]
fn eight_scripts_writing_at_once_all_succeed_through_a_dashboard() {
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Busy dashboard", "3");
    let mut dash = Dashboard::start(dir.path());
    dash.wait_for("the dashboard", |s| s.contains(&id));
    scripts_write_at_once(dir.path(), &id, 8, 25);
    // The dashboard showed them as they came.
    dash.wait_for("the last notes on screen", |s| s.contains("note 24"));
    dash.keys("q");
    dash.wait_exit();
    assert_eq!(journal_len(dir.path(), &id), 1 + 8 * 25);
}

#[test]
fn a_dashboard_or_wall_started_while_the_store_is_held_waits_and_opens() {
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Held store", "3");
    // Stand in for a script holding the store.
    let lock = hold_lock(dir.path());
    let dash = Dashboard::start(dir.path());
    dash.wait_for("the dashboard waiting for the store", |s| {
        s.contains("waiting for") && s.contains("in use by")
    });
    let wall = Dashboard::start_args(dir.path(), &[], &["wall"]);
    wall.wait_for("the wall waiting too", |s| s.contains("waiting for"));
    drop(lock);
    // One of them owns it now, the other follows it.
    dash.wait_for("the dashboard open", |s| s.contains(&id));
    wall.wait_for("the wall open", |s| s.contains(&id));
}

#[test]
fn a_command_gives_up_on_a_held_store_in_bounded_time_naming_the_holder() {
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Held store", "3");
    // A holder that stays: a dashboard that is stopped before it serves its socket
    // looks the same to a command as a script that never ends.
    let lock = hold_lock(dir.path());
    let out = bounded(dir.path())
        .args(["--wait", "1", "note", &id, "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("stayed in use") && err.contains("--wait"),
        "{err}"
    );
    drop(lock);
    assert!(!notes(dir.path(), &id).contains(&"never".to_string()));
}

#[test]
fn a_stopped_dashboard_makes_commands_and_followers_give_up_naming_its_pid() {
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Stopped owner", "3");
    let mut owner = Dashboard::start(dir.path());
    owner.wait_for("the owner", |s| s.contains(&id));
    let wall = Dashboard::start_args(dir.path(), &[], &["wall"]);
    wall.wait_for("the follower", |s| s.contains("following"));
    owner.signal("-STOP");
    let pid = owner.pid().to_string();
    let out = bounded(dir.path())
        .args(["--wait", "1", "note", &id, "sent to a stopped owner"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&pid) && err.contains("did not answer"),
        "{err}"
    );
    // A new follower gives up the same way.
    let out = bounded(dir.path())
        .args(["--wait", "1", "wall"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&pid));
    // The follower already there says the owner is not answering…
    wall.wait_for("the follower's warning", |s| s.contains("not answering"));
    owner.signal("-CONT");
    // …and stops saying it once the owner answers again.
    wall.wait_for("the warning gone", |s| {
        !s.contains("not answering") && s.contains("following")
    });
    // The command that gave up was not carried out when the owner woke up; the next
    // one is, after it in the writer's queue.
    let after = bounded(dir.path())
        .args(["note", &id, "after the owner woke"])
        .output()
        .unwrap();
    assert!(after.status.success());
    let stored = notes(dir.path(), &id);
    assert!(stored.contains(&"after the owner woke".to_string()));
    assert!(
        !stored.contains(&"sent to a stopped owner".to_string()),
        "{stored:?}"
    );
    owner.keys("q");
    owner.wait_exit();
}

#[test]
fn devices_and_pipes_are_refused_as_evidence_at_once_with_a_dashboard_open() {
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Evidence", "3");
    let mut dash = Dashboard::start(dir.path());
    dash.wait_for("the dashboard", |s| s.contains(&id));
    let fifo = dir.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for (file, said) in [(Path::new("/dev/zero"), "a device"), (&fifo, "named pipe")] {
        let out = bounded(dir.path())
            .args([
                "evidence",
                "add",
                &id,
                "--kind",
                "other",
                "--description",
                "x",
            ])
            .arg("--file")
            .arg(file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{file:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said) && err.contains("regular file"), "{err}");
    }
    // The dashboard answers and quits at once.
    bounded(dir.path())
        .args(["note", &id, "still here"])
        .assert()
        .success();
    dash.keys("q");
    dash.wait_exit();
}

/// A disk image being hashed (here 64 GB of sparse zeros: minutes of work) holds the
/// store for nobody: not for a script, and not for the dashboard.
#[test]
fn a_huge_image_being_hashed_holds_up_nobody() {
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Big image", "3");
    let image = dir.path().join("disk.img");
    std::fs::File::create(&image)
        .unwrap()
        .set_len(64 << 30)
        .unwrap();
    let add = |dir: &Path| {
        std::process::Command::new(common::pty::BIN)
            .args(["--data-dir", dir.to_str().unwrap()])
            .args([
                "evidence",
                "add",
                &id,
                "--kind",
                "disk-image",
                "--description",
                "C:",
            ])
            .arg("--file")
            .arg(&image)
            .env("HOME", dir)
            .env_remove("WARROOM_CONFIG")
            .spawn()
            .unwrap()
    };
    // No dashboard: a script writes while the hash runs.
    let mut hashing = add(dir.path());
    bounded(dir.path())
        .args(["note", &id, "while hashing"])
        .assert()
        .success();
    assert!(
        hashing.try_wait().unwrap().is_none(),
        "the hash is still running"
    );
    // With a dashboard open, the dashboard too.
    let mut dash = Dashboard::start(dir.path());
    dash.wait_for("the dashboard", |s| s.contains("while hashing"));
    let mut hashing_too = add(dir.path());
    bounded(dir.path())
        .args(["note", &id, "hashing again"])
        .assert()
        .success();
    dash.wait_for("the note on screen", |s| s.contains("hashing again"));
    dash.keys("q");
    dash.wait_exit();
    assert!(hashing.try_wait().unwrap().is_none());
    assert!(hashing_too.try_wait().unwrap().is_none());
    hashing.kill().unwrap();
    hashing_too.kill().unwrap();
    let _ = (hashing.wait(), hashing_too.wait());
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["-TERM", "-HUP"] {
        let dir = common::cli::tmp();
        let id = declare(dir.path(), "Signals", "3");
        let mut dash = Dashboard::start(dir.path());
        dash.wait_for("the dashboard", |s| s.contains(&id));
        dash.signal(signal);
        dash.wait_exit();
        dash.wait_state(&format!("{signal}: the terminal restored"), |screen| {
            !screen.alternate_screen() && !screen.hide_cursor()
        });
    }
}

#[test]
fn ctrl_c_quits_from_a_form() {
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Ctrl-C", "3");
    let mut dash = Dashboard::start(dir.path());
    dash.wait_for("the dashboard", |s| s.contains(&id));
    dash.keys("n");
    dash.wait_for("the note form", |s| s.contains("Add a note"));
    dash.keys("\x03");
    dash.wait_exit();
}

/// A write that never returns (the disk stopped answering; injected in debug builds):
/// `q` still ends the dashboard, in bounded time, saying what may not be saved.
#[test]
fn q_quits_even_when_the_disk_does_not_answer() {
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Stuck disk", "3");
    let mut dash = Dashboard::start_with(dir.path(), &[("WARROOM_STALL_WRITE", "stuck")]);
    dash.wait_for("the dashboard", |s| s.contains(&id));
    dash.keys("n");
    dash.wait_for("the note form", |s| s.contains("Add a note"));
    dash.keys("stuck\r");
    dash.wait_for("the note saving", |s| s.contains("saving"));
    dash.keys("q");
    dash.wait_exit();
    assert_eq!(dash.exit_code(), Some(1));
    dash.wait_for("the reason", |s| s.contains("may NOT be saved"));
    // The store is free again at once.
    bounded(dir.path())
        .args(["note", &id, "next"])
        .assert()
        .success();
}
