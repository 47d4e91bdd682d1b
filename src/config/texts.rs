//! Every human-readable text of the shipped assets, each under a stable key built from
//! the asset's ids. The French content file translates these keys (see `i18n::content`);
//! a test keeps the two in step.

use super::Config;
use crate::domain::Contact;

/// (key, English text) for every non-empty shipped text, in asset order.
pub fn shipped_texts() -> Vec<(String, String)> {
    let Ok(config) = Config::embedded() else {
        return Vec::new();
    };
    let mut out = Texts::default();
    let catalog = &config.catalog;
    for model in &catalog.models {
        out.add(format!("model-{}", model.id), &model.name);
        for phase in &model.phases {
            out.add(format!("phase-{}-{}", model.id, phase.id), &phase.name);
        }
    }
    for playbook in &catalog.playbooks {
        out.add(format!("playbook-{}", playbook.id), &playbook.name);
        out.add(
            format!("playbook-{}-description", playbook.id),
            &playbook.description,
        );
        for item in &playbook.items {
            out.add(format!("item-{}", item.id), &item.text);
            if let Some(evidence) = &item.evidence {
                out.add(format!("item-{}-evidence", item.id), evidence);
            }
        }
    }
    for clock in &catalog.clocks {
        out.add(format!("clock-{}", clock.id), &clock.name);
        out.add(format!("clock-{}-authority", clock.id), &clock.authority);
        out.add(format!("clock-{}-note", clock.id), &clock.note);
    }
    for role in &config.roles {
        out.add(format!("role-{}", role.id), &role.name);
    }
    out.add("organisation".into(), &config.organisation);
    out.contact(&config.point_of_contact);
    out.add("retainer-name".into(), &config.retainer.name);
    for contact in &catalog.public_contacts {
        out.contact(contact);
    }
    for drill in &catalog.drills {
        out.add(format!("drill-{}", drill.id), &drill.name);
        out.add(format!("drill-{}-title", drill.id), &drill.title);
        out.add(format!("drill-{}-briefing", drill.id), &drill.briefing);
        for (n, inject) in drill.injects.iter().enumerate() {
            let n = n + 1;
            out.add(format!("drill-{}-inject-{n}", drill.id), &inject.text);
            out.add(
                format!("drill-{}-inject-{n}-author", drill.id),
                &inject.author,
            );
        }
    }
    demo(&mut out);
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

#[derive(Default)]
struct Texts(Vec<(String, String)>);

impl Texts {
    fn add(&mut self, key: String, text: &str) {
        if !text.trim().is_empty() {
            self.0.push((key, text.to_string()));
        }
    }

    fn contact(&mut self, c: &Contact) {
        let key = format!("contact-{}", c.id);
        self.add(key.clone(), &c.name);
        self.add(format!("{key}-role"), &c.role);
        self.add(format!("{key}-availability"), &c.availability);
        self.add(format!("{key}-notes"), &c.notes);
    }
}
