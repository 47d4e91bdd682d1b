//! A durable append (one event written, flushed, acknowledged) against the floor it is
//! judged by: a raw append of the same bytes to a file in the same directory followed by
//! `fdatasync`. Target: ≤ 1.5×. `cargo bench --bench append`; figures in
//! docs/PERFORMANCE.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use std::io::Write;
use warroom::app::NewIncident;
use warroom::config::Config;
use warroom::domain::{Category, Change, Severity, Tlp};
use warroom::ops;
use warroom::store::{NewEvent, SledStore, Store};

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-28T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn note(n: u64) -> Change {
    Change::NoteAdded {
        text: format!("Host FS{n:02} isolated at the switch, memory kept; ticket #{n}"),
    }
}

fn appends(c: &mut Criterion) {
    // Both in a directory of the same filesystem (the system temp dir, or
    // WARROOM_BENCH_DIR to measure another disk).
    let base = std::env::var_os("WARROOM_BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = tempfile::tempdir_in(&base).unwrap();
    let config = Config::embedded().unwrap();
    let store = SledStore::open(&dir.path().join("store")).unwrap();
    let new = NewIncident {
        title: "Append benchmark".into(),
        severity: Severity::Medium,
        category: Category::Other,
        tlp: Tlp::Amber,
        exercise: false,
        playbook: None,
        scope: Default::default(),
    };
    let declared = ops::declare(&store, &config, t0(), "bench", &new, None).unwrap();
    let Some(Change::Declared(d)) = declared.first().map(|e| &e.change) else {
        unreachable!("declare returns the declaration first")
    };
    let id = d.id;
    let mut n = 0u64;
    c.bench_function("durable append (sled, flushed)", |b| {
        b.iter(|| {
            n += 1;
            ops::append(&store, id, t0(), "bench", vec![note(n)]).unwrap()
        });
    });
    // Eight appends waiting at once (eight scripts writing through the dashboard): one
    // at a time, one sync each, against written together, one sync for the lot.
    c.bench_function("8 appends one at a time", |b| {
        b.iter(|| {
            for _ in 0..8 {
                n += 1;
                ops::append(&store, id, t0(), "bench", vec![note(n)]).unwrap();
            }
        });
    });
    c.bench_function("8 appends together (group commit)", |b| {
        b.iter(|| {
            let group: Vec<_> = (0..8)
                .map(|_| {
                    n += 1;
                    (id, vec![NewEvent::new(t0(), "bench", note(n))])
                })
                .collect();
            for written in store.append_all(&group) {
                written.unwrap();
            }
        });
    });
    // The same bytes as one stored record.
    let record = store.records(id).unwrap().pop().unwrap();
    let mut raw = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.path().join("raw.log"))
        .unwrap();
    c.bench_function("raw append + fdatasync (same bytes)", |b| {
        b.iter(|| {
            raw.write_all(&record).unwrap();
            raw.sync_data().unwrap();
        });
    });
    // What a sled flush made durable costs at the least: sled's own `sync_file_range`
    // (which waits for the write) and then the `fdatasync` that commits it for real.
    let fd = std::os::fd::AsRawFd::as_raw_fd(&raw);
    c.bench_function("raw append + sync_file_range + fdatasync", |b| {
        b.iter(|| {
            raw.write_all(&record).unwrap();
            let flags = libc::SYNC_FILE_RANGE_WAIT_BEFORE
                | libc::SYNC_FILE_RANGE_WRITE
                | libc::SYNC_FILE_RANGE_WAIT_AFTER;
            // SAFETY: a valid descriptor of an open file, whole-file range.
            assert_eq!(unsafe { libc::sync_file_range(fd, 0, 0, flags) }, 0);
            raw.sync_data().unwrap();
        });
    });
}

/// sled alone, to see what its flush costs before warroom's own sync: an insert and a
/// flush (its `sync_file_range`), then the same followed by the `fdatasync` warroom adds.
fn sled_alone(c: &mut Criterion) {
    let base = std::env::var_os("WARROOM_BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = tempfile::tempdir_in(&base).unwrap();
    let db = sled::Config::new()
        .path(dir.path().join("db"))
        .flush_every_ms(None)
        .open()
        .unwrap();
    let tree = db.open_tree("journal").unwrap();
    let log = std::fs::File::open(dir.path().join("db").join("db")).unwrap();
    let record = vec![b'x'; 330];
    let mut n = 0u64;
    c.bench_function("sled insert + flush", |b| {
        b.iter(|| {
            n += 1;
            tree.insert(n.to_be_bytes(), record.as_slice()).unwrap();
            db.flush().unwrap();
        });
    });
    c.bench_function("sled insert + flush + fdatasync", |b| {
        b.iter(|| {
            n += 1;
            tree.insert(n.to_be_bytes(), record.as_slice()).unwrap();
            db.flush().unwrap();
            log.sync_data().unwrap();
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = appends, sled_alone
}
criterion_main!(benches);
