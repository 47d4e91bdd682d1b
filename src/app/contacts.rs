//! The Contacts pane as the operator works it: the directory (the organisation's own,
//! the dashboard's additions, the public one), the escalation plan for the incident at
//! hand with the next one to call on top, fuzzy search, and the call log.

use super::forms::{ContactForm, LineForm, LinePurpose};
use super::{App, Effect, Flash, Overlay, Pane};
use crate::domain::{Change, Contact, ContactOutcome, EscalationStep, StepStatus, escalation};
use crate::search::{Hit, search};
use crate::text;
use tui_input::Input;

/// A search typed in the Contacts pane; `editing` while the text field has the keys.
#[derive(Debug, Clone, Default)]
pub struct ContactSearch {
    pub input: Input,
    pub editing: bool,
}

/// One row of the Contacts pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactRow {
    /// A role of the escalation plan; `contact` indexes the directory entry to call.
    Step {
        step: EscalationStep,
        contact: Option<usize>,
    },
    /// A directory entry; `name_chars` are the characters a search matched.
    Contact {
        index: usize,
        name_chars: Vec<usize>,
    },
}

impl App {
    /// The whole directory (see [`crate::contacts::directory`]).
    pub fn directory(&self) -> Vec<Contact> {
        crate::contacts::directory(&self.config, &self.directory_events)
    }

    /// The escalation plan for the active incident, next to call first.
    pub fn escalation(&self, directory: &[Contact]) -> Vec<EscalationStep> {
        match &self.active {
            Some(active) => escalation(&self.config.escalation, &active.state, directory),
            None => Vec::new(),
        }
    }

    /// The rows of the Contacts pane: while searching, the ranked hits; else the
    /// escalation plan's roles, then the whole directory.
    pub fn contact_rows(&self, directory: &[Contact]) -> Vec<ContactRow> {
        if let Some(query) = self.search.as_ref().map(|s| s.input.value()) {
            return search(directory, query, self.lang)
                .into_iter()
                .map(
                    |Hit {
                         index, name_chars, ..
                     }| ContactRow::Contact { index, name_chars },
                )
                .collect();
        }
        let steps = self.escalation(directory).into_iter().map(|step| {
            let contact = step_contact(&step, directory, self);
            ContactRow::Step { step, contact }
        });
        let entries = (0..directory.len()).map(|index| ContactRow::Contact {
            index,
            name_chars: Vec::new(),
        });
        steps.chain(entries).collect()
    }

    /// The directory entry under the cursor (for a plan row, the one to call).
    pub fn selected_contact(&self) -> Option<Contact> {
        let directory = self.directory();
        let row = self
            .contact_rows(&directory)
            .into_iter()
            .nth(self.cursors.contacts)?;
        let index = match row {
            ContactRow::Step { contact, .. } => contact?,
            ContactRow::Contact { index, .. } => index,
        };
        directory.into_iter().nth(index)
    }

    pub(super) fn start_search(&mut self) {
        self.focus = Pane::Contacts;
        self.cursors.contacts = 0;
        let input = self.search.take().map(|s| s.input).unwrap_or_default();
        self.search = Some(ContactSearch {
            input,
            editing: true,
        });
    }

    /// A key typed into the search field.
    pub(super) fn search_key(&mut self, key: crossterm::event::KeyEvent) -> bool {
        match &mut self.search {
            Some(search) if search.editing => {
                super::forms::edit(&mut search.input, key);
                self.cursors.contacts = 0;
                true
            }
            _ => false,
        }
    }

    /// Enter in the search field: keep the filter, give the keys back.
    pub(super) fn finish_search(&mut self) -> bool {
        match &mut self.search {
            Some(search) if search.editing => {
                search.editing = false;
                true
            }
            _ => false,
        }
    }

    /// `L`: ask how the call went (Tab changes the outcome) and for a short note.
    pub(super) fn open_call(&mut self) -> Vec<Effect> {
        let Some(contact) = self.selected_in_pane() else {
            return vec![];
        };
        self.overlay = Some(Overlay::Line(LineForm::new(LinePurpose::Call {
            contact: contact.key(),
            name: contact.name,
            outcome: ContactOutcome::Reached,
        })));
        vec![]
    }

    /// The changes a logged call writes: the attempt, and for the retainer reached or
    /// told, its alert (which starts the SLA clock) unless it was alerted already.
    pub(super) fn call_changes(
        &self,
        contact: &str,
        name: &str,
        outcome: ContactOutcome,
        note: String,
    ) -> Vec<Change> {
        let mut changes = vec![Change::ContactAttempted {
            contact: name.to_string(),
            contact_id: Some(contact.to_string()),
            outcome,
            note,
        }];
        let is_retainer = self
            .directory()
            .iter()
            .any(|c| c.key() == contact && c.kind == crate::domain::ContactKind::Retainer);
        let not_alerted = self
            .active
            .as_ref()
            .filter(|a| a.state.retainer_alert.is_none());
        if let Some(active) = not_alerted
            && is_retainer
            && outcome.delivered()
        {
            changes.push(self.config.retainer.alert(active.state.severity));
        }
        changes
    }

    pub(super) fn open_contact_form(&mut self, edit: bool) -> Vec<Effect> {
        let editing = if edit {
            match self.selected_in_pane() {
                Some(c) => Some(c),
                None => return vec![],
            }
        } else {
            None
        };
        self.overlay = Some(Overlay::Contact(Box::new(ContactForm::new(editing))));
        vec![]
    }

    pub(super) fn submit_contact(&mut self, mut form: Box<ContactForm>) -> Vec<Effect> {
        match form.contact(&self.directory()) {
            Some(contact) => self.write(Effect::SaveContact(Box::new(contact))),
            None => {
                form.error = Some(text::Said::new(text::form_name_required));
                form.field = 0;
                self.overlay = Some(Overlay::Contact(form));
                vec![]
            }
        }
    }

    /// The selected contact, when the Contacts pane has the focus; else a hint.
    fn selected_in_pane(&mut self) -> Option<Contact> {
        let selected = (self.focus == Pane::Contacts)
            .then(|| self.selected_contact())
            .flatten();
        if selected.is_none() {
            self.flash = Some(Flash::error(text::flash_select_contact));
        }
        selected
    }
}

/// For a plan row: the first covering contact not tried yet, else the first.
fn step_contact(step: &EscalationStep, directory: &[Contact], app: &App) -> Option<usize> {
    let tried: Vec<&str> = app
        .active
        .as_ref()
        .map(|a| {
            a.state
                .contact_attempts
                .iter()
                .filter_map(|t| t.contact_id.as_deref())
                .collect()
        })
        .unwrap_or_default();
    let position = |id: &String| directory.iter().position(|c| &c.key() == id);
    let fresh = match step.status {
        StepStatus::Reached { .. } => None,
        _ => step
            .contacts
            .iter()
            .find(|id| !tried.contains(&id.as_str()))
            .and_then(position),
    };
    fresh.or_else(|| step.contacts.first().and_then(position))
}
