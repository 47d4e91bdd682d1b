#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `warroom plan`: the one-page response plan prints on one A4 page, in English and in
//! French, as a real browser prints it (headless Chromium's PDF printing).

mod common;
use common::cli::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The browser: `WARROOM_CHROMIUM`, else `chromium` on the PATH. CI installs it
/// (`.ci/run`) and must have it; elsewhere the test says it skips.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("WARROOM_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join("chromium"))
                    .find(|p| p.is_file())
            })
        });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium (.ci/run installs it)"
        );
        eprintln!("plan_print: no chromium here (install the `chromium` package); skipped");
    }
    found
}

/// How many pages Chromium prints `html` on, A4, as a user printing it would.
fn printed_pages(browser: &Path, html: &Path, dir: &Path) -> usize {
    let pdf = dir.join("plan.pdf");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not print the plan within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let bytes = std::fs::read(&pdf).unwrap();
    // Each page object is `/Type /Page` (the tree of them is `/Type /Pages`).
    let text = String::from_utf8_lossy(&bytes);
    text.match_indices("/Type /Page")
        .chain(text.match_indices("/Type/Page"))
        .filter(|(at, found)| !text[at + found.len()..].starts_with('s'))
        .count()
}

fn plan(dir: &Path, lang: &str) -> PathBuf {
    let out = dir.join(format!("plan-{lang}.html"));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.yaml");
    ok(warroom(dir)
        .args(["--lang", lang, "--config"])
        .arg(&example)
        .args(["plan", "-o"])
        .arg(&out));
    out
}

#[test]
fn the_plan_prints_on_one_a4_page_in_english_and_in_french() {
    let Some(browser) = chromium() else { return };
    let dir = tmp();
    for lang in ["en", "fr"] {
        let html = plan(dir.path(), lang);
        let text = std::fs::read_to_string(&html).unwrap();
        assert!(text.contains("@page{size:A4"), "{text}");
        assert_eq!(
            printed_pages(&browser, &html, dir.path()),
            1,
            "{lang}: {text}"
        );
    }
    let french = std::fs::read_to_string(dir.path().join("plan-fr.html")).unwrap();
    assert!(french.contains("Les cinq premières choses à faire"));
    assert!(french.contains("<html lang=\"fr\">"));
}

#[test]
fn the_plan_in_markdown_names_whom_to_call() {
    let dir = tmp();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.yaml");
    let md = ok(warroom(dir.path())
        .arg("--config")
        .arg(&example)
        .args(["plan", "--format", "md"]));
    assert!(
        md.starts_with("# Incident response plan — Example Logistics SAS"),
        "{md}"
    );
    assert!(md.contains("- Deputy: **Karim Benali**"), "{md}");
    assert!(md.contains("Contract: IR\\-RET\\-2026\\-042"), "{md}");
    assert!(md.contains("CNIL breach notification"), "{md}");
}
