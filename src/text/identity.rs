//! Operator identities and signatures (issue 17): keys, the agent, SSHSIG, the
//! identity file. The errors are typed in `identity`; these word them.

use super::*;

words! {
    // SSHSIG and public keys.
    sig_not_a_signature => "sig-not-a-signature";
    sig_wrong_namespace(found: &str, expected: &str) => "sig-wrong-namespace";
    sig_key_mismatch(signed_by: &str) => "sig-key-mismatch";
    sig_does_not_verify => "sig-does-not-verify";
    sig_bad_public_key => "sig-bad-public-key";
    sig_unsupported_algorithm(algorithm: &str) => "sig-unsupported-algorithm";
    sig_bad_principal(principal: &str) => "sig-bad-principal";
    sig_bad_signer_key(principal: &str, why: String) => "sig-bad-signer-key";
    // The private key.
    key_missing(path: String) => "key-missing";
    key_unreadable(path: String, why: String) => "key-unreadable";
    key_not_private(path: String) => "key-not-private";
    key_public_not_private(path: String) => "key-public-not-private";
    /// A key locked by a passphrase: the way to use it is ssh-agent.
    key_locked(path: String) => "key-locked";
    key_unsupported(path: String, algorithm: &str) => "key-unsupported";
    key_already_exists(path: String) => "key-already-exists";
    key_write_failed(path: String, why: String) => "key-write-failed";
    key_no_randomness => "key-no-randomness";
    // ssh-agent.
    agent_none => "agent-none";
    agent_unreachable(socket: String, why: String) => "agent-unreachable";
    agent_key_absent(fingerprint: &str) => "agent-key-absent";
    agent_key_unsupported(fingerprint: &str, algorithm: &str) => "agent-key-unsupported";
    agent_refused(fingerprint: &str) => "agent-refused";
    agent_bad_signature(fingerprint: &str, why: String) => "agent-bad-signature";
    // Handles and the identity file.
    handle_empty => "handle-empty";
    handle_bad_start(handle: &str) => "handle-bad-start";
    handle_bad_char(handle: &str, found: String) => "handle-bad-char";
    identity_bad_name => "identity-bad-name";
    identity_bad_email(email: &str) => "identity-bad-email";
    identity_fingerprint_mismatch(fingerprint: &str, public: &str) => "identity-fingerprint-mismatch";
    identity_empty_key_path => "identity-empty-key-path";
    identity_unreadable(path: String, why: String) => "identity-unreadable";
    identity_write_failed(path: String, why: String) => "identity-write-failed";
}

pub fn handle_too_long(handle: &str, chars: usize, max: usize) -> String {
    tr_args(
        "handle-too-long",
        &[
            ("handle", handle.into()),
            ("chars", chars.into()),
            ("max", max.into()),
        ],
    )
}

/// The cryptography library could not sign: its own message, marked as a detail.
pub fn key_sign_failed(detail: &str) -> String {
    technical(tr("key-sign-failed"), detail)
}

/// The agent answered outside its protocol: the client library's message, marked.
pub fn agent_bad_answer(socket: String, detail: &str) -> String {
    technical(
        tr_args("agent-bad-answer", &[("socket", socket.into())]),
        detail,
    )
}

pub fn agent_timeout_connecting(socket: String, seconds: f64) -> String {
    agent_timeout("agent-timeout-connecting", socket, seconds)
}

pub fn agent_timeout_listing(socket: String, seconds: f64) -> String {
    agent_timeout("agent-timeout-listing", socket, seconds)
}

pub fn agent_timeout_signing(socket: String, seconds: f64) -> String {
    agent_timeout("agent-timeout-signing", socket, seconds)
}

fn agent_timeout(id: &str, socket: String, seconds: f64) -> String {
    tr_args(
        id,
        &[
            ("socket", socket.into()),
            ("seconds", decimal(seconds).into()),
        ],
    )
}

/// Seconds with at most one decimal, its separator the language's (`0.5`, `0,5`).
fn decimal(seconds: f64) -> String {
    let text = if seconds.fract() == 0.0 {
        format!("{seconds:.0}")
    } else {
        format!("{seconds:.1}")
    };
    match crate::i18n::current() {
        crate::i18n::Lang::Fr => text.replace('.', ","),
        crate::i18n::Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set};

    #[test]
    fn timeouts_say_what_was_awaited_and_how_long_in_each_language() {
        set(Lang::En);
        assert_eq!(
            agent_timeout_signing("/run/agent.sock".into(), 2.5),
            "ssh-agent (/run/agent.sock) did not sign within 2.5 s; it may be waiting for a confirmation nobody gave"
        );
        set(Lang::Fr);
        assert_eq!(
            agent_timeout_listing("/run/agent.sock".into(), 10.0),
            "ssh-agent (/run/agent.sock) n’a pas donné la liste de ses clés en 10 s"
        );
        set(Lang::En);
    }
}
