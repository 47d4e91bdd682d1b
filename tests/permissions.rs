//! Permissions: a data directory other users can reach is refused, with the fix; every
//! file warroom makes is for its user alone; a socket that is not this user's, or whose
//! process runs as someone else, receives nothing; a read-only copy of a store (a
//! forensic image) can be listed, shown, verified and exported. The tests that need a
//! second real user or a mount run as root and are skipped, saying so, otherwise.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::{declare, fails, ok, tmp, warroom};
use std::io::Read;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// Every file and folder under `dir`, with its mode.
fn modes(dir: &Path) -> Vec<(String, u32)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let meta = entry.metadata().unwrap();
        found.push((entry.path().display().to_string(), meta.mode() & 0o777));
        if meta.is_dir() {
            found.extend(modes(&entry.path()));
        }
    }
    found
}

/// Every file under `dir` with its bytes.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            found.extend(contents(&entry.path()));
        } else if entry.file_type().unwrap().is_file() {
            found.push((
                entry.path().display().to_string(),
                std::fs::read(entry.path()).unwrap(),
            ));
        }
    }
    found.sort();
    found
}

#[test]
fn a_data_directory_open_to_others_is_refused_with_the_fix() {
    let dir = tmp();
    let id = declare(dir.path(), "Private", "3");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let before = contents(dir.path());
    for args in [vec!["list"], vec!["note", id.as_str(), "x"], vec!["verify"]] {
        let err = fails(warroom(dir.path()).args(&args), 1);
        assert!(
            err.contains("open to other users") && err.contains("chmod 700"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(contents(dir.path()), before, "nothing written");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    ok(warroom(dir.path()).arg("list"));
}

#[test]
fn every_file_warroom_makes_is_for_its_user_alone() {
    let dir = tmp();
    let store = dir.path().join("store");
    let id = declare(&store, "Private files", "3");
    ok(warroom(&store).args(["note", &id, "a note"]));
    ok(warroom(&store).args(["contacts", "save", "--name", "Alice Martin"]));
    let report = dir.path().join("report.html");
    ok(warroom(&store)
        .args(["export", &id, "--format", "html", "--output"])
        .arg(&report));
    let mut all = modes(&store);
    all.push((
        report.display().to_string(),
        std::fs::metadata(&report).unwrap().mode() & 0o777,
    ));
    let open: Vec<_> = all.iter().filter(|(_, mode)| mode & 0o077 != 0).collect();
    assert!(open.is_empty(), "readable by others: {open:?}");
}

#[test]
fn a_data_directory_of_another_user_is_refused() {
    if !is_root() {
        eprintln!("SKIPPED: needs root to give a folder to another user");
        return;
    }
    let dir = tmp();
    declare(dir.path(), "Theirs", "3");
    let nobody = 65534;
    rustix::fs::chown(dir.path(), Some(rustix::fs::Uid::from_raw(nobody)), None).unwrap();
    let err = fails(warroom(dir.path()).arg("list"), 1);
    assert!(err.contains("belongs to user id 65534"), "{err}");
}

/// A process of another user listening on `path`; what it receives is returned by the
/// handle when it ends.
fn stranger_listening(path: &Path) -> std::process::Child {
    let script = format!(
        "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ns.bind({:?})\ns.listen(5)\nprint('ready',flush=True)\ns.settimeout(20)\ntry:\n  c,_=s.accept()\n  c.settimeout(3)\n  data=b''\n  try:\n    while True:\n      d=c.recv(4096)\n      if not d: break\n      data+=d\n  except Exception: pass\n  sys.stdout.write('received %d\\n' % len(data))\nexcept Exception as e:\n  sys.stdout.write('no connection\\n')\n",
        path.display().to_string()
    );
    let mut child = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "/usr/bin/python3",
            "-c",
            &script,
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut ready = [0u8; 6];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut ready)
        .unwrap();
    child
}

#[test]
fn a_socket_served_by_another_user_receives_nothing() {
    let can = is_root()
        && Command::new("setpriv").arg("--version").output().is_ok()
        && Path::new("/usr/bin/python3").exists();
    if !can {
        eprintln!(
            "SKIPPED: needs root, setpriv and /usr/bin/python3 to run a process as another user"
        );
        return;
    }
    let dir = tmp();
    let id = declare(dir.path(), "Targeted", "3");
    // The stranger's socket, made where it may write, then put where warroom looks.
    let shared = tempfile::tempdir().unwrap();
    std::fs::set_permissions(shared.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let planted = shared.path().join("fake.sock");
    let mut stranger = stranger_listening(&planted);
    let socket = dir.path().join("warroom.sock");
    std::fs::rename(&planted, &socket).unwrap();
    // The store looks owned (its lock held), so a command goes to the socket.
    let lock = std::fs::File::options()
        .write(true)
        .open(dir.path().join("warroom.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    // First the socket file is the stranger's: refused before connecting.
    let err = fails(
        warroom(dir.path()).args(["--wait", "1", "note", &id, "secret plan"]),
        1,
    );
    assert!(
        err.contains("belongs to user id 65534") && err.contains("nothing was sent"),
        "{err}"
    );
    // Made to look ours: the process behind it is still the stranger's.
    rustix::fs::chown(
        &socket,
        Some(rustix::fs::Uid::ROOT),
        Some(rustix::fs::Gid::ROOT),
    )
    .unwrap();
    std::fs::set_permissions(&socket, std::fs::Permissions::from_mode(0o600)).unwrap();
    let err = fails(
        warroom(dir.path()).args(["--wait", "1", "note", &id, "secret plan"]),
        1,
    );
    assert!(
        err.contains("runs as user id 65534") && err.contains("nothing was sent"),
        "{err}"
    );
    drop(lock);
    let mut heard = String::new();
    stranger
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut heard)
        .unwrap();
    let _ = stranger.wait();
    assert!(heard.contains("received 0"), "the stranger heard: {heard}");
}

#[test]
fn a_read_only_copy_of_a_store_can_be_listed_shown_verified_and_exported() {
    if !is_root() {
        eprintln!("SKIPPED: needs root to mount a read-only copy");
        return;
    }
    let dir = tmp();
    let store = dir.path().join("store");
    let id = declare(&store, "Forensic image", "3");
    ok(warroom(&store).args(["note", &id, "seen on the image"]));
    let image = dir.path().join("image");
    std::fs::create_dir(&image).unwrap();
    let bind = |args: &[&str]| {
        Command::new("mount")
            .args(args)
            .status()
            .is_ok_and(|s| s.success())
    };
    let (store_s, image_s) = (store.display().to_string(), image.display().to_string());
    if !bind(&["--bind", &store_s, &image_s]) {
        eprintln!("SKIPPED: cannot mount here");
        return;
    }
    let unmount = scopeguard(&image_s);
    assert!(bind(&["-o", "remount,ro,bind", &image_s]));
    let before = contents(&image);
    for args in [
        vec!["list"],
        vec!["show", id.as_str()],
        vec!["verify"],
        vec!["export", id.as_str(), "--format", "md"],
    ] {
        let out = warroom(&image).args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            said.contains(&id) || said.contains("Forensic image"),
            "{args:?}: {said}"
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("private copy"));
    }
    let err = fails(warroom(&image).args(["note", &id, "x"]), 1);
    // The cause in warroom's words (io-read-only), not the C library's.
    assert!(err.contains("the file system is read-only"), "{err}");
    assert_eq!(contents(&image), before, "the image was not written");
    drop(unmount);
}

/// Unmounts `path` when dropped.
fn scopeguard(path: &str) -> impl Drop + '_ {
    struct Unmount<'a>(&'a str);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    Unmount(path)
}
