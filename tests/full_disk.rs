//! A full disk, for real: the store on a small tmpfs, filled up. Reads keep working;
//! a write that does not fit says NOT SAVED with its cause in full and gives back what
//! was typed; once space is back the next write is saved, without a restart. Skipped,
//! saying so, where a tmpfs cannot be mounted (not root, or no permission to mount).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::{fails, ok, tmp, warroom};
use common::pty::Dashboard;
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct Tmpfs {
    _parent: tempfile::TempDir,
    path: PathBuf,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let parent = tmp();
        let path = parent.path().join("disk");
        std::fs::create_dir(&path).unwrap();
        let mounted = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(&path)
            .output()
            .is_ok_and(|o| o.status.success());
        if !mounted {
            eprintln!("SKIPPED: cannot mount a tmpfs here (needs root and permission to mount)");
            return None;
        }
        Some(Tmpfs {
            _parent: parent,
            path,
        })
    }

    /// Writes a file until the disk is full; returns it (remove it to free the space).
    fn fill(&self) -> PathBuf {
        let filler = self.path.join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0x5au8; 64 << 10];
        while file.write_all(&chunk).is_ok() {}
        // What a 64 KiB chunk did not fit in, byte by byte.
        while file.write_all(&[0x5a]).is_ok() {}
        drop(file);
        filler
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// A long note, pasted: more than sled keeps in its log (a file of its own).
fn big_note(tag: &str) -> String {
    format!("{tag} {}", "evidence of lateral movement; ".repeat(6_000))
}

fn store_on(disk: &Tmpfs) -> (PathBuf, String) {
    let dir = disk.path.join("store");
    let id = common::cli::declare(&dir, "Full disk", "4");
    ok(warroom(&dir).args(["note", &id, "written before the disk filled"]));
    (dir, id)
}

#[test]
fn on_a_full_disk_reads_work_and_a_write_says_why_it_was_not_saved() {
    let Some(disk) = Tmpfs::mount("4m") else {
        return;
    };
    let (dir, id) = store_on(&disk);
    let filler = disk.fill();
    let err = fails(warroom(&dir).args(["note", &id, "too late"]), 1);
    assert!(
        err.contains("is full") && err.contains("nothing was written"),
        "{err}"
    );
    // Reads, and writing elsewhere, work on the full disk.
    let elsewhere = tmp();
    for args in [
        vec!["list"],
        vec!["show", id.as_str()],
        vec!["verify"],
        vec!["snapshot", "--width", "120", "--height", "40"],
    ] {
        let out = ok(warroom(&dir).args(&args));
        assert!(
            out.contains(&id) || args[0] == "snapshot",
            "{args:?}: {out}"
        );
    }
    let report = elsewhere.path().join("report.md");
    ok(warroom(&dir)
        .args(["export", &id, "--format", "md", "--output"])
        .arg(&report));
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("Full disk")
    );
    // Space back: the next write is saved, and the failed one never was.
    std::fs::remove_file(filler).unwrap();
    ok(warroom(&dir).args(["note", &id, "fits now"]));
    let shown = ok(warroom(&dir).args(["show", &id, "--json"]));
    assert!(shown.contains("fits now") && !shown.contains("too late"));
    ok(warroom(&dir).arg("verify"));
}

#[test]
fn the_dashboard_keeps_what_was_typed_when_the_disk_is_full_and_saves_it_once_space_is_back() {
    let Some(disk) = Tmpfs::mount("4m") else {
        return;
    };
    let (dir, id) = store_on(&disk);
    let mut dash = Dashboard::start(&dir);
    dash.wait_for("the dashboard", |s| {
        s.contains(&id) && s.contains("● saved")
    });
    let filler = disk.fill();
    dash.keys("n");
    dash.wait_for("the note form", |s| s.contains("Add a note"));
    // Pasted, as a long text would be.
    dash.keys(&format!(
        "\x1b[200~{}\x1b[201~",
        big_note("typed on a full disk")
    ));
    dash.keys("\r");
    let screen = dash.wait_for("NOT SAVED with its cause, the form back", |s| {
        s.contains("NOT SAVED") && s.contains("is full") && s.contains("Add a note")
    });
    assert!(screen.contains("typed on a full disk"), "{screen}");
    std::fs::remove_file(filler).unwrap();
    // The same text, sent again from the form given back.
    dash.keys("\r");
    dash.wait_for("the note saved", |s| {
        !s.contains("Add a note") && s.contains("● saved")
    });
    dash.keys("q");
    dash.wait_exit();
    let shown = ok(warroom(&dir).args(["show", &id, "--json"]));
    assert_eq!(
        shown.matches("typed on a full disk").count(),
        1,
        "saved once"
    );
    ok(warroom(&dir).arg("verify"));
}
