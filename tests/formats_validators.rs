//! The exports other tools read, checked by those tools' own validators: a STIX 2.1
//! bundle by OASIS's stix2-validator (strict: warnings count as errors) and a MISP
//! event by pymisp (strict validation, every attribute's type and category checked).
//! They are Python packages, pinned and installed in a virtual environment by
//! `.ci/validators` (which `.ci/run` runs): without them these tests fail, saying so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::{ok, tmp, warroom};
use common::exchange::{rich_incident, with_attack};
use std::path::{Path, PathBuf};

/// The python of the validators' environment: WARROOM_PYTHON, else the default path.
fn python() -> PathBuf {
    let from_env = std::env::var_os("WARROOM_PYTHON").map(PathBuf::from);
    let default = std::env::var_os("HOME")
        .map(|home| PathBuf::from(home).join(".cache/warroom/venv/bin/python"));
    let found = [from_env, default]
        .into_iter()
        .flatten()
        .find(|p| p.exists())
        .unwrap_or_else(|| {
            panic!(
                "the STIX and MISP validators are not installed: run .ci/validators (.ci/run \
                 does), or set WARROOM_PYTHON to a python with stix2-validator and pymisp"
            )
        });
    let usable = std::process::Command::new(&found)
        .args(["-c", "import stix2validator, pymisp"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        usable,
        "{} lacks stix2-validator or pymisp: run .ci/validators (.ci/run does)",
        found.display()
    );
    found
}

/// Runs `script` with `file` as its argument; fails the test with what it printed.
fn check(script: &str, file: &Path) {
    let out = std::process::Command::new(python())
        .args(["-c", script])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{} refused {}:\n{}{}",
        script.lines().next().unwrap_or_default(),
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

const STIX: &str = r#"# stix2-validator, strict
import sys
from stix2validator import validate_file, ValidationOptions, print_results
results = validate_file(sys.argv[1], ValidationOptions(version='2.1', strict=True))
print_results(results)
sys.exit(0 if results.is_valid else 1)
"#;

const MISP: &str = r#"# pymisp, strict
import sys, json
from pymisp import MISPEvent, MISPAttribute
event = MISPEvent(strict_validation=True)
event.load(open(sys.argv[1]))
raw = json.load(open(sys.argv[1]))['Event']
assert len(event.attributes) == len(raw['Attribute']), 'attributes lost'
for a in raw['Attribute']:
    MISPAttribute(strict=True).from_dict(**a)
loaded = {(a.type, a.category, a.value) for a in event.attributes}
wanted = {(a['type'], a['category'], a['value']) for a in raw['Attribute']}
assert loaded == wanted, (loaded ^ wanted)
assert {t.name for t in event.tags} == {t['name'] for t in raw['Tag']}
json.loads(event.to_json())
"#;

fn export(dir: &Path, id: &str, args: &[&str], name: &str) -> PathBuf {
    let file = dir.join(name);
    ok(warroom(dir)
        .args(["ioc", "export", id])
        .args(args)
        .arg("-o")
        .arg(&file));
    file
}

#[test]
fn a_stix_bundle_of_every_kind_passes_the_oasis_validator_strictly() {
    let dir = tmp();
    let id = rich_incident(dir.path());
    // Its attack timeline goes as notes, one referring to the technique's attack-pattern.
    with_attack(dir.path(), &id);
    ok(warroom(dir.path())
        .args(["timeline", "add", &id, "2026-11-08T10:00:00Z"])
        .args(["Backups deleted", "--technique", "T1490"]));
    let all = export(dir.path(), &id, &["--format", "stix"], "all.stix.json");
    check(STIX, &all);
    let green = export(
        dir.path(),
        &id,
        &["--format", "stix", "--max-tlp", "green"],
        "green.stix.json",
    );
    check(STIX, &green);
}

#[test]
fn a_misp_event_of_every_kind_loads_in_pymisp() {
    let dir = tmp();
    let id = rich_incident(dir.path());
    with_attack(dir.path(), &id);
    let all = export(dir.path(), &id, &["--format", "misp"], "all.misp.json");
    check(MISP, &all);
    let clear = export(
        dir.path(),
        &id,
        &["--format", "misp", "--max-tlp", "clear"],
        "clear.misp.json",
    );
    check(MISP, &clear);
}
