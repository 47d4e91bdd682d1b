//! Eight writers at once through the dashboard that owns the store, the dashboard killed
//! (SIGKILL) while they write, three times over: every write acknowledged before the
//! kill is in the journal, once, in each writer's order; the chain and every signature
//! hold; writes never acknowledged are at most those in flight.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::{declare, ok, tmp, warroom};
use common::pty::{DEADLINE, Dashboard};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use warroom::domain::{Change, IncidentId};
use warroom::identity::Signing;
use warroom::share::{Role, connect};
use warroom::store::{NewEvent, Store};

const WRITERS: usize = 8;

/// What the writers were told: per writer, the numbers of its acknowledged notes.
type Acknowledged = Arc<Mutex<HashMap<usize, Vec<usize>>>>;

/// Writer `w` writes signed notes `w-n` through the owner until a write fails (the
/// owner is gone), recording each one acknowledged; its numbers go on from `first`.
fn writer(
    dir: &Path,
    id: IncidentId,
    w: usize,
    first: usize,
    acknowledged: &Acknowledged,
    total: &AtomicUsize,
) {
    let Some((remote, mark)) = common::team::writer(dir, Duration::from_secs(10)) else {
        return;
    };
    let signing = Signing::new(&remote, mark);
    for n in first.. {
        let note = Change::NoteAdded {
            text: format!("{w}-{n}"),
        };
        let new = NewEvent::new(chrono::Utc::now(), "alex", note);
        if signing.append(id, &[new]).is_err() {
            return;
        }
        acknowledged.lock().unwrap().entry(w).or_default().push(n);
        total.fetch_add(1, Ordering::SeqCst);
    }
}

/// Starts the owner and waits until it serves its socket.
fn owner(dir: &Path, id: &str) -> Dashboard {
    let dash = Dashboard::start(dir);
    dash.wait_for("the incident", |s| s.contains(id));
    let start = Instant::now();
    while connect(dir, Role::Client, Duration::from_secs(5))
        .ok()
        .flatten()
        .is_none()
    {
        assert!(start.elapsed() < DEADLINE, "the dashboard never served");
        std::thread::sleep(Duration::from_millis(20));
    }
    dash
}

#[test]
fn every_write_acknowledged_to_eight_writers_survives_a_sigkill_of_the_owner() {
    let dir = tmp();
    let dir = dir.path();
    ok(warroom(dir).args(["identity", "init", "--handle", "alex", "--name", "Alex"]));
    let id_text = declare(dir, "Eight writers", "3");
    let id: IncidentId = id_text.parse().unwrap();
    let acknowledged: Acknowledged = Arc::default();
    for (round, kill_after) in [40, 150, 90].into_iter().enumerate() {
        let mut dash = owner(dir, &id_text);
        let total = Arc::new(AtomicUsize::new(0));
        let threads: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (dir, acknowledged, total) = (
                    dir.to_path_buf(),
                    Arc::clone(&acknowledged),
                    Arc::clone(&total),
                );
                std::thread::spawn(move || {
                    writer(&dir, id, w, round * 100_000, &acknowledged, &total);
                })
            })
            .collect();
        let start = Instant::now();
        while total.load(Ordering::SeqCst) < kill_after {
            assert!(
                start.elapsed() < DEADLINE,
                "round {round}: only {} writes acknowledged",
                total.load(Ordering::SeqCst)
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        // Killed while the writers are still writing.
        dash.sigkill();
        for thread in threads {
            thread.join().unwrap();
        }
    }

    let verified = ok(warroom(dir).args(["verify", &id_text]));
    assert!(verified.contains(": ok,"), "{verified}");
    assert!(!verified.contains("#"), "no event named: {verified}");
    let journal = ok(warroom(dir).args(["export", &id_text, "--format", "journal"]));
    let mut written: HashMap<usize, Vec<usize>> = HashMap::new();
    for line in journal.lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Some(text) = event["change"]["text"].as_str()
            && let Some((w, n)) = text.split_once('-')
        {
            written
                .entry(w.parse().unwrap())
                .or_default()
                .push(n.parse().unwrap());
        }
    }
    let acknowledged = acknowledged.lock().unwrap();
    let mut count = 0;
    for w in 0..WRITERS {
        let told = acknowledged.get(&w).cloned().unwrap_or_default();
        let stored = written.get(&w).cloned().unwrap_or_default();
        count += told.len();
        // In order, once each: what the writer sent, as it sent it.
        assert!(
            stored.windows(2).all(|p| p[0] < p[1]),
            "writer {w}: {stored:?}"
        );
        for n in &told {
            assert!(stored.contains(n), "writer {w}: acknowledged {n} lost");
        }
        // At most the one write in flight at each kill went in unacknowledged.
        assert!(stored.len() <= told.len() + 3, "writer {w}");
    }
    assert!(count >= 280, "{count} writes acknowledged");
}
