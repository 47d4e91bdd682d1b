//! Timesketch timelines, CSV or JSON lines: one row per moment, with the columns
//! Timesketch requires (`message`, `datetime` in ISO 8601, `timestamp` in microseconds,
//! `timestamp_desc`) and attributes of warroom's (`incident`, `event`, `author`,
//! `kind`, `tlp`…). The response journal gives a "Response action" row at the time
//! each event happened, and an "Event recorded" row when it was written down more than
//! a minute apart. Each step of the attack timeline gives an "Attacker activity" row at
//! its own time (its id, tactic, technique, linked observables and assets, and how it
//! is known as attributes), with the incident's TLP like the journal's. Rows are sorted
//! by time, the journal first at equal times; the columns come in one fixed order.

use super::audience::{Audience, Item, Tally};
use super::{Export, Source};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};

/// One moment on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub at: DateTime<Utc>,
    /// What the time is: "Response action", "Event recorded", "Attacker activity".
    pub timestamp_desc: String,
    pub message: String,
    /// Further columns, by name, in the order they are to appear.
    pub attributes: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    Csv,
    Jsonl,
}

pub const RESPONSE_ACTION: &str = "Response action";
pub const EVENT_RECORDED: &str = "Event recorded";
pub const ATTACKER_ACTIVITY: &str = "Attacker activity";

/// The attribute columns in the order they appear (those no row has are left out),
/// so that a header does not depend on which row comes first.
const ATTRIBUTES: [&str; 13] = [
    "incident",
    "event",
    "step",
    "author",
    "kind",
    "tlp",
    "recorded_at",
    "retracted",
    "tactic",
    "technique",
    "observables",
    "assets",
    "source",
];

/// The journal's rows, for an audience that may see the incident's TLP (else none,
/// each event counted as left out).
pub fn journal_rows(source: &Source<'_>, audience: Audience, tally: &mut Tally) -> Vec<Row> {
    let state = source.state;
    let mut rows = Vec::new();
    for event in source.events {
        if !tally.admit(audience, Item::JournalEvent, state.tlp) {
            continue;
        }
        let kind = serde_json::to_value(&event.change)
            .ok()
            .and_then(|v| v.get("kind").and_then(Value::as_str).map(str::to_string))
            .unwrap_or_default();
        let attributes = vec![
            ("incident", state.id.to_string()),
            ("event", event.id.to_string()),
            ("author", event.author.clone()),
            ("kind", kind),
            ("tlp", state.tlp.label().to_string()),
            ("recorded_at", stamp(event.at)),
            (
                "retracted",
                state.retracted.contains_key(&event.id).to_string(),
            ),
        ];
        let message = crate::text::event_line(&event.change, Some(state));
        rows.push(Row {
            at: event.occurred(),
            timestamp_desc: RESPONSE_ACTION.to_string(),
            message: message.clone(),
            attributes: attributes.clone(),
        });
        if let Some(recorded) = event.logged_apart() {
            rows.push(Row {
                at: recorded,
                timestamp_desc: EVENT_RECORDED.to_string(),
                message,
                attributes,
            });
        }
    }
    rows
}

/// The attack timeline's rows ("Attacker activity"), for an audience that may see the
/// incident's TLP (else none, each step counted as left out).
pub fn attack_rows(source: &Source<'_>, audience: Audience, tally: &mut Tally) -> Vec<Row> {
    let state = source.state;
    let mut rows = Vec::new();
    for step in state.attack_timeline.sorted() {
        if !tally.admit(audience, Item::AttackStep, state.tlp) {
            continue;
        }
        let spec = &step.spec;
        rows.push(Row {
            at: spec.at,
            timestamp_desc: ATTACKER_ACTIVITY.to_string(),
            message: spec.description.clone(),
            attributes: vec![
                ("incident", state.id.to_string()),
                ("step", spec.id.clone()),
                ("author", step.recorded_by.clone()),
                ("kind", "attack_step".to_string()),
                ("tlp", state.tlp.label().to_string()),
                ("recorded_at", stamp(step.recorded_at)),
                ("tactic", spec.tactic.clone().unwrap_or_default()),
                ("technique", spec.technique.clone().unwrap_or_default()),
                ("observables", spec.observables.join(" ")),
                ("assets", spec.assets.join(" ")),
                ("source", spec.source.clone()),
            ],
        });
    }
    rows
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// The journal's and the attack timeline's rows (sorted by time, the journal first at
/// equal times), as CSV or JSON lines.
pub fn export(source: &Source<'_>, audience: Audience, flavour: Flavour) -> Export {
    let mut tally = Tally::default();
    let mut rows = journal_rows(source, audience, &mut tally);
    rows.extend(attack_rows(source, audience, &mut tally));
    rows.sort_by_key(|r| r.at);
    let body = match flavour {
        Flavour::Csv => csv(&rows),
        Flavour::Jsonl => jsonl(&rows),
    };
    Export { body, tally }
}

fn columns(rows: &[Row]) -> Vec<&'static str> {
    let mut extra: Vec<&'static str> = Vec::new();
    for row in rows {
        for (name, _) in &row.attributes {
            if !extra.contains(name) {
                extra.push(name);
            }
        }
    }
    // Known attributes in their order, any other after them as first met.
    let place = |name: &&str| {
        ATTRIBUTES
            .iter()
            .position(|a| a == name)
            .unwrap_or(usize::MAX)
    };
    extra.sort_by_key(place);
    let mut names = vec!["message", "datetime", "timestamp", "timestamp_desc"];
    names.extend(extra);
    names
}

fn cells(row: &Row, names: &[&'static str]) -> Vec<String> {
    names
        .iter()
        .map(|&name| match name {
            "message" => row.message.clone(),
            "datetime" => stamp(row.at),
            "timestamp" => row.at.timestamp_micros().to_string(),
            "timestamp_desc" => row.timestamp_desc.clone(),
            _ => row
                .attributes
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
        })
        .collect()
}

pub fn csv(rows: &[Row]) -> String {
    let names = columns(rows);
    let table: Vec<Vec<String>> = rows.iter().map(|r| cells(r, &names)).collect();
    super::table::csv(&names, &table)
}

pub fn jsonl(rows: &[Row]) -> String {
    let mut out = String::new();
    for row in rows {
        let mut object = Map::new();
        object.insert("message".into(), row.message.clone().into());
        object.insert("datetime".into(), stamp(row.at).into());
        object.insert("timestamp".into(), row.at.timestamp_micros().into());
        object.insert("timestamp_desc".into(), row.timestamp_desc.clone().into());
        for (name, value) in &row.attributes {
            object.insert((*name).into(), value.clone().into());
        }
        out.push_str(&Value::Object(object).to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_from_elsewhere_add_their_columns() {
        let at = DateTime::parse_from_rfc3339("2026-11-28T13:05:00.5Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let rows = vec![
            Row {
                at,
                timestamp_desc: RESPONSE_ACTION.into(),
                message: "Note: \"isolated\", host".into(),
                attributes: vec![("event", "2".into())],
            },
            Row {
                at,
                timestamp_desc: "Attacker activity".into(),
                message: "Phishing e-mail opened".into(),
                attributes: vec![("technique", "T1566".into())],
            },
        ];
        assert_eq!(
            csv(&rows),
            "message,datetime,timestamp,timestamp_desc,event,technique\n\
             \"Note: \"\"isolated\"\", host\",2026-11-28T13:05:00.500000Z,1795871100500000,Response action,2,\n\
             Phishing e-mail opened,2026-11-28T13:05:00.500000Z,1795871100500000,Attacker activity,,T1566\n"
        );
        let lines: Vec<Value> = jsonl(&rows)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_default())
            .collect();
        assert_eq!(lines[1]["technique"], "T1566");
        assert_eq!(lines[0]["timestamp"], 1_795_871_100_500_000_i64);
    }
}
