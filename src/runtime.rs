//! The dashboard's event loop: terminal set-up and restore, input, the 1 Hz tick, and
//! a writer thread that carries out the app's effects on the store, in order.

use crate::app::{App, Effect, Msg, Start, Zone};
use crate::config::Config;
use crate::store::{SledStore, Store};
use crate::{ops, ui};
use chrono::{DateTime, Utc};
use color_eyre::eyre::{Result, WrapErr};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event, EventStream};
use crossterm::execute;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use futures::StreamExt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc as std_mpsc;
use tokio::sync::mpsc;

/// The instant "now". `WARROOM_NOW` (RFC 3339) pins it, for tests and demos on record.
pub fn now() -> DateTime<Utc> {
    std::env::var("WARROOM_NOW")
        .ok()
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

/// Runs the dashboard (or, with `wall`, the war-room wall) until the user quits.
pub fn run(config: Config, store: SledStore, author: String, wall: bool) -> Result<()> {
    let incidents = store.list().wrap_err("reading the incident list")?;
    let directory = store
        .directory_events()
        .wrap_err("reading the contact directory")?;
    let events = match incidents.first() {
        Some(s) => Some(
            store
                .events(s.id)
                .wrap_err_with(|| format!("reading incident {}", s.id))?,
        ),
        None => None,
    };
    let mut app = App::new(Start {
        config: config.clone(),
        author: author.clone(),
        data_dir: store.location(),
        now: now(),
        zone: Zone::Local,
        incidents,
        events,
        directory,
    });
    app.wall = wall;
    let _log = crate::logging::init(store.dir());
    tracing::info!(dir = %store.location(), "dashboard opened");

    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .wrap_err("starting the event loop")?;

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
    // Other warroom processes on this store follow this one, or have it run commands.
    let (share_tx, share_rx) = mpsc::unbounded_channel();
    let _listening = crate::share::listen(store.dir(), move |incoming| {
        let _ = share_tx.send(incoming);
    })
    .map_err(|e| tracing::warn!(error = %e, "cannot serve followers"))
    .ok();
    let result = tokio.block_on(event_loop(
        &mut terminal,
        app,
        store,
        config,
        author,
        share_rx,
    ));
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

/// The store lives on its own thread: a flush can take milliseconds and must never
/// freeze the screen. Effects run in the order the app emitted them.
/// Work for the writer thread: the app's effects, and commands other processes send.
enum Job {
    Effect(Effect),
    Forward {
        args: Vec<String>,
        author: String,
        cwd: Option<std::path::PathBuf>,
        stream: std::os::unix::net::UnixStream,
    },
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

/// Debug builds only: a note whose text is `WARROOM_PANIC_WRITE` panics the writer
/// thread, whether typed in the dashboard or sent by a forwarded command, so a test can
/// check that the write fails alone and the dashboard goes on. Release builds have none.
#[cfg(debug_assertions)]
fn injected_write_panic(effect: Option<&Effect>, args: &[String]) {
    let Ok(marker) = std::env::var("WARROOM_PANIC_WRITE") else {
        return;
    };
    let typed = matches!(effect, Some(Effect::Append { changes, .. })
        if changes.iter().any(|c| matches!(c, crate::domain::Change::NoteAdded { text } if *text == marker)));
    if typed || args.contains(&marker) {
        panic!("injected panic (WARROOM_PANIC_WRITE)");
    }
}

/// The name of the thread that carries out writes, known to the panic hook.
const WRITER_THREAD: &str = "warroom-writer";

fn spawn_writer(
    store: SledStore,
    config: Config,
    author: String,
    results: mpsc::UnboundedSender<Msg>,
) -> std::io::Result<(std_mpsc::Sender<Job>, std::thread::JoinHandle<()>)> {
    let (tx, rx) = std_mpsc::channel::<Job>();
    let spawned = std::thread::Builder::new()
        .name(WRITER_THREAD.into())
        .spawn(move || {
            for job in rx {
                let effect = match job {
                    Job::Effect(effect) => effect,
                    Job::Forward {
                        args,
                        author: by,
                        cwd,
                        stream,
                    } => {
                        // A panic in the command fails the command, not the dashboard.
                        let (code, stdout, stderr) = catch_unwind(AssertUnwindSafe(|| {
                            #[cfg(debug_assertions)]
                            injected_write_panic(None, &args);
                            crate::cli::run_forwarded(&args, cwd.as_deref(), &store, &config, &by)
                        }))
                        .unwrap_or_else(|_| (1, String::new(), crate::text::internal_error()));
                        crate::share::reply(
                            stream,
                            &crate::share::Reply {
                                code,
                                stdout,
                                stderr,
                            },
                        );
                        // The command may have written: have the screen re-read.
                        if results.send(Msg::External).is_err() {
                            break;
                        }
                        continue;
                    }
                };
                // A panic fails this write (shown NOT SAVED) instead of silently killing the
                // thread and every write after it.
                let msg = catch_unwind(AssertUnwindSafe(|| {
                    #[cfg(debug_assertions)]
                    injected_write_panic(Some(&effect), &[]);
                    ops::execute(&store, &config, effect, now(), &author)
                }))
                .unwrap_or_else(|_| Msg::Failed(crate::text::internal_error()));
                if let Msg::Failed(e) = &msg {
                    tracing::error!(error = %e, "write failed");
                }
                if results.send(msg).is_err() {
                    break;
                }
            }
        });
    spawned.map(|handle| (tx, handle))
}

/// What followers must hear of a message the app is about to handle.
fn update_for(msg: &Msg) -> Option<crate::share::Update> {
    use crate::share::Update;
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
        Msg::Loaded { id, events } | Msg::Refreshed { id, events, .. } => Some(Update::Loaded {
            id: *id,
            events: events.clone(),
        }),
        Msg::DirectorySaved(events) => Some(Update::Directory {
            events: events.clone(),
        }),
        _ => None,
    }
}

fn snapshot(app: &App) -> crate::share::Update {
    crate::share::Update::Snapshot {
        data_dir: app.data_dir.clone(),
        incidents: app.incidents.clone(),
        events: app.active.as_ref().map(|a| a.events.clone()),
        directory: app.directory_events.clone(),
    }
}

async fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    store: SledStore,
    config: Config,
    author: String,
    mut share: mpsc::UnboundedReceiver<crate::share::Incoming>,
) -> Result<()> {
    let (result_tx, mut results) = mpsc::unbounded_channel();
    let (jobs, writer) =
        spawn_writer(store, config, author, result_tx).wrap_err("starting the writer thread")?;
    let mut followers = crate::share::Followers::default();
    let mut input = EventStream::new();
    let outcome = 'events: loop {
        if app.dirty {
            // Time moves on before each frame; what it brings (a drill's injects) is
            // written like any other change.
            for effect in app.update(Msg::Tick(now())) {
                if jobs.send(Job::Effect(effect)).is_err() {
                    break 'events Err(color_eyre::eyre::eyre!("{}", crate::text::writer_gone()));
                }
            }
            if let Err(e) = draw(terminal, &app) {
                break Err(e);
            }
            app.dirty = false;
        }
        if app.should_quit {
            break Ok(());
        }
        let tick = tokio::time::sleep(app.next_tick_in(now()));
        let msg = tokio::select! {
            event = input.next() => match event {
                Some(Ok(Event::Key(key))) => Msg::Key(key),
                Some(Ok(Event::Paste(text))) => Msg::Paste(text),
                Some(Ok(Event::Resize(_, _))) => Msg::Resize,
                Some(Ok(_)) => continue,
                Some(Err(e)) => break Err(e).wrap_err("reading the terminal"),
                None => break Ok(()),
            },
            Some(msg) = results.recv() => msg,
            Some(incoming) = share.recv() => {
                match incoming {
                    crate::share::Incoming::Follower(stream) => followers.add(stream, &snapshot(&app)),
                    crate::share::Incoming::Command { args, author, cwd, stream } => {
                        if jobs.send(Job::Forward { args, author, cwd, stream }).is_err() {
                            break 'events Err(color_eyre::eyre::eyre!("{}", crate::text::writer_gone()));
                        }
                    }
                }
                continue;
            }
            () = tick => Msg::Tick(now()),
        };
        #[cfg(debug_assertions)]
        if let Msg::Key(key) = &msg {
            injected_panic(key);
        }
        if let Some(update) = update_for(&msg) {
            followers.send(&update);
        }
        for effect in app.update(msg) {
            if jobs.send(Job::Effect(effect)).is_err() {
                break 'events Err(color_eyre::eyre::eyre!("{}", crate::text::writer_gone()));
            }
        }
        // Take everything already waiting before drawing again.
        while let Ok(msg) = results.try_recv() {
            if let Some(update) = update_for(&msg) {
                followers.send(&update);
            }
            for effect in app.update(msg) {
                if jobs.send(Job::Effect(effect)).is_err() {
                    break 'events Err(color_eyre::eyre::eyre!("{}", crate::text::writer_gone()));
                }
            }
        }
    };
    // Let the writer finish what the screen is still showing as "saving".
    drop(jobs);
    if writer.join().is_err() {
        return Err(color_eyre::eyre::eyre!("{}", crate::text::writer_gone()));
    }
    outcome
}

fn draw(terminal: &mut ratatui::DefaultTerminal, app: &App) -> Result<()> {
    let mut out = std::io::stdout();
    let _ = execute!(out, BeginSynchronizedUpdate);
    let drawn = terminal.draw(|frame| ui::draw(frame, app));
    let _ = execute!(out, EndSynchronizedUpdate);
    drawn.map(drop).wrap_err("drawing the screen")
}

/// Follows the dashboard that owns the store in `dir`: the same screens, read-only,
/// updated as the owner saves. When the owner closes, `T` takes the store over (this
/// process becomes the owner).
pub fn follow(config: Config, dir: &std::path::Path, author: String, wall: bool) -> Result<()> {
    let (snapshot, updates) = crate::share::follow(dir).wrap_err("following the dashboard")?;
    let crate::share::Update::Snapshot {
        data_dir,
        incidents,
        events,
        directory,
    } = snapshot
    else {
        return Err(color_eyre::eyre::eyre!(
            "the owner did not start with a snapshot"
        ));
    };
    let mut app = App::new(Start {
        config: config.clone(),
        author: author.clone(),
        data_dir,
        now: now(),
        zone: Zone::Local,
        incidents,
        events,
        directory,
    });
    app.wall = wall;
    app.follower = true;
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .wrap_err("starting the event loop")?;
    let (tx, rx) = mpsc::unbounded_channel();
    std::thread::spawn(move || {
        use crate::share::Update;
        for update in updates {
            let msg = match update {
                Some(Update::Saved {
                    id,
                    events,
                    incidents,
                }) => Msg::Saved {
                    id,
                    events,
                    incidents,
                },
                Some(Update::Loaded { id, events }) => Msg::Loaded { id, events },
                Some(Update::Directory { events }) => Msg::DirectorySaved(events),
                Some(Update::Snapshot { .. }) => continue,
                None => Msg::OwnerGone,
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
    let mut terminal = ratatui::try_init().wrap_err("setting up the terminal")?;
    let result = tokio.block_on(follower_loop(&mut terminal, app, rx));
    ratatui::restore();
    let take_over = result?;
    if take_over {
        let store = SledStore::open(dir).wrap_err("taking over the store")?;
        return run(config, store, author, wall);
    }
    Ok(())
}

/// The follower's loop: input and the owner's updates; any write is refused politely.
/// Returns whether the user asked to take the store over.
async fn follower_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    mut updates: mpsc::UnboundedReceiver<Msg>,
) -> Result<bool> {
    let mut input = EventStream::new();
    loop {
        if app.dirty {
            let _ = app.update(Msg::Tick(now()));
            draw(terminal, &app)?;
            app.dirty = false;
        }
        if app.should_quit {
            return Ok(app.take_over);
        }
        let tick = tokio::time::sleep(app.next_tick_in(now()));
        let msg = tokio::select! {
            event = input.next() => match event {
                Some(Ok(Event::Key(key))) => Msg::Key(key),
                Some(Ok(Event::Paste(text))) => Msg::Paste(text),
                Some(Ok(Event::Resize(_, _))) => Msg::Resize,
                Some(Ok(_)) => continue,
                Some(Err(e)) => return Err(e).wrap_err("reading the terminal"),
                None => return Ok(false),
            },
            Some(msg) = updates.recv() => msg,
            () = tick => Msg::Tick(now()),
        };
        for _effect in app.update(msg) {
            // Only the owner writes.
            let _ = app.update(Msg::Failed(crate::text::read_only()));
        }
    }
}
