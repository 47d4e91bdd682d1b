//! Typed links resolved by each register's one rule, or refused with what was typed.

use super::*;
use crate::domain::{AssetKind, AssetSpec, ObservableKind, ObservableSpec, Unresolved, links};
use chrono::{DateTime, Utc};

fn t() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default()
}

fn typed(links: &[&str]) -> Vec<String> {
    links.iter().map(|l| l.to_string()).collect()
}

fn register() -> Assets {
    let mut assets = Assets::default();
    for (n, (kind, name)) in [
        (AssetKind::Host, "WS-042"),
        (AssetKind::Host, "FS01"),
        (AssetKind::DataStore, "fs01"),
        (AssetKind::Account, "Svc-Backup"),
    ]
    .into_iter()
    .enumerate()
    {
        assets.report(&AssetSpec::new(kind, name.into()), t(), "ann", n as u64 + 2);
    }
    assets
}

#[test]
fn an_asset_is_named_by_its_id_or_its_name_whatever_the_case() {
    let assets = register();
    assert_eq!(assets.resolve("A1").map(|a| a.id.as_str()), Ok("A1"));
    assert_eq!(assets.resolve(" a4 ").map(|a| a.id.as_str()), Ok("A4"));
    assert_eq!(assets.resolve("ws-042").map(|a| a.id.as_str()), Ok("A1"));
    assert_eq!(
        assets.resolve("  WS-042  ").map(|a| a.id.as_str()),
        Ok("A1")
    );
    // Accounts keep their case in the register, but a link finds them anyway.
    assert_eq!(
        assets.resolve("svc-backup").map(|a| a.id.as_str()),
        Ok("A4")
    );
    assert_eq!(assets.resolve("A9"), Err(Unresolved::Unknown));
    assert_eq!(assets.resolve("WS-043"), Err(Unresolved::Unknown));
    // A name two assets share names neither.
    assert_eq!(
        assets.resolve("Fs01"),
        Err(Unresolved::Ambiguous(vec!["A2".into(), "A3".into()]))
    );
}

#[test]
fn asset_links_become_ids_once_each_or_the_first_unknown_is_refused() {
    let assets = register();
    assert_eq!(
        links::assets(&assets, &typed(&["ws-042", "A1", " ", "a4"])),
        Ok(vec!["A1".to_string(), "A4".to_string()])
    );
    assert_eq!(
        links::assets(&assets, &typed(&["A1", "WS-043", "A99"])),
        Err(BadLink::UnknownAsset("WS-043".into()))
    );
    assert_eq!(
        links::assets(&assets, &typed(&["fs01"])),
        Err(BadLink::AmbiguousAsset(
            "fs01".into(),
            vec!["A2".into(), "A3".into()]
        ))
    );
    assert_eq!(links::assets(&assets, &[]), Ok(Vec::new()));
}

#[test]
fn observable_links_are_ids_of_the_register() {
    let mut observables = Observables::default();
    let spec = ObservableSpec::new(ObservableKind::Domain, "evil.example".into());
    observables.report(&spec, t(), "ann");
    assert_eq!(
        links::observables(&observables, &typed(&["o1", " O1 "])),
        Ok(vec!["O1".to_string()])
    );
    // A value is not an id: the register is asked by id only.
    for bad in ["O2", "evil.example", "1"] {
        assert_eq!(
            links::observables(&observables, &typed(&[bad])),
            Err(BadLink::UnknownObservable(bad.into()))
        );
    }
}
