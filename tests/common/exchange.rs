//! An incident with every kind of observable, for the exchange-format tests.

use super::cli::{ok, warroom};
use serde_json::Value;
use std::path::Path;

/// Each kind once, with a value that needs care (defanged, upper case, quotes, a
/// backslash), and a mix of flags and TLPs. The incident is TLP:AMBER.
pub const OBSERVABLES: [&[&str]; 17] = [
    &[
        "ip",
        "198.51.100[.]7",
        "--sighted",
        "--source",
        "proxy",
        "--note",
        "C2 \"beacon\"",
    ],
    &["cidr", "203.0.113.9/24", "--tlp", "green"],
    &["domain", "Evil.Example", "--tlp", "clear"],
    &["url", "hxxps://evil[.]example/pay?x=1&y='2'"],
    &["email", "billing@evil.example", "--sighted"],
    &["md5", "D41D8CD98F00B204E9800998ECF8427E"],
    &[
        "sha1",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "--tlp",
        "red",
    ],
    &[
        "sha256",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ],
    &[
        "sha512",
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
    ],
    &["file-name", "invoice.pdf.exe"],
    &[
        "file-path",
        "C:\\Users\\Public\\svc.exe",
        "--sighted",
        "--not-ioc",
    ],
    &[
        "registry-key",
        "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\svc",
    ],
    &[
        "account",
        "svc_backup",
        "--tlp",
        "amber+strict",
        "--not-ioc",
    ],
    &["process", "powershell -enc 'SQBFAFgA' \\\\host\\c$"],
    &["cve", "cve-2024-3400", "--not-ioc", "--sighted"],
    &["technique", "t1059.001", "--not-ioc"],
    &[
        "other",
        "ransom note README.txt signed 'LockBit'",
        "--not-ioc",
    ],
];

/// Declares the incident (malicious code, severity 4, TLP:AMBER), a note written an
/// hour after it happened, and every observable; returns its id.
pub fn rich_incident(dir: &Path) -> String {
    let id = ok(warroom(dir).args([
        "new",
        "--title",
        "Ransomware on the file servers",
        "--severity",
        "4",
        "--category",
        "malicious-code",
    ]))
    .trim()
    .to_string();
    ok(warroom(dir).args([
        "--at",
        "-1h",
        "note",
        &id,
        "Servers isolated, \"quarantine\" VLAN",
    ]));
    for args in OBSERVABLES {
        ok(warroom(dir).args(["ioc", "add", &id]).args(args));
    }
    id
}

/// The register as (kind, value, ioc, sighted, own TLP) rows, for comparisons.
pub fn register(dir: &Path, id: &str) -> Vec<(String, String, bool, bool, Value)> {
    let listed: Vec<Value> =
        serde_json::from_str(&ok(warroom(dir).args(["ioc", "list", id, "--json"]))).unwrap();
    listed
        .iter()
        .map(|o| {
            let s = &o["spec"];
            (
                s["kind"].as_str().unwrap().to_string(),
                s["value"].as_str().unwrap().to_string(),
                s["ioc"].as_bool().unwrap(),
                s["sighted"].as_bool().unwrap(),
                s.get("tlp").cloned().unwrap_or(Value::Null),
            )
        })
        .collect()
}

/// Adds two affected assets and two attack steps to `rich_incident`'s incident: the
/// file server (compromised, linked to O1) and the backup account (contained); the
/// execution of PowerShell (T1059.001, the register's technique) three weeks before
/// and the encryption the evening before, from the EDR.
pub fn with_attack(dir: &Path, id: &str) {
    ok(warroom(dir)
        .args(["asset", "add", id, "host", "FS01"])
        .args([
            "--owner",
            "IT ops",
            "--state",
            "compromised",
            "--note",
            "file server, \"encrypted\"",
            "--observable",
            "O1",
        ]));
    ok(warroom(dir)
        .args(["asset", "add", id, "account", "svc_backup"])
        .args(["--state", "contained"]));
    ok(warroom(dir).args([
        "timeline",
        "add",
        id,
        "2026-11-07T03:14:00Z",
        "PowerShell launched from the \"invoice\" attachment",
        "--tactic",
        "execution",
        "--technique",
        "t1059.001",
        "--observable",
        "O14",
    ]));
    ok(warroom(dir).args([
        "timeline",
        "add",
        id,
        "2026-11-27T22:00:00Z",
        "Files encrypted on FS01",
        "--tactic",
        "impact",
        "--asset",
        "A1",
        "--observable",
        "O1",
        "--source",
        "EDR alert",
    ]));
}

/// An observable as (kind, value, ioc, sighted, own TLP, source, first seen, last seen).
pub type Entry = (String, String, bool, bool, Value, String, String, String);

/// The register, each observable in full.
pub fn register_in_full(dir: &Path, id: &str) -> Vec<Entry> {
    let listed: Vec<Value> =
        serde_json::from_str(&ok(warroom(dir).args(["ioc", "list", id, "--json"]))).unwrap();
    listed
        .iter()
        .map(|o| {
            let s = &o["spec"];
            (
                s["kind"].as_str().unwrap().to_string(),
                s["value"].as_str().unwrap().to_string(),
                s["ioc"].as_bool().unwrap(),
                s["sighted"].as_bool().unwrap(),
                s.get("tlp").cloned().unwrap_or(Value::Null),
                s.get("source")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                o["first_seen"].as_str().unwrap().to_string(),
                o["last_seen"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
