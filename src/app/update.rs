//! `App::update`: the only code that changes the app's state.

use super::forms::{self, NewField};
use super::{Action, Active, App, Effect, Flash, Msg, NewIncident, Overlay, Pane};
use crate::domain::{Change, Event, IncidentId, Tlp, fold};
use crate::text;
use crossterm::event::{KeyEvent, KeyEventKind};
use tui_input::Input;

const PAGE: usize = 10;

impl App {
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.dirty = true;
        match msg {
            Msg::Key(key) => self.key(key),
            Msg::Paste(text) => {
                match &mut self.overlay {
                    Some(Overlay::Note(input)) => forms::paste(input, &text),
                    Some(Overlay::NewIncident(form)) => form.paste(&text),
                    _ => {}
                }
                vec![]
            }
            Msg::Action(action) => self.act(action),
            Msg::Tick(now) => {
                self.now = now;
                vec![]
            }
            Msg::Resize => vec![],
            Msg::Saved {
                id,
                events,
                incidents,
            } => {
                self.pending = self.pending.saturating_sub(1);
                self.incidents = incidents;
                self.saved(id, events);
                vec![]
            }
            Msg::Loaded { id, events } => {
                self.open(id, events);
                vec![]
            }
            Msg::LoadFailed(error) => {
                self.flash = Some(Flash {
                    text: error,
                    error: true,
                });
                vec![]
            }
            Msg::Failed(error) => {
                self.pending = self.pending.saturating_sub(1);
                self.flash = Some(Flash {
                    text: format!("{}: {error}", text::FLASH_SAVE_FAILED),
                    error: true,
                });
                vec![]
            }
        }
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.kind == KeyEventKind::Release {
            self.dirty = false;
            return vec![];
        }
        let mode = self.mode();
        if let Some(action) = self.config.keymap.lookup(mode, key) {
            return self.act(action);
        }
        match &mut self.overlay {
            Some(Overlay::Note(input)) => forms::edit(input, key),
            Some(Overlay::NewIncident(form)) => form.key(key),
            _ => self.dirty = false,
        }
        vec![]
    }

    fn act(&mut self, action: Action) -> Vec<Effect> {
        // Any deliberate action dismisses the last message.
        self.flash = None;
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
                self.overlay = None;
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
            Action::ToggleItem => self.toggle_item(),
            Action::AddNote => self.with_incident(|app, _| {
                app.overlay = Some(Overlay::Note(Input::default()));
                vec![]
            }),
            Action::NewIncident => {
                self.overlay = Some(Overlay::NewIncident(Default::default()));
                vec![]
            }
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
            Action::AlertRetainer => self.with_incident(|app, id| {
                let again = app
                    .active
                    .as_ref()
                    .is_some_and(|a| a.state.retainer_alert.is_some());
                app.flash = Some(Flash {
                    text: if again {
                        text::FLASH_RETAINER_AGAIN
                    } else {
                        text::FLASH_RETAINER_ALERTED
                    }
                    .into(),
                    error: false,
                });
                let r = &app.config.retainer;
                app.write(Effect::Append {
                    id,
                    changes: vec![Change::RetainerAlerted {
                        retainer: r.name.clone(),
                        response_minutes: r.response_minutes,
                    }],
                })
            }),
            Action::OpenDemo => {
                self.pending += 1;
                vec![Effect::OpenDemo]
            }
            Action::Submit => self.submit(),
            Action::NextField | Action::PrevField => {
                if let Some(Overlay::NewIncident(form)) = &mut self.overlay {
                    form.next_field(action == Action::NextField);
                }
                vec![]
            }
        }
    }

    fn with_incident(
        &mut self,
        f: impl FnOnce(&mut App, IncidentId) -> Vec<Effect>,
    ) -> Vec<Effect> {
        match self.active.as_ref().map(|a| a.state.id) {
            Some(id) => f(self, id),
            None => {
                self.flash = Some(Flash {
                    text: text::FLASH_NO_INCIDENT.into(),
                    error: true,
                });
                vec![]
            }
        }
    }

    fn write(&mut self, effect: Effect) -> Vec<Effect> {
        self.pending += 1;
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
            Some(Overlay::Note(input)) => {
                let note = forms::clean_line(input.value()).trim().to_string();
                if note.is_empty() {
                    return vec![];
                }
                self.with_incident(|app, id| {
                    app.write(Effect::Append {
                        id,
                        changes: vec![Change::NoteAdded { text: note }],
                    })
                })
            }
            Some(Overlay::NewIncident(mut form)) => {
                let title = forms::clean_line(form.title.value()).trim().to_string();
                if title.is_empty() {
                    form.error = Some(text::FORM_TITLE_REQUIRED);
                    form.field = NewField::Title;
                    self.overlay = Some(Overlay::NewIncident(form));
                    return vec![];
                }
                self.write(Effect::Declare(NewIncident {
                    title,
                    severity: form.severity,
                    category: form.category,
                    tlp: Tlp::default(),
                    exercise: false,
                }))
            }
            other => {
                self.overlay = other;
                vec![]
            }
        }
    }

    fn toggle_item(&mut self) -> Vec<Effect> {
        if self.focus != Pane::Checklist {
            return vec![];
        }
        let Some(active) = &self.active else {
            return vec![];
        };
        let state = &active.state;
        let Some(item) = state
            .items_of_phase(state.current_phase)
            .nth(self.cursors.checklist)
        else {
            return vec![];
        };
        let change = if item.done.is_some() {
            Change::ItemUnchecked {
                item: item.id.clone(),
            }
        } else {
            Change::ItemChecked {
                item: item.id.clone(),
            }
        };
        let id = state.id;
        self.write(Effect::Append {
            id,
            changes: vec![change],
        })
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
        match &mut self.overlay {
            Some(Overlay::Picker { cursor }) => *cursor = step(*cursor, self.incidents.len()),
            Some(Overlay::Help { scroll }) => *scroll = step(*scroll, 200),
            Some(_) => {}
            None => match self.focus {
                Pane::Checklist => {
                    let len = self
                        .active
                        .as_ref()
                        .map_or(0, |a| a.state.items_of_phase(a.state.current_phase).count());
                    self.cursors.checklist = step(self.cursors.checklist, len);
                }
                Pane::Contacts => {
                    let len = self.directory().len();
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

    fn saved(&mut self, id: IncidentId, events: Vec<Event>) {
        match &mut self.active {
            Some(active) if active.state.id == id => {
                for event in events {
                    // Same function as the full fold: the screen always equals a re-read.
                    if active.state.apply(&event).is_ok() {
                        active.events.push(event);
                    }
                }
            }
            _ => {
                if matches!(events.first().map(|e| &e.change), Some(Change::Declared(_))) {
                    self.open(id, events);
                }
            }
        }
    }

    fn open(&mut self, _id: IncidentId, events: Vec<Event>) {
        match fold(&events) {
            Ok(state) => {
                self.active = Some(Active { state, events });
                self.cursors = Default::default();
                self.focus = Pane::Checklist;
            }
            Err(e) => {
                self.flash = Some(Flash {
                    text: e.to_string(),
                    error: true,
                });
            }
        }
    }
}
