//! Every human-readable text of the shipped assets, each under a stable key built from
//! the asset's ids. The French content file translates these keys (see `i18n::content`);
//! a test there keeps the two in step: a text this walk missed would have a
//! translation with no text, and fail it.
//!
//! The walk reads the asset tables as plain YAML values: finding a text needs its place
//! in the file, not a whole validated `Config` (which itself needs `i18n` for its error
//! messages).

use super::{
    DEFAULT_CONFIG, SHIPPED_CLOCKS, SHIPPED_CONTACTS, SHIPPED_DRILLS, SHIPPED_MODELS,
    SHIPPED_PLAYBOOKS,
};
use serde_yaml::Value;

/// (key, English text) for every non-empty shipped text, in asset order.
pub fn shipped_texts() -> Vec<(String, String)> {
    let config = parse(DEFAULT_CONFIG.1);
    let mut out = Texts::default();
    let models = SHIPPED_MODELS
        .iter()
        .map(|(_, text)| parse(text))
        .chain(list(&config, "phase_models").iter().cloned());
    for model in models {
        let id = field(&model, "id");
        out.add(format!("model-{id}"), field(&model, "name"));
        for phase in list(&model, "phases") {
            let key = format!("phase-{id}-{}", field(phase, "id"));
            out.add(key, field(phase, "name"));
        }
    }
    for playbook in SHIPPED_PLAYBOOKS.iter().map(|(_, text)| parse(text)) {
        let id = field(&playbook, "id");
        out.add(format!("playbook-{id}"), field(&playbook, "name"));
        let description = field(&playbook, "description");
        out.add(format!("playbook-{id}-description"), description);
        for item in list(&playbook, "items") {
            let item_id = field(item, "id");
            out.add(format!("item-{item_id}"), field(item, "text"));
            out.add(format!("item-{item_id}-evidence"), field(item, "evidence"));
        }
    }
    let clocks = parse(SHIPPED_CLOCKS.1);
    for clock in seq(&clocks).iter().chain(list(&config, "clocks")) {
        let id = field(clock, "id");
        out.add(format!("clock-{id}"), field(clock, "name"));
        out.add(format!("clock-{id}-authority"), field(clock, "authority"));
        out.add(format!("clock-{id}-note"), field(clock, "note"));
    }
    for role in list(&config, "roles") {
        out.add(format!("role-{}", field(role, "id")), field(role, "name"));
    }
    out.add("organisation".into(), field(&config, "organisation"));
    if let Some(poc) = config.get("point_of_contact") {
        out.contact(poc);
    }
    let retainer = config.get("retainer").cloned().unwrap_or(Value::Null);
    out.add("retainer-name".into(), field(&retainer, "name"));
    for contact in seq(&parse(SHIPPED_CONTACTS.1)) {
        out.contact(contact);
    }
    for drill in SHIPPED_DRILLS.iter().map(|(_, text)| parse(text)) {
        let id = field(&drill, "id");
        out.add(format!("drill-{id}"), field(&drill, "name"));
        out.add(format!("drill-{id}-title"), field(&drill, "title"));
        out.add(format!("drill-{id}-briefing"), field(&drill, "briefing"));
        for (n, inject) in list(&drill, "injects").iter().enumerate() {
            let key = format!("drill-{id}-inject-{}", n + 1);
            out.add(key.clone(), field(inject, "text"));
            out.add(format!("{key}-author"), field(inject, "author"));
        }
    }
    demo(&mut out);
    let attack = super::attack::catalogue();
    for tactic in &attack.tactics {
        out.add(super::attack::text_key(&tactic.id), &tactic.name);
    }
    for technique in &attack.techniques {
        out.add(super::attack::text_key(&technique.id), &technique.name);
    }
    out.0
}

/// The demo incident's title, summary and notes: an exercise should read in the
/// language of whoever opens it, like the shipped drills.
fn demo(out: &mut Texts) {
    use crate::domain::{Change, IncidentId, demo};
    let inputs = demo::DemoInputs {
        phases: &[],
        checklist: &[],
        phase_model: None,
        playbook: None,
        clocks: &[],
        retainer: "",
        retainer_minutes: 0,
    };
    let id = IncidentId::new(true, 2000, 1);
    let mut notes = 0;
    for (_, _, change) in demo::script(chrono::DateTime::UNIX_EPOCH, id, &inputs) {
        match change {
            Change::Declared(d) => {
                out.add("demo-title".into(), &d.title);
                out.add("demo-summary".into(), &d.summary);
            }
            Change::NoteAdded { text } => {
                notes += 1;
                out.add(format!("demo-note-{notes}"), &text);
            }
            _ => {}
        }
    }
}

/// A shipped file as YAML values; the shipped files are checked by `config`'s tests, so
/// one that did not parse would fail there, and here it yields no texts.
fn parse(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap_or(Value::Null)
}

fn field<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

fn seq(value: &Value) -> &[Value] {
    value.as_sequence().map_or(&[], Vec::as_slice)
}

fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).map_or(&[], seq)
}

#[derive(Default)]
struct Texts(Vec<(String, String)>);

impl Texts {
    fn add(&mut self, key: String, text: &str) {
        if !text.trim().is_empty() {
            self.0.push((key, text.to_string()));
        }
    }

    fn contact(&mut self, c: &Value) {
        let key = format!("contact-{}", field(c, "id"));
        self.add(key.clone(), field(c, "name"));
        for part in ["role", "availability", "notes"] {
            self.add(format!("{key}-{part}"), field(c, part));
        }
    }
}
