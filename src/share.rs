//! One owner, many followers. The process that opens the store serves a Unix socket in
//! the data directory (mode 0600). Another `warroom` started on the same store either
//! follows it read-only (dashboard, wall) or has it run a command (`note`, `check`…),
//! so scripts keep working while the dashboard is open. JSON lines both ways.

use crate::domain::{Event, IncidentId, IncidentSummary};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub fn socket_path(dir: &Path) -> PathBuf {
    dir.join("warroom.sock")
}

/// The first line a client sends.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Hello {
    Follow,
    Command {
        args: Vec<String>,
        author: String,
        /// The client's working directory: relative paths in `args` are its own.
        #[serde(default)]
        cwd: Option<PathBuf>,
    },
}

/// What the owner sends a follower: the whole picture once, then every change.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Update {
    Snapshot {
        data_dir: String,
        incidents: Vec<IncidentSummary>,
        events: Option<Vec<Event>>,
        directory: Vec<Event>,
    },
    Saved {
        id: IncidentId,
        events: Vec<Event>,
        incidents: Vec<IncidentSummary>,
    },
    Loaded {
        id: IncidentId,
        events: Vec<Event>,
    },
    Directory {
        events: Vec<Event>,
    },
}

/// The owner's answer to a forwarded command.
#[derive(Debug, Serialize, Deserialize)]
pub struct Reply {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

/// Whether a warroom process answers on the store's socket.
pub fn owner_listening(dir: &Path) -> bool {
    UnixStream::connect(socket_path(dir)).is_ok()
}

fn send_line(stream: &mut UnixStream, value: &impl Serialize) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    line.push(b'\n');
    stream.write_all(&line)
}

/// Has the owner run `args` as `author`; waits for its answer.
pub fn forward(dir: &Path, args: Vec<String>, author: &str) -> std::io::Result<Reply> {
    let mut stream = UnixStream::connect(socket_path(dir))?;
    send_line(
        &mut stream,
        &Hello::Command {
            args,
            author: author.to_string(),
            cwd: std::env::current_dir().ok(),
        },
    )?;
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line)?;
    serde_json::from_str(&line).map_err(std::io::Error::other)
}

/// Connects as a follower: the snapshot, then a reader of updates (`None` at the end,
/// when the owner has gone).
pub fn follow(
    dir: &Path,
) -> std::io::Result<(Update, impl Iterator<Item = Option<Update>> + use<>)> {
    let mut stream = UnixStream::connect(socket_path(dir))?;
    send_line(&mut stream, &Hello::Follow)?;
    let mut reader = BufReader::new(stream);
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let snapshot: Update = serde_json::from_str(&first).map_err(std::io::Error::other)?;
    let mut ended = false;
    let updates = std::iter::from_fn(move || {
        if ended {
            return None;
        }
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(n) if n > 0 => serde_json::from_str(&line).ok().map(Some),
            _ => {
                ended = true;
                Some(None)
            }
        }
    });
    Ok((snapshot, updates))
}

/// A connection the owner accepted.
pub enum Incoming {
    Follower(UnixStream),
    Command {
        args: Vec<String>,
        author: String,
        cwd: Option<PathBuf>,
        stream: UnixStream,
    },
}

/// Serves the socket: each connection's first line says what it wants. Runs until the
/// process ends; the socket file is removed by [`Listening`]'s drop.
pub fn listen(
    dir: &Path,
    incoming: impl Fn(Incoming) + Send + 'static,
) -> std::io::Result<Listening> {
    let path = socket_path(dir);
    // A socket left by a crashed owner: we hold the store lock, so it is stale.
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path)?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    }
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let mut reader = BufReader::new(match stream.try_clone() {
                Ok(s) => s,
                Err(_) => continue,
            });
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let _ = stream.set_read_timeout(None);
            match serde_json::from_str::<Hello>(&line) {
                Ok(Hello::Follow) => incoming(Incoming::Follower(stream)),
                Ok(Hello::Command { args, author, cwd }) => incoming(Incoming::Command {
                    args,
                    author,
                    cwd,
                    stream,
                }),
                Err(_) => {}
            }
        }
    });
    Ok(Listening { path })
}

/// Removes the socket file when the owner closes.
pub struct Listening {
    path: PathBuf,
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// How long the owner waits on one follower's socket before dropping it: the owner
/// writes from its event loop, so a follower that stopped reading must not freeze the
/// dashboard (or the commands it runs for others).
pub const FOLLOWER_STALL: std::time::Duration = std::time::Duration::from_millis(250);

/// The followers of an owner; a follower that went away, or stalls longer than
/// [`FOLLOWER_STALL`], is dropped at the next update (it can reconnect).
#[derive(Default)]
pub struct Followers(Vec<UnixStream>);

impl Followers {
    pub fn add(&mut self, mut stream: UnixStream, snapshot: &Update) {
        if stream.set_write_timeout(Some(FOLLOWER_STALL)).is_ok()
            && send_line(&mut stream, snapshot).is_ok()
        {
            self.0.push(stream);
        }
    }

    pub fn send(&mut self, update: &Update) {
        self.0.retain_mut(|s| send_line(s, update).is_ok());
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Answers a forwarded command.
pub fn reply(mut stream: UnixStream, reply: &Reply) {
    let _ = send_line(&mut stream, reply);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Change;

    #[test]
    fn a_follower_that_stops_reading_is_dropped_instead_of_freezing_the_owner() {
        let (owner_end, _follower_end_never_read) =
            UnixStream::pair().unwrap_or_else(|e| panic!("{e}"));
        let big = Event {
            id: 1,
            at: chrono::DateTime::UNIX_EPOCH,
            author: "t".into(),
            prev_hash: String::new(),
            change: Change::NoteAdded {
                text: "x".repeat(100_000),
            },
        };
        let update = Update::Directory { events: vec![big] };
        let mut followers = Followers::default();
        followers.add(owner_end, &Update::Directory { events: vec![] });
        assert_eq!(followers.len(), 1);
        // Far more than any socket buffer: without the stall limit this never returns.
        for _ in 0..200 {
            followers.send(&update);
            if followers.is_empty() {
                break;
            }
        }
        assert!(followers.is_empty());
    }
}
