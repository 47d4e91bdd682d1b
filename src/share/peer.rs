//! Who is at the other end of the socket. Before a client sends anything, the socket
//! file must be a socket owned by this user and closed to others, and the process that
//! answers must run as this user (the kernel says so: `SO_PEERCRED`). Otherwise, in a
//! directory others can write to, a socket planted there would receive the operator's
//! notes. The owner checks its callers the same way. On a shared host (the
//! configuration names a group), the socket is the group's and a peer may be any
//! member of it; who they are on the incident's roster is the owner's next question.

use crate::store::{Exposure, IoStep, Sharing, StoreError, sharing};
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::os::unix::net::UnixStream;
use std::path::Path;

/// The process at the other end of a connection, as the kernel reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer {
    pub pid: u32,
    pub uid: u32,
}

/// This process's effective user id.
pub fn my_uid() -> u32 {
    rustix::process::geteuid().as_raw()
}

pub fn peer(stream: &UnixStream) -> std::io::Result<Peer> {
    let cred = rustix::net::sockopt::socket_peercred(stream)?;
    Ok(Peer {
        pid: u32::try_from(rustix::process::Pid::as_raw(Some(cred.pid))).unwrap_or(0),
        uid: cred.uid.as_raw(),
    })
}

/// Whether a socket is at `path` (`Ok(false)`: nothing there); an error when what is
/// there is not a socket of this user's, closed to everyone else.
pub fn check_socket_file(path: &Path) -> Result<bool, StoreError> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(cause) => {
            return Err(StoreError::Io {
                step: IoStep::Read,
                path: path.to_path_buf(),
                cause,
            });
        }
    };
    let unsafe_because = |why| StoreError::Unsafe {
        path: path.to_path_buf(),
        why,
    };
    if !meta.file_type().is_socket() {
        return Err(unsafe_because(Exposure::NotASocket));
    }
    let mode = meta.mode() & 0o777;
    match sharing() {
        Sharing::Private => {
            if meta.uid() != my_uid() {
                return Err(unsafe_because(Exposure::SocketNotYours {
                    owner: meta.uid(),
                    me: my_uid(),
                }));
            }
            if mode & 0o077 != 0 {
                return Err(unsafe_because(Exposure::SocketOpen { mode }));
            }
        }
        // Made by whichever member owns the store now; the group's alone. The peer
        // check that follows says whether its maker is a member.
        Sharing::Group { gid, name } => {
            if meta.gid() != *gid || mode & 0o007 != 0 {
                return Err(unsafe_because(Exposure::SocketNotShared {
                    mode,
                    group: name.clone(),
                }));
            }
        }
    }
    Ok(true)
}

/// Refuses a peer that is not this user (nor, on a shared host, a member of its group).
pub fn check_peer(peer: Peer, path: &Path) -> Result<(), StoreError> {
    let sharing = sharing();
    if sharing.admits(peer.uid, my_uid()) {
        return Ok(());
    }
    let why = match sharing {
        Sharing::Private => Exposure::PeerNotYou {
            pid: peer.pid,
            uid: peer.uid,
            me: my_uid(),
        },
        Sharing::Group { name, .. } => Exposure::PeerNotInGroup {
            pid: peer.pid,
            uid: peer.uid,
            group: name.clone(),
        },
    };
    Err(StoreError::Unsafe {
        path: path.to_path_buf(),
        why,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kernel_names_the_process_at_the_other_end() {
        let (a, _b) = UnixStream::pair().unwrap_or_else(|e| panic!("{e}"));
        let p = peer(&a).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.pid, std::process::id());
        assert_eq!(p.uid, my_uid());
        assert!(check_peer(p, Path::new("x")).is_ok());
        let stranger = Peer {
            pid: 1,
            uid: my_uid().wrapping_add(1),
        };
        assert!(matches!(
            check_peer(stranger, Path::new("x")),
            Err(StoreError::Unsafe { .. })
        ));
    }

    #[test]
    fn a_plain_file_or_an_open_socket_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = crate::store::private_tempdir();
        let absent = dir.path().join("absent.sock");
        assert!(matches!(check_socket_file(&absent), Ok(false)));
        let file = dir.path().join("file.sock");
        std::fs::write(&file, b"").unwrap_or_else(|e| panic!("{e}"));
        assert!(check_socket_file(&file).is_err());
        let sock = dir.path().join("real.sock");
        let _listener =
            std::os::unix::net::UnixListener::bind(&sock).unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&sock, std::fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(check_socket_file(&sock), Ok(true)));
        std::fs::set_permissions(&sock, std::fs::Permissions::from_mode(0o666))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(check_socket_file(&sock).is_err());
    }
}
