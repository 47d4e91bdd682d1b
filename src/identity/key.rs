//! Where the operator's private key lives, and signing with it: an OpenSSH key file
//! without a passphrase, or a key held by ssh-agent. warroom never asks for a
//! passphrase: a locked key file is refused with the advice to load it into ssh-agent
//! (`ssh-add FILE`) and use it from there.
//!
//! Nothing here waits without a deadline: the agent's socket is connected, written
//! and read with the deadline given to `Signer::open` (each step, not the whole).

use std::io::Read;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

use super::sshsig::{self, BadSignature, HASH, NAMESPACE};

/// Where the operator's private key is, as the identity file says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum KeySource {
    /// An OpenSSH private key file without a passphrase.
    File(PathBuf),
    /// A key held by the ssh-agent of `SSH_AUTH_SOCK`, by its SHA-256 fingerprint as
    /// `ssh-add -l` shows it (`SHA256:…`).
    Agent { fingerprint: String },
}

/// What warroom was waiting for from the agent when its deadline passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentStep {
    Connecting,
    ListingKeys,
    Signing,
}

/// Why a key could not be opened, made, or used. Worded by `said`.
#[derive(Debug, Clone)]
pub enum KeyError {
    /// No file at this path.
    Missing { path: PathBuf },
    /// The file is there but cannot be read (permissions, a folder…).
    Unreadable {
        path: PathBuf,
        cause: Arc<std::io::Error>,
    },
    /// Not an OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`).
    NotAPrivateKey { path: PathBuf },
    /// The public half (`….pub`) given where the private key was expected.
    PublicNotPrivate { path: PathBuf },
    /// A private key locked by a passphrase: warroom does not decrypt it.
    Locked { path: PathBuf },
    /// A key file of a kind warroom does not sign with (see `sshsig`).
    UnsupportedAlgorithm { path: PathBuf, algorithm: String },
    /// `generate` never writes over a file.
    AlreadyExists { path: PathBuf },
    /// `generate` could not write the file.
    Write {
        path: PathBuf,
        cause: Arc<std::io::Error>,
    },
    /// The system gave no randomness to make a key with.
    NoRandomness,
    /// The cryptography library could not sign with the key or armor the signature:
    /// its message, a technical detail.
    SignFailed { detail: String },
    /// `SSH_AUTH_SOCK` is not set: no agent to ask.
    NoAgent,
    /// The agent's socket cannot be reached, or the agent closed the connection.
    AgentUnreachable {
        socket: PathBuf,
        cause: Arc<std::io::Error>,
    },
    /// The agent did not answer within the deadline.
    AgentTimeout {
        socket: PathBuf,
        step: AgentStep,
        waited: Duration,
    },
    /// The agent holds no key with this fingerprint.
    NotInAgent { fingerprint: String },
    /// The agent's key is of a kind warroom does not sign with.
    AgentKeyUnsupported {
        fingerprint: String,
        algorithm: String,
    },
    /// The agent refused to sign (confirmation denied, key locked in the agent…).
    AgentRefused { fingerprint: String },
    /// The agent answered something that is not the agent protocol: the library's
    /// message, a technical detail.
    AgentBadAnswer { socket: PathBuf, detail: String },
    /// The agent's signature does not verify with its own key.
    AgentBadSignature {
        fingerprint: String,
        why: BadSignature,
    },
}

impl KeyError {
    /// In words, in the current language. Paths come from outside: whoever shows this
    /// makes it safe for the terminal.
    pub fn said(&self) -> String {
        use crate::text;
        let shown = |p: &Path| p.display().to_string();
        match self {
            KeyError::Missing { path } => text::key_missing(shown(path)),
            KeyError::Unreadable { path, cause } => {
                text::key_unreadable(shown(path), text::io_cause(cause))
            }
            KeyError::NotAPrivateKey { path } => text::key_not_private(shown(path)),
            KeyError::PublicNotPrivate { path } => text::key_public_not_private(shown(path)),
            KeyError::Locked { path } => text::key_locked(shown(path)),
            KeyError::UnsupportedAlgorithm { path, algorithm } => {
                text::key_unsupported(shown(path), algorithm.as_str())
            }
            KeyError::AlreadyExists { path } => text::key_already_exists(shown(path)),
            KeyError::Write { path, cause } => {
                text::key_write_failed(shown(path), text::io_cause(cause))
            }
            KeyError::NoRandomness => text::key_no_randomness(),
            KeyError::SignFailed { detail } => text::key_sign_failed(detail.as_str()),
            KeyError::NoAgent => text::agent_none(),
            KeyError::AgentUnreachable { socket, cause } => {
                text::agent_unreachable(shown(socket), text::io_cause(cause))
            }
            KeyError::AgentTimeout {
                socket,
                step,
                waited,
            } => {
                let seconds = waited.as_secs_f64();
                let socket = shown(socket);
                match step {
                    AgentStep::Connecting => text::agent_timeout_connecting(socket, seconds),
                    AgentStep::ListingKeys => text::agent_timeout_listing(socket, seconds),
                    AgentStep::Signing => text::agent_timeout_signing(socket, seconds),
                }
            }
            KeyError::NotInAgent { fingerprint } => text::agent_key_absent(fingerprint.as_str()),
            KeyError::AgentKeyUnsupported {
                fingerprint,
                algorithm,
            } => text::agent_key_unsupported(fingerprint.as_str(), algorithm.as_str()),
            KeyError::AgentRefused { fingerprint } => text::agent_refused(fingerprint.as_str()),
            KeyError::AgentBadAnswer { socket, detail } => {
                text::agent_bad_answer(shown(socket), detail.as_str())
            }
            KeyError::AgentBadSignature { fingerprint, why } => {
                text::agent_bad_signature(fingerprint.as_str(), why.said())
            }
        }
    }
}

super::worded_as_display!(KeyError);

/// The operator's key, ready to sign events.
pub struct Signer {
    public_key: String,
    fingerprint: String,
    with: With,
}

enum With {
    File(Box<PrivateKey>),
    /// The agent is reached anew for each signature, so an agent restarted since
    /// `open` (same socket) still signs.
    Agent {
        socket: PathBuf,
        key: Box<PublicKey>,
        deadline: Duration,
    },
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let with = match &self.with {
            With::File(_) => "file",
            With::Agent { .. } => "agent",
        };
        f.debug_struct("Signer")
            .field("fingerprint", &self.fingerprint)
            .field("with", &with)
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// The key `source` names, checked: a file is read (never decrypted), an agent is
    /// asked (socket from `SSH_AUTH_SOCK`) whether it holds the key, each exchange
    /// with it bounded by `deadline`.
    pub fn open(source: &KeySource, deadline: Duration) -> Result<Signer, KeyError> {
        match source {
            KeySource::File(path) => Signer::from_file(path),
            KeySource::Agent { fingerprint } => {
                let socket = std::env::var_os("SSH_AUTH_SOCK")
                    .filter(|s| !s.is_empty())
                    .ok_or(KeyError::NoAgent)?;
                Signer::from_agent(Path::new(&socket), fingerprint.trim(), deadline)
            }
        }
    }

    fn from_file(path: &Path) -> Result<Signer, KeyError> {
        let text = read_key_file(path)?;
        let key = match PrivateKey::from_openssh(text.as_bytes()) {
            Ok(key) => key,
            Err(_) if PublicKey::from_openssh(text.trim()).is_ok() => {
                return Err(KeyError::PublicNotPrivate { path: path.into() });
            }
            Err(_) => return Err(KeyError::NotAPrivateKey { path: path.into() }),
        };
        if key.is_encrypted() {
            return Err(KeyError::Locked { path: path.into() });
        }
        sshsig::supported(key.public_key().key_data()).map_err(|_| {
            KeyError::UnsupportedAlgorithm {
                path: path.into(),
                algorithm: key.algorithm().to_string(),
            }
        })?;
        let (public_key, fingerprint) = described(key.public_key());
        let mut signer = Signer {
            public_key,
            fingerprint,
            with: With::File(Box::new(key)),
        };
        // A damaged file (a private part that is not its public key's) is found here,
        // once: signing with a key in memory then needs no check of its own.
        let armored = signer.signed(b"warroom: key check")?;
        sshsig::verify(&signer.public_key, b"warroom: key check", &armored).map_err(|why| {
            KeyError::AgentBadSignature {
                fingerprint: signer.fingerprint.clone(),
                why,
            }
        })?;
        Ok(signer)
    }

    fn from_agent(
        socket: &Path,
        fingerprint: &str,
        deadline: Duration,
    ) -> Result<Signer, KeyError> {
        let deadline = deadline.max(Duration::from_millis(1));
        let mut agent = Agent::connect(socket, deadline)?;
        let keys = agent
            .client
            .list_all_identities()
            .map_err(|e| agent.failed(e, AgentStep::ListingKeys, fingerprint))?;
        let key = keys
            .into_iter()
            .find_map(|identity| match identity {
                ssh_agent_client_rs::Identity::PublicKey(key)
                    if key.fingerprint(HashAlg::Sha256).to_string() == fingerprint =>
                {
                    Some(key.into_owned())
                }
                _ => None,
            })
            .ok_or_else(|| KeyError::NotInAgent {
                fingerprint: fingerprint.to_string(),
            })?;
        sshsig::supported(key.key_data()).map_err(|_| KeyError::AgentKeyUnsupported {
            fingerprint: fingerprint.to_string(),
            algorithm: key.algorithm().to_string(),
        })?;
        let (public_key, fingerprint) = described(&key);
        Ok(Signer {
            public_key,
            fingerprint,
            with: With::Agent {
                socket: socket.into(),
                key: Box::new(key),
                deadline,
            },
        })
    }

    /// `message` signed: an armored SSHSIG (`-----BEGIN SSH SIGNATURE-----`) in the
    /// namespace `warroom`, SHA-512, as `ssh-keygen -Y sign -n warroom` makes.
    pub fn sign(&mut self, message: &[u8]) -> Result<String, KeyError> {
        let armored = self.signed(message)?;
        // What the agent returned is checked before anyone relies on it: an RSA agent
        // answering with SHA-1, a signature cut short. (A key file was checked once,
        // when opened.)
        if let With::Agent { .. } = &self.with {
            sshsig::verify(&self.public_key, message, &armored).map_err(|why| {
                KeyError::AgentBadSignature {
                    fingerprint: self.fingerprint.clone(),
                    why,
                }
            })?;
        }
        Ok(armored)
    }

    /// `message` signed, unchecked.
    fn signed(&mut self, message: &[u8]) -> Result<String, KeyError> {
        let signature = match &self.with {
            With::File(key) => {
                key.sign(NAMESPACE, HASH, message)
                    .map_err(|e| KeyError::SignFailed {
                        detail: e.to_string(),
                    })?
            }
            With::Agent {
                socket,
                key,
                deadline,
            } => {
                let signed = SshSig::signed_data(NAMESPACE, HASH, message).map_err(|e| {
                    KeyError::AgentBadAnswer {
                        socket: socket.clone(),
                        detail: e.to_string(),
                    }
                })?;
                let mut agent = Agent::connect(socket, *deadline)?;
                let raw = agent
                    .client
                    .sign(key.as_ref(), &signed)
                    .map_err(|e| agent.failed(e, AgentStep::Signing, &self.fingerprint))?;
                SshSig::new(key.key_data().clone(), NAMESPACE, HASH, raw).map_err(|e| {
                    KeyError::AgentBadAnswer {
                        socket: socket.clone(),
                        detail: e.to_string(),
                    }
                })?
            }
        };
        signature
            .to_pem(LineEnding::LF)
            .map_err(|e| KeyError::SignFailed {
                detail: e.to_string(),
            })
    }

    /// The public key, in OpenSSH's one-line form without comment.
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// The key's SHA-256 fingerprint (`SHA256:…`).
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// The key's OpenSSH line without comment, and its fingerprint.
fn described(key: &PublicKey) -> (String, String) {
    let bare = PublicKey::new(key.key_data().clone(), "");
    // Encoding a key just decoded does not fail; an empty line would fail every
    // verification rather than pass one.
    let line = bare.to_openssh().unwrap_or_default();
    (line, key.fingerprint(HashAlg::Sha256).to_string())
}

/// A private key file's text; at most 64 KiB are read (the largest RSA key is 7 KiB).
fn read_key_file(path: &Path) -> Result<String, KeyError> {
    const LIMIT: u64 = 64 * 1024;
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => KeyError::Missing { path: path.into() },
        _ => KeyError::Unreadable {
            path: path.into(),
            cause: Arc::new(e),
        },
    })?;
    let mut bytes = Vec::new();
    file.take(LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| KeyError::Unreadable {
            path: path.into(),
            cause: Arc::new(e),
        })?;
    if bytes.len() as u64 > LIMIT {
        return Err(KeyError::NotAPrivateKey { path: path.into() });
    }
    String::from_utf8(bytes).map_err(|_| KeyError::NotAPrivateKey { path: path.into() })
}

/// A connection to the agent whose every read and write has a deadline.
struct Agent {
    client: ssh_agent_client_rs::Client,
    socket: PathBuf,
    deadline: Duration,
}

impl Agent {
    /// Connects to `socket` within `deadline`: the send timeout is set before
    /// `connect`, which Linux applies to a connect that waits for room in a full
    /// listen queue (an agent that stopped accepting).
    fn connect(socket: &Path, deadline: Duration) -> Result<Agent, KeyError> {
        let stream = bounded_connect(socket, deadline).map_err(|e| {
            if timed_out(&e) {
                KeyError::AgentTimeout {
                    socket: socket.into(),
                    step: AgentStep::Connecting,
                    waited: deadline,
                }
            } else {
                KeyError::AgentUnreachable {
                    socket: socket.into(),
                    cause: Arc::new(e),
                }
            }
        })?;
        Ok(Agent {
            client: ssh_agent_client_rs::Client::with_read_write(Box::new(stream)),
            socket: socket.into(),
            deadline,
        })
    }

    /// The typed error for a failed exchange.
    fn failed(
        &self,
        e: ssh_agent_client_rs::Error,
        step: AgentStep,
        fingerprint: &str,
    ) -> KeyError {
        use ssh_agent_client_rs::Error as E;
        match e {
            E::AgentCommunicationError(io) if timed_out(&io) => KeyError::AgentTimeout {
                socket: self.socket.clone(),
                step,
                waited: self.deadline,
            },
            E::AgentCommunicationError(io) => KeyError::AgentUnreachable {
                socket: self.socket.clone(),
                cause: Arc::new(io),
            },
            E::RemoteFailure if step == AgentStep::Signing => KeyError::AgentRefused {
                fingerprint: fingerprint.to_string(),
            },
            other => KeyError::AgentBadAnswer {
                socket: self.socket.clone(),
                detail: other.to_string(),
            },
        }
    }
}

fn bounded_connect(socket: &Path, deadline: Duration) -> std::io::Result<UnixStream> {
    use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType, sockopt};
    let fd = rustix::net::socket_with(
        AddressFamily::UNIX,
        SocketType::STREAM,
        SocketFlags::CLOEXEC,
        None,
    )?;
    sockopt::set_socket_timeout(&fd, sockopt::Timeout::Send, Some(deadline))?;
    sockopt::set_socket_timeout(&fd, sockopt::Timeout::Recv, Some(deadline))?;
    rustix::net::connect(&fd, &SocketAddrUnix::new(socket)?)?;
    let stream = UnixStream::from(fd);
    stream.set_read_timeout(Some(deadline))?;
    stream.set_write_timeout(Some(deadline))?;
    Ok(stream)
}

/// A socket timeout: `EAGAIN` from a blocking socket with a deadline.
fn timed_out(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    )
}

/// A new Ed25519 key at `path` (OpenSSH format, no passphrase, mode 0600 from its
/// creation, synced with its folder) and its public half at `path.pub`, as
/// `ssh-keygen -t ed25519 -N ''` makes them; never over an existing file. Returns the
/// public key without comment, as `Signer::public_key` gives it.
pub fn generate(path: &Path, comment: &str) -> Result<String, KeyError> {
    let public_path = {
        let mut p = path.as_os_str().to_owned();
        p.push(".pub");
        PathBuf::from(p)
    };
    for p in [path, public_path.as_path()] {
        if p.symlink_metadata().is_ok() {
            return Err(KeyError::AlreadyExists { path: p.into() });
        }
    }
    let mut key = PrivateKey::random(&mut rand_core::OsRng, ssh_key::Algorithm::Ed25519)
        .map_err(|_| KeyError::NoRandomness)?;
    key.set_comment(crate::input::clean_line(comment));
    let written = |e: ssh_key::Error, path: &Path| KeyError::Write {
        path: path.into(),
        cause: Arc::new(std::io::Error::other(e.to_string())),
    };
    let private = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| written(e, path))?;
    let public = key
        .public_key()
        .to_openssh()
        .map_err(|e| written(e, &public_path))?;
    crate::files::private_folder_for(path).map_err(|cause| KeyError::Write {
        path: path.into(),
        cause: Arc::new(cause),
    })?;
    write_new(path, private.as_bytes())?;
    if let Err(e) = write_new(&public_path, format!("{public}\n").as_bytes()) {
        // Half a pair is no use: the private key just made goes too.
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(described(key.public_key()).0)
}

fn write_new(path: &Path, bytes: &[u8]) -> Result<(), KeyError> {
    crate::files::write_new(path, bytes).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => KeyError::AlreadyExists { path: path.into() },
        _ => KeyError::Write {
            path: path.into(),
            cause: Arc::new(e),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> Option<u32> {
        std::fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o777)
    }

    #[test]
    fn a_generated_key_is_private_signs_and_is_never_overwritten() {
        let dir = crate::store::private_tempdir();
        let path = dir.path().join("warroom_ed25519");
        let public = generate(&path, "alice\nwarroom").unwrap_or_else(|e| panic!("{e}"));
        assert!(public.starts_with("ssh-ed25519 AAAA"), "{public}");
        assert_eq!(mode(&path), Some(0o600));
        let pub_file = std::fs::read_to_string(dir.path().join("warroom_ed25519.pub"))
            .unwrap_or_else(|e| panic!("{e}"));
        // The comment is kept on one line, after the key.
        assert_eq!(pub_file, format!("{public} alice warroom\n"));

        let before = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let again = generate(&path, "other");
        assert!(
            matches!(&again, Err(KeyError::AlreadyExists { path: p }) if p == &path),
            "{again:?}"
        );
        assert_eq!(std::fs::read(&path).ok(), Some(before));

        // A .pub left alone is not replaced either, and no private key is made.
        let lone = dir.path().join("lone");
        std::fs::write(dir.path().join("lone.pub"), "x").unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            generate(&lone, "x"),
            Err(KeyError::AlreadyExists { .. })
        ));
        assert!(!lone.exists());

        let mut signer = Signer::open(&KeySource::File(path.clone()), Duration::from_secs(1))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(signer.public_key(), public);
        assert_eq!(
            signer.fingerprint(),
            sshsig::fingerprint(&public).unwrap_or_else(|e| panic!("{e}"))
        );
        let armored = signer.sign(b"event 1").unwrap_or_else(|e| panic!("{e}"));
        assert!(armored.starts_with("-----BEGIN SSH SIGNATURE-----\n"));
        assert_eq!(sshsig::verify(&public, b"event 1", &armored), Ok(()));
    }

    #[test]
    fn key_files_that_cannot_sign_say_why_with_their_path() {
        let dir = crate::store::private_tempdir();
        let open = |p: &Path| Signer::open(&KeySource::File(p.into()), Duration::from_secs(1));
        let missing = dir.path().join("none");
        assert!(matches!(open(&missing), Err(KeyError::Missing { path }) if path == missing));
        assert!(matches!(
            open(dir.path()),
            Err(KeyError::Unreadable { .. }) | Err(KeyError::NotAPrivateKey { .. })
        ));
        let junk = dir.path().join("junk");
        std::fs::write(&junk, "hello").unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(open(&junk), Err(KeyError::NotAPrivateKey { path }) if path == junk));
        let key = dir.path().join("k");
        generate(&key, "").unwrap_or_else(|e| panic!("{e}"));
        let public = dir.path().join("k.pub");
        assert!(
            matches!(open(&public), Err(KeyError::PublicNotPrivate { path }) if path == public)
        );
    }

    #[test]
    fn the_words_of_a_locked_key_say_to_use_the_agent() {
        crate::i18n::set(crate::i18n::Lang::En);
        let said = KeyError::Locked {
            path: "/home/a/.ssh/id".into(),
        }
        .said();
        assert!(said.contains("ssh-add /home/a/.ssh/id"), "{said}");
        crate::i18n::set(crate::i18n::Lang::Fr);
        let said = KeyError::NotInAgent {
            fingerprint: "SHA256:x".into(),
        }
        .said();
        assert!(
            said.contains("ssh-add -l") && said.contains("SHA256:x"),
            "{said}"
        );
        crate::i18n::set(crate::i18n::Lang::En);
    }

    #[test]
    fn an_agent_whose_listen_queue_is_full_times_out_on_connect() {
        use rustix::net::{AddressFamily, SocketAddrUnix, SocketFlags, SocketType};
        let dir = crate::store::private_tempdir();
        let path = dir.path().join("agent.sock");
        // A listener with the smallest queue that never accepts.
        let listener = rustix::net::socket_with(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::CLOEXEC,
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let address = SocketAddrUnix::new(&path).unwrap_or_else(|e| panic!("{e}"));
        rustix::net::bind(&listener, &address).unwrap_or_else(|e| panic!("{e}"));
        rustix::net::listen(&listener, 0).unwrap_or_else(|e| panic!("{e}"));
        // Fill the queue; the kernel admits one or two connections with a queue of 0.
        let short = Duration::from_millis(50);
        let mut held = Vec::new();
        let mut full = false;
        for _ in 0..64 {
            match bounded_connect(&path, short) {
                Ok(s) => held.push(s),
                Err(e) if timed_out(&e) => {
                    full = true;
                    break;
                }
                Err(e) => panic!("{e}"),
            }
        }
        assert!(full, "the queue never filled: {} connections", held.len());
        let deadline = Duration::from_millis(200);
        let started = std::time::Instant::now();
        let refused = Signer::from_agent(&path, "SHA256:x", deadline);
        assert!(
            matches!(
                refused,
                Err(KeyError::AgentTimeout {
                    step: AgentStep::Connecting,
                    ..
                })
            ),
            "{refused:?}"
        );
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
