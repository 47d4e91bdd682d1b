//! `App::update`: the only code that changes the app's state.

use super::forms::{self, LineForm, LinePurpose, NewField};
use super::{Action, Active, App, Effect, Flash, Msg, NewIncident, Overlay, Pane};
use crate::domain::{Change, Event, Flag, IncidentId, fold};
use crate::failure::Failure;
use crate::text::{self, Said};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

const PAGE: usize = 10;

impl App {
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.dirty = true;
        match msg {
            Msg::Key(key) => self.key(key),
            Msg::Paste(text) => {
                match self.overlay.as_mut().map(Overlay::form_mut) {
                    Some(Some(form)) => form.paste(&text),
                    Some(None) => {}
                    None => {
                        if let Some(search) = self.search.as_mut().filter(|s| s.editing) {
                            forms::paste(&mut search.input, &text);
                        }
                    }
                }
                vec![]
            }
            Msg::Action(action) => self.act(action),
            Msg::Tick(now) => {
                self.now = now;
                self.deliver_injects()
            }
            Msg::Resize => vec![],
            Msg::Saved {
                id,
                events,
                incidents,
            } => {
                self.in_flight.pop_front();
                // Empty: the store could not list after saving; keep the list shown.
                if !incidents.is_empty() {
                    self.incidents = incidents;
                }
                let closing = events
                    .iter()
                    .any(|e| matches!(e.change, Change::Closed { .. }));
                let scoped = events.iter().any(|e| {
                    matches!(
                        &e.change,
                        Change::Declared(_)
                            | Change::Amended {
                                amendment: crate::domain::Amendment::Scope(_),
                                ..
                            }
                    )
                });
                let effects = self.saved(id, events);
                if closing {
                    self.offer_retainer_review();
                }
                if scoped {
                    self.say_contract_gap();
                }
                effects
            }
            Msg::Written {
                id,
                events,
                incidents,
            } => {
                if !incidents.is_empty() {
                    self.incidents = incidents;
                }
                // Someone else's write: shown if it is the incident on screen; a new
                // incident declared elsewhere does not take the screen over, but one
                // declared while the screen waits on the welcome page opens there.
                match &self.active {
                    Some(a) if a.state.id == id => self.saved(id, events),
                    None if self.overlay.is_none()
                        && self.journal_view.is_none()
                        && self.investigation.is_none() =>
                    {
                        vec![Effect::Load(id)]
                    }
                    _ => vec![],
                }
            }
            Msg::DirectoryWritten(events) => {
                self.directory_events.extend(events);
                vec![]
            }
            Msg::Presence(present) => {
                self.presence = present;
                vec![]
            }
            Msg::OwnerSilent(silent) => {
                if let Some((pid, _)) = self.owner {
                    self.owner = Some((pid, silent));
                }
                vec![]
            }
            Msg::Loaded { id, events } => {
                self.open(id, events);
                vec![]
            }
            Msg::External => {
                let id = self.active.as_ref().map(|a| a.state.id);
                vec![Effect::Refresh(id)]
            }
            Msg::Refreshed {
                id,
                events,
                incidents,
            } => {
                self.incidents = incidents;
                let showing = self.active.as_ref().is_some_and(|a| a.state.id == id);
                if showing {
                    // `saved` skips what the screen already has, by event id.
                    self.saved(id, events)
                } else {
                    self.open(id, events);
                    vec![]
                }
            }
            Msg::OwnerGone => {
                self.owner_gone = true;
                self.flash = Some(Flash::error(text::owner_gone));
                vec![]
            }
            Msg::DirectorySaved(events) => {
                self.in_flight.pop_front();
                self.directory_events.extend(events);
                vec![]
            }
            Msg::ReportSaved(paths) => {
                let paths = paths.join(", ");
                self.flash = Some(Flash::info(move || text::flash_report_saved(&paths)));
                vec![]
            }
            Msg::ExchangeSaved(paths) => {
                let paths = paths.join(", ");
                self.flash = Some(Flash::info(move || text::flash_exchange_saved(&paths)));
                vec![]
            }
            Msg::DraftSaved(path) => {
                self.flash = Some(Flash::info(move || text::flash_draft_saved(&path)));
                vec![]
            }
            Msg::LoadFailed(error) | Msg::ExportFailed(error) => {
                self.flash = Some(Flash::error(move || text::failure(&error)));
                vec![]
            }
            Msg::Hashed {
                id,
                path,
                change,
                occurred,
            } => {
                let typed_in = self.take_reading(&path);
                // Written now, in order with the rest, its form kept should it fail.
                self.write_typed_in(
                    typed_in,
                    Effect::Append {
                        id,
                        changes: vec![*change],
                        occurred,
                    },
                )
            }
            Msg::ExchangeRead { id, path, imported } => {
                let typed_in = self.take_reading(&path);
                self.import_read(id, typed_in, *imported)
            }
            Msg::ImportRefused { path, error } => {
                let typed_in = self.take_reading(&path);
                self.not_saved(typed_in, move || error.said(&path));
                vec![]
            }
            Msg::ReadFailed { path, error } => {
                let typed_in = self.take_reading(&path);
                self.failed(typed_in, error);
                vec![]
            }
            Msg::Failed(error) => {
                let typed_in = self.in_flight.pop_front().flatten();
                self.failed(typed_in, error);
                vec![]
            }
        }
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.kind == KeyEventKind::Release {
            self.dirty = false;
            return vec![];
        }
        // Ctrl-C quits from anywhere, whatever the keymap says: the way out never moves.
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.should_quit = true;
            return vec![];
        }
        let mode = self.mode();
        if let Some(action) = self.config.keymap.lookup(mode, key) {
            return self.act(action);
        }
        if self.overlay.is_none()
            && (self.journal_key(key) || self.investigation_key(key) || self.search_key(key))
        {
            return vec![];
        }
        let cx = self.amend_context();
        match self.overlay.as_mut().and_then(Overlay::form_mut) {
            Some(form) => form.typed(key, &cx),
            None => self.dirty = false,
        }
        vec![]
    }

    fn act(&mut self, action: Action) -> Vec<Effect> {
        // Any deliberate action dismisses the last message.
        self.flash = None;
        if self.overlay.is_none()
            && self.journal_view.is_some()
            && let Some(effects) = self.journal_action(action)
        {
            return effects;
        }
        if self.overlay.is_none()
            && self.investigation.is_some()
            && let Some(effects) = self.investigation_action(action)
        {
            return effects;
        }
        match action {
            Action::Quit => {
                self.should_quit = true;
                vec![]
            }
            Action::Help => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help { .. }) => None,
                    _ => Some(Overlay::Help { scroll: 0 }),
                };
                vec![]
            }
            Action::Cancel => {
                // Esc closes what is open; with nothing open, it clears the search.
                if self.overlay.take().is_none() {
                    self.search = None;
                }
                vec![]
            }
            Action::FocusNext | Action::FocusPrev => {
                self.focus = super::cycle(&Pane::CYCLE, self.focus, action == Action::FocusNext);
                vec![]
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                self.move_cursor(action);
                vec![]
            }
            Action::ToggleItem => {
                if self.focus == Pane::Checklist {
                    self.toggle_item()
                } else {
                    vec![]
                }
            }
            Action::AddNote => self.with_incident(|app, _| {
                app.overlay = Some(Overlay::Line(LineForm::new(LinePurpose::Note)));
                vec![]
            }),
            Action::NewIncident => {
                let playbooks = self
                    .config
                    .catalog
                    .playbooks
                    .iter()
                    .map(|p| p.id.clone())
                    .collect();
                self.overlay = Some(Overlay::NewIncident(forms::NewIncidentForm::new(playbooks)));
                vec![]
            }
            Action::ViewNextPhase | Action::ViewPrevPhase => {
                self.view_phase(action == Action::ViewNextPhase);
                vec![]
            }
            Action::AdvancePhase => self.with_incident(|app, _| app.advance_phase()),
            Action::PhaseBack => self.with_incident(|app, _| app.phase_back()),
            Action::CycleFilter => {
                self.cycle_filter();
                vec![]
            }
            Action::Assign => self.with_incident(|app, _| app.open_assign()),
            Action::AddItem => self.with_incident(|app, _| app.open_add_item()),
            Action::NotApplicable => self.with_incident(|app, _| app.open_not_applicable()),
            Action::FocusClocks => {
                self.focus_clocks();
                vec![]
            }
            Action::StartClock => self.with_incident(|app, _| app.start_clock()),
            Action::ClockMet => self.with_incident(|app, _| app.open_clock_form(true)),
            Action::WaiveClock => self.with_incident(|app, _| app.open_clock_form(false)),
            Action::FlagPersonalData => {
                self.with_incident(|app, _| app.set_flag(Flag::PersonalData))
            }
            Action::FlagSignificant => self.with_incident(|app, _| app.set_flag(Flag::Significant)),
            Action::FlagMajor => self.with_incident(|app, _| app.set_flag(Flag::Major)),
            Action::Draft => self.with_incident(|app, _| app.open_draft()),
            Action::SearchContacts => {
                self.start_search();
                vec![]
            }
            Action::LogCall => self.with_incident(|app, _| app.open_call()),
            Action::NewContact => self.open_contact_form(false),
            Action::OpenJournal => {
                self.open_journal();
                vec![]
            }
            Action::OpenInvestigation => {
                self.open_investigation();
                vec![]
            }
            Action::ExportReport => {
                self.with_incident(|app, id| vec![Effect::ExportReport(id, app.lang)])
            }
            Action::ImportExchange => self.ask_import_file(),
            Action::ExportExchange => {
                self.with_incident(|app, id| vec![Effect::ExportExchange(id, app.lang)])
            }
            Action::TakeOver => {
                if self.owner_gone {
                    self.take_over = true;
                    self.should_quit = true;
                }
                vec![]
            }
            Action::ToggleLanguage => {
                self.lang = self.lang.other();
                vec![]
            }
            Action::EditIncident => self.with_incident(|app, _| {
                app.open_incident_form(None);
                vec![]
            }),
            Action::CloseIncident => self.with_incident(|app, _| app.close_or_reopen()),
            Action::Backdate => self.with_incident(|app, _| {
                app.overlay = Some(Overlay::Line(LineForm::new(LinePurpose::When)));
                vec![]
            }),
            Action::ToggleWall => {
                self.wall = !self.wall;
                vec![]
            }
            // Only meaningful in the full journal (handled above).
            Action::Correct
            | Action::Retract
            | Action::AddObservables
            | Action::ToggleIoc
            | Action::ToggleSighted
            | Action::CycleTlp
            | Action::AssetForward
            | Action::AssetBack => vec![],
            Action::EditContact => self.open_contact_form(true),
            Action::SwitchIncident => {
                let current = self.active.as_ref().map(|a| a.state.id);
                let cursor = self
                    .incidents
                    .iter()
                    .position(|s| Some(s.id) == current)
                    .unwrap_or(0);
                self.overlay = Some(Overlay::Picker { cursor });
                vec![]
            }
            Action::AlertRetainer => self.with_incident(|app, _| {
                let Some(active) = app.active.as_ref() else {
                    return vec![];
                };
                let again = active.state.retainer_alert.is_some();
                let alert = app.config.retainer.alert(active.state.severity);
                app.flash = Some(Flash::info(if again {
                    text::flash_retainer_again
                } else {
                    text::flash_retainer_alerted
                }));
                app.append(vec![alert])
            }),
            Action::OpenDemo => self.write(Effect::OpenDemo),
            Action::Submit => self.submit(),
            Action::NextField | Action::PrevField => {
                let forward = action == Action::NextField;
                let roles = self.config.roles.len();
                if let Some(form) = self.overlay.as_mut().and_then(Overlay::form_mut) {
                    form.tab(forward, roles);
                }
                vec![]
            }
        }
    }

    /// A drill's injects whose time has come go into the journal, one write at a time
    /// (nothing while another write is in flight, so none is delivered twice).
    fn deliver_injects(&mut self) -> Vec<Effect> {
        if self.pending() > 0 {
            return vec![];
        }
        let Some(active) = &self.active else {
            return vec![];
        };
        let Some(drill) = &active.state.drill else {
            return vec![];
        };
        let changes: Vec<Change> = drill
            .due(self.now)
            .into_iter()
            .map(|(index, inject)| Change::InjectDelivered {
                index,
                from: inject.author.clone(),
                text: inject.text.clone(),
            })
            .collect();
        if changes.is_empty() {
            return vec![];
        }
        // Delivered now: a time the operator stated is for the operator's next entry.
        let Some(id) = self.active.as_ref().map(|a| a.state.id) else {
            return vec![];
        };
        self.write(Effect::Append {
            id,
            changes,
            occurred: None,
        })
    }

    fn with_incident(
        &mut self,
        f: impl FnOnce(&mut App, IncidentId) -> Vec<Effect>,
    ) -> Vec<Effect> {
        match self.active.as_ref().map(|a| a.state.id) {
            Some(id) => f(self, id),
            None => {
                self.flash = Some(Flash::error(text::flash_no_incident));
                vec![]
            }
        }
    }

    /// A write failed: said, and what was typed comes back with the cause in full, to
    /// try again.
    fn failed(&mut self, typed_in: Option<Overlay>, error: Failure) {
        self.not_saved(typed_in, move || text::failure(&error));
    }

    /// Says why something typed was not saved, in the form it was typed in (reopened,
    /// unless another is open) and on the status line.
    fn not_saved(
        &mut self,
        typed_in: Option<Overlay>,
        why: impl Fn() -> String + Send + Sync + 'static,
    ) {
        let said = Said::new(move || {
            let label = text::colon(&text::flash_save_failed());
            format!("{label} {}", why())
        });
        if let Some(form) = typed_in
            && self.overlay.is_none()
        {
            self.overlay = Some(forms::with_error(form, said.clone()));
        }
        self.flash = Some(Flash {
            text: said,
            error: true,
        });
    }

    /// The file at `path` (evidence hashed, observables imported) is no longer being
    /// read; the form it was typed in, if any.
    fn take_reading(&mut self, path: &str) -> Option<Overlay> {
        let at = self.reading_files.iter().position(|(p, _)| p == path)?;
        self.reading_files.remove(at).1
    }

    /// Remembers the form a write was typed in (the write just sent, if any), to reopen
    /// it should the write fail.
    fn typed_in(&mut self, form: Overlay, effects: Vec<Effect>) -> Vec<Effect> {
        if !effects.is_empty()
            && self.overlay.is_none()
            && let Some(slot @ None) = self.in_flight.back_mut()
        {
            *slot = Some(form);
        }
        effects
    }

    /// Sends a write: every write the app sends goes through here (or
    /// `write_typed_in`), so that `pending` counts it until the store answers.
    pub(super) fn write(&mut self, effect: Effect) -> Vec<Effect> {
        self.write_typed_in(None, effect)
    }

    /// Sends a write, with the form it was typed in, given back should it fail.
    pub(super) fn write_typed_in(
        &mut self,
        typed_in: Option<Overlay>,
        effect: Effect,
    ) -> Vec<Effect> {
        self.in_flight.push_back(typed_in);
        vec![effect]
    }

    fn submit(&mut self) -> Vec<Effect> {
        match self.overlay.take() {
            Some(Overlay::Picker { cursor }) => match self.incidents.get(cursor) {
                Some(summary) if Some(summary.id) != self.active.as_ref().map(|a| a.state.id) => {
                    vec![Effect::Load(summary.id)]
                }
                _ => vec![],
            },
            Some(Overlay::Line(form)) => {
                let typed = Overlay::Line(form.clone());
                let effects = self.submit_line(form);
                self.typed_in(typed, effects)
            }
            Some(Overlay::Assign(form)) => {
                let typed = Overlay::Assign(form.clone());
                let effects = self.submit_assign(form);
                self.typed_in(typed, effects)
            }
            Some(Overlay::Contact(form)) => {
                let typed = Overlay::Contact(form.clone());
                let effects = self.submit_contact(form);
                self.typed_in(typed, effects)
            }
            Some(Overlay::Incident(form)) => {
                let typed = Overlay::Incident(form.clone());
                let effects = self.submit_incident_form(form);
                self.typed_in(typed, effects)
            }
            Some(Overlay::Review(form)) => {
                let typed = Overlay::Review(form.clone());
                let effects = self.submit_review(form);
                self.typed_in(typed, effects)
            }
            Some(Overlay::Confirm(confirm)) => {
                let occurred = self.backdate.take();
                self.write(Effect::Append {
                    id: confirm.id,
                    changes: confirm.changes,
                    occurred,
                })
            }
            Some(Overlay::NewIncident(mut form)) => {
                let title = crate::input::clean_line(form.title.value())
                    .trim()
                    .to_string();
                if title.is_empty() {
                    form.error = Some(text::Said::new(text::form_title_required));
                    form.field = NewField::Title;
                    self.overlay = Some(Overlay::NewIncident(form));
                    return vec![];
                }
                let Some(scope) = crate::input::amend::parse_scope(form.scope.value()) else {
                    let typed = form.scope.value().trim().to_string();
                    form.error = Some(text::Said::new(move || text::form_bad_scope(&typed)));
                    form.field = NewField::Scope;
                    self.overlay = Some(Overlay::NewIncident(form));
                    return vec![];
                };
                let effects = self.write(Effect::Declare(NewIncident {
                    title,
                    severity: form.severity,
                    category: form.category,
                    tlp: form.tlp,
                    exercise: false,
                    playbook: form.playbook.clone(),
                    scope,
                }));
                self.typed_in(Overlay::NewIncident(form), effects)
            }
            None if self.journal_view.is_some() => self.journal_submit().unwrap_or_default(),
            None if self.investigation.is_some() => self.investigation_submit().unwrap_or_default(),
            None if self.finish_search() => vec![],
            other => {
                self.overlay = other;
                vec![]
            }
        }
    }

    fn move_cursor(&mut self, action: Action) {
        let step = |pos: usize, len: usize| -> usize {
            let last = len.saturating_sub(1);
            match action {
                Action::Up => pos.saturating_sub(1),
                Action::Down => (pos + 1).min(last),
                Action::PageUp => pos.saturating_sub(PAGE),
                Action::PageDown => (pos + PAGE).min(last),
                Action::Top => 0,
                _ => last,
            }
        };
        let journal_len = self.journal_rows_len();
        let investigation_len = self.investigation_rows().len();
        let checklist_len = self.visible_items().len();
        let clock_len = self.clock_rows().len();
        let contacts_len = self.contact_rows(&self.directory()).len();
        let assign_len = match &self.overlay {
            Some(Overlay::Assign(form)) => self.assign_choices(form).len(),
            _ => 0,
        };
        match &mut self.overlay {
            Some(Overlay::Picker { cursor }) => *cursor = step(*cursor, self.incidents.len()),
            Some(Overlay::Help { scroll }) => *scroll = step(*scroll, 200),
            Some(Overlay::Draft { scroll, text, .. }) => {
                *scroll = step(*scroll, text.lines().count());
            }
            Some(Overlay::Assign(form)) => form.cursor = step(form.cursor, assign_len),
            Some(Overlay::NewIncident(form)) => {
                // Up and down change the value of a choice field.
                let code = match action {
                    Action::Up => KeyCode::Up,
                    Action::Down => KeyCode::Down,
                    _ => return,
                };
                form.key(KeyEvent::new(code, KeyModifiers::NONE));
            }
            Some(Overlay::Incident(form)) => form.next_field(action == Action::Down),
            Some(Overlay::Review(form)) => form.next_field(action == Action::Down),
            Some(_) => {}
            None if self.journal_view.is_some() => {
                if let Some(view) = &mut self.journal_view {
                    view.cursor = step(view.cursor, journal_len);
                }
            }
            None if self.investigation.is_some() => {
                if let Some(view) = &mut self.investigation {
                    view.cursor = step(view.cursor, investigation_len);
                }
            }
            None => match self.focus {
                Pane::Checklist => {
                    self.cursors.checklist = step(self.cursors.checklist, checklist_len);
                }
                Pane::Clocks => {
                    self.cursors.clocks = step(self.cursors.clocks, clock_len);
                }
                Pane::Contacts => {
                    let len = contacts_len;
                    self.cursors.contacts = step(self.cursors.contacts, len);
                }
                Pane::Journal => {
                    // Down goes towards older events: the strip reads newest first.
                    let len = self.active.as_ref().map_or(0, |a| a.events.len());
                    self.cursors.journal = step(self.cursors.journal, len);
                }
            },
        }
    }

    /// Applies newly stored events of incident `id` to the screen's state. Events the
    /// screen already has are skipped (a refresh after a forwarded command may repeat
    /// them); a gap (an event stored meanwhile that the screen never saw) asks for a full
    /// re-read, so the screen never shows a journal the store does not hold.
    fn saved(&mut self, id: IncidentId, events: Vec<Event>) -> Vec<Effect> {
        // The clock list re-sorts as clocks change: keep the same clock selected.
        let selected_clock = (self.focus == Pane::Clocks)
            .then(|| self.selected_clock().map(|c| c.id))
            .flatten();
        match &mut self.active {
            Some(active) if active.state.id == id => {
                let moved = events
                    .iter()
                    .any(|e| matches!(e.change, Change::PhaseAdvanced { .. }));
                for event in events {
                    let have = active.events.len() as u64;
                    if event.id <= have {
                        continue;
                    }
                    if event.id != have + 1 {
                        return vec![Effect::Load(id)];
                    }
                    // Same rules as the full fold: the screen always equals a re-read.
                    active.events.push(event);
                    if active.state.follow(&active.events).is_err() {
                        return vec![Effect::Load(id)];
                    }
                }
                self.refresh_journal_hits();
                self.refresh_investigation_hits();
                if moved {
                    // Show the phase the incident is now in.
                    self.cursors.phase = None;
                    self.cursors.checklist = 0;
                }
                // A ticked item may have left the filtered list.
                let last = self.visible_items().len().saturating_sub(1);
                self.cursors.checklist = self.cursors.checklist.min(last);
                if let Some(clock) = selected_clock
                    && let Some(i) = self.clock_rows().iter().position(|c| c.id == clock)
                {
                    self.cursors.clocks = i;
                }
            }
            _ => {
                if matches!(events.first().map(|e| &e.change), Some(Change::Declared(_))) {
                    self.open(id, events);
                }
            }
        }
        vec![]
    }

    fn open(&mut self, _id: IncidentId, events: Vec<Event>) {
        match fold(&events) {
            Ok(state) => {
                self.active = Some(Active { state, events });
                self.cursors = Default::default();
                self.focus = Pane::Checklist;
            }
            Err(e) => {
                self.flash = Some(Flash::error(move || text::fold_error(&e)));
            }
        }
    }
}
