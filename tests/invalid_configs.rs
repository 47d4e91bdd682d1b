#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The corpus of broken configuration and playbook files in `tests/invalid_configs/`,
//! run through the real binary: each is refused with exit code 2 and its exact message
//! (`file:line:column: what was found, what was expected`), and nothing is written,
//! neither to a fresh data directory nor to an existing store.
//!
//! Layout: `NN-name.yaml` are config files (`warroom --config FILE …`),
//! `playbooks/NN-name.yaml` playbook files (`warroom playbook check FILE`, and the same
//! file in the `playbooks/` folder beside a config). Beside each, `NN-name.expected`
//! holds the one line a user should see after `warroom: `, with the file's path written
//! `{file}`. A case whose current message is known to be wrong also has
//! `NN-name.current`, today's line: its message is not enforced (only the exit code, the
//! location prefix and that nothing is written), and the test fails once the binary
//! prints the expected line, so that the `.current` file is deleted and the case
//! enforced from then on.

mod common;

use assert_cmd::Command;
use common::cli::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How a case is run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Config,
    Playbook,
}

struct Case {
    kind: Kind,
    /// `NN-name`, or `playbooks/NN-name`.
    name: String,
    file: PathBuf,
    /// The line after `warroom: `, `{file}` not yet replaced.
    expected: String,
    /// Today's line when it is known to differ from `expected`.
    current: Option<String>,
}

impl Case {
    /// What a run of this case must print on stderr, for the file at `path`.
    fn stderr_for(&self, path: &Path) -> String {
        format!(
            "warroom: {}\n",
            self.expected.replace("{file}", &path.display().to_string())
        )
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid_configs")
}

/// The one line of a `.expected` or `.current` file.
fn one_line(path: &Path) -> String {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let line = text.strip_suffix('\n').unwrap_or(&text);
    assert!(
        !line.is_empty() && !line.contains('\n'),
        "{} must hold exactly one line",
        path.display()
    );
    line.to_string()
}

fn cases_in(dir: &Path, kind: Kind, prefix: &str) -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let stem = file.file_stem().unwrap().to_str().unwrap().to_string();
            let current = file.with_extension("current");
            Case {
                kind,
                name: format!("{prefix}{stem}"),
                expected: one_line(&file.with_extension("expected")),
                current: current.exists().then(|| one_line(&current)),
                file,
            }
        })
        .collect()
}

fn config_cases() -> Vec<Case> {
    cases_in(&corpus_dir(), Kind::Config, "")
}

fn playbook_cases() -> Vec<Case> {
    cases_in(
        &corpus_dir().join("playbooks"),
        Kind::Playbook,
        "playbooks/",
    )
}

/// The binary on the data directory `dir`, in English whatever the machine's locale.
fn run_in(dir: &Path) -> Command {
    let mut cmd = warroom(dir);
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

/// Runs `cmd` for `case` (its file at `path`) and returns what is wrong with the outcome:
/// exit code 2, nothing on stdout, and on stderr exactly the expected line (or, for a
/// case known to be wrong, a message located in the file).
fn check_refusal(case: &Case, path: &Path, cmd: &mut Command, what: &str) -> Vec<String> {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut faults = Vec::new();
    let mut fault = |msg: String| faults.push(format!("{} ({what}): {msg}", case.name));
    if out.status.code() != Some(2) {
        fault(format!("exit code {:?}, expected 2", out.status.code()));
    }
    if !stdout.is_empty() {
        fault(format!("printed on stdout: {stdout:?}"));
    }
    let expected = case.stderr_for(path);
    match &case.current {
        None if stderr != expected => {
            fault(format!(
                "stderr\n    was: {stderr:?}\n    not: {expected:?}"
            ));
        }
        None => {}
        Some(_) if stderr == expected => fault(format!(
            "now prints the expected message: delete {} so that it is enforced",
            case.file.with_extension("current").display()
        )),
        Some(_) => {
            let located = format!("warroom: {}:", path.display());
            if !stderr.starts_with(&located) || stderr.lines().count() != 1 {
                fault(format!("stderr is not one located line: {stderr:?}"));
            }
        }
    }
    faults
}

/// Every file under `dir` (relative path → bytes), and every directory (→ empty).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<PathBuf, Option<Vec<u8>>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(root).unwrap().to_path_buf();
            if path.is_dir() {
                into.insert(relative, None);
                walk(root, &path, into);
            } else {
                into.insert(relative, Some(std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut all = BTreeMap::new();
    walk(dir, dir, &mut all);
    all
}

fn names(snap: &BTreeMap<PathBuf, Option<Vec<u8>>>) -> Vec<String> {
    snap.keys().map(|p| p.display().to_string()).collect()
}

/// Runs `attempt` in a fresh, empty directory used as data directory and `HOME`, and
/// checks the refusal and that the directory is still empty afterwards.
fn refused_in_empty_dir(
    case: &Case,
    what: &str,
    attempt: impl FnOnce(&mut Command),
) -> Vec<String> {
    let dir = tmp();
    let mut cmd = run_in(dir.path());
    attempt(&mut cmd);
    let mut faults = check_refusal(case, &case.file, &mut cmd, what);
    let left = snapshot(dir.path());
    if !left.is_empty() {
        faults.push(format!(
            "{} ({what}): wrote into the empty data directory: {:?}",
            case.name,
            names(&left)
        ));
    }
    faults
}

/// A store holding one incident with a note; its id and `export --format journal`.
fn seeded_store(dir: &Path) -> (String, String) {
    let id = ok(run_in(dir).args(["new", "--title", "Seed", "--severity", "3"]))
        .trim()
        .to_string();
    ok(run_in(dir).args(["note", &id, "kept as it is"]));
    let journal = ok(run_in(dir).args(["export", &id, "--format", "journal"]));
    assert_eq!(journal.lines().count(), 2, "{journal}");
    (id, journal)
}

/// The attempts to write made against an existing store with a broken configuration.
fn writes(id: &str) -> [Vec<String>; 2] {
    [
        ["new", "--title", "Must not be saved", "--severity", "3"]
            .map(String::from)
            .to_vec(),
        ["note", id, "must not be saved"].map(String::from).to_vec(),
    ]
}

fn report(faults: &[String], checked: usize) {
    assert!(
        faults.is_empty(),
        "{} fault(s) over {checked} case(s):\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn the_corpus_has_enough_cases_each_with_its_expected_line() {
    let all: Vec<Case> = config_cases().into_iter().chain(playbook_cases()).collect();
    assert!(all.len() >= 24, "only {} cases in the corpus", all.len());
    let enforced = all.iter().filter(|c| c.current.is_none()).count();
    assert!(enforced >= 20, "only {enforced} cases are enforced");
    assert!(all.iter().any(|c| c.kind == Kind::Config));
    assert!(all.iter().any(|c| c.kind == Kind::Playbook));

    for case in &all {
        // `{file}:LINE:COLUMN: message`, the location inside the file (or just past its
        // end, where the end of the file is what is wrong).
        let lines = std::fs::read_to_string(&case.file).unwrap().lines().count();
        for line in std::iter::once(&case.expected).chain(&case.current) {
            let rest = line
                .strip_prefix("{file}:")
                .unwrap_or_else(|| panic!("{}: {line:?} must start with {{file}}:", case.name));
            let mut parts = rest.splitn(3, ':');
            let at_line: usize = parts.next().unwrap().parse().unwrap();
            let at_column: usize = parts.next().unwrap().parse().unwrap();
            let message = parts.next().unwrap();
            assert!(
                (1..=lines + 1).contains(&at_line) && at_column >= 1,
                "{}: {line:?} is outside the file",
                case.name
            );
            assert!(
                message.starts_with(' ') && message.trim().len() > 10,
                "{}: {line:?}",
                case.name
            );
        }
        if let Some(current) = &case.current {
            assert_ne!(
                current, &case.expected,
                "{}: .current equals .expected; delete it",
                case.name
            );
        }
    }

    // No expectation is left without its case.
    for dir in [corpus_dir(), corpus_dir().join("playbooks")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let sidecar = path
                .extension()
                .is_some_and(|x| x == "expected" || x == "current");
            assert!(
                !sidecar || path.with_extension("yaml").is_file(),
                "{} has no .yaml case",
                path.display()
            );
        }
    }
}

#[test]
fn every_broken_config_is_refused_with_its_message_and_nothing_written() {
    let cases = config_cases();
    let mut faults = Vec::new();
    for case in &cases {
        faults.extend(refused_in_empty_dir(case, "--config FILE list", |cmd| {
            cmd.arg("--config").arg(&case.file).arg("list");
        }));
        faults.extend(refused_in_empty_dir(case, "config check FILE", |cmd| {
            cmd.args(["config", "check"]).arg(&case.file);
        }));
    }
    report(&faults, cases.len());
}

#[test]
fn a_broken_config_leaves_an_existing_store_byte_for_byte_unchanged() {
    let dir = tmp();
    let (id, journal) = seeded_store(dir.path());
    let before = snapshot(dir.path());
    let cases = config_cases();
    let mut faults = Vec::new();
    for case in &cases {
        for args in writes(&id) {
            let what = format!("--config FILE {}", args[0]);
            let mut cmd = run_in(dir.path());
            cmd.arg("--config").arg(&case.file).args(&args);
            faults.extend(check_refusal(case, &case.file, &mut cmd, &what));
            if snapshot(dir.path()) != before {
                faults.push(format!("{} ({what}): the store changed", case.name));
            }
        }
    }
    report(&faults, cases.len());
    let after = ok(run_in(dir.path()).args(["export", &id, "--format", "journal"]));
    assert_eq!(after, journal, "the journal changed");
    assert_eq!(list_json(dir.path()).len(), 1, "an incident was declared");
}

#[test]
fn every_broken_playbook_is_refused_by_playbook_check_and_nothing_written() {
    let cases = playbook_cases();
    let mut faults = Vec::new();
    for case in &cases {
        faults.extend(refused_in_empty_dir(case, "playbook check FILE", |cmd| {
            cmd.args(["playbook", "check"]).arg(&case.file);
        }));
    }
    report(&faults, cases.len());
}

#[test]
fn a_broken_playbook_beside_the_config_leaves_an_existing_store_byte_for_byte_unchanged() {
    let dir = tmp();
    let (id, journal) = seeded_store(dir.path());
    let before = snapshot(dir.path());
    // The config lives outside the data directory, with its `playbooks/` folder.
    let conf = tmp();
    let config = conf.path().join("config.yaml");
    std::fs::write(&config, "organisation: \"Example\"\n").unwrap();
    let folder = conf.path().join("playbooks");
    std::fs::create_dir(&folder).unwrap();

    let cases = playbook_cases();
    let mut faults = Vec::new();
    for case in &cases {
        let placed = folder.join(case.file.file_name().unwrap());
        std::fs::copy(&case.file, &placed).unwrap();
        for args in writes(&id) {
            let what = format!("playbooks/ beside --config, {}", args[0]);
            let mut cmd = run_in(dir.path());
            cmd.arg("--config").arg(&config).args(&args);
            faults.extend(check_refusal(case, &placed, &mut cmd, &what));
            if snapshot(dir.path()) != before {
                faults.push(format!("{} ({what}): the store changed", case.name));
            }
        }
        std::fs::remove_file(&placed).unwrap();
    }
    report(&faults, cases.len());
    let after = ok(run_in(dir.path()).args(["export", &id, "--format", "journal"]));
    assert_eq!(after, journal, "the journal changed");
    assert_eq!(list_json(dir.path()).len(), 1, "an incident was declared");
}
