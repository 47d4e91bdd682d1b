//! Evidence files: SHA-256 computed by streaming (any size, constant memory), with
//! progress reported as it goes, and re-verification of registered items.

use crate::domain::EvidenceRecord;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

const CHUNK: usize = 1 << 20;

/// Hex SHA-256 and size of the file at `path`; `progress(done, total)` after each chunk.
pub fn hash_file(
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> std::io::Result<(String, u64)> {
    let mut file = open_regular(path)?;
    let total = file.metadata()?.len();
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    let mut done = 0u64;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        done += n as u64;
        progress(done, total);
    }
    Ok((hex(&hasher.finalize()), done))
}

/// Opens `path` for reading if it is a regular file. A FIFO would block the open and
/// then the read forever, a device (`/dev/zero`) never ends: both are refused, the open
/// itself made non-blocking so that a FIFO cannot hold it.
fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let file = std::fs::File::options()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        return Ok(file);
    }
    let what = if kind.is_dir() {
        "directory"
    } else if kind.is_fifo() {
        "fifo"
    } else if kind.is_char_device() || kind.is_block_device() {
        "device"
    } else if kind.is_socket() {
        "socket"
    } else {
        "other"
    };
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        crate::failure::NotAFile(what),
    ))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `text` is a SHA-256 in lower-case hex (64 hex digits).
pub use crate::domain::is_sha256;

/// What re-hashing one registered item found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Matches,
    /// The file is there but its hash differs: the evidence changed.
    Mismatch {
        found: String,
    },
    /// No file at the recorded location (moved, on another machine, not a file).
    Unreachable(String),
    /// No hash was recorded, so there is nothing to compare.
    NoHash,
}

pub fn verify(item: &EvidenceRecord) -> Check {
    let Some(expected) = &item.spec.sha256 else {
        return Check::NoHash;
    };
    let path = Path::new(&item.spec.location);
    if !path.is_file() {
        return Check::Unreachable(item.spec.location.clone());
    }
    match hash_file(path, &mut |_, _| {}) {
        Ok((found, _)) if found.eq_ignore_ascii_case(expected) => Check::Matches,
        Ok((found, _)) => Check::Mismatch { found },
        Err(e) => Check::Unreachable(format!("{}: {e}", item.spec.location)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_a_known_file_and_reports_progress() {
        let dir = crate::store::private_tempdir();
        let path = dir.path().join("abc.txt");
        std::fs::write(&path, b"abc").unwrap_or_else(|e| panic!("{e}"));
        let mut seen = Vec::new();
        let (hash, size) = hash_file(&path, &mut |d, t| seen.push((d, t))).unwrap_or_default();
        // FIPS 180-2's example for "abc".
        assert_eq!(
            hash,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(size, 3);
        assert_eq!(seen, [(3, 3)]);
        assert!(is_sha256(&hash));
        assert!(!is_sha256("abc"));
    }

    #[test]
    fn a_fifo_or_a_device_is_refused_at_once() {
        let dir = crate::store::private_tempdir();
        let fifo = dir.path().join("pipe");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        // Without the checks, both would block or run forever.
        for path in [fifo.as_path(), Path::new("/dev/zero"), dir.path()] {
            let refused = hash_file(path, &mut |_, _| {});
            let message = refused
                .err()
                .map(|e| crate::text::io_cause(&e))
                .unwrap_or_default();
            assert!(
                message.contains("only a regular file"),
                "{path:?}: {message}"
            );
        }
    }

    #[test]
    fn a_large_file_is_hashed_in_chunks() {
        let dir = crate::store::private_tempdir();
        let path = dir.path().join("big.bin");
        std::fs::write(&path, vec![7u8; CHUNK * 2 + 5]).unwrap_or_else(|e| panic!("{e}"));
        let mut calls = 0;
        let (_, size) = hash_file(&path, &mut |_, _| calls += 1).unwrap_or_default();
        assert_eq!(size, (CHUNK * 2 + 5) as u64);
        assert_eq!(calls, 3);
    }
}
