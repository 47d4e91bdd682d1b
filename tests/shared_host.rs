//! A shared war-room host with real Unix users (created here; the test runs as root and
//! says it skips otherwise): one store, the group's alone; a dashboard owned by one
//! member; others writing through its socket, each recorded as who the kernel says
//! they are, whatever they claim; a group member off the roster, a read-only member and
//! a user outside the group refused, each with what to do; writes with no dashboard
//! open; every file the group's and nobody else's; verify clean at the end.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::pty::{BIN, Dashboard};
use serde_json::Value;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Users and a group made for this test, removed when it ends (pass or fail).
struct Accounts {
    group: String,
    users: Vec<String>,
}

impl Drop for Accounts {
    fn drop(&mut self) {
        for user in &self.users {
            let _ = Command::new("userdel").arg(user).status();
        }
        let _ = Command::new("groupdel").arg(&self.group).status();
    }
}

fn run(program: &str, args: &[&str]) {
    let status = Command::new(program).args(args).status().unwrap();
    assert!(status.success(), "{program} {args:?}");
}

/// The host as the test sees it: a root folder others may enter, the binary copied
/// there (the build folder may be closed to them), the host's config and the store.
struct Host {
    _accounts: Accounts,
    root: tempfile::TempDir,
    bin: PathBuf,
    config: PathBuf,
    store: PathBuf,
    group: String,
    gid: u32,
}

impl Host {
    fn user(&self, name: &str) -> String {
        format!("{}{name}", self.group)
    }

    fn home(&self, name: &str) -> PathBuf {
        self.root.path().join(format!("home-{name}"))
    }

    /// `warroom` as user `name`, with the host's config and their own home, as
    /// `ssh -t host warroom` gives them (the login's groups, no agent).
    fn command(&self, name: &str) -> Command {
        let user = self.user(name);
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid", &user, "--regid", &user, "--init-groups", "--"])
            .arg(&self.bin)
            .env_clear()
            .env("HOME", self.home(name))
            .env("PATH", "/usr/bin:/bin")
            .env("TZ", "UTC")
            .env("WARROOM_CONFIG", &self.config);
        cmd
    }

    fn warroom(&self, name: &str, args: &[&str]) -> Output {
        self.command(name).args(args).output().unwrap()
    }

    fn ok(&self, name: &str, args: &[&str]) -> String {
        let out = self.warroom(name, args);
        assert!(
            out.status.success(),
            "{name} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and must fail with `code`: what it said on standard error.
    fn fails(&self, name: &str, args: &[&str], code: i32) -> String {
        let out = self.warroom(name, args);
        let said = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(code), "{name} {args:?}: {said}");
        said
    }

    fn last_event(&self, id: &str) -> Value {
        let shown: Value = serde_json::from_str(&self.ok("alex", &["show", id, "--json"])).unwrap();
        shown["journal"].as_array().unwrap().last().unwrap().clone()
    }

    /// Every file and folder of the store is the group's, and nobody else's.
    fn assert_store_is_the_groups(&self) {
        let mut pending = vec![self.store.clone()];
        let mut seen = 0;
        while let Some(path) = pending.pop() {
            let meta = std::fs::symlink_metadata(&path).unwrap();
            assert_eq!(meta.gid(), self.gid, "{} not the group's", path.display());
            assert_eq!(
                meta.mode() & 0o007,
                0,
                "{} open to others: {:o}",
                path.display(),
                meta.mode()
            );
            if meta.is_dir() {
                assert_eq!(meta.mode() & 0o2070, 0o2070, "{}", path.display());
                for entry in std::fs::read_dir(&path).unwrap() {
                    pending.push(entry.unwrap().path());
                }
            }
            seen += 1;
        }
        assert!(seen > 5, "the store has its files: {seen}");
    }
}

/// Makes the group, its members (alex, sam, bob, boss), a user outside it (eve), their
/// homes, the host's config naming the group and the store, and the store's folder as
/// an administrator makes it (root's, the group's, 2770).
/// `tag` tells apart the accounts of tests running at once.
fn host(tag: char) -> Option<Host> {
    if !rustix::process::geteuid().is_root() {
        eprintln!(
            "SKIPPED: the shared-host test creates Unix users and runs as them; run it as root (as .ci/run does)"
        );
        return None;
    }
    let group = format!("wr{}{tag}", std::process::id() % 100_000);
    run("groupadd", &[&group]);
    let mut accounts = Accounts {
        group: group.clone(),
        users: vec![],
    };
    let root = tempfile::tempdir().unwrap();
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    for (name, in_group) in [
        ("alex", true),
        ("sam", true),
        ("bob", true),
        ("boss", true),
        ("eve", false),
    ] {
        let user = format!("{group}{name}");
        let mut args = vec!["-M", "-U", "-s", "/bin/sh"];
        if in_group {
            args.extend(["-G", &group]);
        }
        args.push(&user);
        run("useradd", &args);
        accounts.users.push(user.clone());
        let home = root.path().join(format!("home-{name}"));
        std::fs::create_dir(&home).unwrap();
        std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o700)).unwrap();
        run(
            "chown",
            &[&format!("{user}:{user}"), home.to_str().unwrap()],
        );
    }
    let bin = root.path().join("warroom");
    std::fs::copy(BIN, &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let store = root.path().join("store");
    let config = root.path().join("config.yaml");
    std::fs::write(
        &config,
        format!(
            "shared_host:\n  group: {group}\n  data_dir: {}\n",
            store.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::create_dir(&store).unwrap();
    run("chgrp", &[&group, store.to_str().unwrap()]);
    run("chmod", &["2770", store.to_str().unwrap()]);
    let gid = std::fs::metadata(&store).unwrap().gid();
    Some(Host {
        _accounts: accounts,
        root,
        bin,
        config,
        store,
        group,
        gid,
    })
}

#[test]
fn a_team_shares_one_store_each_member_recorded_as_the_kernel_says() {
    let Some(host) = host('a') else {
        return;
    };
    for name in ["alex", "sam", "bob", "boss"] {
        host.ok(
            name,
            &["identity", "init", "--handle", name, "--name", name],
        );
    }
    let id = host.ok(
        "alex",
        &["new", "--title", "Shared host", "--severity", "3"],
    );
    let id = id.trim();
    for (name, extra) in [("sam", None), ("boss", Some("--read-only"))] {
        let shown: Value =
            serde_json::from_str(&host.ok(name, &["identity", "show", "--json"])).unwrap();
        let key = shown["public_key"].as_str().unwrap();
        let login = host.user(name);
        let mut args = vec![
            "identity",
            "add",
            id,
            "--handle",
            name,
            "--name",
            name,
            "--key",
            key,
            "--unix-user",
            &login,
        ];
        args.extend(extra);
        host.ok("alex", &args);
    }

    // Alex's dashboard owns the store; the others come through its socket.
    let alex = host.user("alex");
    let mut dash = Dashboard::start_program(
        &host.home("alex"),
        "setpriv",
        &[
            "--reuid",
            &alex,
            "--regid",
            &alex,
            "--init-groups",
            "--",
            "/usr/bin/env",
            &format!("WARROOM_CONFIG={}", host.config.display()),
            host.bin.to_str().unwrap(),
        ],
    );
    dash.wait_for("the incident", |s| s.contains(id));

    host.ok("sam", &["note", id, "EDR console: FS01 isolated"]);
    let last = host.last_event(id);
    assert_eq!(last["author"], "sam", "{last}");
    assert!(last["signature"].is_string(), "{last}");

    // Sam names himself alex (his own key under alex's handle): recorded as Sam.
    let sam_key = host.home("sam").join(".config/warroom/id_ed25519");
    let fake = host.home("sam").join("fake.yaml");
    let as_fake = |args: &[&str]| {
        let out = host
            .command("sam")
            .env("WARROOM_IDENTITY", &fake)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let key = sam_key.to_str().unwrap();
    as_fake(&[
        "identity", "init", "--handle", "alex", "--name", "Alex", "--key", key,
    ]);
    as_fake(&["note", id, "alex says: pay the ransom"]);
    let last = host.last_event(id);
    assert_eq!(last["change"]["text"], "alex says: pay the ransom");
    assert_eq!(
        last["author"], "sam",
        "recorded under its real identity: {last}"
    );

    // In the group, off the roster: refused, told how to be added.
    let said = host.fails("bob", &["note", id, "hello"], 1);
    assert!(said.contains("is not on this incident's roster"), "{said}");
    assert!(
        said.contains(&format!("--unix-user {}", host.user("bob"))),
        "{said}"
    );
    // Read-only: follows (reads through the owner), writes nothing.
    let said = host.fails("boss", &["note", id, "status?"], 1);
    assert!(
        said.contains("may follow this incident but not write"),
        "{said}"
    );
    assert!(host.ok("boss", &["show", id]).contains("Shared host"));
    // Outside the group: her own identity (to send her key to the commander), not
    // even a look at the store.
    host.ok(
        "eve",
        &["identity", "init", "--handle", "eve", "--name", "Eve"],
    );
    let said = host.fails("eve", &["show", id], 1);
    assert!(
        said.contains(&format!("not in group {}", host.group)),
        "{said}"
    );
    host.assert_store_is_the_groups();

    dash.keys("q");
    dash.wait_exit();
    // No dashboard: Sam opens the store himself, on files Alex's process made.
    host.ok("sam", &["note", id, "written with no dashboard open"]);
    assert_eq!(host.last_event(id)["author"], "sam");
    host.assert_store_is_the_groups();

    let verified = host.ok("alex", &["verify", id]);
    assert!(verified.contains("signed (alex"), "{verified}");
    assert!(verified.contains("sam 3)"), "{verified}");
}

#[test]
fn a_store_not_the_groups_alone_is_refused_with_the_fix() {
    let Some(host) = host('b') else {
        return;
    };
    run("chmod", &["2775", host.store.to_str().unwrap()]);
    let said = host.fails("alex", &["list"], 1);
    assert!(
        said.contains(&format!("not shared with group {} alone", host.group)),
        "{said}"
    );
    assert!(said.contains("chmod 2770"), "{said}");
    assert!(std::fs::read_dir(&host.store).unwrap().next().is_none());
}

/// The data directory, made by its first member when the administrator did not.
#[test]
fn the_first_member_makes_the_store_the_groups() {
    let Some(host) = host('c') else {
        return;
    };
    std::fs::remove_dir(&host.store).unwrap();
    // The parent must let the member make it: a folder of the group's.
    let parent: &Path = host.store.parent().unwrap();
    run("chgrp", &[&host.group, parent.to_str().unwrap()]);
    run("chmod", &["0775", parent.to_str().unwrap()]);
    host.ok(
        "alex",
        &["identity", "init", "--handle", "alex", "--name", "A"],
    );
    host.ok("alex", &["new", "--title", "First", "--severity", "2"]);
    let mode = std::fs::metadata(&host.store).unwrap().mode() & 0o7777;
    assert_eq!(mode, 0o2770);
    host.assert_store_is_the_groups();
}
