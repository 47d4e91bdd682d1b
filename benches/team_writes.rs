//! Many writers at once through the dashboard that owns the store: 1, 2, 4 and 8
//! writers, each a connection to the owner's socket (as a command makes) writing signed
//! notes one after the other, each acknowledged only once durable. The owner is the
//! real binary in a pseudo-terminal; connecting and opening the key are done before the
//! clock starts (process start-up is not counted). Issue 17 asks that 8 writers reach at
//! least 5× the acknowledged writes per second of one.
//!
//! `cargo bench --bench team_writes` (WARROOM_BENCH_DIR for another disk,
//! WARROOM_BENCH_WRITES for the writes per writer, 200 by default). Figures in
//! docs/PERFORMANCE.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../tests/common/cli.rs"]
mod cli;
#[allow(dead_code)]
#[path = "../tests/common/pty.rs"]
mod pty;
#[allow(dead_code)]
#[path = "../tests/common/team.rs"]
mod team;

use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};
use warroom::domain::{Change, IncidentId};
use warroom::identity::Mark;
use warroom::share::{RemoteStore, Role, connect};
use warroom::store::{NewEvent, Store};

const ROUNDS: usize = 3;

/// How a writer reaches the owner.
#[derive(Clone, Copy)]
enum Writer {
    /// One connection for all its writes, as a script that keeps one open.
    Script,
    /// A new connection (and greeting) for each write, as each `warroom note` makes.
    Commands,
}

/// What one round measured.
struct Round {
    /// Acknowledged writes per second.
    rate: f64,
    /// CPU time per write of the owner, and of the writers (this process), in µs.
    owner_us: f64,
    writers_us: f64,
}

/// CPU time used so far by process `pid` (all its threads, those ended too), in µs.
fn cpu_us(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command's closing parenthesis; utime and stime are 14 and 15.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    ticks as f64 * 1e6 / per_second
}

/// `writers` writers writing `each` signed notes at once: acknowledged writes per
/// second, from the moment all are ready to the last acknowledgement, and the CPU
/// time each write cost the owner and its writer.
fn round(
    dir: &Path,
    id: IncidentId,
    owner: u32,
    writers: usize,
    each: usize,
    how: Writer,
) -> Round {
    let ready = Arc::new(Barrier::new(writers + 1));
    let done = Arc::new(Barrier::new(writers + 1));
    let threads: Vec<_> = (0..writers)
        .map(|w| {
            let dir = dir.to_path_buf();
            let (ready, done) = (Arc::clone(&ready), Arc::clone(&done));
            std::thread::spawn(move || {
                let wait = Duration::from_secs(30);
                let (script, mark) = team::writer(&dir, wait).unwrap();
                let Mark::Signed { mut signer, .. } = mark else {
                    unreachable!("team::writer signs")
                };
                ready.wait();
                for n in 0..each {
                    let note = Change::NoteAdded {
                        text: format!("writer {w}: host FS{n:03} checked, nothing found"),
                    };
                    let mut new = NewEvent::new(chrono::Utc::now(), "alex", note);
                    new.signature = Some(signer.sign(&new.signed_body(&id)).unwrap());
                    match how {
                        Writer::Script => script.append(id, &[new]).unwrap(),
                        // The key stays open: reading it is the command's start-up.
                        Writer::Commands => {
                            let connection = connect(&dir, Role::Client, wait).unwrap().unwrap();
                            RemoteStore::new(&dir, connection, wait)
                                .append(id, &[new])
                                .unwrap()
                        }
                    };
                }
                done.wait();
            })
        })
        .collect();
    ready.wait();
    let (owner_before, writers_before) = (cpu_us(owner), cpu_us(std::process::id()));
    let start = Instant::now();
    done.wait();
    let elapsed = start.elapsed();
    let (owner_after, writers_after) = (cpu_us(owner), cpu_us(std::process::id()));
    for thread in threads {
        thread.join().unwrap();
    }
    let writes = (writers * each) as f64;
    Round {
        rate: writes / elapsed.as_secs_f64(),
        owner_us: (owner_after - owner_before) / writes,
        writers_us: (writers_after - writers_before) / writes,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    // `cargo test --benches` runs benches without `--bench`: nothing to measure.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let each: usize = std::env::var("WARROOM_BENCH_WRITES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let cores = std::thread::available_parallelism().map_or(1, usize::from) as f64;
    // WARROOM_BENCH_COUNTS="8" runs only those writer counts (to profile one).
    let counts: Vec<usize> = std::env::var("WARROOM_BENCH_COUNTS")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 2, 4, 8]);
    let base = std::env::var_os("WARROOM_BENCH_DIR").map_or_else(std::env::temp_dir, Into::into);
    let dir = tempfile::tempdir_in(&base).unwrap();
    let dir = dir.path();
    std::fs::set_permissions(dir, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    cli::ok(cli::warroom(dir).args(["identity", "init", "--handle", "alex", "--name", "Alex"]));
    let id_text = cli::declare(dir, "Team writes", "3");
    let id: IncidentId = id_text.parse().unwrap();

    // The owner: the dashboard, in a terminal of its own.
    let mut owner = pty::Dashboard::start(dir);
    owner.wait_for("the incident", |s| s.contains(&id_text));
    let start = Instant::now();
    while team::writer(dir, Duration::from_secs(5)).is_none() {
        assert!(
            start.elapsed() < pty::DEADLINE,
            "the dashboard never served"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    for (how, name) in [
        (Writer::Script, "one connection each (a script)"),
        (Writer::Commands, "a connection per write (commands)"),
    ] {
        println!("{name}");
        println!(
            "writers  acknowledged writes/s (median of {ROUNDS})  × one writer  \
             CPU µs/write: owner + writers  ⇒ most the cores allow"
        );
        // Rounds go 1, 2, 4, 8 writers, then again: a machine that slows down or speeds
        // up meanwhile moves every count alike, not the ratio.
        let mut rounds: Vec<Vec<Round>> = counts.iter().map(|_| Vec::new()).collect();
        for _ in 0..ROUNDS {
            for (n, writers) in counts.iter().enumerate() {
                rounds[n].push(round(dir, id, owner.pid(), *writers, each, how));
            }
        }
        let mut one = None;
        for (writers, rounds) in counts.iter().copied().zip(rounds) {
            let rate = median(rounds.iter().map(|r| r.rate).collect());
            let owner_us = median(rounds.iter().map(|r| r.owner_us).collect());
            let writers_us = median(rounds.iter().map(|r| r.writers_us).collect());
            if writers == 1 {
                one = Some(rate);
            }
            let mut runs: Vec<f64> = rounds.iter().map(|r| r.rate).collect();
            runs.sort_by(f64::total_cmp);
            let runs: Vec<String> = runs.iter().map(|r| format!("{r:.0}")).collect();
            let times = one.map_or("–".into(), |one| format!("{:.2}×", rate / one));
            // With every core busy and nothing else waiting, no more writes than this
            // fit in a second: the ceiling of this machine, whatever the design.
            let ceiling = cores * 1e6 / (owner_us + writers_us);
            println!(
                "{writers:>7}  {rate:>10.0}  (runs: {})  {times:>6}  \
                 {owner_us:.0} + {writers_us:.0}  ⇒ {ceiling:.0}",
                runs.join(", "),
            );
        }
    }
    owner.sigkill();
    let verified = cli::ok(cli::warroom(dir).args(["verify", &id_text]));
    assert!(verified.contains(": ok,"), "{verified}");
    println!(
        "{}",
        verified.lines().take(2).collect::<Vec<_>>().join("\n")
    );
}
