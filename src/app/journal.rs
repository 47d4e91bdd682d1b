//! The full-screen journal (`J`): every event newest first, filtered by kind and by a
//! text search, a quick note that stays open for rapid logging, corrections and
//! retractions; and its Evidence and Lessons tabs.

use super::contacts::ContactSearch;
use super::forms::{LineForm, LinePurpose};
use super::{App, Effect, Flash, Overlay};
use crate::domain::{Change, Event, LessonKind};
use crate::text;
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JournalTab {
    Journal,
    Evidence,
    Lessons,
}

impl JournalTab {
    pub const ALL: [JournalTab; 3] = [
        JournalTab::Journal,
        JournalTab::Evidence,
        JournalTab::Lessons,
    ];
}

/// Which events the journal lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindFilter {
    All,
    Notes,
    Checklist,
    Clocks,
    Contacts,
    Evidence,
    /// What the attacker did and what it touched: observables, affected assets and
    /// attack steps (the Investigation view's registers, `I`).
    Investigation,
    Amendments,
}

impl KindFilter {
    pub const ALL: [KindFilter; 8] = [
        KindFilter::All,
        KindFilter::Notes,
        KindFilter::Checklist,
        KindFilter::Clocks,
        KindFilter::Contacts,
        KindFilter::Evidence,
        KindFilter::Investigation,
        KindFilter::Amendments,
    ];

    /// Cheap: looks at the variant only, so 100,000 events filter in a frame.
    pub fn keeps(self, change: &Change) -> bool {
        use Change as C;
        match self {
            KindFilter::All => true,
            KindFilter::Notes => matches!(change, C::NoteAdded { .. }),
            KindFilter::Checklist => matches!(
                change,
                C::ItemChecked { .. }
                    | C::ItemUnchecked { .. }
                    | C::ItemAdded { .. }
                    | C::ItemAssigned { .. }
                    | C::ItemNotApplicable { .. }
                    | C::PhaseAdvanced { .. }
            ),
            KindFilter::Clocks => matches!(
                change,
                C::FlagSet { .. }
                    | C::ClockStarted { .. }
                    | C::ClockMet { .. }
                    | C::ClockWaived { .. }
                    | C::RetainerAlerted { .. }
            ),
            KindFilter::Contacts => matches!(change, C::ContactAttempted { .. }),
            KindFilter::Evidence => matches!(
                change,
                C::EvidenceRegistered { .. } | C::EvidenceTransferred { .. }
            ),
            KindFilter::Investigation => matches!(
                change,
                C::ObservableReported { .. }
                    | C::ObservableEdited { .. }
                    | C::AssetAdded { .. }
                    | C::AssetStateChanged { .. }
                    | C::AssetEdited { .. }
                    | C::AttackStepAdded { .. }
                    | C::AttackStepEdited { .. }
            ),
            KindFilter::Amendments => matches!(change, C::Corrected { .. } | C::Retracted { .. }),
        }
    }
}

#[derive(Debug, Clone)]
pub struct JournalView {
    pub tab: JournalTab,
    pub kind: KindFilter,
    pub search: Option<ContactSearch>,
    /// Event ids matching the search (newest first), computed when the search or the
    /// journal changes, not at every frame.
    pub hits: Option<Vec<u64>>,
    /// Position in the listed rows of the current tab.
    pub cursor: usize,
    /// The quick note, open until Esc: Enter saves and keeps it open.
    pub quick_note: Option<Input>,
}

impl JournalView {
    fn new() -> Self {
        JournalView {
            tab: JournalTab::Journal,
            kind: KindFilter::All,
            search: None,
            hits: None,
            cursor: 0,
            quick_note: None,
        }
    }

    /// Whether a text field has the keys.
    pub fn typing(&self) -> bool {
        self.quick_note.is_some() || self.search.as_ref().is_some_and(|s| s.editing)
    }
}

impl App {
    /// Ids of the events the journal tab lists, newest first.
    pub fn journal_rows(&self) -> Vec<u64> {
        let (Some(active), Some(view)) = (&self.active, &self.journal_view) else {
            return Vec::new();
        };
        match &view.hits {
            Some(hits) => hits.clone(),
            None => active
                .events
                .iter()
                .rev()
                .filter(|e| view.kind.keeps(&e.change))
                .map(|e| e.id)
                .collect(),
        }
    }

    /// Recomputes the search hits (after typing, or when events arrive).
    pub(super) fn refresh_journal_hits(&mut self) {
        let Some(active) = &self.active else {
            return;
        };
        let Some(view) = &mut self.journal_view else {
            return;
        };
        let query = view
            .search
            .as_ref()
            .map(|s| s.input.value().to_lowercase())
            .filter(|q| !q.trim().is_empty());
        view.hits = query.map(|q| {
            active
                .events
                .iter()
                .rev()
                .filter(|e| view.kind.keeps(&e.change))
                .filter(|e| matches_text(e, &q, &active.state))
                .map(|e| e.id)
                .collect()
        });
    }

    pub(super) fn open_journal(&mut self) {
        if self.active.is_some() {
            self.investigation = None;
            self.journal_view = Some(JournalView::new());
        }
    }

    pub(super) fn journal_action(&mut self, action: super::Action) -> Option<Vec<Effect>> {
        use super::Action as A;
        let view = self.journal_view.as_mut()?;
        match action {
            A::Cancel | A::OpenJournal => {
                if view.quick_note.take().is_none() && view.search.take().is_none() {
                    self.journal_view = None;
                } else {
                    self.refresh_journal_hits();
                }
            }
            A::FocusNext | A::FocusPrev => {
                view.tab = super::cycle(&JournalTab::ALL, view.tab, action == A::FocusNext);
                view.cursor = 0;
            }
            A::CycleFilter => {
                view.kind = super::cycle(&KindFilter::ALL, view.kind, true);
                view.cursor = 0;
                self.refresh_journal_hits();
            }
            A::SearchContacts => {
                let input = view.search.take().map(|s| s.input).unwrap_or_default();
                view.search = Some(ContactSearch {
                    input,
                    editing: true,
                });
            }
            A::AddNote => view.quick_note = Some(Input::default()),
            A::Correct | A::Retract => return Some(self.open_amend(action == A::Retract)),
            A::AddItem => return Some(self.open_journal_add()),
            A::Assign => return Some(self.open_transfer()),
            A::AddObservables => return Some(self.offer_observables()),
            _ => return None,
        }
        Some(vec![])
    }

    /// `c` / `r` on the selected event: a correction or the reason for a retraction.
    fn open_amend(&mut self, retract: bool) -> Vec<Effect> {
        let Some(event) = self.selected_event_id() else {
            return vec![];
        };
        if retract && event == 1 {
            self.flash = Some(Flash::error(text::cli_cannot_retract_declaration));
            return vec![];
        }
        let roster_change = self.active.as_ref().is_some_and(|a| {
            a.events
                .iter()
                .find(|e| e.id == event)
                .is_some_and(|e| !crate::domain::may_be_retracted(&e.change))
        });
        if retract && roster_change {
            self.flash = Some(Flash::error(text::cli_cannot_retract_roster));
            return vec![];
        }
        let purpose = if retract {
            LinePurpose::Retract { event }
        } else {
            LinePurpose::Correct { event }
        };
        self.overlay = Some(Overlay::Line(LineForm::new(purpose)));
        vec![]
    }

    /// `+` on the Evidence tab registers an item; on the Lessons tab adds a lesson.
    fn open_journal_add(&mut self) -> Vec<Effect> {
        let purpose = match self.journal_view.as_ref().map(|v| v.tab) {
            Some(JournalTab::Evidence) => LinePurpose::Evidence {
                kind: crate::domain::EvidenceKind::Log,
            },
            Some(JournalTab::Lessons) => LinePurpose::Lesson {
                kind: LessonKind::Cause,
            },
            _ => return vec![],
        };
        self.overlay = Some(Overlay::Line(LineForm::new(purpose)));
        vec![]
    }

    /// `A` on the Evidence tab: hand the selected item to someone.
    fn open_transfer(&mut self) -> Vec<Effect> {
        let Some(view) = &self.journal_view else {
            return vec![];
        };
        if view.tab != JournalTab::Evidence {
            return vec![];
        }
        let item = self
            .active
            .as_ref()
            .and_then(|a| a.state.evidence.get(view.cursor))
            .map(|e| e.spec.reference.clone());
        if let Some(evidence) = item {
            self.overlay = Some(Overlay::Line(LineForm::new(LinePurpose::Transfer {
                evidence,
            })));
        }
        vec![]
    }

    /// `o` on a journal event: the observables written in it, to add in one go (as FIR
    /// offers), each linked to the event; asks first, listing them.
    fn offer_observables(&mut self) -> Vec<Effect> {
        let Some(event) = self.selected_event_id() else {
            return vec![];
        };
        let Some(active) = &self.active else {
            return vec![];
        };
        let Some(found) =
            active.events.iter().find(|e| e.id == event).map(|e| {
                crate::domain::observable::found_in(&written_text(&e.change, &active.state))
            })
        else {
            return vec![];
        };
        let new: Vec<_> = found
            .into_iter()
            .filter(|(kind, value)| active.state.observables.find(*kind, value).is_none())
            .collect();
        if new.is_empty() {
            self.flash = Some(Flash::info(move || text::flash_no_observables(event)));
            return vec![];
        }
        let listed: Vec<String> = new
            .iter()
            .map(|(kind, value)| crate::domain::observable::defang(*kind, value))
            .collect();
        let changes = new
            .into_iter()
            .map(|(kind, value)| Change::ObservableReported {
                observable: crate::domain::ObservableSpec {
                    ioc: true,
                    events: vec![event],
                    ..crate::domain::ObservableSpec::new(kind, value)
                },
            })
            .collect();
        self.overlay = Some(Overlay::Confirm(super::Confirm {
            question: text::confirm_add_observables(event, &listed.join(", ")),
            id: active.state.id,
            changes,
        }));
        vec![]
    }

    pub fn selected_event_id(&self) -> Option<u64> {
        let view = self.journal_view.as_ref()?;
        if view.tab != JournalTab::Journal {
            return None;
        }
        self.journal_rows().get(view.cursor).copied()
    }

    /// A key typed while the quick note or the search has the keys.
    pub(super) fn journal_key(&mut self, key: crossterm::event::KeyEvent) -> bool {
        let Some(view) = &mut self.journal_view else {
            return false;
        };
        if let Some(input) = &mut view.quick_note {
            super::forms::edit(input, key);
            return true;
        }
        if let Some(search) = view.search.as_mut().filter(|s| s.editing) {
            super::forms::edit(&mut search.input, key);
            view.cursor = 0;
            self.refresh_journal_hits();
            return true;
        }
        false
    }

    /// Enter in the journal: saves the quick note (which stays open) or keeps the search.
    pub(super) fn journal_submit(&mut self) -> Option<Vec<Effect>> {
        let view = self.journal_view.as_mut()?;
        if let Some(input) = &mut view.quick_note {
            let note = crate::input::clean_line(input.value()).trim().to_string();
            *input = Input::default();
            if note.is_empty() {
                return Some(vec![]);
            }
            return Some(self.append(vec![Change::NoteAdded { text: note }]));
        }
        if let Some(search) = view.search.as_mut().filter(|s| s.editing) {
            search.editing = false;
            return Some(vec![]);
        }
        None
    }

    pub(super) fn journal_rows_len(&self) -> usize {
        let Some(view) = &self.journal_view else {
            return 0;
        };
        let Some(active) = &self.active else {
            return 0;
        };
        match view.tab {
            JournalTab::Journal => self.journal_rows().len(),
            JournalTab::Evidence => active.state.evidence.len(),
            JournalTab::Lessons => active.state.lessons.len(),
        }
    }
}

/// The words someone wrote in an event: a note's or a correction's text, else its line.
fn written_text(change: &Change, state: &crate::domain::IncidentState) -> String {
    match change {
        Change::NoteAdded { text } | Change::Corrected { text, .. } => text.clone(),
        other => text::event_line(other, Some(state)),
    }
}

/// Whether the event's author or text contains `query` (already lower case).
fn matches_text(event: &Event, query: &str, state: &crate::domain::IncidentState) -> bool {
    event.author.to_lowercase().contains(query)
        || text::event_line(&event.change, Some(state))
            .to_lowercase()
            .contains(query)
}
