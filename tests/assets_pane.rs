//! The incident pane with affected assets: their counts by state below the next steps,
//! and, on the scope row, the areas confirmed assets imply that the declared scope
//! leaves out — at 120×40 and 80×24, with wide characters in the assets' names.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::harness::*;
use warroom::domain::{AssetKind, AssetSpec, AssetState, Change};

fn added(kind: AssetKind, name: &str, state: Option<AssetState>) -> Change {
    Change::AssetAdded {
        asset: AssetSpec {
            state,
            ..AssetSpec::new(kind, name.into())
        },
    }
}

fn write(h: &mut Harness, changes: Vec<Change>) {
    let id = h.state().id;
    let events = warroom::ops::append(&h.store, id, t0(), "t", changes).unwrap();
    let incidents = warroom::store::Store::list(&h.store).unwrap();
    h.send(warroom::app::Msg::Saved {
        id,
        events,
        incidents,
    });
}

/// No row is wider than the screen, and every row that ends on a pane's right border
/// ends at the screen's edge (wide characters counted twice): nothing shifted.
fn rows_fill(screen: &str, width: usize) {
    use unicode_width::UnicodeWidthStr;
    for row in screen.lines() {
        assert!(row.width() <= width, "{row:?}");
        if row.ends_with(['│', '┐', '┘', '┃', '┓', '┛']) {
            assert_eq!(row.width(), width, "{row:?}");
        }
    }
}

#[test]
fn counts_by_state_show_below_the_next_steps_only_with_assets() {
    let mut h = Harness::with_demo();
    let before_80 = h.screen(80, 24);
    assert!(!h.screen(120, 40).contains("Assets:"));
    write(
        &mut h,
        vec![
            added(AssetKind::Host, "FS01", Some(AssetState::Compromised)),
            added(
                AssetKind::Host,
                "財務サーバー01",
                Some(AssetState::Compromised),
            ),
            added(
                AssetKind::Account,
                "svc-backup",
                Some(AssetState::Contained),
            ),
            added(AssetKind::DataStore, "HR share", None),
        ],
    );
    let screen = h.screen(120, 40);
    rows_fill(&screen, 120);
    assert!(
        screen.contains("│Assets: 1 suspected · 2 compromised · 1 contained"),
        "{screen}"
    );
    // Endpoints are declared: no hint.
    assert!(!screen.contains("assets imply"), "{screen}");
    insta::assert_snapshot!(screen);
    // At 80×24 the pane's six rows are full: the frame does not move.
    let small = h.screen(80, 24);
    rows_fill(&small, 80);
    let pane = |s: &str| s.lines().take(9).collect::<Vec<_>>().join("\n");
    assert_eq!(pane(&small), pane(&before_80));
}

#[test]
fn a_confirmed_host_outside_the_declared_scope_is_hinted_on_the_scope_row() {
    let mut h = Harness::new();
    h.declare("Intrusion on a workstation", 'i');
    write(&mut h, vec![added(AssetKind::Host, "ws-042", None)]);
    assert!(!h.screen(80, 24).contains("assets imply"));
    write(
        &mut h,
        vec![Change::AssetStateChanged {
            asset: "A1".into(),
            state: AssetState::Compromised,
        }],
    );
    let small = h.screen(80, 24);
    rows_fill(&small, 80);
    assert!(
        small.contains("│Scope: none recorded (assets imply: endpoints)"),
        "{small}"
    );
    insta::assert_snapshot!(small);
    // Amended by someone: the hint goes.
    write(
        &mut h,
        vec![Change::Amended {
            amendment: warroom::domain::Amendment::Scope(warroom::domain::Scope {
                endpoints: true,
                ..Default::default()
            }),
            reason: "ws-042".into(),
        }],
    );
    assert!(!h.screen(80, 24).contains("assets imply"));
}
