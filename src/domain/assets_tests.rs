//! The assets register: merged by kind and name, states moved by events and kept in
//! the order they happened, and the scope the assets imply.

use super::*;
use chrono::TimeDelta;

fn t(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default() + TimeDelta::minutes(minutes)
}

fn spec(kind: AssetKind, name: &str) -> AssetSpec {
    AssetSpec::new(kind, name.to_string())
}

#[test]
fn kinds_and_states_are_closed_lists_read_by_their_slug() {
    use crate::domain::ClosedList;
    assert_eq!(
        AssetKind::parse_typed("Data store"),
        Ok(AssetKind::DataStore)
    );
    assert_eq!(AssetKind::parse_typed("host"), Ok(AssetKind::Host));
    let err = AssetKind::parse_typed("laptop").unwrap_err();
    assert_eq!(err.what, "asset-kind");
    assert_eq!(err.valid.len(), 5);
    assert_eq!(
        AssetState::parse_typed("CONTAINED"),
        Ok(AssetState::Contained)
    );
    assert!(AssetState::parse_typed("fixed").is_err());
    // Serialised by slug, as the journal stores them.
    assert_eq!(
        serde_json::to_string(&AssetKind::DataStore).unwrap(),
        "\"data-store\""
    );
}

#[test]
fn the_same_asset_reported_twice_is_merged_not_added() {
    let mut assets = Assets::default();
    let mut first = spec(AssetKind::Host, "FS01.corp.example.");
    first.owner = "IT ops".into();
    first.observables = vec!["O1".into()];
    assets.report(&first, t(0), "ann", 2);
    let mut again = spec(AssetKind::Host, "  fs01.CORP.example ");
    again.owner = "someone else".into();
    again.note = "encrypted".into();
    again.observables = vec!["O1".into(), "O2".into()];
    assets.report(&again, t(5), "bob", 3);
    assert_eq!(assets.len(), 1);
    let a = &assets.all[0];
    assert_eq!(a.id, "A1");
    assert_eq!(a.name, "FS01.corp.example.", "the name as first given");
    assert_eq!(a.owner, "IT ops", "an owner is not replaced by a merge");
    assert_eq!(a.note, "encrypted");
    assert_eq!(a.observables, ["O1", "O2"]);
    assert_eq!(a.reports, 2);
    assert!(a.history.is_empty(), "no state stated: no move");
    assert_eq!(a.reported_at, t(0));

    // Another kind, or an account whose case differs, is another asset.
    assets.report(
        &spec(AssetKind::Service, "fs01.corp.example"),
        t(6),
        "ann",
        4,
    );
    assets.report(&spec(AssetKind::Account, "Root"), t(6), "ann", 5);
    assets.report(&spec(AssetKind::Account, "root"), t(6), "ann", 6);
    assets.report(&spec(AssetKind::DataStore, "HR  share"), t(6), "ann", 7);
    assets.report(&spec(AssetKind::DataStore, "hr share"), t(6), "ann", 8);
    let ids: Vec<&str> = assets.all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["A1", "A2", "A3", "A4", "A5"]);
    assert_eq!(
        assets
            .find(AssetKind::Host, "fs01.corp.example")
            .map(|a| &a.id),
        Some(&"A1".to_string())
    );
    assert_eq!(assets.get("a5").map(|a| a.kind), Some(AssetKind::DataStore));
    assert!(assets.get("A6").is_none() && assets.get("A0").is_none() && assets.get("O1").is_none());
}

#[test]
fn states_move_either_way_and_are_kept_in_the_order_they_happened() {
    let mut assets = Assets::default();
    assets.report(&spec(AssetKind::Host, "ws1"), t(15), "ann", 2);
    assert_eq!(assets.all[0].state(), AssetState::Suspected);
    assert_eq!(assets.all[0].last_change(), t(15));
    // Before it was reported: the default of a report is no dated fact, so it is the
    // state now.
    assets.set_state("A1", AssetState::Compromised, t(10), "ann", 3);
    assert_eq!(assets.all[0].state(), AssetState::Compromised);
    assets.set_state("A1", AssetState::Restored, t(30), "bob", 4);
    // Entered late: it happened before the restoration, which stays the state now.
    assets.set_state("a1", AssetState::Contained, t(20), "bob", 5);
    let a = &assets.all[0];
    let states: Vec<AssetState> = a.history.iter().map(|c| c.state).collect();
    assert_eq!(
        states,
        [
            AssetState::Compromised,
            AssetState::Contained,
            AssetState::Restored
        ]
    );
    assert_eq!(a.state(), AssetState::Restored);
    assert_eq!(a.last_change(), t(30));
    // Back: found compromised again after it was restored.
    assets.set_state("A1", AssetState::Compromised, t(40), "ann", 6);
    assert_eq!(assets.all[0].state(), AssetState::Compromised);
    // An unknown asset changes nothing.
    let before = assets.clone();
    assets.set_state("A9", AssetState::Cleaned, t(50), "ann", 7);
    assert_eq!(assets, before);

    // A report that states a different state is a move; the same state is not.
    let mut again = spec(AssetKind::Host, "WS1");
    again.state = Some(AssetState::Compromised);
    assets.report(&again, t(45), "ann", 8);
    assert_eq!(assets.all[0].history.len(), 4);
    again.state = Some(AssetState::Contained);
    assets.report(&again, t(50), "ann", 9);
    assert_eq!(assets.all[0].state(), AssetState::Contained);
    assert_eq!(assets.all[0].history.len(), 5);
}

#[test]
fn edits_set_one_field_and_a_new_name_is_found_by_it() {
    let mut assets = Assets::default();
    assets.report(&spec(AssetKind::Host, "ws1"), t(0), "ann", 2);
    assets.report(&spec(AssetKind::Host, "ws2"), t(0), "ann", 3);
    assets.edit("A1", &AssetEdit::Owner("Sales".into()));
    assets.edit("A1", &AssetEdit::Note("laptop of the CFO".into()));
    assets.edit("A1", &AssetEdit::Name("WS1-cfo".into()));
    assert_eq!(assets.all[0].owner, "Sales");
    assert_eq!(assets.all[0].note, "laptop of the CFO");
    assert!(assets.find(AssetKind::Host, "ws1").is_none());
    assert_eq!(
        assets
            .find(AssetKind::Host, "ws1-CFO")
            .map(|a| a.id.as_str()),
        Some("A1")
    );
    assets.edit("A1", &AssetEdit::Kind(AssetKind::Account));
    assert!(assets.find(AssetKind::Host, "ws1-cfo").is_none());
    assert_eq!(
        assets
            .find(AssetKind::Account, "WS1-cfo")
            .map(|a| a.id.as_str()),
        Some("A1")
    );
    // A name another asset has: that one keeps it for merges.
    assets.edit("A1", &AssetEdit::Kind(AssetKind::Host));
    assets.edit("A1", &AssetEdit::Name("ws2".into()));
    assert_eq!(
        assets.find(AssetKind::Host, "ws2").map(|a| a.id.as_str()),
        Some("A2")
    );
}

#[test]
fn counts_by_state_leave_out_empty_states() {
    let mut assets = Assets::default();
    assert!(assets.counts().is_empty());
    for (n, name) in ["a", "b", "c"].into_iter().enumerate() {
        assets.report(&spec(AssetKind::Host, name), t(0), "ann", n as u64 + 2);
    }
    assets.set_state("A2", AssetState::Restored, t(1), "ann", 5);
    assert_eq!(
        assets.counts(),
        [(AssetState::Suspected, 2), (AssetState::Restored, 1)]
    );
}

#[test]
fn only_confirmed_hosts_imply_endpoints_and_the_hint_is_what_is_not_declared() {
    let mut assets = Assets::default();
    assert_eq!(assets.implied_scope(), Scope::default());
    assets.report(&spec(AssetKind::Host, "ws1"), t(0), "ann", 2);
    assert_eq!(
        assets.implied_scope(),
        Scope::default(),
        "a suspicion is not enough"
    );
    for kind in [
        AssetKind::Account,
        AssetKind::Service,
        AssetKind::Site,
        AssetKind::DataStore,
    ] {
        let mut other = spec(kind, "x");
        other.state = Some(AssetState::Compromised);
        assets.report(&other, t(1), "ann", 3);
    }
    assert_eq!(
        assets.implied_scope(),
        Scope::default(),
        "their kind does not say where they are"
    );
    assets.set_state("A1", AssetState::Restored, t(2), "ann", 7);
    let implied = assets.implied_scope();
    assert_eq!(
        implied,
        Scope {
            endpoints: true,
            ..Scope::default()
        },
        "a restored host was compromised"
    );
    let declared = Scope {
        network: true,
        ..Scope::default()
    };
    assert!(scope_beyond(declared, implied).endpoints);
    assert!(!scope_beyond(declared, implied).network);
    let wide = Scope {
        endpoints: true,
        ..declared
    };
    assert_eq!(scope_beyond(wide, implied), Scope::default());
    // Set back to suspected (a mistake): the hint goes.
    assets.set_state("A1", AssetState::Suspected, t(3), "ann", 8);
    assert_eq!(assets.implied_scope(), Scope::default());
}

#[test]
fn a_change_reads_back_from_its_journal_form() {
    let mut spec = spec(AssetKind::DataStore, "HR share");
    spec.state = Some(AssetState::Compromised);
    let change = crate::domain::Change::AssetAdded { asset: spec };
    let json = serde_json::to_string(&change).unwrap();
    assert!(json.contains("\"kind\":\"asset_added\""), "{json}");
    assert!(json.contains("\"state\":\"compromised\""), "{json}");
    assert_eq!(
        serde_json::from_str::<crate::domain::Change>(&json).unwrap(),
        change
    );
    let edit = crate::domain::Change::AssetEdited {
        asset: "A1".into(),
        edit: AssetEdit::Kind(AssetKind::Host),
    };
    let json = serde_json::to_string(&edit).unwrap();
    assert!(
        json.contains("{\"field\":\"kind\",\"value\":\"host\"}"),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<crate::domain::Change>(&json).unwrap(),
        edit
    );
}
