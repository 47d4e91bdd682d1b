//! A follower: a dashboard or wall started while another dashboard owns the store shows
//! what the owner shows, updated as it saves, read-only. It hears from the owner at
//! least every heartbeat, so a stopped owner is said on screen instead of looking idle.

use super::{Input, Signals, draw, now, terminal_msg};
use crate::app::{App, Msg, Start, Zone};
use crate::config::Config;
use crate::share::{Connection, Heard, Update};
use color_eyre::eyre::{Result, WrapErr, eyre};
use crossterm::event::EventStream;
use futures::StreamExt;
use std::time::Duration;
use tokio::sync::mpsc;

/// Follows the owner greeted on `connection` until the user quits; `Ok(true)` if the
/// user asked to take the store over once the owner had gone.
pub fn follow(
    config: Config,
    connection: Connection,
    author: String,
    wall: bool,
    wait: Duration,
) -> Result<bool> {
    let following = crate::share::follow(connection, wait).wrap_err("following the dashboard")?;
    let Update::Snapshot {
        data_dir,
        incidents,
        events,
        directory,
    } = following.snapshot
    else {
        return Err(eyre!("the owner did not start with a snapshot"));
    };
    let mut app = App::new(Start {
        config,
        author,
        data_dir,
        now: now(),
        zone: Zone::Local,
        incidents,
        events,
        directory,
    });
    app.wall = wall;
    app.follower = true;
    app.owner = Some((following.pid, false));
    app.unknown_tz = super::unknown_tz_here();
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .enable_io()
        .build()
        .wrap_err("starting the event loop")?;
    let (tx, rx) = mpsc::unbounded_channel();
    let heard = following.heard;
    std::thread::Builder::new()
        .name("warroom-follow".into())
        .spawn(move || {
            for heard in heard {
                let msg = match heard {
                    Heard::Update(Update::Saved {
                        id,
                        events,
                        incidents,
                    }) => Msg::Saved {
                        id,
                        events,
                        incidents,
                    },
                    Heard::Update(Update::Written {
                        id,
                        events,
                        incidents,
                    }) => Msg::Written {
                        id,
                        events,
                        incidents,
                    },
                    Heard::Update(Update::Loaded { id, events }) => Msg::Loaded { id, events },
                    Heard::Update(Update::Directory { events }) => Msg::DirectoryWritten(events),
                    Heard::Update(Update::Presence { present }) => Msg::Presence(present),
                    Heard::Update(Update::Snapshot { .. } | Update::Ping) => continue,
                    Heard::Silent => Msg::OwnerSilent(true),
                    Heard::Back => Msg::OwnerSilent(false),
                    Heard::Gone => Msg::OwnerGone,
                };
                if tx.send(msg).is_err() {
                    break;
                }
            }
        })
        .wrap_err("starting the follower's reader")?;
    let mut terminal = ratatui::try_init().wrap_err("setting up the terminal")?;
    let result = tokio.block_on(follower_loop(&mut terminal, app, rx));
    ratatui::restore();
    result
}

/// The follower's loop: input and the owner's updates; any write is refused politely.
/// Returns whether the user asked to take the store over.
async fn follower_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    mut updates: mpsc::UnboundedReceiver<Msg>,
) -> Result<bool> {
    let mut input = EventStream::new();
    let mut signals = Signals::new();
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
            event = input.next() => match terminal_msg(event) {
                Input::Msg(msg) => msg,
                Input::Nothing => continue,
                Input::End(end) => return end.map(|()| false),
            },
            Some(msg) = updates.recv() => msg,
            () = signals.any() => return Ok(false),
            () = tick => Msg::Tick(now()),
        };
        for _effect in app.update(msg) {
            // Only the owner writes.
            let _ = app.update(Msg::Failed(crate::failure::Failure::ReadOnly));
        }
    }
}
