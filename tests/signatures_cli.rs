//! Signed events from the command line: an event's signature checked by the real
//! `ssh-keygen -Y verify` with the roster's allowed-signers file; a revoked member's
//! later writes, a forged event in an imported journal and events written unsigned on
//! purpose, each named by `verify` (the first two as failures, exit 1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn init(dir: &Path, handle: &str) {
    ok(warroom(dir).args(["identity", "init", "--handle", handle, "--name", handle]));
}

/// The binary as Sam, whose identity file is `sam.yaml` in `dir` (his key beside it).
fn as_sam(dir: &Path) -> assert_cmd::Command {
    let mut cmd = warroom(dir);
    cmd.env("WARROOM_IDENTITY", dir.join("sam").join("identity.yaml"));
    cmd
}

fn ssh_keygen_verify(allowed: &Path, principal: &str, sig: &Path, body: &Path) -> bool {
    let run = Command::new("ssh-keygen")
        .args(["-Y", "verify", "-n", "warroom", "-I", principal, "-f"])
        .arg(allowed)
        .arg("-s")
        .arg(sig)
        .stdin(std::fs::File::open(body).unwrap())
        .output();
    let run = run.unwrap_or_else(|e| panic!("ssh-keygen is needed (run .ci/run): {e}"));
    run.status.success()
}

#[test]
fn an_events_signature_is_checked_by_ssh_keygen_too() {
    let dir = tmp();
    init(dir.path(), "alex");
    let id = declare(dir.path(), "Ransomware", "4");
    ok(warroom(dir.path()).args(["note", &id, "FS01 unplugged"]));
    let allowed = dir.path().join("allowed_signers");
    ok(warroom(dir.path())
        .args(["roster", "export", &id, "-o"])
        .arg(&allowed));
    let said = ok(warroom(dir.path())
        .args(["verify", &id, "--event", "3", "--out"])
        .arg(dir.path()));
    assert!(said.contains("ssh-keygen -Y verify"), "{said}");
    let body = dir.path().join(format!("{id}-3.body"));
    let sig = dir.path().join(format!("{id}-3.sig"));
    assert!(
        String::from_utf8(std::fs::read(&body).unwrap())
            .unwrap()
            .contains("FS01 unplugged")
    );
    assert!(ssh_keygen_verify(&allowed, "alex", &sig, &body));
    // Not for another principal, nor for other bytes.
    assert!(!ssh_keygen_verify(&allowed, "sam", &sig, &body));
    let mut forged = std::fs::read(&body).unwrap();
    forged.extend_from_slice(b" ");
    std::fs::write(&body, forged).unwrap();
    assert!(!ssh_keygen_verify(&allowed, "alex", &sig, &body));
}

#[test]
fn a_revoked_members_later_writes_are_refused_here_and_named_by_verify_elsewhere() {
    let dir = tmp();
    init(dir.path(), "alex");
    let id = declare(dir.path(), "Ransomware", "4");
    ok(as_sam(dir.path()).args(["identity", "init", "--handle", "sam", "--name", "Sam"]));
    let sam: Value =
        serde_json::from_str(&ok(as_sam(dir.path()).args(["identity", "show", "--json"]))).unwrap();
    let key = sam["public_key"].as_str().unwrap();
    // Sam shares Alex's Unix account: his key says the write is his.
    let login = warroom::identity::login::my_login().unwrap();
    ok(warroom(dir.path()).args([
        "identity",
        "add",
        &id,
        "--handle",
        "sam",
        "--name",
        "Sam",
        "--key",
        key,
        "--unix-user",
        &login,
    ]));
    ok(as_sam(dir.path()).args(["note", &id, "EDR alert triaged"]));
    let fine = ok(warroom(dir.path()).args(["verify", &id]));
    assert!(
        fine.contains("signatures: 4 signed (alex 3, sam 1)"),
        "{fine}"
    );

    ok(warroom(dir.path()).args(["identity", "revoke", &id, "sam", "--reason", "left"]));
    let before = journal_len(dir.path(), &id);
    let refused = fails(
        as_sam(dir.path()).args(["note", &id, "written after leaving"]),
        1,
    );
    assert!(
        refused.contains(&format!("a key the roster does not give to {login}")),
        "{refused}"
    );
    assert_eq!(journal_len(dir.path(), &id), before, "nothing written");

    // The same write made on another machine and imported here: verify names it.
    let journal = ok(warroom(dir.path()).args(["export", &id, "--format", "journal"]));
    let mut events: Vec<Value> = journal
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut late: warroom::domain::Event =
        serde_json::from_value(events.last().unwrap().clone()).unwrap();
    late.id += 1;
    late.author = "sam".into();
    late.change = warroom::domain::Change::NoteAdded {
        text: "written after leaving".into(),
    };
    let sam_identity =
        warroom::identity::local::load(&dir.path().join("sam").join("identity.yaml"))
            .unwrap()
            .unwrap();
    let mut signer =
        warroom::identity::Signer::open(&sam_identity.key, std::time::Duration::from_secs(5))
            .unwrap();
    let incident: warroom::domain::IncidentId = id.parse().unwrap();
    late.signature = Some(signer.sign(&late.signed_body(&incident)).unwrap());
    events.push(serde_json::to_value(&late).unwrap());
    let last = events.len();
    let (out, _) = verify_failing(imported(&events).path(), &id);
    let fingerprint = sam_fingerprint(&sam);
    assert!(
        out.contains(&format!(
            "#{last}: SIGNED BY A KEY NOT ON THE ROSTER ({fingerprint})"
        )),
        "{out}"
    );
    // Sam's note from before stays his, signed.
    assert!(out.contains("(alex 4, sam 1)"), "{out}");
}

/// A store elsewhere with these events imported, chained again in this order (the
/// hashes hold; signatures are what they are): its folder.
fn imported(events: &[Value]) -> tempfile::TempDir {
    let mut head = warroom::domain::GENESIS_HASH.to_string();
    let mut journal = String::new();
    for event in events {
        let mut event = event.clone();
        event["prev_hash"] = Value::from(head.clone());
        let event: warroom::domain::Event = serde_json::from_value(event).unwrap();
        let record = event.to_record();
        head = warroom::domain::record_hash(&record);
        journal.push_str(&String::from_utf8(record).unwrap());
        journal.push('\n');
    }
    let elsewhere = tmp();
    let file = elsewhere.path().join("journal.jsonl");
    std::fs::write(&file, journal).unwrap();
    ok(warroom(elsewhere.path()).arg("import").arg(&file));
    elsewhere
}

/// `verify ID`, which must exit 1: what it printed on standard output and error.
fn verify_failing(dir: &Path, id: &str) -> (String, String) {
    let out = warroom(dir)
        .args(["verify", id])
        .assert()
        .code(1)
        .get_output()
        .clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn sam_fingerprint(sam: &Value) -> String {
    sam["fingerprint"].as_str().unwrap().to_string()
}

#[test]
fn unsigned_on_purpose_is_named_and_not_a_failure() {
    let dir = tmp();
    init(dir.path(), "alex");
    let id = declare(dir.path(), "Ransomware", "4");
    ok(warroom(dir.path()).args(["--unsigned", "note", &id, "from the bridge phone"]));
    let out = ok(warroom(dir.path()).args(["verify", &id]));
    assert!(
        out.contains("#3: unsigned, on purpose (--unsigned)"),
        "{out}"
    );
    assert!(out.contains("signatures: 2 signed (alex 2)"), "{out}");
}

#[test]
fn a_forged_event_in_an_imported_journal_is_named() {
    let dir = tmp();
    init(dir.path(), "alex");
    let id = declare(dir.path(), "Ransomware", "4");
    ok(warroom(dir.path()).args(["note", &id, "ransom: 10 BTC"]));
    let journal = ok(warroom(dir.path()).args(["export", &id, "--format", "journal"]));
    // Someone changes what the note says and chains the journal again: the hashes
    // hold, the author's signature cannot.
    let events: Vec<Value> = journal
        .lines()
        .map(|line| {
            let mut event: Value = serde_json::from_str(line).unwrap();
            if event["change"]["text"] == "ransom: 10 BTC" {
                event["change"]["text"] = Value::from("ransom: 1 BTC");
            }
            event
        })
        .collect();
    let elsewhere = imported(&events);
    let (out, _) = verify_failing(elsewhere.path(), &id);
    assert!(
        out.contains(&format!("{id}: ok, 3 events")),
        "the chain holds: {out}"
    );
    assert!(out.contains("#3: THE SIGNATURE DOES NOT HOLD"), "{out}");
}

#[test]
fn a_missing_or_locked_key_writes_nothing_unless_unsigned_is_said() {
    let dir = tmp();
    init(dir.path(), "alex");
    let id = declare(dir.path(), "Ransomware", "4");
    let before = journal_len(dir.path(), &id);
    let key = dir.path().join(".config/warroom/id_ed25519");
    std::fs::remove_file(&key).unwrap();
    let refused = fails(warroom(dir.path()).args(["note", &id, "lost"]), 1);
    assert!(refused.contains("nothing was written"), "{refused}");
    assert!(refused.contains("--unsigned"), "{refused}");
    assert!(refused.contains(&key.display().to_string()), "{refused}");
    assert_eq!(journal_len(dir.path(), &id), before);
    ok(warroom(dir.path()).args(["--unsigned", "note", &id, "said so"]));
    assert_eq!(journal_len(dir.path(), &id), before + 1);

    // A key locked by a passphrase is not decrypted: the agent is the way.
    let locked = dir.path().join("locked");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "secret", "-f"])
        .arg(&locked)
        .status()
        .unwrap_or_else(|e| panic!("ssh-keygen is needed (run .ci/run): {e}"));
    assert!(made.success());
    let refused = fails(
        warroom(dir.path())
            .args([
                "identity", "init", "--handle", "alex", "--name", "A", "--force", "--key",
            ])
            .arg(&locked),
        1,
    );
    assert!(refused.contains("ssh-add"), "{refused}");
}

#[test]
fn a_writer_without_identity_writes_nothing_unsigned_unless_said() {
    let dir = tmp();
    init(dir.path(), "alex");
    let id = declare(dir.path(), "Ransomware", "4");
    let before = journal_len(dir.path(), &id);
    let nobody = dir.path().join("no-identity.yaml");
    let refused = fails(
        warroom(dir.path()).env("WARROOM_IDENTITY", &nobody).args([
            "note",
            &id,
            "from a shell with no identity",
        ]),
        1,
    );
    assert!(refused.contains("this one is not"), "{refused}");
    assert!(refused.contains("--unsigned"), "{refused}");
    assert_eq!(journal_len(dir.path(), &id), before);
    ok(warroom(dir.path()).env("WARROOM_IDENTITY", &nobody).args([
        "--unsigned",
        "note",
        &id,
        "said so",
    ]));
    let out = ok(warroom(dir.path()).args(["verify", &id]));
    assert!(out.contains("unsigned, on purpose (--unsigned)"), "{out}");
}
