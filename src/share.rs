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
    Command { args: Vec<String>, author: String },
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
                Ok(Hello::Command { args, author }) => incoming(Incoming::Command {
                    args,
                    author,
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

/// The followers of an owner; a follower that went away is dropped at the next update.
#[derive(Default)]
pub struct Followers(Vec<UnixStream>);

impl Followers {
    pub fn add(&mut self, mut stream: UnixStream, snapshot: &Update) {
        if send_line(&mut stream, snapshot).is_ok() {
            self.0.push(stream);
        }
    }

    pub fn send(&mut self, update: &Update) {
        self.0.retain_mut(|s| send_line(s, update).is_ok());
    }
}

/// Answers a forwarded command.
pub fn reply(mut stream: UnixStream, reply: &Reply) {
    let _ = send_line(&mut stream, reply);
}
