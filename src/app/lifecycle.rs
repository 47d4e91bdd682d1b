//! The incident's own facts and its end from the dashboard: the "Edit incident" form
//! (`e`), closing and reopening (`F`), through the rules `warroom set`, `close` and
//! `reopen` use.

use super::forms::{Ending, LineForm, LinePurpose};
use super::incident_form::IncidentForm;
use super::{App, Confirm, Effect, Flash, Overlay};
use crate::domain::{Field, Refusal, Resolution, rules};
use crate::input::amend::Context;
use crate::text;

impl App {
    /// How typed values are read: now, in the screen's zone, against the declaration.
    pub(super) fn amend_context(&self) -> Context {
        Context {
            now: self.now,
            zone: self.zone,
            declared_at: self
                .active
                .as_ref()
                .map_or(self.now, |a| a.state.declared_at),
            force: false,
        }
    }

    /// The form with the incident's current values, on `focus` if given.
    pub(super) fn open_incident_form(&mut self, focus: Option<Field>) {
        if let Some(active) = &self.active {
            self.overlay = Some(Overlay::Incident(Box::new(IncidentForm::new(
                &active.state,
                self.zone,
                focus,
            ))));
        }
    }

    pub(super) fn submit_incident_form(&mut self, mut form: Box<IncidentForm>) -> Vec<Effect> {
        let Some(active) = &self.active else {
            return vec![];
        };
        let cx = self.amend_context();
        match form.changes(&active.state, &cx) {
            Ok(changes) if changes.is_empty() => {
                self.flash = Some(Flash::info(text::flash_nothing_changed));
                vec![]
            }
            Ok(changes) => self.append(changes),
            Err(why) => {
                form.error = Some(why);
                self.overlay = Some(Overlay::Incident(form));
                vec![]
            }
        }
    }

    /// `F`: the closing form for an open incident, the reopening form for a closed one.
    pub(super) fn close_or_reopen(&mut self) -> Vec<Effect> {
        let closed = self
            .active
            .as_ref()
            .is_some_and(|a| a.state.closure.is_some());
        let purpose = if closed {
            LinePurpose::Reopen
        } else {
            LinePurpose::Close {
                ending: Ending::Resolved,
            }
        };
        self.overlay = Some(Overlay::Line(LineForm::new(purpose)));
        vec![]
    }

    /// The closing form submitted: closed at once when no clock runs; otherwise the
    /// operator confirms leaving the running clocks open, or goes back to settle them.
    pub(super) fn submit_close(&mut self, mut form: LineForm, ending: Ending) -> Vec<Effect> {
        let Some(active) = &self.active else {
            return vec![];
        };
        let typed = form.text();
        let (resolution, summary) = match ending {
            Ending::Resolved => (Resolution::Resolved, typed),
            Ending::FalsePositive => (Resolution::FalsePositive, typed),
            Ending::Duplicate => {
                let (of, rest) = typed.split_once(' ').unwrap_or((typed.as_str(), ""));
                match of.parse() {
                    Ok(of) => (Resolution::Duplicate { of }, rest.trim().to_string()),
                    Err(_) => {
                        form.error = Some(text::Said::new(text::form_duplicate_of));
                        self.overlay = Some(Overlay::Line(form));
                        return vec![];
                    }
                }
            }
            Ending::Transferred => (Resolution::Transferred { to: typed }, String::new()),
        };
        let id = active.state.id;
        match rules::close(&active.state, resolution.clone(), &summary, false) {
            Ok(change) => self.append(vec![change]),
            Err(Refusal::ClocksRunning(clocks)) => {
                match rules::close(&active.state, resolution, &summary, true) {
                    Ok(change) => {
                        self.overlay = Some(Overlay::Confirm(Confirm {
                            question: text::confirm_close_leaving(&clocks.join(", ")),
                            id,
                            changes: vec![change],
                        }));
                    }
                    Err(other) => self.refused(&mut form, id, &other),
                }
                vec![]
            }
            Err(other) => {
                self.refused(&mut form, id, &other);
                vec![]
            }
        }
    }

    pub(super) fn submit_reopen(&mut self, mut form: LineForm) -> Vec<Effect> {
        let Some(active) = &self.active else {
            return vec![];
        };
        let id = active.state.id;
        let reason = form.text();
        if reason.is_empty() {
            form.error = Some(text::Said::new(text::form_text_required));
            self.overlay = Some(Overlay::Line(form));
            return vec![];
        }
        match rules::reopen(&active.state, &reason) {
            Ok(change) => self.append(vec![change]),
            Err(other) => {
                self.refused(&mut form, id, &other);
                vec![]
            }
        }
    }

    fn refused(&mut self, form: &mut LineForm, id: crate::domain::IncidentId, why: &Refusal) {
        let why = why.clone();
        form.error = Some(text::Said::new(move || text::refusal(id, &why)));
        self.overlay = Some(Overlay::Line(form.clone()));
    }
}

impl App {
    /// Once an incident its retainer was alerted on is closed, and nobody reviewed the
    /// retainer's work on it yet: the review form, with what the journal says.
    pub(super) fn offer_retainer_review(&mut self) {
        let Some(active) = &self.active else {
            return;
        };
        let s = &active.state;
        if self.overlay.is_none()
            && s.closure.is_some()
            && s.retainer_alert.is_some()
            && s.retainer_review.is_none()
        {
            let form = super::review_form::ReviewForm::new(&s.retainer_review_prefilled());
            self.overlay = Some(Overlay::Review(Box::new(form)));
        }
    }

    /// Declared or amended with a scope the retainer's contract does not cover: said
    /// at once, with whom to call instead (the Incident pane keeps saying it).
    pub(super) fn say_contract_gap(&mut self) {
        let Some(active) = &self.active else {
            return;
        };
        let scope = active.state.scope;
        if self.config.retainer.outside(&scope).is_empty() {
            return;
        }
        let retainer = self.config.retainer.clone();
        let directory = self.directory();
        self.flash = Some(Flash::error(move || {
            text::contract_gap(&retainer, &scope, &directory).unwrap_or_default()
        }));
    }

    /// The review form submitted: recorded by the rule `warroom retainer record` uses.
    pub(super) fn submit_review(
        &mut self,
        mut form: Box<super::review_form::ReviewForm>,
    ) -> Vec<Effect> {
        let Some(active) = &self.active else {
            return vec![];
        };
        match rules::review_retainer(&active.state, form.review()) {
            Ok(change) => self.append(vec![change]),
            Err(refusal) => {
                let id = active.state.id;
                form.error = Some(text::Said::new(move || text::refusal(id, &refusal)));
                self.overlay = Some(Overlay::Review(form));
                vec![]
            }
        }
    }
}
