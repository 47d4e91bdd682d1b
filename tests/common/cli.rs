//! The real binary in a clean environment, and helpers to read what it prints.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub const NOW: &str = "2026-11-28T14:00:00Z";

pub const SUBCOMMANDS: [&str; 16] = [
    "new",
    "list",
    "show",
    "note",
    "check",
    "uncheck",
    "alert-retainer",
    "demo",
    "snapshot",
    "verify",
    "config",
    "assign",
    "phase",
    "add-item",
    "not-applicable",
    "playbook",
];

/// The binary with a clean environment: no user config, no inherited data directory.
pub fn bare(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("warroom").unwrap();
    cmd.env("HOME", home)
        .env("TZ", "UTC")
        .env("WARROOM_NOW", NOW)
        .env("USER", "tester")
        .env_remove("WARROOM_CONFIG")
        .env_remove("WARROOM_DATA_DIR")
        .env_remove("XDG_CONFIG_HOME")
        // Not the host's config (/etc/xdg/warroom) either.
        .env("XDG_CONFIG_DIRS", home.join("no-host-config"))
        .env_remove("XDG_DATA_HOME")
        .env_remove("WARROOM_LOG")
        .env_remove("WARROOM_IDENTITY")
        .env_remove("SSH_AUTH_SOCK")
        .env_remove("RUST_LOG");
    cmd
}

/// The binary working on the store in `dir` (which is also `HOME`).
pub fn warroom(dir: &Path) -> Command {
    let mut cmd = bare(dir);
    cmd.arg("--data-dir").arg(dir);
    cmd
}

/// The binary working on the store in `dir`, its clock set to `now` (RFC 3339).
pub fn warroom_at(dir: &Path, now: &str) -> Command {
    let mut cmd = warroom(dir);
    cmd.env("WARROOM_NOW", now);
    cmd
}

/// A folder only this user can reach, as a data directory must be.
pub fn tmp() -> TempDir {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()
        .unwrap()
}

/// Runs, asserts success and returns stdout.
pub fn ok(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// Runs, asserts the exit code and empty stdout, and returns stderr.
pub fn fails(cmd: &mut Command, code: i32) -> String {
    let out = cmd
        .assert()
        .code(code)
        .stdout(predicate::str::is_empty())
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).unwrap()
}

/// Declares an incident with the config `yaml` (written beside the store) and `extra`
/// arguments to `new`; returns its id.
pub fn declare_with_config(dir: &Path, yaml: &str, title: &str, extra: &[&str]) -> String {
    let config = dir.join("config.yaml");
    std::fs::write(&config, yaml).unwrap();
    let mut cmd = warroom(dir);
    cmd.arg("--config").arg(&config);
    cmd.args(["new", "--title", title]).args(extra);
    ok(&mut cmd).trim().to_string()
}

pub fn declare(dir: &Path, title: &str, severity: &str) -> String {
    let out = ok(warroom(dir).args(["new", "--title", title, "--severity", severity]));
    out.trim().to_string()
}

pub fn show_json(dir: &Path, id: &str) -> Value {
    serde_json::from_str(&ok(warroom(dir).args(["show", id, "--json"]))).unwrap()
}

pub fn list_json(dir: &Path) -> Vec<Value> {
    serde_json::from_str(&ok(warroom(dir).args(["list", "--json"]))).unwrap()
}

pub fn item<'a>(shown: &'a Value, id: &str) -> &'a Value {
    shown["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no checklist item {id} in {shown}"))
}

pub fn journal_len(dir: &Path, id: &str) -> usize {
    show_json(dir, id)["journal"].as_array().unwrap().len()
}

pub fn example_config() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.yaml")
}

/// A config file with an unknown key (`organization`) on line 2.
pub fn bad_config(dir: &Path) -> PathBuf {
    let path = dir.join("bad.yaml");
    std::fs::write(&path, "organisation: \"Example\"\norganization: x\n").unwrap();
    path
}

/// The clock `id` in `show --json` output.
pub fn clock<'a>(shown: &'a Value, id: &str) -> &'a Value {
    shown["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no clock {id} in {shown}"))
}
