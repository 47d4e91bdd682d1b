//! The war-room wall, the themes (monochrome for NO_COLOR, high contrast), and drills
//! whose injects reach the journal at their time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::TimeDelta;
use common::harness::*;
use crossterm::event::KeyCode;
use ratatui::style::Color;
use warroom::config::Config;
use warroom::config::ThemeKind;
use warroom::domain::Change;

#[test]
fn w_toggles_the_wall_with_its_banner_and_big_clock() {
    let mut h = Harness::with_demo();
    h.shift('W');
    assert!(h.app.wall);
    let screen = h.screen(120, 35);
    assert!(
        screen.contains("EXERCISE · 3 HIGH  ·  EX-2026-0001"),
        "{screen}"
    );
    assert!(screen.contains("█"), "big digits");
    assert!(screen.contains("Phase: Identification"), "{screen}");
    assert!(screen.contains("Commander: Alex Martin"), "{screen}");
    h.shift('W');
    assert!(!h.app.wall);
}

#[test]
fn wall_snapshot_120x35() {
    let mut h = Harness::with_demo();
    h.shift('W');
    insta::assert_snapshot!(h.screen(120, 35));
}

#[test]
fn the_wall_fits_small_and_odd_sizes() {
    let mut h = Harness::with_demo();
    h.shift('W');
    for (w, hgt) in [(80, 24), (81, 25), (200, 60), (120, 35)] {
        let screen = h.screen(w, hgt);
        assert!(screen.contains("EX-2026-0001"), "{w}x{hgt}");
        assert_eq!(screen.lines().count(), usize::from(hgt));
    }
}

fn with_theme(theme: ThemeKind) -> Harness {
    let mut config = Config::embedded().unwrap();
    config.theme = theme;
    let mut h = Harness::with_config(config);
    h.key(KeyCode::Char('d'));
    h
}

#[test]
fn the_monochrome_theme_uses_no_colour_at_all() {
    let h = with_theme(ThemeKind::Mono);
    for wall in [false, true] {
        let mut h2 = with_theme(ThemeKind::Mono);
        h2.app.wall = wall;
        let buffer = h2.buffer(120, 40);
        let coloured = buffer
            .content
            .iter()
            .find(|c| c.fg != Color::Reset || c.bg != Color::Reset);
        assert!(coloured.is_none(), "wall={wall}: {coloured:?}");
    }
    // Emphasis survives as reverse video: the exercise banner is still marked.
    let buffer = h.buffer(120, 40);
    assert!(
        buffer
            .content
            .iter()
            .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
    );
}

#[test]
fn the_high_contrast_theme_brightens_dim_text() {
    let standard = Harness::with_demo().buffer(120, 40);
    let bright = with_theme(ThemeKind::HighContrast).buffer(120, 40);
    let dark =
        |b: &ratatui::buffer::Buffer| b.content.iter().filter(|c| c.fg == Color::DarkGray).count();
    assert!(dark(&standard) > 0);
    assert_eq!(dark(&bright), 0);
}

#[test]
fn a_drill_delivers_its_injects_at_their_time() {
    let config = Config::embedded().unwrap();
    let scenario = config
        .catalog
        .drills
        .iter()
        .find(|d| d.id == "ransomware-file-server")
        .unwrap()
        .clone();
    let mut h = Harness::with_config(config.clone());
    let events = warroom::ops::start_drill(&h.store, &config, t0(), "lead", &scenario).unwrap();
    let id = events[0].change.clone();
    let Change::Declared(d) = id else { panic!() };
    assert!(d.exercise);
    h.send(warroom::app::Msg::Loaded { id: d.id, events });
    let injects = |h: &Harness| {
        h.app
            .active
            .as_ref()
            .unwrap()
            .events
            .iter()
            .filter(|e| matches!(e.change, Change::InjectDelivered { .. }))
            .count()
    };
    h.at(TimeDelta::minutes(4));
    assert_eq!(injects(&h), 0, "nothing before +5 min");
    h.at(TimeDelta::minutes(11));
    assert_eq!(injects(&h), 2, "+5 and +10 min");
    h.at(TimeDelta::minutes(12));
    assert_eq!(injects(&h), 2, "never twice");
    h.at(TimeDelta::hours(3));
    assert_eq!(injects(&h), scenario.injects.len());
    let screen = h.screen(120, 40);
    assert!(screen.contains("INJECT from retainer CSIRT"), "{screen}");
    assert!(screen.contains("EXERCISE"));
}

#[test]
fn every_shipped_drill_is_valid() {
    let config = Config::embedded().unwrap();
    let ids: Vec<&str> = config
        .catalog
        .drills
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "phishing-campaign",
            "ransomware-file-server",
            "hosting-outage",
            "personal-data-leak"
        ]
    );
    for d in &config.catalog.drills {
        assert!(d.injects.len() >= 5, "{}", d.id);
        assert!(!d.briefing.is_empty());
    }
}
