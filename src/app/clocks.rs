//! The Clocks pane as the operator works it: which clock is selected, and the changes
//! its keys ask for (start by hand, met, waived, the flags that start clocks, drafts).

use super::forms::{LineForm, LinePurpose};
use super::{Active, App, Confirm, Effect, Flash, Overlay, Pane};
use crate::domain::{Change, ChecklistItem, ClockState, ClockView, Flag};
use crate::drafts::{self, DraftKind};
use crate::text;

impl App {
    /// The clocks the pane lists, most pressing first; those that do not apply are left
    /// out (the pane counts them).
    pub fn clock_rows(&self) -> Vec<ClockView> {
        let Some(active) = &self.active else {
            return Vec::new();
        };
        active
            .state
            .clocks()
            .by_urgency(self.now)
            .into_iter()
            .filter(|c| c.state != ClockState::NotApplicable)
            .cloned()
            .collect()
    }

    pub fn selected_clock(&self) -> Option<ClockView> {
        self.clock_rows().into_iter().nth(self.cursors.clocks)
    }

    /// The selected clock, or a message saying how to select one.
    fn clock_or_hint(&mut self) -> Option<ClockView> {
        if self.focus == Pane::Clocks
            && let Some(clock) = self.selected_clock()
        {
            return Some(clock);
        }
        self.flash = Some(Flash::error(text::flash_select_clock));
        None
    }

    pub(super) fn focus_clocks(&mut self) {
        self.focus = Pane::Clocks;
    }

    /// `s`: start the selected clock now, after saying when it will be due.
    pub(super) fn start_clock(&mut self) -> Vec<Effect> {
        let Some(clock) = self.clock_or_hint() else {
            return vec![];
        };
        if clock.state != ClockState::Waiting {
            let name = clock.name.clone();
            self.flash = Some(Flash::error(move || text::flash_clock_not_waiting(&name)));
            return vec![];
        }
        let change = Change::ClockStarted {
            clock: clock.id.clone(),
        };
        self.confirm_clock_change(vec![change], |due| text::confirm_start(&clock.name, &due));
        vec![]
    }

    /// `P`, `S`, `M`: record a flag, after listing the clocks it starts.
    pub(super) fn set_flag(&mut self, flag: Flag) -> Vec<Effect> {
        let Some(Active { state, .. }) = &self.active else {
            return vec![];
        };
        if let Some(at) = state.clock_facts.flags.get(&flag) {
            let (at, zone) = (*at, self.zone);
            self.flash = Some(Flash::info(move || {
                text::flash_flag_already(&text::flag_name(flag), &zone.format(at, "%d %b %H:%M"))
            }));
            return vec![];
        }
        // The clocks this flag starts may need the incident to be covered by NIS2 or
        // DORA: if it is not, say so, and let one key mark it covered too.
        let uncovered = crate::domain::rules::uncovered_by(state, flag);
        let mut changes: Vec<Change> = uncovered
            .iter()
            .map(|amendment| Change::Amended {
                amendment: amendment.clone(),
                reason: text::covered_reason(&text::flag_name(flag)),
            })
            .collect();
        changes.push(Change::FlagSet { flag, at: None });
        if uncovered.is_empty() {
            self.confirm_clock_change(changes, |due| {
                text::confirm_flag(&text::flag_name(flag), &due)
            });
        } else {
            let covered: Vec<String> = uncovered.iter().map(text::amendment_line).collect();
            self.confirm_clock_change(changes, |due| {
                text::confirm_flag_uncovered(&text::flag_name(flag), &covered.join("; "), &due)
            });
        }
        vec![]
    }

    /// Asks whether to record `change`, naming the clocks it would start and when each
    /// would be due.
    fn confirm_clock_change(
        &mut self,
        changes: Vec<Change>,
        question: impl FnOnce(String) -> String,
    ) {
        let Some(Active { state, .. }) = &self.active else {
            return;
        };
        let after = state.with_changes(&changes, self.now).clocks();
        let started: Vec<String> = state
            .clocks()
            .started_in(&after)
            .filter_map(|c| {
                let due = c.state.deadline()?;
                Some(text::clock_due(
                    &c.name,
                    &self.zone.format(due, "%a %d %b %H:%M"),
                    &due.format("%H:%M").to_string(),
                ))
            })
            .collect();
        let due = if started.is_empty() {
            text::starts_no_clock()
        } else {
            started.join("; ")
        };
        self.overlay = Some(Overlay::Confirm(Confirm {
            question: question(due),
            id: state.id,
            changes,
        }));
    }

    /// The clock changes a ticked step stands for: its `starts` hints (the flag that
    /// triggers the clock, or a start by hand) and its `stops` hints (the clock met).
    /// Only what applies and is not recorded yet.
    pub(super) fn clock_changes_for(&self, item: &ChecklistItem) -> Vec<Change> {
        let Some(Active { state, .. }) = &self.active else {
            return vec![];
        };
        crate::domain::rules::step_clock_changes(state, item, &text::met_by_step(&item.id))
    }

    /// After a step is ticked: offer to record what it means for the clocks.
    pub(super) fn offer_clock_changes(&mut self, item: &ChecklistItem) {
        let changes = self.clock_changes_for(item);
        let Some(Active { state, .. }) = &self.active else {
            return;
        };
        if changes.is_empty() {
            return;
        }
        let names: Vec<String> = changes
            .iter()
            .map(|c| match c {
                Change::FlagSet { flag, .. } => text::flag_name(*flag).to_string(),
                Change::ClockStarted { clock } => text::clock_start_named(&self.clock_name(clock)),
                Change::ClockMet { clock, .. } => text::clock_met_named(&self.clock_name(clock)),
                _ => String::new(),
            })
            .collect();
        self.overlay = Some(Overlay::Confirm(Confirm {
            question: text::confirm_step_clocks(&names.join("; ")),
            id: state.id,
            changes,
        }));
    }

    fn clock_name(&self, id: &str) -> String {
        self.active
            .as_ref()
            .and_then(|a| a.state.clock_defs.iter().find(|d| d.id == id))
            .map_or_else(|| id.to_string(), |d| d.name.clone())
    }

    /// `m` and `w`: ask for the reference or the reason.
    pub(super) fn open_clock_form(&mut self, met: bool) -> Vec<Effect> {
        let Some(clock) = self.clock_or_hint() else {
            return vec![];
        };
        if matches!(
            clock.state,
            ClockState::Met { .. } | ClockState::Waived { .. }
        ) {
            let name = clock.name.clone();
            self.flash = Some(Flash::error(move || text::flash_clock_closed(&name)));
            return vec![];
        }
        let purpose = if met {
            LinePurpose::ClockMet { clock: clock.id }
        } else {
            LinePurpose::WaiveClock { clock: clock.id }
        };
        self.overlay = Some(Overlay::Line(LineForm::new(purpose)));
        vec![]
    }

    /// `D`: show the draft of the selected clock's notification and save it to a file.
    pub(super) fn open_draft(&mut self) -> Vec<Effect> {
        let Some(clock) = self.clock_or_hint() else {
            return vec![];
        };
        let Some(kind) = DraftKind::for_clock(&clock.id) else {
            let name = clock.name.clone();
            self.flash = Some(Flash::error(move || text::flash_no_draft(&name)));
            return vec![];
        };
        let Some(Active { state, events }) = &self.active else {
            return vec![];
        };
        let body = drafts::render(kind, state, events, &self.config, self.now);
        let file = drafts::file_name(kind, state);
        self.overlay = Some(Overlay::Draft {
            title: crate::drafts::title(kind).to_string(),
            text: body.clone(),
            scroll: 0,
        });
        vec![Effect::SaveDraft { file, text: body }]
    }
}
