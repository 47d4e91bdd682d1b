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
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let result = tokio.block_on(event_loop(&mut terminal, app, store, config, author));
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

/// The store lives on its own thread: a flush can take milliseconds and must never
/// freeze the screen. Effects run in the order the app emitted them.
fn spawn_writer(
    store: SledStore,
    config: Config,
    author: String,
    results: mpsc::UnboundedSender<Msg>,
) -> (std_mpsc::Sender<Effect>, std::thread::JoinHandle<()>) {
    let (tx, rx) = std_mpsc::channel::<Effect>();
    let handle = std::thread::spawn(move || {
        for effect in rx {
            let msg = ops::execute(&store, &config, effect, now(), &author);
            if let Msg::Failed(e) = &msg {
                tracing::error!(error = %e, "write failed");
            }
            if results.send(msg).is_err() {
                break;
            }
        }
    });
    (tx, handle)
}

async fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    store: SledStore,
    config: Config,
    author: String,
) -> Result<()> {
    let (result_tx, mut results) = mpsc::unbounded_channel();
    let (effects, writer) = spawn_writer(store, config, author, result_tx);
    let mut input = EventStream::new();
    let outcome = loop {
        if app.dirty {
            // Time moves on before each frame; what it brings (a drill's injects) is
            // written like any other change.
            for effect in app.update(Msg::Tick(now())) {
                let _ = effects.send(effect);
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
            () = tick => Msg::Tick(now()),
        };
        for effect in app.update(msg) {
            if effects.send(effect).is_err() {
                break;
            }
        }
        // Take everything already waiting before drawing again.
        while let Ok(msg) = results.try_recv() {
            for effect in app.update(msg) {
                let _ = effects.send(effect);
            }
        }
    };
    // Let the writer finish what the screen is still showing as "saving".
    drop(effects);
    let _ = writer.join();
    outcome
}

fn draw(terminal: &mut ratatui::DefaultTerminal, app: &App) -> Result<()> {
    let mut out = std::io::stdout();
    let _ = execute!(out, BeginSynchronizedUpdate);
    let drawn = terminal.draw(|frame| ui::draw(frame, app));
    let _ = execute!(out, EndSynchronizedUpdate);
    drawn.map(drop).wrap_err("drawing the screen")
}
