//! Plain CSV tables (RFC 4180, quoted where needed, by the `csv` crate): the
//! observables register and the affected assets.
//! One header row of stable machine names, one row per item, values canonical.

use super::audience::{Audience, Item, Tally};
use super::{Export, Source};

/// A table: its header, and its rows as cells.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory fails only on a row of the wrong length, which the callers
    // build from the header: such a row is dropped rather than the table.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

pub const OBSERVABLE_COLUMNS: [&str; 11] = [
    "id",
    "kind",
    "value",
    "ioc",
    "sighted",
    "tlp",
    "source",
    "first_seen",
    "last_seen",
    "note",
    "links",
];

/// The observables `audience` may see, one row each, values refanged; `links` names
/// the journal events (`#12`), evidence items and assets each is linked to.
pub fn observables(source: &Source<'_>, audience: Audience) -> Export {
    let state = source.state;
    let mut tally = Tally::default();
    let rows: Vec<Vec<String>> = state
        .observables
        .all
        .iter()
        .filter(|o| tally.admit(audience, Item::Observable, o.tlp(state.tlp)))
        .map(|o| {
            let spec = &o.spec;
            let links: Vec<String> = spec
                .events
                .iter()
                .map(|e| format!("#{e}"))
                .chain(spec.evidence.iter().cloned())
                .chain(spec.assets.iter().cloned())
                .collect();
            vec![
                o.id.clone(),
                spec.kind.slug().to_string(),
                spec.value.clone(),
                spec.ioc.to_string(),
                spec.sighted.to_string(),
                o.tlp(state.tlp).label().to_string(),
                spec.source.clone(),
                o.first_seen
                    .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                o.last_seen
                    .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                spec.note.clone(),
                links.join(" "),
            ]
        })
        .collect();
    Export {
        body: csv(&OBSERVABLE_COLUMNS, &rows),
        tally,
    }
}

pub const ASSET_COLUMNS: [&str; 9] = [
    "id",
    "kind",
    "name",
    "owner",
    "state",
    "since",
    "note",
    "observables",
    "evidence",
];

/// The affected assets, one row each: its state now and since when (the last move, or
/// when it was reported), its linked observables and evidence items. Assets have no
/// TLP of their own: all go, or none, with the incident's.
pub fn assets(source: &Source<'_>, audience: Audience) -> Export {
    let state = source.state;
    let mut tally = Tally::default();
    let rows: Vec<Vec<String>> = state
        .assets
        .all
        .iter()
        .filter(|_| tally.admit(audience, Item::Asset, state.tlp))
        .map(|a| {
            vec![
                a.id.clone(),
                a.kind.slug().to_string(),
                a.name.clone(),
                a.owner.clone(),
                a.state().slug().to_string(),
                a.last_change()
                    .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                a.note.clone(),
                a.observables.join(" "),
                a.evidence.join(" "),
            ]
        })
        .collect();
    Export {
        body: csv(&ASSET_COLUMNS, &rows),
        tally,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_with_commas_quotes_and_newlines_are_quoted() {
        let out = super::csv(
            &["a", "b"],
            &[vec!["x,y".into(), "say \"hi\"\nthere".into()]],
        );
        assert_eq!(out, "a,b\n\"x,y\",\"say \"\"hi\"\"\nthere\"\n");
    }
}
