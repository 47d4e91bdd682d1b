//! "Saved" means on the disk: checked at the level of system calls with strace. The
//! acknowledgement of a write (the command's "saved" line, the dashboard's "● saved")
//! must come after an `fdatasync`/`fsync` of the database file that holds the event
//! has returned, and after the bytes of the event were written to that file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::{declare, warroom};
use common::pty::{BIN, Dashboard};
use std::collections::HashMap;

/// One completed system call from an `strace -f -y` log.
#[derive(Debug)]
struct Call {
    name: String,
    /// Everything between the parentheses, `<path>` of descriptors included.
    args: String,
    result: String,
}

/// The calls of a log in the order they completed (an `<unfinished ...>` call is
/// joined to its `<... resumed>` line, by thread).
fn completed(log: &str) -> Vec<Call> {
    let mut pending: HashMap<String, (String, String)> = HashMap::new();
    let mut calls = Vec::new();
    for line in log.lines() {
        let (pid, rest) = match line.split_once(' ') {
            Some((pid, rest)) if pid.chars().all(|c| c.is_ascii_digit()) => (pid, rest.trim()),
            _ => ("", line),
        };
        if let Some(start) = rest.strip_suffix(" <unfinished ...>") {
            if let Some((name, args)) = start.split_once('(') {
                pending.insert(pid.to_string(), (name.to_string(), args.to_string()));
            }
        } else if let Some(resumed) = rest.strip_prefix("<... ") {
            let Some((name, tail)) = resumed.split_once(" resumed>") else {
                continue;
            };
            let Some((_, more)) = pending.remove(pid) else {
                continue;
            };
            let (args, result) = tail.rsplit_once(" = ").unwrap_or((tail, ""));
            calls.push(Call {
                name: name.to_string(),
                args: format!("{more}{args}"),
                result: result.to_string(),
            });
        } else if let Some((name, tail)) = rest.split_once('(') {
            let (args, result) = tail.rsplit_once(" = ").unwrap_or((tail, ""));
            calls.push(Call {
                name: name.to_string(),
                args: args.to_string(),
                result: result.to_string(),
            });
        }
    }
    calls
}

/// strace, if it is here and may trace (a container without ptrace cannot).
fn strace_usable() -> bool {
    std::process::Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

/// Checks the order in `log`: the bytes holding `text` written to `journal`, then a
/// sync of `journal` that returned 0, then the first acknowledgement (a write whose
/// arguments contain `ack`) after those bytes were written.
fn assert_synced_before_ack(log: &str, journal: &str, text: &str, ack: &str) {
    let calls = completed(log);
    let into_journal = |c: &Call| c.args.contains(&format!("<{journal}>"));
    let written = calls
        .iter()
        .position(|c| c.name.starts_with("pwrite") && into_journal(c) && c.args.contains(text))
        .unwrap_or_else(|| panic!("the event was never written to {journal}:\n{log}"));
    let acked = calls[written..]
        .iter()
        .position(|c| c.name == "write" && c.args.contains(ack))
        .map(|i| i + written)
        .unwrap_or_else(|| panic!("no acknowledgement {ack:?} after the write:\n{log}"));
    let synced = calls[written..acked].iter().any(|c| {
        matches!(c.name.as_str(), "fdatasync" | "fsync") && into_journal(c) && c.result == "0"
    });
    assert!(
        synced,
        "acknowledged before {journal} was synced; calls between:\n{:#?}",
        &calls[written..=acked]
    );
}

const TRACED: &str = "trace=pwrite64,write,fdatasync,fsync,sync_file_range";

/// Runs warroom on the store in `dir` under strace, tracing `calls`; returns the log.
fn traced(dir: &std::path::Path, calls: &str, args: &[&std::ffi::OsStr]) -> String {
    let log = dir.join("strace.log");
    let status = std::process::Command::new("strace")
        .args(["-f", "-y", "-s", "4096", "-e", calls, "-o"])
        .arg(&log)
        .arg(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("HOME", dir)
        .env_remove("WARROOM_CONFIG")
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read_to_string(&log).unwrap()
}

#[test]
fn a_cli_write_is_acknowledged_only_after_its_database_is_synced() {
    if !strace_usable() {
        eprintln!("SKIPPED: strace is missing or may not trace here");
        return;
    }
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Durability", "3");
    let args = ["note", id.as_str(), "synced before acknowledged"].map(std::ffi::OsStr::new);
    let log = traced(dir.path(), TRACED, &args);
    let journal = dir.path().join("journals").join(&id).join("db");
    assert_synced_before_ack(
        &log,
        &journal.display().to_string(),
        "synced before acknowledged",
        &format!("saved {id} event 2"),
    );
    warroom(dir.path()).args(["verify", &id]).assert().success();
}

#[test]
fn a_dashboard_write_is_shown_saved_only_after_its_database_is_synced() {
    if !strace_usable() {
        eprintln!("SKIPPED: strace is missing or may not trace here");
        return;
    }
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Durability", "3");
    let log = dir.path().join("strace.log");
    let log_arg = log.display().to_string();
    let mut dash = Dashboard::start_program(
        dir.path(),
        "strace",
        &[
            "-f",
            "-y",
            "-s",
            "65536",
            "-e",
            TRACED,
            "-o",
            &log_arg,
            BIN,
            "--data-dir",
            dir.path().to_str().unwrap(),
        ],
    );
    dash.wait_for("the dashboard", |s| {
        s.contains(&id) && s.contains("● saved")
    });
    dash.keys("n");
    dash.wait_for("the note form", |s| s.contains("Add a note"));
    dash.keys("shown saved after the sync\r");
    dash.wait_for("the note saved", |s| {
        !s.contains("Add a note")
            && s.contains("shown saved after the sync")
            && s.contains("● saved")
    });
    dash.keys("q");
    dash.wait_exit();
    let journal = dir.path().join("journals").join(&id).join("db");
    assert_synced_before_ack(
        &std::fs::read_to_string(&log).unwrap(),
        &journal.display().to_string(),
        "shown saved after the sync",
        "saved",
    );
}

#[test]
fn the_strace_log_reader_joins_interrupted_calls() {
    let log = "12 pwrite64(5</d/db>, \"x\", 1, 0 <unfinished ...>\n\
               13 write(1</dev/pts/1>, \"saving\", 6) = 6\n\
               12 <... pwrite64 resumed>) = 1\n\
               12 fdatasync(5</d/db>) = 0\n\
               13 write(1</dev/pts/1>, \"saved\", 5) = 5\n";
    let calls = completed(log);
    assert_eq!(calls.len(), 4);
    assert_eq!(calls[1].name, "pwrite64");
    assert!(calls[1].args.contains("</d/db>"));
    assert_synced_before_ack(log, "/d/db", "\"x\"", "saved");
    let unsynced =
        "12 pwrite64(5</d/db>, \"x\", 1, 0) = 1\n13 write(1</dev/pts/1>, \"saved\", 5) = 5\n";
    let caught =
        std::panic::catch_unwind(|| assert_synced_before_ack(unsynced, "/d/db", "\"x\"", "saved"));
    assert!(
        caught.is_err(),
        "an acknowledgement before any sync must fail the check"
    );
}

#[test]
fn an_export_replaces_the_previous_file_only_once_whole_and_synced() {
    if !strace_usable() {
        eprintln!("SKIPPED: strace is missing or may not trace here");
        return;
    }
    let dir = common::cli::tmp();
    let id = declare(dir.path(), "Atomic export", "3");
    let report = dir.path().join("report.md");
    std::fs::write(&report, "the previous report").unwrap();
    let args = [
        std::ffi::OsStr::new("export"),
        std::ffi::OsStr::new(&id),
        std::ffi::OsStr::new("--format"),
        std::ffi::OsStr::new("md"),
        std::ffi::OsStr::new("--output"),
        report.as_os_str(),
    ];
    let log = traced(
        dir.path(),
        "trace=openat,write,fsync,fdatasync,rename,renameat,renameat2",
        &args,
    );
    let calls = completed(&log);
    let part = |c: &Call| c.args.contains(".warroom-") && c.args.contains(".part");
    let written = calls
        .iter()
        .position(|c| c.name == "write" && part(c))
        .unwrap_or_else(|| panic!("the report was not written to a temporary file: {calls:#?}"));
    let renamed = calls
        .iter()
        .position(|c| c.name.starts_with("rename") && part(c) && c.args.contains("report.md"))
        .unwrap_or_else(|| panic!("the temporary file was not renamed over the report"));
    assert!(
        calls[written..renamed]
            .iter()
            .any(|c| c.name == "fsync" && part(c) && c.result == "0"),
        "renamed before it was synced"
    );
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("Atomic export")
    );
}
