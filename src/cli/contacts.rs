//! Directory commands: list and search, vCard export, add or replace a contact, and the
//! call log. The same data and changes as the dashboard's Contacts pane.

use super::items::{Writer, state};
use super::{Failure, Outcome, non_empty};
use crate::config::Config;
use crate::domain::{Change, Contact, ContactKind, ContactOutcome, IncidentId};
use crate::search::search;
use crate::store::{NewEvent, Store};
use crate::ui::format::{content, safe};
use crate::{contacts, ops, text};
use std::path::Path;

pub fn list(store: &dyn Store, config: &Config, query: Option<&str>, json: bool) -> Outcome {
    let all = contacts::directory(config, &store.directory_events()?);
    let shown: Vec<&Contact> = search(&all, query.unwrap_or(""), crate::i18n::current())
        .into_iter()
        .filter_map(|hit| all.get(hit.index))
        .collect();
    if json {
        let out = crate::report::pretty_json(&shown).map_err(|e| Failure::Failed(e.to_string()))?;
        outln!("{out}");
        return Ok(());
    }
    for c in shown {
        let verify = if c.verified { "" } else { " ⚠" };
        outln!(
            "{:<22} {}{verify}  {}  {}  {}",
            safe(&c.key()),
            content(&c.name),
            safe(&c.phones.join(", ")),
            safe(&c.email),
            content(&c.role)
        );
    }
    Ok(())
}

pub fn export_vcard(store: &dyn Store, config: &Config, output: Option<&Path>) -> Outcome {
    let all = contacts::directory(config, &store.directory_events()?);
    let card = contacts::vcard(&all);
    super::to_file_or_out(output, &card, str::to_string)
}

/// What `contacts save` was given.
pub struct Saved {
    pub name: String,
    pub id: Option<String>,
    pub role: String,
    pub roles: Vec<String>,
    pub organisation: String,
    pub kind: ContactKind,
    pub phones: Vec<String>,
    pub email: String,
    pub availability: String,
    pub notes: String,
}

pub fn save(w: &Writer, config: &Config, given: Saved) -> Outcome {
    let name = non_empty(&given.name, "--name")?;
    if let Some(role) = given
        .roles
        .iter()
        .find(|r| !config.roles.iter().any(|known| &known.id == *r))
    {
        let known: Vec<&str> = config.roles.iter().map(|r| r.id.as_str()).collect();
        return Err(Failure::Usage(text::cli_unknown_role(role, &known)));
    }
    let clean = |t: &str| crate::input::clean_line(t).trim().to_string();
    // An id given replaces that entry; a new contact never takes over an existing one.
    let id = match given.id.map(|i| clean(&i)).filter(|i| !i.is_empty()) {
        Some(id) => id,
        None => {
            let all = contacts::directory(config, &w.store.directory_events()?);
            crate::domain::free_contact_id(&crate::domain::slug(&name), &all)
        }
    };
    let contact = Contact {
        id,
        name,
        role: clean(&given.role),
        roles: given.roles,
        organisation: clean(&given.organisation),
        kind: given.kind,
        phones: given.phones.iter().map(|p| clean(p)).collect(),
        email: clean(&given.email),
        availability: clean(&given.availability),
        notes: clean(&given.notes),
        ..Contact::default()
    };
    let key = contact.key();
    let change = Change::ContactSaved { contact };
    w.store
        .append_directory(&[NewEvent::new(w.now, w.author, change).happened(w.occurred)])?;
    outln!("{}", text::cli_contact_saved(&safe(&key)));
    Ok(())
}

/// The contact with this id or exact name, else the closest names in the message.
fn find<'a>(all: &'a [Contact], who: &str) -> Result<&'a Contact, Failure> {
    let wanted = who.trim().to_lowercase();
    all.iter()
        .find(|c| c.key() == who.trim() || c.name.to_lowercase() == wanted)
        .ok_or_else(|| {
            let close: Vec<String> = search(all, who, crate::i18n::current())
                .into_iter()
                .take(3)
                .filter_map(|h| {
                    all.get(h.index)
                        .map(|c| format!("{} ({})", safe(&c.key()), content(&c.name)))
                })
                .collect();
            Failure::Failed(text::cli_unknown_contact(who, &close))
        })
}

/// `warroom contacts verify CONTACT [--on DATE]`.
pub fn verify(w: &Writer, config: &Config, who: &str, on: Option<chrono::NaiveDate>) -> Outcome {
    let all = contacts::directory(config, &w.store.directory_events()?);
    let contact = find(&all, who)?;
    let on = on.unwrap_or_else(|| w.now.date_naive());
    if on > w.now.date_naive() {
        return Err(Failure::Usage(text::cli_verified_in_future(
            &on.to_string(),
        )));
    }
    let change = Change::ContactVerified {
        id: contact.key(),
        on,
    };
    w.store
        .append_directory(&[NewEvent::new(w.now, w.author, change).happened(w.occurred)])?;
    outln!(
        "{}",
        text::cli_contact_verified(&safe(&contact.key()), &on.to_string())
    );
    Ok(())
}

pub fn call(
    w: &Writer,
    config: &Config,
    id: IncidentId,
    who: &str,
    outcome: ContactOutcome,
    note: Option<String>,
) -> Outcome {
    let all = contacts::directory(config, &w.store.directory_events()?);
    let contact = find(&all, who)?;
    let note = match note {
        Some(n) => crate::input::clean_line(&n).trim().to_string(),
        None => String::new(),
    };
    let state = state(w.store, id)?;
    let mut changes = vec![Change::ContactAttempted {
        contact: contact.name.clone(),
        contact_id: Some(contact.key()),
        outcome,
        note,
    }];
    if contact.kind == ContactKind::Retainer
        && outcome.delivered()
        && state.retainer_alert.is_none()
    {
        changes.push(config.retainer.alert(state.severity));
    }
    for event in ops::append(w.store, id, w.when(), w.author, changes)? {
        outln!("{}", text::cli_saved(id, event.id));
    }
    Ok(())
}
