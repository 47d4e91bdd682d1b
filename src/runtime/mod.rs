//! The dashboard's event loop: terminal set-up and restore, input, signals, the 1 Hz
//! tick; a writer thread that carries out the app's writes (and those other processes
//! send through the socket) on the store, in order; workers for the heavy effects.

mod effects;
pub use effects::execute;
mod follow;
mod group;
mod writer;

pub use follow::follow;
pub use writer::WRITER_THREAD;

use crate::app::{App, Effect, Msg, Start, Zone};
use crate::config::Config;
use crate::share::{Followers, Incoming, Update};
use crate::store::{SledStore, Store};
use crate::{ops, ui};
use chrono::{DateTime, Utc};
use color_eyre::eyre::{Result, WrapErr, eyre};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event, EventStream};
use crossterm::execute;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use futures::StreamExt;
use std::sync::Arc;
use std::time::Duration;
use tokio::signal::unix::{Signal, SignalKind, signal};
use tokio::sync::mpsc;
use writer::{Job, Writer};

/// The instant "now". `WARROOM_NOW` (RFC 3339) pins it, for tests and demos on record.
pub fn now() -> DateTime<Utc> {
    std::env::var("WARROOM_NOW")
        .ok()
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

/// `TZ` when it names no time zone of this system (see `app::unknown_tz`).
pub fn unknown_tz_here() -> Option<String> {
    let mut zoneinfo: Vec<std::path::PathBuf> = std::env::var_os("TZDIR")
        .map(Into::into)
        .into_iter()
        .collect();
    zoneinfo.extend(
        [
            "/usr/share/zoneinfo",
            "/usr/lib/zoneinfo",
            "/usr/share/lib/zoneinfo",
        ]
        .map(std::path::PathBuf::from),
    );
    crate::app::unknown_tz(std::env::var("TZ").ok(), &zoneinfo, |p| p.is_file())
}

/// On quit, how long the writer may take to finish the writes still shown as saving
/// before the dashboard closes without it (a disk that stopped answering).
const WRITER_PATIENCE: Duration = Duration::from_secs(5);
/// On quit, how long answers already decided may take to reach their commands.
const ANSWER_PATIENCE: Duration = Duration::from_secs(2);

/// Runs the dashboard (or, with `wall`, the war-room wall) until the user quits.
pub fn run(
    config: Config,
    store: SledStore,
    author: String,
    wall: bool,
    mark: Option<crate::identity::Mark>,
) -> Result<()> {
    let opening = ops::opening(&store, None).wrap_err("reading the incident list")?;
    let mut app = App::new(Start {
        config: config.clone(),
        author: author.clone(),
        data_dir: store.location(),
        now: now(),
        zone: Zone::Local,
        incidents: opening.incidents,
        events: opening.events,
        directory: opening.directory,
    });
    app.wall = wall;
    app.opened_with(opening.damaged, opening.problem);
    app.read_only = store
        .read_only()
        .map(|why| crate::text::io_cause(&why.into()));
    app.unknown_tz = unknown_tz_here();
    let _log = crate::logging::init(store.dir());
    match crate::readiness::last_drill(&store) {
        Ok(drill) => app.assess_readiness(drill.as_slice()),
        Err(e) => tracing::warn!(error = %e, "reading the drills for the readiness check"),
    }
    tracing::info!(dir = %store.location(), "dashboard opened");

    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .enable_io()
        .build()
        .wrap_err("starting the event loop")?;
    let store = Arc::new(store);
    let (result_tx, results) = mpsc::unbounded_channel();
    let writer = writer::spawn(
        Arc::clone(&store),
        config.clone(),
        author.clone(),
        result_tx.clone(),
        mark,
    )
    .wrap_err("starting the writer thread")?;
    // Other warroom processes on this store follow this one, or work on it through it.
    let (follower_tx, followers_rx) = mpsc::unbounded_channel();
    let jobs = writer.jobs();
    let jobs = std::sync::Mutex::new(jobs);
    let serving =
        crate::share::serve(
            store.dir(),
            Arc::clone(&store) as _,
            move |incoming| match incoming {
                Incoming::Follower(link) => follower_tx.send(link).is_ok(),
                Incoming::Write(job) => jobs
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .send(Job::Remote(job))
                    .is_ok(),
            },
        )
        .map_err(|e| tracing::warn!(error = %e, "cannot serve other processes"))
        .ok();

    // ratatui::init installs a panic hook that restores the terminal, then chains to the
    // previous hook (color-eyre's), so a panic never leaves the terminal raw.
    let mut terminal = ratatui::try_init().wrap_err("setting up the terminal")?;
    // A panic on the writer thread is caught there and reported as a failed write; it
    // must not restore the terminal under the running dashboard.
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(WRITER_THREAD) {
            tracing::error!(panic = %info, "writer job panicked");
        } else {
            restore(info);
        }
    }));
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let owner = Owner {
        store,
        config,
        author,
        writer,
        results: result_tx,
    };
    let (result, owner) =
        tokio.block_on(event_loop(&mut terminal, app, owner, results, followers_rx));
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    // No new connection from here on; the writer finishes what was sent before, and
    // every command waiting for its answer hears it before the process ends.
    if let Some(serving) = &serving {
        serving.stop_accepting();
    }
    let finished = owner.writer.finish(WRITER_PATIENCE);
    if let Some(serving) = &serving {
        serving.settle(ANSWER_PATIENCE);
    }
    drop(serving);
    if !finished {
        return Err(eyre!(
            "{}",
            crate::text::writer_stuck(WRITER_PATIENCE.as_secs())
        ));
    }
    result
}

/// What the owner's loop carries out effects with.
struct Owner {
    store: Arc<SledStore>,
    config: Config,
    author: String,
    writer: Writer,
    results: mpsc::UnboundedSender<Msg>,
}

impl Owner {
    /// Sends an effect where it runs: store writes to the writer, in order; hashing
    /// evidence and writing files to a worker thread of their own, so that neither the
    /// screen nor any write waits on them. False if the writer has gone.
    fn dispatch(&self, effect: Effect) -> bool {
        match effect {
            // Hashed on a worker: the screen then writes it, in order with the rest.
            effect @ (Effect::RegisterEvidence { .. }
            | Effect::ExportReport(..)
            | Effect::ExportExchange(..)
            | Effect::ReadExchange { .. }
            | Effect::SaveDraft { .. }) => {
                let (store, config, author, results) = (
                    Arc::clone(&self.store),
                    self.config.clone(),
                    self.author.clone(),
                    self.results.clone(),
                );
                self.work(move || {
                    let msg = effects::execute(&*store, &config, effect, now(), &author);
                    let _ = results.send(msg);
                });
                true
            }
            other => self.writer.send(Job::Effect(other)),
        }
    }

    fn work(&self, job: impl FnOnce() + Send + 'static) {
        let results = self.results.clone();
        let spawned = std::thread::Builder::new()
            .name("warroom-worker".into())
            .spawn(job);
        if let Err(e) = spawned {
            tracing::error!(error = %e, "starting a worker thread");
            let _ = results.send(Msg::Failed(crate::failure::Failure::Internal));
        }
    }
}

/// SIGTERM, SIGHUP (the terminal closed) and SIGINT end the dashboard like `q`: the
/// terminal is restored and the writes in flight finished.
struct Signals(Vec<Signal>);

impl Signals {
    fn new() -> Self {
        let kinds = [
            SignalKind::terminate(),
            SignalKind::hangup(),
            SignalKind::interrupt(),
        ];
        Signals(kinds.into_iter().filter_map(|k| signal(k).ok()).collect())
    }

    async fn any(&mut self) {
        if self.0.is_empty() {
            return std::future::pending().await;
        }
        let waits = self.0.iter_mut().map(|s| Box::pin(s.recv()));
        let _ = futures::future::select_all(waits).await;
    }
}

/// What the terminal said, for the app.
enum Input {
    Msg(Msg),
    /// Nothing the app handles (focus, mouse).
    Nothing,
    /// The terminal closed (`Ok`) or cannot be read.
    End(Result<()>),
}

fn terminal_msg(event: Option<std::io::Result<Event>>) -> Input {
    match event {
        Some(Ok(Event::Key(key))) => Input::Msg(Msg::Key(key)),
        Some(Ok(Event::Paste(text))) => Input::Msg(Msg::Paste(text)),
        Some(Ok(Event::Resize(_, _))) => Input::Msg(Msg::Resize),
        Some(Ok(_)) => Input::Nothing,
        Some(Err(e)) => Input::End(Err(e).wrap_err("reading the terminal")),
        None => Input::End(Ok(())),
    }
}

/// `msgs` with each run of other processes' writes to the same incident made one (their
/// events in order, the index as after the last): the screen and the followers then
/// take in a group of writes once, not once per write.
fn together(msgs: Vec<Msg>) -> Vec<Msg> {
    let mut out: Vec<Msg> = Vec::with_capacity(msgs.len());
    for msg in msgs {
        if let (
            Some(Msg::Written {
                id: last,
                events: so_far,
                incidents: index,
            }),
            Msg::Written {
                id,
                events,
                incidents,
            },
        ) = (out.last_mut(), &msg)
            && last == id
        {
            so_far.extend(events.iter().cloned());
            if !incidents.is_empty() {
                index.clone_from(incidents);
            }
            continue;
        }
        out.push(msg);
    }
    out
}

/// What followers must hear of a message the app is about to handle.
fn update_for(msg: &Msg) -> Option<Update> {
    match msg {
        Msg::Saved {
            id,
            events,
            incidents,
        } => Some(Update::Saved {
            id: *id,
            events: events.clone(),
            incidents: incidents.clone(),
        }),
        Msg::Written {
            id,
            events,
            incidents,
        } => Some(Update::Written {
            id: *id,
            events: events.clone(),
            incidents: incidents.clone(),
        }),
        Msg::Loaded { id, events } | Msg::Refreshed { id, events, .. } => Some(Update::Loaded {
            id: *id,
            events: events.clone(),
        }),
        Msg::DirectorySaved(events) | Msg::DirectoryWritten(events) => Some(Update::Directory {
            events: events.clone(),
        }),
        _ => None,
    }
}

fn snapshot(app: &App) -> Update {
    Update::Snapshot {
        data_dir: app.data_dir.clone(),
        incidents: app.incidents.clone(),
        events: app.active.as_ref().map(|a| a.events.clone()),
        directory: app.directory_events.clone(),
    }
}

/// The shortest time between two frames (60 a second at most).
const FRAME_GAP: std::time::Duration = std::time::Duration::from_millis(16);

async fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    owner: Owner,
    mut results: mpsc::UnboundedReceiver<Msg>,
    mut new_followers: mpsc::UnboundedReceiver<crate::share::FollowerLink>,
) -> (Result<()>, Owner) {
    let mut followers = Followers::default();
    let mut input = EventStream::new();
    let mut signals = Signals::new();
    let gone = || eyre!("{}", crate::text::writer_gone());
    let mut last_frame: Option<std::time::Instant> = None;
    // This screen's operator, present from the start; followers join and leave.
    let me = crate::app::Present {
        login: crate::identity::login::my_login().unwrap_or_default(),
        handle: Some(app.author.clone()),
        wall: app.wall,
        since: now(),
    };
    let mut told_who = false;
    let outcome = 'events: loop {
        // Who is here: said at start, then each time a follower comes or goes.
        if followers.joined_or_left() || !told_who {
            told_who = true;
            let present: Vec<crate::app::Present> = std::iter::once(me.clone())
                .chain(followers.present())
                .collect();
            followers.send(&crate::share::Update::Presence {
                present: present.clone(),
            });
            for effect in app.update(Msg::Presence(present)) {
                if !owner.dispatch(effect) {
                    break 'events Err(gone());
                }
            }
        }
        // At most one frame per FRAME_GAP: when eight writers and a script flood the
        // journal, the screen shows their latest state without drawing for each one.
        let frame_due = last_frame.is_none_or(|at| at.elapsed() >= FRAME_GAP);
        if app.dirty && frame_due {
            // Time moves on before each frame; what it brings (a drill's injects) is
            // written like any other change.
            for effect in app.update(Msg::Tick(now())) {
                if !owner.dispatch(effect) {
                    break 'events Err(gone());
                }
            }
            if let Err(e) = draw(terminal, &app) {
                break Err(e);
            }
            app.dirty = false;
            last_frame = Some(std::time::Instant::now());
        }
        if app.should_quit {
            break Ok(());
        }
        let wake = match last_frame {
            Some(at) if app.dirty => FRAME_GAP.saturating_sub(at.elapsed()),
            _ => app.next_tick_in(now()),
        };
        let tick = tokio::time::sleep(wake);
        let msg = tokio::select! {
            event = input.next() => match terminal_msg(event) {
                Input::Msg(msg) => msg,
                Input::Nothing => continue,
                Input::End(end) => break end,
            },
            Some(msg) = results.recv() => msg,
            Some(link) = new_followers.recv() => {
                followers.add(link, &snapshot(&app));
                continue;
            }
            () = signals.any() => break Ok(()),
            () = tick => Msg::Tick(now()),
        };
        #[cfg(debug_assertions)]
        if let Msg::Key(key) = &msg {
            injected_panic(key);
        }
        // Take everything already waiting before drawing again: other processes'
        // writes to one incident, one after the other, are taken in as one.
        let mut waiting = vec![msg];
        while let Ok(msg) = results.try_recv() {
            waiting.push(msg);
        }
        for msg in together(waiting) {
            if !followers.is_empty()
                && let Some(update) = update_for(&msg)
            {
                followers.send(&update);
            }
            for effect in app.update(msg) {
                if !owner.dispatch(effect) {
                    break 'events Err(gone());
                }
            }
        }
    };
    (outcome, owner)
}

/// Debug builds only: the key named by `WARROOM_PANIC_KEY` panics the event loop, so a
/// test can check in a pseudo-terminal that the panic hook restores the terminal and
/// that what was saved stays saved. Release builds have no such key.
#[cfg(debug_assertions)]
fn injected_panic(key: &crossterm::event::KeyEvent) {
    if let crossterm::event::KeyCode::Char(c) = key.code
        && std::env::var("WARROOM_PANIC_KEY").is_ok_and(|v| v.starts_with(c))
    {
        panic!("injected panic (WARROOM_PANIC_KEY)");
    }
}

fn draw(terminal: &mut ratatui::DefaultTerminal, app: &App) -> Result<()> {
    let mut out = std::io::stdout();
    let _ = execute!(out, BeginSynchronizedUpdate);
    let drawn = terminal.draw(|frame| ui::draw(frame, app));
    let _ = execute!(out, EndSynchronizedUpdate);
    drawn.map(drop).wrap_err("drawing the screen")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Change, Event, IncidentId};

    fn written(number: u32, ids: &[u64]) -> Msg {
        let events = ids
            .iter()
            .map(|&id| Event {
                id,
                at: chrono::DateTime::UNIX_EPOCH,
                occurred_at: None,
                author: "a".into(),
                prev_hash: String::new(),
                change: Change::NoteAdded { text: "x".into() },
                signature: None,
                unsigned: false,
            })
            .collect();
        Msg::Written {
            id: IncidentId::new(false, 2026, number),
            events,
            incidents: Vec::new(),
        }
    }

    fn ids(msg: &Msg) -> Vec<u64> {
        match msg {
            Msg::Written { events, .. } => events.iter().map(|e| e.id).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn runs_of_writes_to_one_incident_are_taken_in_as_one() {
        let msgs = vec![
            written(1, &[2]),
            written(1, &[3, 4]),
            written(2, &[7]),
            Msg::Resize,
            written(1, &[5]),
            written(1, &[6]),
        ];
        let together = together(msgs);
        assert_eq!(together.len(), 4);
        assert_eq!(ids(&together[0]), [2, 3, 4]);
        assert_eq!(ids(&together[1]), [7]);
        assert!(matches!(together[2], Msg::Resize));
        assert_eq!(ids(&together[3]), [5, 6]);
    }
}
