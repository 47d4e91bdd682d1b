//! SSHSIG, OpenSSH's signature format (`ssh-keygen -Y sign`), in warroom's namespace:
//! what warroom signs, `ssh-keygen -Y verify -n warroom` checks anywhere, and the
//! reverse. SHA-512 when warroom signs; SHA-256 or SHA-512 accepted, as OpenSSH does.
//!
//! Keys: Ed25519, ECDSA (NIST P-256, P-384, P-521) and RSA of 2,048 bits or more (its
//! signatures with SHA-256 or SHA-512, never SHA-1). Refused, with their algorithm:
//! DSA, smaller RSA keys, FIDO security keys (`sk-…`, whose signatures carry a
//! counter this crate does not check) and anything else.

use ssh_key::public::KeyData;
use ssh_key::{HashAlg, PublicKey, SshSig};

/// The SSHSIG namespace of every warroom signature: a signature made for git or for
/// files (`-n git`, `-n file`) is not one of warroom's, and the reverse.
pub const NAMESPACE: &str = "warroom";

/// The hash warroom signs with.
pub(super) const HASH: HashAlg = HashAlg::Sha512;

/// Why a signature, or a public key, is refused. Worded by `said`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadSignature {
    /// Not an armored SSHSIG (`-----BEGIN SSH SIGNATURE-----`), or a damaged one.
    NotASignature,
    /// An SSHSIG made for another use (`ssh-keygen -Y sign -n git`).
    WrongNamespace { found: String },
    /// Made by another key than the one it is checked against.
    KeyMismatch { signed_by: String },
    /// The right key and namespace, but the message or the signature was altered.
    DoesNotVerify,
    /// Not an OpenSSH public key (`ssh-ed25519 AAAA…`).
    BadPublicKey,
    /// A public key of a kind warroom does not verify (see the module's comment).
    UnsupportedAlgorithm { algorithm: String },
}

impl BadSignature {
    /// In words, in the current language.
    pub fn said(&self) -> String {
        use crate::text;
        match self {
            BadSignature::NotASignature => text::sig_not_a_signature(),
            BadSignature::WrongNamespace { found } => {
                text::sig_wrong_namespace(found.as_str(), NAMESPACE)
            }
            BadSignature::KeyMismatch { signed_by } => text::sig_key_mismatch(signed_by.as_str()),
            BadSignature::DoesNotVerify => text::sig_does_not_verify(),
            BadSignature::BadPublicKey => text::sig_bad_public_key(),
            BadSignature::UnsupportedAlgorithm { algorithm } => {
                text::sig_unsupported_algorithm(algorithm.as_str())
            }
        }
    }
}

super::worded_as_display!(BadSignature);

/// Checks that `armored` is an SSHSIG of `message` in warroom's namespace, made by the
/// key `public_key_openssh` (an OpenSSH public key line; its comment is ignored).
pub fn verify(public_key_openssh: &str, message: &[u8], armored: &str) -> Result<(), BadSignature> {
    let key = read_public_key(public_key_openssh)?;
    let signature = read_signature(armored)?;
    if signature.namespace() != NAMESPACE {
        return Err(BadSignature::WrongNamespace {
            found: signature.namespace().to_string(),
        });
    }
    if signature.public_key() != key.key_data() {
        return Err(BadSignature::KeyMismatch {
            signed_by: signature
                .public_key()
                .fingerprint(HashAlg::Sha256)
                .to_string(),
        });
    }
    key.verify(NAMESPACE, message, &signature)
        .map_err(|_| BadSignature::DoesNotVerify)
}

/// The public key that made `armored` (OpenSSH one-line form, no comment): whose
/// signature it says it is, before anything is verified.
pub fn signer_key(armored: &str) -> Result<String, BadSignature> {
    let signature = read_signature(armored)?;
    supported(signature.public_key())?;
    PublicKey::new(signature.public_key().clone(), "")
        .to_openssh()
        .map_err(|_| BadSignature::BadPublicKey)
}

/// The armored SSHSIG, read: surrounding blank space is allowed (a file's last
/// newline), nothing else.
fn read_signature(armored: &str) -> Result<SshSig, BadSignature> {
    SshSig::from_pem(armored.trim()).map_err(|_| BadSignature::NotASignature)
}

/// Why a principal cannot be written into an allowed-signers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadSigner {
    /// The principal is empty, holds blank space or a control character, a pattern
    /// character (`*`, `?`, `!`, `,`: OpenSSH reads the field as a pattern list, so
    /// `*` would let any name through), a quote or a backslash, or starts with `#`.
    Principal { principal: String },
    /// The key given for `principal` is not one warroom verifies.
    Key {
        principal: String,
        why: BadSignature,
    },
}

impl BadSigner {
    /// In words, in the current language. The principal comes from outside: whoever
    /// shows this makes it safe for the terminal.
    pub fn said(&self) -> String {
        use crate::text;
        match self {
            BadSigner::Principal { principal } => text::sig_bad_principal(principal.as_str()),
            BadSigner::Key { principal, why } => {
                text::sig_bad_signer_key(principal.as_str(), why.said())
            }
        }
    }
}

super::worded_as_display!(BadSigner);

/// An OpenSSH allowed-signers file (`man ssh-keygen`, ALLOWED SIGNERS) for
/// `ssh-keygen -Y verify -f FILE -I PRINCIPAL -n warroom`: one line per entry,
/// `principal namespaces="warroom" ssh-ed25519 AAAA…`, in the order given. Each key
/// is written anew from its decoded form (comment dropped), so a key text cannot add
/// a line of its own; a principal that the format would read as a pattern, or that
/// could not be written raw, is refused rather than quoted (quotes do not stop `*`).
pub fn allowed_signers(entries: &[(String, String)]) -> Result<String, BadSigner> {
    let mut file = String::new();
    for (principal, key) in entries {
        if !principal_fits(principal) {
            return Err(BadSigner::Principal {
                principal: principal.clone(),
            });
        }
        let key = parse_public_key(key).map_err(|why| BadSigner::Key {
            principal: principal.clone(),
            why,
        })?;
        file.push_str(&format!("{principal} namespaces=\"{NAMESPACE}\" {key}\n"));
    }
    Ok(file)
}

/// True when `principal` reads as itself, and only itself, in an allowed-signers file.
fn principal_fits(principal: &str) -> bool {
    !principal.is_empty()
        && !principal.starts_with('#')
        && principal.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '*' | '?' | '!' | ',' | '"' | '\'' | '\\')
        })
}

/// The key's SHA-256 fingerprint as OpenSSH shows it (`ssh-keygen -l`, `ssh-add -l`):
/// `SHA256:` and unpadded base64.
pub fn fingerprint(public_key_openssh: &str) -> Result<String, BadSignature> {
    Ok(read_public_key(public_key_openssh)?
        .fingerprint(HashAlg::Sha256)
        .to_string())
}

/// The key in OpenSSH's one-line form, comment dropped (`ssh-ed25519 AAAA…`), when it
/// is a key warroom verifies (see the module's comment).
pub fn parse_public_key(text: &str) -> Result<String, BadSignature> {
    read_public_key(text)?
        .to_openssh()
        .map_err(|_| BadSignature::BadPublicKey)
}

/// The key, without its comment, when it is one warroom verifies.
pub(super) fn read_public_key(text: &str) -> Result<PublicKey, BadSignature> {
    let text = text.trim();
    if text.contains(['\n', '\r']) {
        return Err(BadSignature::BadPublicKey);
    }
    let key = PublicKey::from_openssh(text).map_err(|_| BadSignature::BadPublicKey)?;
    supported(key.key_data())?;
    Ok(PublicKey::new(key.key_data().clone(), ""))
}

/// Ok when warroom verifies signatures of this kind of key.
pub(super) fn supported(key: &KeyData) -> Result<(), BadSignature> {
    /// Below this, RSA is refused, as OpenSSH does since 9.1 and as ssh-key does.
    const RSA_MIN_BITS: usize = 2048;
    let fits = match key {
        KeyData::Ed25519(_) | KeyData::Ecdsa(_) => true,
        KeyData::Rsa(rsa) => rsa
            .n
            .as_positive_bytes()
            .is_some_and(|n| n.len() * 8 >= RSA_MIN_BITS),
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(BadSignature::UnsupportedAlgorithm {
            algorithm: key.algorithm().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPxCZJva+eCHqEjeyXZwpOSUu9aJ09M6gAA17L8CSgAm";

    fn entry(principal: &str, key: &str) -> (String, String) {
        (principal.to_string(), key.to_string())
    }

    #[test]
    fn allowed_signers_lines_name_the_namespace_and_drop_comments() {
        let file = allowed_signers(&[
            entry("alice", &format!("{KEY} alice@laptop")),
            entry("bob.smith@example.org", KEY),
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            file,
            format!(
                "alice namespaces=\"warroom\" {KEY}\nbob.smith@example.org namespaces=\"warroom\" {KEY}\n"
            )
        );
        assert_eq!(allowed_signers(&[]).ok().as_deref(), Some(""));
    }

    #[test]
    fn principals_that_would_be_patterns_or_split_the_line_are_refused() {
        for bad in [
            "", "*", "al*", "a?", "!alice", "a,b", "a b", "a\tb", "#a", "a\"b", "a\\b", "a\nb",
        ] {
            assert_eq!(
                allowed_signers(&[entry(bad, KEY)]),
                Err(BadSigner::Principal {
                    principal: bad.to_string()
                }),
                "{bad:?}"
            );
        }
        // A key text with a second line cannot add a signer.
        let smuggled = format!("{KEY}\n* {KEY}");
        assert!(matches!(
            allowed_signers(&[entry("alice", &smuggled)]),
            Err(BadSigner::Key {
                why: BadSignature::BadPublicKey,
                ..
            })
        ));
    }

    #[test]
    fn public_keys_are_read_canonically_and_fingerprinted_as_openssh_does() {
        assert_eq!(
            parse_public_key(&format!("  {KEY} some comment \n")).as_deref(),
            Ok(KEY)
        );
        assert_eq!(
            parse_public_key("ssh-ed25519 not-base64"),
            Err(BadSignature::BadPublicKey)
        );
        assert_eq!(parse_public_key(""), Err(BadSignature::BadPublicKey));
        // Keys made by ssh-keygen: DSA and RSA of 1,024 bits are refused, ECDSA taken.
        const DSA: &str = "ssh-dss AAAAB3NzaC1kc3MAAACBAP1jfPfSZJt7n8TtQcgKoj+HvojlOjD/gloprAHZiPVE7K3lt+Rq47SzUhxIQm9vSuO3nQIMBf8haHjZ9zjbjQ6DRxDDvRdqpJ5Jnl3j8Uw8pWsTeJUIpfGi4AUNcwdbGz6i3vXq4pgskyWVLwfmOmumc1R3tJZeQF6ax0VAvW9LAAAAFQCT2yGj2bS0/zyjbTDB/CLaCMgicwAAAIBEkDJa9t35d1DN/5q0E1Kk3plR9B2vwjzVJkyM7ntdCKROq0i1xZQn84DVBsbFG3p3LAm41wAuU61hXYzL49bgudJUDGhrhPY+CKowS6pWvt4fBSL6ebcC0XDGq3Q9lTfiVVjzQNKrLZkjoGrGPvcoKuSP78223ekOQpovxZa7RAAAAIAVchtC6408Pjt/pNj595gMM06B3yLoSVKT+PvKvoRwZGVQDmCcc3SfpVppw1HY3qjaoBZoTb4z1wvHOiqxqUnz1w/7P7wysyPRkII6lqildw09uJhc2oC3khUB0k+RzyVFTN9K7tzzLeW3LF1s6ZKlbAFh9kYFBUBmI192WMuUaw==";
        const RSA_1024: &str = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDvStL6JaS15kgUTinAgXUdlLR6F0OInohqCQ/EfTKYY9k3a5k0U90pSyVC4FYLWqoP21oAkDaYALIqkenYYsY2xMWg0M4mKxXTUDITKbX+z0/yMHcRszBG425GAzFRgTvdYuMrA8nv2K9yNXitCZda5kBRcL80kuaKAK3RPAbESw==";
        const ECDSA: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBNmOjyfnI3YE++4kqiaBCvOPxQ6A0V3+2OtZaAt8xB6ktKlz7PNS/3/Pgd2IUqmd8h1+IfmiqZDRP0tGPSP/Hdc=";
        assert_eq!(
            parse_public_key(DSA),
            Err(BadSignature::UnsupportedAlgorithm {
                algorithm: "ssh-dss".into()
            })
        );
        assert_eq!(
            parse_public_key(RSA_1024),
            Err(BadSignature::UnsupportedAlgorithm {
                algorithm: "ssh-rsa".into()
            })
        );
        assert_eq!(
            parse_public_key(&format!("{ECDSA} x")).as_deref(),
            Ok(ECDSA)
        );
        // As `ssh-keygen -l` said of it.
        assert_eq!(
            fingerprint(ECDSA).as_deref(),
            Ok("SHA256:8n95rDdQ0/Zvy7F+vUnosF5YZ5XoXYPe7aFdBpsfjuA")
        );
    }

    #[test]
    fn signatures_are_checked_for_namespace_key_and_message() {
        let mut rng = rand_core::OsRng;
        let key = ssh_key::PrivateKey::random(&mut rng, ssh_key::Algorithm::Ed25519)
            .unwrap_or_else(|e| panic!("{e}"));
        let other = ssh_key::PrivateKey::random(&mut rng, ssh_key::Algorithm::Ed25519)
            .unwrap_or_else(|e| panic!("{e}"));
        let public = key
            .public_key()
            .to_openssh()
            .unwrap_or_else(|e| panic!("{e}"));
        let armor = |k: &ssh_key::PrivateKey, namespace: &str, msg: &[u8]| {
            k.sign(namespace, HASH, msg)
                .and_then(|s| s.to_pem(ssh_key::LineEnding::LF))
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let good = armor(&key, NAMESPACE, b"event");
        assert_eq!(verify(&public, b"event", &good), Ok(()));
        assert_eq!(
            verify(&public, b"Event", &good),
            Err(BadSignature::DoesNotVerify)
        );
        assert_eq!(
            verify(&public, b"event", &armor(&key, "git", b"event")),
            Err(BadSignature::WrongNamespace {
                found: "git".into()
            })
        );
        assert_eq!(
            verify(&public, b"event", &armor(&other, NAMESPACE, b"event")),
            Err(BadSignature::KeyMismatch {
                signed_by: other.public_key().fingerprint(HashAlg::Sha256).to_string()
            })
        );
        assert_eq!(
            verify(
                &public,
                b"event",
                "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n"
            ),
            Err(BadSignature::NotASignature)
        );
        assert_eq!(
            verify("ssh-ed25519", b"event", &good),
            Err(BadSignature::BadPublicKey)
        );
    }
}
