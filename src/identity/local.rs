//! The operator's own identity: a small YAML file (`identity.yaml` in warroom's config
//! folder, or the file `WARROOM_IDENTITY` names) with their handle, name, e-mail, where
//! their private key is and its public half. Read with file:line:column errors like
//! the config; written whole or not at all, private to this user.
//!
//! ```yaml
//! handle: alice
//! name: Alice Martin
//! email: alice@example.org
//! key:
//!   agent:
//!     fingerprint: SHA256:8n95rDdQ0/Zvy7F+vUnosF5YZ5XoXYPe7aFdBpsfjuA
//! public_key: ecdsa-sha2-nistp256 AAAAE2VjZHNh…
//! ```
//!
//! or, for a key file, `key: { file: /home/alice/.ssh/warroom_ed25519 }`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::key::KeySource;
use super::sshsig::{self, BadSignature};
use crate::config::{ConfigError, Source};

/// Who the operator is, and with which key they sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalIdentity {
    /// Short and stable: on every journal line and in allowed-signers files (see
    /// `check_handle`).
    pub handle: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(with = "serde_yaml::with::singleton_map")]
    pub key: KeySource,
    /// OpenSSH one-line form, without comment once loaded.
    pub public_key: String,
}

/// Why a handle is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadHandle {
    Empty,
    TooLong {
        chars: usize,
    },
    /// It must start with a letter.
    BadStart,
    /// Only lowercase ASCII letters, digits, `-`, `_` and `.`.
    BadChar {
        found: char,
    },
}

/// The longest handle, in characters.
pub const HANDLE_MAX: usize = 32;

impl BadHandle {
    pub fn said(&self, handle: &str) -> String {
        use crate::text;
        match self {
            BadHandle::Empty => text::handle_empty(),
            BadHandle::TooLong { chars } => text::handle_too_long(handle, *chars, HANDLE_MAX),
            BadHandle::BadStart => text::handle_bad_start(handle),
            BadHandle::BadChar { found } => text::handle_bad_char(handle, found.to_string()),
        }
    }
}

/// A handle is 1 to 32 characters among lowercase ASCII letters, digits, `-`, `_` and
/// `.`, starting with a letter: it goes into allowed-signers files as a principal and
/// onto every journal line, so nothing in it may need quoting.
pub fn check_handle(s: &str) -> Result<(), BadHandle> {
    let chars = s.chars().count();
    let mut all = s.chars();
    match all.next() {
        None => return Err(BadHandle::Empty),
        Some(c) if !c.is_ascii_lowercase() => {
            return Err(if allowed_in_handle(c) {
                BadHandle::BadStart
            } else {
                BadHandle::BadChar { found: c }
            });
        }
        Some(_) => {}
    }
    if let Some(found) = all.find(|c| !allowed_in_handle(*c)) {
        return Err(BadHandle::BadChar { found });
    }
    if chars > HANDLE_MAX {
        return Err(BadHandle::TooLong { chars });
    }
    Ok(())
}

fn allowed_in_handle(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')
}

/// What is wrong in an identity, whichever file it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentityProblem {
    Handle {
        handle: String,
        why: BadHandle,
    },
    /// The name is empty or holds a control character.
    Name,
    /// The e-mail is empty, has no `@`, or holds blank space or control characters.
    Email {
        email: String,
    },
    PublicKey(BadSignature),
    /// An agent key named by a fingerprint that is not the public key's.
    FingerprintMismatch {
        fingerprint: String,
        public: String,
    },
    /// `key: { file: "" }`.
    EmptyKeyPath,
}

impl IdentityProblem {
    pub fn said(&self) -> String {
        use crate::text;
        match self {
            IdentityProblem::Handle { handle, why } => why.said(handle),
            IdentityProblem::Name => text::identity_bad_name(),
            IdentityProblem::Email { email } => text::identity_bad_email(email.as_str()),
            IdentityProblem::PublicKey(why) => why.said(),
            IdentityProblem::FingerprintMismatch {
                fingerprint,
                public,
            } => text::identity_fingerprint_mismatch(fingerprint.as_str(), public.as_str()),
            IdentityProblem::EmptyKeyPath => text::identity_empty_key_path(),
        }
    }
}

impl LocalIdentity {
    /// The identity with its public key in canonical form, or the first problem.
    pub fn checked(mut self) -> Result<LocalIdentity, IdentityProblem> {
        check_handle(&self.handle).map_err(|why| IdentityProblem::Handle {
            handle: self.handle.clone(),
            why,
        })?;
        if self.name.trim().is_empty() || self.name.chars().any(char::is_control) {
            return Err(IdentityProblem::Name);
        }
        if let Some(email) = &self.email {
            let fits =
                email.contains('@') && !email.chars().any(|c| c.is_whitespace() || c.is_control());
            if !fits {
                return Err(IdentityProblem::Email {
                    email: email.clone(),
                });
            }
        }
        self.public_key =
            sshsig::parse_public_key(&self.public_key).map_err(IdentityProblem::PublicKey)?;
        match &self.key {
            KeySource::Agent { fingerprint } => {
                let public =
                    sshsig::fingerprint(&self.public_key).map_err(IdentityProblem::PublicKey)?;
                if fingerprint.trim() != public {
                    return Err(IdentityProblem::FingerprintMismatch {
                        fingerprint: fingerprint.clone(),
                        public,
                    });
                }
            }
            KeySource::File(path) if path.as_os_str().is_empty() => {
                return Err(IdentityProblem::EmptyKeyPath);
            }
            KeySource::File(_) => {}
        }
        Ok(self)
    }
}

/// Why the identity file could not be read or written.
#[derive(Debug, Clone)]
pub enum IdentityFileError {
    Unreadable {
        path: PathBuf,
        cause: Arc<std::io::Error>,
    },
    /// Not a valid identity, where: `file:line:column: …`.
    Invalid(ConfigError),
    /// `save` refuses what `load` would refuse.
    Refused(IdentityProblem),
    Write {
        path: PathBuf,
        cause: Arc<std::io::Error>,
    },
}

impl IdentityFileError {
    pub fn said(&self) -> String {
        use crate::text;
        match self {
            IdentityFileError::Unreadable { path, cause } => {
                text::identity_unreadable(path.display().to_string(), text::io_cause(cause))
            }
            IdentityFileError::Invalid(located) => located.to_string(),
            IdentityFileError::Refused(problem) => problem.said(),
            IdentityFileError::Write { path, cause } => {
                text::identity_write_failed(path.display().to_string(), text::io_cause(cause))
            }
        }
    }
}

super::worded_as_display!(IdentityFileError);

/// Where the identity file is: `WARROOM_IDENTITY` when set (a file), else
/// `identity.yaml` in warroom's config folder (`~/.config/warroom/` on Linux); `None`
/// when there is no home to find that folder in.
pub fn path() -> Option<PathBuf> {
    path_from(std::env::var_os("WARROOM_IDENTITY"))
}

fn path_from(variable: Option<OsString>) -> Option<PathBuf> {
    match variable.filter(|v| !v.is_empty()) {
        Some(file) => Some(PathBuf::from(file)),
        None => directories::ProjectDirs::from("", "", "warroom")
            .map(|d| d.config_dir().join("identity.yaml")),
    }
}

/// The identity in `path`, checked; `None` when there is no such file.
pub fn load(path: &Path) -> Result<Option<LocalIdentity>, IdentityFileError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(IdentityFileError::Unreadable {
                path: path.into(),
                cause: Arc::new(e),
            });
        }
    };
    let file = path.display().to_string();
    let source = Source::new(&file, &text);
    let identity: LocalIdentity = source.parse().map_err(IdentityFileError::Invalid)?;
    identity
        .clone()
        .checked()
        .map(Some)
        .map_err(|problem| IdentityFileError::Invalid(located(&source, &identity, &problem)))
}

/// The problem, at the value it concerns.
fn located(source: &Source, identity: &LocalIdentity, problem: &IdentityProblem) -> ConfigError {
    let at = match problem {
        IdentityProblem::Handle { handle, .. } => source.key_value("handle", handle, 0),
        IdentityProblem::Name => source.key_value("name", &identity.name, 0),
        IdentityProblem::Email { email } => source.key_value("email", email, 0),
        IdentityProblem::PublicKey(_) => source.key_value("public_key", &identity.public_key, 0),
        IdentityProblem::FingerprintMismatch { fingerprint, .. } => {
            source.key_value("fingerprint", fingerprint, 0)
        }
        IdentityProblem::EmptyKeyPath => source.key_value("file", "", 0),
    };
    source.error_at(at, problem.said())
}

/// Writes the identity to `path` (checked first; the folder made, private, when
/// missing): whole or not at all, mode 0600, synced.
pub fn save(path: &Path, identity: &LocalIdentity) -> Result<(), IdentityFileError> {
    let identity = identity
        .clone()
        .checked()
        .map_err(IdentityFileError::Refused)?;
    let failed = |cause: std::io::Error| IdentityFileError::Write {
        path: path.into(),
        cause: Arc::new(cause),
    };
    let text = serde_yaml::to_string(&identity).map_err(|e| failed(std::io::Error::other(e)))?;
    crate::files::private_folder_for(path).map_err(failed)?;
    crate::files::write_atomically(path, text.as_bytes()).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED25519: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPxCZJva+eCHqEjeyXZwpOSUu9aJ09M6gAA17L8CSgAm";

    fn alice() -> LocalIdentity {
        LocalIdentity {
            handle: "alice".into(),
            name: "Alice Martin".into(),
            email: Some("alice@example.org".into()),
            key: KeySource::Agent {
                fingerprint: sshsig::fingerprint(ED25519).unwrap_or_else(|e| panic!("{e}")),
            },
            public_key: format!("{ED25519} alice@laptop"),
        }
    }

    #[test]
    fn handles_are_short_lowercase_and_start_with_a_letter() {
        for good in ["a", "alice", "j.doe", "ops-2", "x_y", &"a".repeat(32)] {
            assert_eq!(check_handle(good), Ok(()), "{good}");
        }
        assert_eq!(check_handle(""), Err(BadHandle::Empty));
        assert_eq!(
            check_handle(&"a".repeat(33)),
            Err(BadHandle::TooLong { chars: 33 })
        );
        assert_eq!(check_handle("1alice"), Err(BadHandle::BadStart));
        assert_eq!(check_handle("-a"), Err(BadHandle::BadStart));
        assert_eq!(check_handle(".a"), Err(BadHandle::BadStart));
        assert_eq!(
            check_handle("Alice"),
            Err(BadHandle::BadChar { found: 'A' })
        );
        assert_eq!(
            check_handle("al ice"),
            Err(BadHandle::BadChar { found: ' ' })
        );
        assert_eq!(check_handle("al*"), Err(BadHandle::BadChar { found: '*' }));
        assert_eq!(check_handle("a@b"), Err(BadHandle::BadChar { found: '@' }));
        assert_eq!(check_handle("é"), Err(BadHandle::BadChar { found: 'é' }));
        assert_eq!(check_handle("a,b"), Err(BadHandle::BadChar { found: ',' }));
    }

    #[test]
    fn an_identity_saved_reads_back_private_and_canonical() {
        use std::os::unix::fs::PermissionsExt;
        let dir = crate::store::private_tempdir();
        let path = dir
            .path()
            .join("config")
            .join("warroom")
            .join("identity.yaml");
        assert!(matches!(load(&path), Ok(None)));
        save(&path, &alice()).unwrap_or_else(|e| panic!("{e}"));
        let mode = |p: &Path| {
            std::fs::metadata(p)
                .ok()
                .map(|m| m.permissions().mode() & 0o777)
        };
        assert_eq!(mode(&path), Some(0o600));
        assert_eq!(mode(path.parent().unwrap_or(&path)), Some(0o700));
        let back = load(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut expected = alice();
        expected.public_key = ED25519.into();
        assert_eq!(back, Some(expected.clone()));

        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            text.contains("key:\n  agent:\n    fingerprint: SHA256:"),
            "{text}"
        );
        // A key file is written as `file: PATH`.
        let mut filed = expected;
        filed.key = KeySource::File("/home/alice/.ssh/warroom".into());
        save(&path, &filed).unwrap_or_else(|e| panic!("{e}"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            text.contains("key:\n  file: /home/alice/.ssh/warroom\n"),
            "{text}"
        );
        assert_eq!(load(&path).ok().flatten(), Some(filed));

        // What load would refuse is not saved.
        let mut bad = alice();
        bad.handle = "Alice".into();
        assert!(matches!(
            save(&path, &bad),
            Err(IdentityFileError::Refused(IdentityProblem::Handle { .. }))
        ));
    }

    /// The place and words of the error `text` gives as an identity file.
    fn error_of(text: &str) -> (usize, usize, String) {
        crate::i18n::set(crate::i18n::Lang::En);
        let dir = crate::store::private_tempdir();
        let path = dir.path().join("identity.yaml");
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        match load(&path) {
            Err(IdentityFileError::Invalid(e)) => {
                assert_eq!(e.file, path.display().to_string());
                (e.line, e.column, e.message)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_identity_file_says_where() {
        let fingerprint = sshsig::fingerprint(ED25519).unwrap_or_else(|e| panic!("{e}"));
        let file = |handle: &str, fp: &str, key: &str| {
            format!(
                "handle: {handle}\nname: Alice\nkey:\n  agent:\n    fingerprint: {fp}\npublic_key: {key}\n"
            )
        };
        let (line, column, message) = error_of(&file("Alice", &fingerprint, ED25519));
        assert_eq!((line, column), (1, 9));
        assert!(message.contains("'Alice'"), "{message}");
        let (line, column, _) = error_of(&file("alice", "SHA256:other", ED25519));
        assert_eq!((line, column), (5, 18));
        let (line, column, _) = error_of(&file("alice", &fingerprint, "ssh-ed25519 AAAA"));
        assert_eq!((line, column), (6, 13));
        // serde's own errors are located too: an unknown field, a missing one.
        let (line, _, message) = error_of(&format!(
            "{}colour: red\n",
            file("alice", &fingerprint, ED25519)
        ));
        assert_eq!(line, 7);
        assert!(message.contains("colour"), "{message}");
        let (_, _, message) = error_of("handle: alice\nname: A\npublic_key: x\n");
        assert!(message.contains("key"), "{message}");
        let (line, _, _) = error_of("handle: alice\nname: A\nkey:\n  usb: x\npublic_key: x\n");
        assert_eq!(line, 4);
    }

    #[test]
    fn the_file_is_the_one_warroom_identity_names_else_in_the_config_folder() {
        assert_eq!(
            path_from(Some("/tmp/me.yaml".into())),
            Some(PathBuf::from("/tmp/me.yaml"))
        );
        let default = path_from(None);
        assert_eq!(path_from(Some("".into())), default);
        if let Some(p) = default {
            assert!(p.ends_with("warroom/identity.yaml"), "{}", p.display());
        }
    }
}
