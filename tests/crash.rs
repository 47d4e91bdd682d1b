//! Crash consistency of the command line: 200 scripted writes, some of them killed with
//! SIGKILL at a random moment (fixed seed), the store reopened after each kill. Every
//! write that reported success is in the journal exactly once, the hash chain verifies,
//! and the store always opens. (The dashboard's twin is in tests/e2e.rs.)
//!
//! The moment of each kill comes from the seed but lands wherever the process happens
//! to be: before opening the store, inside an append, after the flush. Nothing here
//! asserts on timing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_warroom");
const WRITES: usize = 200;

/// xorshift64*: a fixed sequence, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn note_text(n: usize) -> String {
    format!("crash-note-{n:03}")
}

#[test]
fn acknowledged_writes_survive_sigkill_at_random_moments() {
    let dir = tmp();
    let id = ok(warroom(dir.path()).args(["new", "--title", "Crash drill", "--severity", "2"]));
    let id = id.trim().to_string();
    let mut rng = Rng(0x5EED_CAFE_F00D_0001);
    let mut acknowledged = Vec::new();
    let mut kills = 0;
    let mut interrupted = 0;
    for n in 0..WRITES {
        let mut child = Command::new(BIN)
            .arg("--data-dir")
            .arg(dir.path())
            .args(["note", &id, &note_text(n)])
            .env_remove("WARROOM_CONFIG")
            .env("LANG", "C")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // One write in three is killed, after 0 to 40 ms.
        let status = if rng.next().is_multiple_of(3) {
            std::thread::sleep(Duration::from_millis(rng.next() % 40));
            // The process may already have finished: then it was not killed.
            let _ = child.kill();
            kills += 1;
            child.wait().unwrap()
        } else {
            child.wait().unwrap()
        };
        if status.success() {
            acknowledged.push(n);
        }
        if !status.success() {
            interrupted += 1;
            // After a kill the store must open and its chain verify.
            ok(warroom(dir.path()).args(["verify", &id]));
        }
    }
    assert!(kills > 40, "the seed kills about a third: {kills}");
    assert!(
        interrupted > 10,
        "kills must land while writes run, not only after: {interrupted}"
    );
    assert!(
        acknowledged.len() > 100,
        "most writes finish: {}",
        acknowledged.len()
    );
    ok(warroom(dir.path()).arg("verify"));
    let journal = ok(warroom(dir.path()).args(["export", &id, "--format", "journal"]));
    for n in 0..WRITES {
        let found = journal.matches(&format!("\"{}\"", note_text(n))).count();
        if acknowledged.contains(&n) {
            assert_eq!(
                found, 1,
                "acknowledged note {n} must be stored exactly once"
            );
        } else {
            assert!(found <= 1, "a killed note {n} is stored at most once");
        }
    }
}
