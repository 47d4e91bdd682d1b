//! The checklist as the operator works it: which phase is shown, which items the filter
//! keeps, and the changes its keys ask for (tick, assign, not applicable, add, move on).

use super::forms::{AssignForm, Assignee, LineForm, LinePurpose};
use super::{Active, App, Confirm, Effect, Flash, Overlay};
use crate::domain::{Change, ChecklistItem, Hints, ItemSpec};
use crate::text;

/// Which items of the shown phase are listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    /// Neither done nor not applicable.
    Open,
    /// Assigned to the operator (the config's `operator`, else the login name).
    Mine,
}

impl Filter {
    pub const CYCLE: [Filter; 3] = [Filter::All, Filter::Open, Filter::Mine];

    pub fn keeps(self, item: &ChecklistItem, me: &str) -> bool {
        match self {
            Filter::All => true,
            Filter::Open => item.is_open(),
            Filter::Mine => item
                .assignee
                .as_deref()
                .is_some_and(|a| a.eq_ignore_ascii_case(me)),
        }
    }
}

impl App {
    /// Index of the phase whose checklist is on screen.
    pub fn viewed_phase(&self) -> usize {
        let Some(active) = &self.active else {
            return 0;
        };
        let last = active.state.phases.len().saturating_sub(1);
        self.cursors
            .phase
            .unwrap_or(active.state.current_phase)
            .min(last)
    }

    /// The items listed in the Checklist pane, in order.
    pub fn visible_items(&self) -> Vec<&ChecklistItem> {
        let Some(active) = &self.active else {
            return Vec::new();
        };
        let state = &active.state;
        // The current phase lists the steps carried over from earlier ones first.
        let carried = (self.viewed_phase() == state.current_phase)
            .then(|| state.carried_over())
            .into_iter()
            .flatten();
        carried
            .chain(state.items_of_phase(self.viewed_phase()))
            .filter(|i| self.filter.keeps(i, &self.author))
            .collect()
    }

    /// The item under the cursor.
    pub fn selected_item(&self) -> Option<&ChecklistItem> {
        self.visible_items().get(self.cursors.checklist).copied()
    }

    pub(super) fn view_phase(&mut self, forward: bool) {
        let Some(active) = &self.active else {
            return;
        };
        let last = active.state.phases.len().saturating_sub(1);
        let shown = self.viewed_phase();
        let next = if forward {
            (shown + 1).min(last)
        } else {
            shown.saturating_sub(1)
        };
        // Back on the current phase, follow it again as it moves.
        self.cursors.phase = (next != active.state.current_phase).then_some(next);
        self.cursors.checklist = 0;
    }

    pub(super) fn cycle_filter(&mut self) {
        self.filter = super::cycle(&Filter::CYCLE, self.filter, true);
        self.cursors.checklist = 0;
    }

    pub(super) fn toggle_item(&mut self) -> Vec<Effect> {
        let Some(item) = self.selected_item().cloned() else {
            return vec![];
        };
        if item.done.is_some() || item.not_applicable.is_some() {
            return self.append(vec![Change::ItemUnchecked { item: item.id }]);
        }
        // A step linked to a clock: offer to record the clock change too.
        self.offer_clock_changes(&item);
        // A step that sets a fact (rate severity, name the commander): offer the form.
        if self.overlay.is_none()
            && let Some(field) = item.hints.sets.first()
        {
            self.open_incident_form(Some(*field));
        }
        self.append(vec![Change::ItemChecked { item: item.id }])
    }

    pub(super) fn open_assign(&mut self) -> Vec<Effect> {
        match self.selected_item().map(|i| i.id.clone()) {
            Some(item) => self.overlay = Some(Overlay::Assign(AssignForm::new(item))),
            None => self.nothing_selected(),
        }
        vec![]
    }

    pub(super) fn open_not_applicable(&mut self) -> Vec<Effect> {
        match self.selected_item().map(|i| i.id.clone()) {
            Some(item) => {
                self.overlay = Some(Overlay::Line(LineForm::new(LinePurpose::NotApplicable {
                    item,
                })));
            }
            None => self.nothing_selected(),
        }
        vec![]
    }

    pub(super) fn open_add_item(&mut self) -> Vec<Effect> {
        if self.active.is_some() {
            let phase = self.viewed_phase();
            self.overlay = Some(Overlay::Line(LineForm::new(LinePurpose::AddItem {
                phase,
                owner: None,
            })));
        }
        vec![]
    }

    /// `>`: straight on when the phase is finished, else ask first.
    pub(super) fn advance_phase(&mut self) -> Vec<Effect> {
        let Some(Active { state, .. }) = &self.active else {
            return vec![];
        };
        let target = state.current_phase + 1;
        let Some(change) = state.move_to_phase(target) else {
            self.flash = Some(Flash::error(text::flash_last_phase));
            return vec![];
        };
        let open = state.open_items_of_phase(state.current_phase).count();
        if open == 0 {
            return self.append(vec![change]);
        }
        let from = state.phase().map(|p| p.name.clone()).unwrap_or_default();
        let to = state.phases[target].name.clone();
        // Those tied to a clock stay on the list: the question names them.
        let moved = state.clone().with_change(&change, self.now);
        let carried: Vec<String> = moved
            .carried_over()
            .map(|i| crate::i18n::localized(&i.text).into_owned())
            .collect();
        let mut question = text::confirm_advance(open, &from, &to);
        if !carried.is_empty() {
            question = format!("{question} {}", text::confirm_carried(&carried.join("; ")));
        }
        self.overlay = Some(Overlay::Confirm(Confirm {
            question,
            id: state.id,
            changes: vec![change],
        }));
        vec![]
    }

    /// `<`: always asks, going back is unusual (e.g. reinfection during recovery).
    pub(super) fn phase_back(&mut self) -> Vec<Effect> {
        let Some(Active { state, .. }) = &self.active else {
            return vec![];
        };
        let Some(target) = state.current_phase.checked_sub(1) else {
            self.flash = Some(Flash::error(text::flash_first_phase));
            return vec![];
        };
        let Some(change) = state.move_to_phase(target) else {
            return vec![];
        };
        self.overlay = Some(Overlay::Confirm(Confirm {
            question: text::confirm_back(&state.phases[target].name),
            id: state.id,
            changes: vec![change],
        }));
        vec![]
    }

    /// What the assign list offers for the text typed so far.
    pub fn assign_choices(&self, form: &AssignForm) -> Vec<Assignee> {
        let assigned = self
            .active
            .as_ref()
            .and_then(|a| a.state.item(&form.item))
            .is_some_and(|i| i.assignee.is_some());
        form.choices(&self.directory(), assigned)
    }

    /// Enter in the assign list: the highlighted choice.
    pub(super) fn submit_assign(&mut self, form: AssignForm) -> Vec<Effect> {
        let choices = self.assign_choices(&form);
        let person = match choices.get(form.cursor) {
            Some(Assignee::Listed(name) | Assignee::Typed(name)) => Some(name.clone()),
            Some(Assignee::Nobody) => None,
            None => {
                self.overlay = Some(Overlay::Assign(form));
                return vec![];
            }
        };
        self.append(vec![Change::ItemAssigned {
            item: form.item,
            person,
        }])
    }

    /// Enter in a one-line form.
    pub(super) fn submit_line(&mut self, mut form: LineForm) -> Vec<Effect> {
        let typed = form.text();
        match form.purpose {
            LinePurpose::When => return self.submit_when(form, &typed),
            LinePurpose::Close { ending } => return self.submit_close(form, ending),
            LinePurpose::Reopen => return self.submit_reopen(form),
            LinePurpose::ImportFile => return self.submit_import_file(form, &typed),
            LinePurpose::Asset { .. } | LinePurpose::AttackStep => {
                return self.submit_register_line(form);
            }
            _ => {}
        }
        // `@13:05 text`: when it happened, for this entry.
        let stated_before = self.backdate;
        let mut stated_here = None;
        let typed = match crate::input::when::leading(&typed, self.now, self.zone) {
            None => typed,
            Some(stated) => {
                match stated.and_then(|(at, rest)| self.plausible(at).map(|()| (at, rest))) {
                    Ok((at, rest)) => {
                        self.backdate = Some(at);
                        stated_here = Some(at);
                        rest
                    }
                    Err(e) => {
                        form.error = Some(text::Said::new(move || text::when_error_on_screen(&e)));
                        self.overlay = Some(Overlay::Line(form));
                        return vec![];
                    }
                }
            }
        };
        // A call's note is optional; every other form needs text.
        if let LinePurpose::Call {
            contact,
            name,
            outcome,
        } = &form.purpose
        {
            let changes = self.call_changes(contact, name, *outcome, typed);
            return self.append(changes);
        }
        if typed.is_empty() {
            self.backdate = stated_before;
            form.error = Some(text::Said::new(text::form_text_required));
            self.overlay = Some(Overlay::Line(form));
            return vec![];
        }
        let change = match &form.purpose {
            LinePurpose::Note => Change::NoteAdded { text: typed },
            LinePurpose::NotApplicable { item } => Change::ItemNotApplicable {
                item: item.clone(),
                reason: typed,
            },
            LinePurpose::AddItem { phase, owner } => {
                let Some(active) = &self.active else {
                    return vec![];
                };
                let Some(phase) = active.state.phases.get(*phase) else {
                    return vec![];
                };
                Change::ItemAdded {
                    item: ItemSpec {
                        id: active.state.new_item_id(),
                        phase: phase.id.clone(),
                        text: typed,
                        owner: owner
                            .and_then(|i| self.config.roles.get(i))
                            .map(|r| r.id.clone()),
                        hints: Hints::default(),
                    },
                }
            }
            LinePurpose::ObservableNote { observable } => Change::ObservableEdited {
                observable: observable.clone(),
                edit: crate::domain::ObservableEdit::Note(typed),
            },
            LinePurpose::ClockMet { clock } => Change::ClockMet {
                clock: clock.clone(),
                reference: typed,
            },
            LinePurpose::WaiveClock { clock } => Change::ClockWaived {
                clock: clock.clone(),
                reason: typed,
            },
            LinePurpose::AssetNote { asset } => Change::AssetEdited {
                asset: asset.clone(),
                edit: crate::domain::AssetEdit::Note(typed),
            },
            LinePurpose::Call { .. }
            | LinePurpose::Asset { .. }
            | LinePurpose::AttackStep
            | LinePurpose::When
            | LinePurpose::Close { .. }
            | LinePurpose::Reopen
            | LinePurpose::ImportFile => return vec![],
            // In a correction, `@WHEN` says when the corrected event really happened.
            LinePurpose::Correct { event } => {
                if stated_here.is_some() {
                    self.backdate = stated_before;
                }
                Change::Corrected {
                    event: *event,
                    text: typed,
                    occurred_at: stated_here,
                }
            }
            LinePurpose::Retract { event } => Change::Retracted {
                event: *event,
                reason: typed,
            },
            LinePurpose::Observable { kind } => {
                use crate::domain::observable::{guess, normalise};
                let read = match kind {
                    Some(kind) => normalise(*kind, &typed)
                        .map(|value| (*kind, value))
                        .map_err(|why| {
                            let (kind, typed) = (*kind, typed.clone());
                            text::Said::new(move || text::bad_observable(kind, &typed, why))
                        }),
                    None => guess(&typed).ok_or_else(|| {
                        let typed = typed.clone();
                        text::Said::new(move || text::observable_kind_unknown(&typed))
                    }),
                };
                match read {
                    Ok((kind, value)) => Change::ObservableReported {
                        observable: crate::domain::ObservableSpec {
                            ioc: true,
                            ..crate::domain::ObservableSpec::new(kind, value)
                        },
                    },
                    Err(why) => {
                        form.error = Some(why);
                        self.overlay = Some(Overlay::Line(form));
                        return vec![];
                    }
                }
            }
            LinePurpose::Evidence { kind } => {
                let Some(active) = &self.active else {
                    return vec![];
                };
                // `description | /path/to/file`: the file is hashed before it is saved.
                let (description, path) = match typed.split_once(" | ") {
                    Some((d, p)) if !p.trim().is_empty() => {
                        (d.trim().to_string(), Some(p.trim().to_string()))
                    }
                    _ => (typed, None),
                };
                let spec = crate::domain::EvidenceSpec {
                    reference: active.state.new_evidence_ref(),
                    kind: *kind,
                    description,
                    // Where the file is, resolved when it is hashed.
                    location: String::new(),
                    sha256: None,
                    size: None,
                    collected_by: None,
                    collected_at: None,
                };
                if let Some(path) = path {
                    let id = active.state.id;
                    self.reading_files
                        .push((path.clone(), Some(Overlay::Line(form.clone()))));
                    return vec![Effect::RegisterEvidence {
                        id,
                        spec: Box::new(spec),
                        path,
                        occurred: self.backdate.take(),
                    }];
                }
                Change::EvidenceRegistered { evidence: spec }
            }
            LinePurpose::Lesson { kind } => {
                let (text, owner, due) = super::forms::lesson_parts(&typed);
                Change::LessonAdded {
                    lesson: crate::domain::Lesson {
                        kind: *kind,
                        text,
                        owner,
                        due,
                    },
                }
            }
            LinePurpose::Transfer { evidence } => Change::EvidenceTransferred {
                evidence: evidence.clone(),
                to: typed,
                note: String::new(),
            },
        };
        self.append(vec![change])
    }

    /// `t`: the time typed is kept for the operator's next entry, and shown until then.
    fn submit_when(&mut self, mut form: LineForm, typed: &str) -> Vec<Effect> {
        if typed.is_empty() {
            self.backdate = None;
            return vec![];
        }
        match crate::input::when::parse(typed, self.now, self.zone)
            .and_then(|at| self.plausible(at).map(|()| at))
        {
            Ok(at) => {
                self.backdate = Some(at);
                let zone = self.zone;
                self.flash = Some(Flash::info(move || {
                    text::flash_backdate(&zone.format(at, "%a %d %b %H:%M"))
                }));
            }
            Err(e) => {
                form.error = Some(text::Said::new(move || text::when_error_on_screen(&e)));
                self.overlay = Some(Overlay::Line(form));
            }
        }
        vec![]
    }

    /// A stated time is neither in the future nor implausibly long before the
    /// declaration (that takes `--force` on the command line).
    fn plausible(
        &self,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), crate::input::when::WhenError> {
        let reference = self
            .active
            .as_ref()
            .map_or(self.now, |a| a.state.declared_at);
        crate::input::when::check(at, self.now, reference, false)
    }

    /// Writes changes the operator made to the active incident, dated by the time the
    /// operator stated (`t`), if any.
    pub(super) fn append(&mut self, changes: Vec<Change>) -> Vec<Effect> {
        let occurred = self.backdate.take();
        self.append_at(changes, occurred)
    }

    pub(super) fn append_at(
        &mut self,
        changes: Vec<Change>,
        occurred: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Vec<Effect> {
        let Some(id) = self.active.as_ref().map(|a| a.state.id) else {
            return vec![];
        };
        self.write(Effect::Append {
            id,
            changes,
            occurred,
        })
    }

    fn nothing_selected(&mut self) {
        self.flash = Some(Flash::error(text::flash_no_item));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(assignee: Option<&str>, done: bool) -> ChecklistItem {
        ChecklistItem {
            id: "i".into(),
            phase: "p".into(),
            text: "t".into(),
            owner: None,
            hints: Hints::default(),
            assignee: assignee.map(String::from),
            done: done.then(|| crate::domain::Done {
                by: "x".into(),
                at: chrono::DateTime::UNIX_EPOCH,
            }),
            not_applicable: None,
        }
    }

    #[test]
    fn filters_keep_what_they_say() {
        let mine_open = item(Some("Camille"), false);
        let theirs_done = item(Some("Sam"), true);
        assert!(Filter::All.keeps(&theirs_done, "camille"));
        assert!(Filter::Open.keeps(&mine_open, "camille"));
        assert!(!Filter::Open.keeps(&theirs_done, "camille"));
        assert!(Filter::Mine.keeps(&mine_open, "camille"));
        assert!(!Filter::Mine.keeps(&theirs_done, "camille"));
        assert!(!Filter::Mine.keeps(&item(None, false), "camille"));
    }
}
