//! Operator identities and signed events (issue 17), the library half: who the
//! operator is (local.rs, their identity file), where their private key lives and
//! signing with it (key.rs: a key file without passphrase, or ssh-agent), and SSHSIG in
//! warroom's namespace (sshsig.rs), so that `ssh-keygen -Y verify -n warroom` checks
//! any event anywhere. No cryptography of our own: `ssh-key` signs and verifies,
//! `ssh-agent-client-rs` speaks to the agent. Errors are typed; `said()` words them.

/// `Display` and `Error` for an error type whose `said()` words it in the current
/// language, so that `{e}` and `?` into color-eyre show warroom's sentence.
macro_rules! worded_as_display {
    ($name:ident) => {
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.said())
            }
        }

        impl std::error::Error for $name {}
    };
}
use worded_as_display;

pub mod audit;
pub mod authorship;
pub mod key;
pub mod local;
pub mod login;
pub mod signing;
pub mod sshsig;

pub use audit::{Seal, audit};
pub use authorship::{Rosters, authored};
pub use key::{AgentStep, KeyError, KeySource, Signer, generate};
pub use local::{BadHandle, IdentityFileError, IdentityProblem, LocalIdentity, check_handle};
pub use signing::{Mark, Signing};
pub use sshsig::{
    BadSignature, BadSigner, NAMESPACE, allowed_signers, fingerprint, parse_public_key, verify,
};
