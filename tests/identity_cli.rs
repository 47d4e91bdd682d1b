//! Identities and rosters from the command line: an identity made once with its own
//! ed25519 key (private, kept on `--force`), an incident's roster kept in its journal
//! (added, replaced, revoked), refusals that store nothing, and the roster exported as
//! an allowed-signers file that the real `ssh-keygen -Y verify` accepts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn ssh_keygen() -> Command {
    let found = Command::new("ssh-keygen").arg("-?").output();
    assert!(
        found.is_ok(),
        "ssh-keygen (openssh-client) is needed: run .ci/run, which installs it"
    );
    Command::new("ssh-keygen")
}

fn init(dir: &Path, handle: &str, name: &str) -> String {
    ok(warroom(dir).args(["identity", "init", "--handle", handle, "--name", name]))
}

fn roster(dir: &Path, id: &str) -> Vec<Value> {
    serde_json::from_str(&ok(warroom(dir).args(["identity", "list", id, "--json"]))).unwrap()
}

#[test]
fn an_identity_is_made_once_with_a_private_key_and_shown() {
    let dir = tmp();
    let none = fails(warroom(dir.path()).args(["identity", "show"]), 2);
    assert!(none.contains("warroom identity init"), "{none}");

    let refused = fails(
        warroom(dir.path()).args(["identity", "init", "--handle", "Alex", "--name", "A"]),
        2,
    );
    assert!(refused.contains("lowercase letter"), "{refused}");

    let said = init(dir.path(), "alex", "Alex Martin");
    assert!(said.contains("SHA256:"), "{said}");
    let key = dir.path().join(".config/warroom/id_ed25519");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the private key is the operator's alone");

    let shown: Value =
        serde_json::from_str(&ok(warroom(dir.path()).args(["identity", "show", "--json"])))
            .unwrap();
    assert_eq!(shown["handle"], "alex");
    assert_eq!(shown["name"], "Alex Martin");
    let public = shown["public_key"].as_str().unwrap().to_string();
    assert!(public.starts_with("ssh-ed25519 "), "{public}");
    assert!(
        shown["fingerprint"]
            .as_str()
            .unwrap()
            .starts_with("SHA256:")
    );

    // Once: a second init is refused unless --force, which keeps the key.
    let again = fails(
        warroom(dir.path()).args(["identity", "init", "--handle", "al", "--name", "Al"]),
        2,
    );
    assert!(again.contains("--force"), "{again}");
    ok(warroom(dir.path()).args([
        "identity", "init", "--handle", "al", "--name", "Al", "--force",
    ]));
    let shown: Value =
        serde_json::from_str(&ok(warroom(dir.path()).args(["identity", "show", "--json"])))
            .unwrap();
    assert_eq!(shown["handle"], "al");
    assert_eq!(shown["public_key"], public.as_str());
}

#[test]
fn a_roster_lives_in_the_journal_and_exports_for_ssh_keygen() {
    let dir = tmp();
    init(dir.path(), "alex", "Alex Martin");
    // No identity: no roster.
    let other = tmp();
    let bare = declare(other.path(), "Phishing", "3");
    assert!(ok(warroom(other.path()).args(["identity", "list", &bare])).contains("no roster yet"));
    // Declared by Alex: Alex founds the roster, in the declaration's own write.
    let id = declare(dir.path(), "Ransomware", "4");
    let members = roster(dir.path(), &id);
    assert_eq!(members.len(), 1);
    assert_eq!(
        (&members[0]["handle"], members[0]["added_in"].as_u64()),
        (&Value::from("alex"), Some(2))
    );

    // Yourself again with a role (the entry is replaced); then Sam, from a key file.
    ok(warroom(dir.path()).args(["identity", "add", &id, "--role", "incident-commander"]));
    let sam = dir.path().join("sam");
    let made = ssh_keygen()
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "sam@laptop", "-f"])
        .arg(&sam)
        .status()
        .unwrap();
    assert!(made.success());
    let added = ok(warroom(dir.path())
        .args(["identity", "add", &id, "--handle", "sam", "--name", "Sam B"])
        .arg("--key")
        .arg(sam.with_extension("pub"))
        .arg("--read-only"));
    assert!(added.contains("sam is on the roster"), "{added}");
    let members = roster(dir.path(), &id);
    assert_eq!(members.len(), 3);
    assert!(members[0]["revoked"].is_object(), "replaced");
    assert_eq!(
        (
            &members[1]["handle"],
            &members[1]["roles"][0],
            &members[1]["access"]
        ),
        (
            &Value::from("alex"),
            &Value::from("incident-commander"),
            &Value::from("write")
        )
    );
    // The login the kernel knows this process by, never $USER (set to "tester" here).
    let login = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout).unwrap();
    assert_eq!(members[1]["unix_user"], login.trim());
    assert_eq!(members[2]["access"], "read");
    // The key is stored without its comment: the same key, whatever it was called.
    assert!(
        !members[2]["public_key"]
            .as_str()
            .unwrap()
            .contains("sam@laptop")
    );

    ok(warroom(dir.path()).args(["identity", "revoke", &id, "sam", "--reason", "left"]));
    let members = roster(dir.path(), &id);
    assert_eq!(members[2]["revoked"]["reason"], "left");
    let listed = ok(warroom(dir.path()).args(["identity", "list", &id]));
    assert!(listed.contains("REVOKED: left"), "{listed}");
    // Revoked, not retracted: which keys could sign when never changes afterwards.
    let last = journal_len(dir.path(), &id).to_string();
    let refused = fails(
        warroom(dir.path()).args(["retract", &id, &last, "--reason", "undo"]),
        1,
    );
    assert!(refused.contains("identity revoke"), "{refused}");
    let journal = ok(warroom(dir.path()).args(["show", &id]));
    assert!(
        journal.contains("On the roster: alex (Alex Martin)"),
        "{journal}"
    );
    assert!(journal.contains("Off the roster: sam: left"), "{journal}");

    // The allowed-signers file holds the members who may sign now: Alex only; and
    // ssh-keygen checks a signature of Alex's key with it.
    let allowed = dir.path().join("allowed_signers");
    ok(warroom(dir.path())
        .args(["roster", "export", &id, "-o"])
        .arg(&allowed));
    let file = std::fs::read_to_string(&allowed).unwrap();
    assert_eq!(file.lines().count(), 1, "{file}");
    assert!(
        file.starts_with("alex namespaces=\"warroom\" ssh-ed25519 "),
        "{file}"
    );
    let message = dir.path().join("message");
    std::fs::write(&message, b"an event's bytes").unwrap();
    let key = dir.path().join(".config/warroom/id_ed25519");
    let signed = ssh_keygen()
        .args(["-Y", "sign", "-n", "warroom", "-f"])
        .arg(&key)
        .arg(&message)
        .output()
        .unwrap();
    assert!(signed.status.success(), "{signed:?}");
    let verified = ssh_keygen()
        .args(["-Y", "verify", "-n", "warroom", "-I", "alex", "-f"])
        .arg(&allowed)
        .arg("-s")
        .arg(message.with_extension("sig"))
        .stdin(std::fs::File::open(&message).unwrap())
        .output()
        .unwrap();
    assert!(verified.status.success(), "{verified:?}");
    // Every event is Alex's, signed.
    let verified = ok(warroom(dir.path()).args(["verify", &id]));
    let count = journal_len(dir.path(), &id);
    assert!(
        verified.contains(&format!("signatures: {count} signed (alex {count})")),
        "{verified}"
    );
}

#[test]
fn a_member_added_again_gets_the_new_key_and_the_old_one_is_closed() {
    let dir = tmp();
    init(dir.path(), "alex", "Alex Martin");
    let id = declare(dir.path(), "Phishing", "3");

    let other = dir.path().join("new_key");
    assert!(
        ssh_keygen()
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&other)
            .status()
            .unwrap()
            .success()
    );
    let public = std::fs::read_to_string(other.with_extension("pub")).unwrap();
    let said = ok(warroom(dir.path()).args([
        "identity",
        "add",
        &id,
        "--handle",
        "alex",
        "--name",
        "Alex Martin",
        "--key",
        public.trim(),
    ]));
    assert!(said.contains("previous key"), "{said}");
    let members = roster(dir.path(), &id);
    assert_eq!(members.len(), 2);
    assert!(members[0]["revoked"].is_object(), "the first key is closed");
    assert!(members[1]["revoked"].is_null());
    assert!(public.starts_with(members[1]["public_key"].as_str().unwrap()));
}

#[test]
fn refusals_say_why_and_store_nothing() {
    let dir = tmp();
    let id = declare(dir.path(), "Intrusion", "3");
    let before = journal_len(dir.path(), &id);
    let cases: [(&[&str], &str); 6] = [
        (&["identity", "add", &id], "warroom identity init"),
        (
            &["identity", "add", &id, "--key", "ssh-ed25519 AAAA"],
            "--handle and --name",
        ),
        (
            &[
                "identity",
                "add",
                &id,
                "--handle",
                "x",
                "--name",
                "X",
                "--key",
                "ssh-ed25519 not-base64",
            ],
            "ssh-ed25519 not-base64",
        ),
        (
            &[
                "identity", "add", &id, "--handle", "x", "--name", "X", "--key", "k", "--role",
                "chef",
            ],
            "unknown role 'chef'",
        ),
        (
            &["identity", "revoke", &id, "nobody", "--reason", "r"],
            "no member 'nobody'",
        ),
        (
            &[
                "identity",
                "add",
                &id,
                "--handle",
                "bad handle",
                "--name",
                "X",
                "--key",
                "ssh-ed25519 AAAA",
            ],
            "only lowercase letters",
        ),
    ];
    for (args, said) in cases {
        let err = fails(warroom(dir.path()).args(args), 2);
        assert!(err.contains(said), "{args:?}: {err}");
    }
    assert_eq!(journal_len(dir.path(), &id), before);
}
