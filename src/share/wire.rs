//! JSON lines over a Unix socket, with a bound on every line's length and a deadline on
//! every read and write: a silent, slow or hostile peer costs one thread a bounded time
//! and a bounded amount of memory, never the whole process.

use serde::Serialize;
use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

/// Milliseconds on the system's monotonic clock, the same for every process of the
/// machine and unmoved by changes of the wall clock: request expiries are written in it.
pub fn monotonic_ms() -> u64 {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
    let secs = u64::try_from(t.tv_sec).unwrap_or(0);
    let millis = u64::try_from(t.tv_nsec / 1_000_000).unwrap_or(0);
    secs.saturating_mul(1000).saturating_add(millis)
}

/// `Duration` in whole milliseconds, saturating.
pub fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn timed_out(what: &str) -> std::io::Error {
    std::io::Error::new(
        ErrorKind::TimedOut,
        format!("no {what} before the deadline"),
    )
}

/// What is left until `deadline`, or a timeout error if it has passed. Never zero: a
/// zero timeout means "none" to the socket.
fn remaining(deadline: Instant, what: &str) -> std::io::Result<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or_else(|| timed_out(what))
}

/// The lines arriving on a socket, each at most `limit` bytes. A line cut by a
/// deadline is kept and finished by the next call, so a timeout never loses bytes.
pub struct Lines {
    reader: BufReader<UnixStream>,
    partial: Vec<u8>,
    limit: usize,
}

impl Lines {
    pub fn new(stream: UnixStream, limit: usize) -> Self {
        Lines {
            reader: BufReader::new(stream),
            partial: Vec::new(),
            limit,
        }
    }

    /// Lines from now on may be `limit` bytes long.
    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit;
    }

    /// The next line (without its `\n`), if it arrives before `deadline`; `Ok(None)`
    /// when the peer closed the connection between lines.
    pub fn next_before(&mut self, deadline: Instant) -> std::io::Result<Option<Vec<u8>>> {
        loop {
            let left = remaining(deadline, "answer")?;
            self.reader.get_ref().set_read_timeout(Some(left))?;
            let available = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return Err(timed_out("answer"));
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return if self.partial.is_empty() {
                    Ok(None)
                } else {
                    Err(std::io::Error::new(
                        ErrorKind::UnexpectedEof,
                        "the connection closed in the middle of a line",
                    ))
                };
            }
            let (taken, done) = match available.iter().position(|b| *b == b'\n') {
                Some(end) => (end + 1, true),
                None => (available.len(), false),
            };
            let body = if done { taken - 1 } else { taken };
            if self.partial.len() + body > self.limit {
                return Err(std::io::Error::new(
                    ErrorKind::InvalidData,
                    format!("a line longer than {} bytes", self.limit),
                ));
            }
            self.partial.extend_from_slice(&available[..body]);
            self.reader.consume(taken);
            if done {
                return Ok(Some(std::mem::take(&mut self.partial)));
            }
        }
    }
}

/// One value as one JSON line.
pub fn encode(value: &impl Serialize) -> std::io::Result<Vec<u8>> {
    let mut line = serde_json::to_vec(value).map_err(std::io::Error::other)?;
    line.push(b'\n');
    Ok(line)
}

/// Writes `line` whole before `deadline`.
pub fn write_all(stream: &mut UnixStream, line: &[u8], deadline: Instant) -> std::io::Result<()> {
    let mut rest = line;
    while !rest.is_empty() {
        stream.set_write_timeout(Some(remaining(deadline, "room to write")?))?;
        match stream.write(rest) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => rest = &rest[n..],
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(timed_out("room to write"));
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Sends one value as a JSON line before `deadline`.
pub fn send(
    stream: &mut UnixStream,
    value: &impl Serialize,
    deadline: Instant,
) -> std::io::Result<()> {
    write_all(stream, &encode(value)?, deadline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair() -> (UnixStream, Lines) {
        let (a, b) = UnixStream::pair().unwrap_or_else(|e| panic!("{e}"));
        (a, Lines::new(b, 10))
    }

    fn soon() -> Instant {
        Instant::now() + Duration::from_millis(200)
    }

    #[test]
    fn a_line_is_read_whole_and_the_next_one_after_it() {
        let (mut a, mut b) = pair();
        write_all(&mut a, b"one\ntwo\n", soon()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b.next_before(soon()).ok().flatten(), Some(b"one".to_vec()));
        assert_eq!(b.next_before(soon()).ok().flatten(), Some(b"two".to_vec()));
        drop(a);
        assert!(matches!(b.next_before(soon()), Ok(None)));
    }

    #[test]
    fn a_silent_peer_times_out_and_a_long_line_is_refused() {
        let (mut a, mut b) = pair();
        let silent = b.next_before(soon());
        assert_eq!(silent.err().map(|e| e.kind()), Some(ErrorKind::TimedOut));
        write_all(&mut a, &[b'x'; 64], soon()).unwrap_or_else(|e| panic!("{e}"));
        let long = b.next_before(soon());
        assert_eq!(long.err().map(|e| e.kind()), Some(ErrorKind::InvalidData));
    }

    #[test]
    fn a_trickling_peer_is_bounded_by_the_deadline_not_by_each_read() {
        let (mut a, mut b) = pair();
        let trickle = std::thread::spawn(move || {
            for _ in 0..100 {
                if a.write_all(b"x").is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        // Each byte arrives well within any per-read timeout: only the deadline of the
        // whole line stops it (without one, this ends at the writer's close instead).
        b.set_limit(1000);
        let read = b.next_before(Instant::now() + Duration::from_millis(300));
        assert_eq!(read.err().map(|e| e.kind()), Some(ErrorKind::TimedOut));
        drop(b);
        let _ = trickle.join();
    }

    #[test]
    fn a_line_cut_by_a_deadline_is_finished_by_the_next_read() {
        let (mut a, mut b) = pair();
        write_all(&mut a, b"hal", soon()).unwrap_or_else(|e| panic!("{e}"));
        let cut = b.next_before(Instant::now() + Duration::from_millis(50));
        assert_eq!(cut.err().map(|e| e.kind()), Some(ErrorKind::TimedOut));
        write_all(&mut a, b"f\n", soon()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b.next_before(soon()).ok().flatten(), Some(b"half".to_vec()));
    }

    #[test]
    fn a_peer_that_does_not_read_makes_a_write_time_out() {
        let (mut a, _b) = pair();
        let big = vec![b'x'; 8 << 20];
        let sent = write_all(&mut a, &big, soon());
        assert_eq!(sent.err().map(|e| e.kind()), Some(ErrorKind::TimedOut));
    }
}
