//! The investigation view (`I`): what the attacker did and left, apart from what the
//! responders did (the journal, `J`). One tab per register: the observables, the
//! affected assets, the attack timeline. Each has a quick add (`+`), a fuzzy search
//! (`/`) and keys to set the facts of the selected row.

use super::contacts::ContactSearch;
use super::forms::{LineForm, LinePurpose};
use super::{App, Effect, Overlay};
use crate::domain::{Change, ObservableEdit, ObservableRecord, Tlp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvestigationTab {
    Observables,
}

impl InvestigationTab {
    pub const ALL: [InvestigationTab; 1] = [InvestigationTab::Observables];
}

#[derive(Debug, Clone)]
pub struct InvestigationView {
    pub tab: InvestigationTab,
    pub search: Option<ContactSearch>,
    /// Rows of the current tab matching the search, best first; `None` without a
    /// search. Computed when the search or the registers change, not at every frame.
    pub hits: Option<Vec<usize>>,
    /// Position in the listed rows of the current tab.
    pub cursor: usize,
    /// What each row of the current tab is searched on, built when the register
    /// changes (tagged with the tab and the journal's length then), so a key typed in
    /// the search only matches.
    texts: Vec<String>,
    texts_of: Option<(InvestigationTab, u64)>,
}

impl InvestigationView {
    fn new() -> Self {
        InvestigationView {
            tab: InvestigationTab::Observables,
            search: None,
            hits: None,
            cursor: 0,
            texts: Vec::new(),
            texts_of: None,
        }
    }

    /// Whether the search field has the keys.
    pub fn typing(&self) -> bool {
        self.search.as_ref().is_some_and(|s| s.editing)
    }
}

impl App {
    pub(super) fn open_investigation(&mut self) {
        if self.active.is_some() {
            self.journal_view = None;
            self.investigation = Some(InvestigationView::new());
        }
    }

    /// Indexes into the current tab's register of the rows listed, in order.
    pub fn investigation_rows(&self) -> Vec<usize> {
        let (Some(active), Some(view)) = (&self.active, &self.investigation) else {
            return Vec::new();
        };
        match &view.hits {
            Some(hits) => hits.clone(),
            None => match view.tab {
                InvestigationTab::Observables => (0..active.state.observables.len()).collect(),
            },
        }
    }

    /// Recomputes the search hits (after typing, or when events arrive).
    pub(super) fn refresh_investigation_hits(&mut self) {
        let (Some(active), Some(view)) = (&self.active, &mut self.investigation) else {
            return;
        };
        let query = view
            .search
            .as_ref()
            .map(|s| s.input.value().to_string())
            .filter(|q| !q.trim().is_empty());
        view.hits = query.map(|q| {
            let q = match view.tab {
                InvestigationTab::Observables => crate::search::observable_query(&q),
            };
            let now_of = (view.tab, active.state.event_count);
            if view.texts_of != Some(now_of) {
                view.texts = row_texts(view.tab, &active.state);
                view.texts_of = Some(now_of);
            }
            let texts = &view.texts;
            crate::search::rank(&q, texts.len(), |i, text| text.push_str(&texts[i]))
        });
        let last = view
            .hits
            .as_ref()
            .map_or(usize::MAX, |h| h.len().saturating_sub(1));
        view.cursor = view.cursor.min(last);
    }

    /// The observable under the cursor.
    pub fn selected_observable(&self) -> Option<&ObservableRecord> {
        let view = self.investigation.as_ref()?;
        if view.tab != InvestigationTab::Observables {
            return None;
        }
        let index = *self.investigation_rows().get(view.cursor)?;
        self.active.as_ref()?.state.observables.all.get(index)
    }

    pub(super) fn investigation_action(&mut self, action: super::Action) -> Option<Vec<Effect>> {
        use super::Action as A;
        let view = self.investigation.as_mut()?;
        match action {
            A::Cancel | A::OpenInvestigation => {
                if view.search.take().is_none() {
                    self.investigation = None;
                } else {
                    self.refresh_investigation_hits();
                }
            }
            A::FocusNext | A::FocusPrev => {
                view.tab = super::cycle(&InvestigationTab::ALL, view.tab, action == A::FocusNext);
                view.cursor = 0;
                self.refresh_investigation_hits();
            }
            A::SearchContacts => {
                let input = view.search.take().map(|s| s.input).unwrap_or_default();
                view.search = Some(ContactSearch {
                    input,
                    editing: true,
                });
            }
            A::AddItem => {
                let purpose = match view.tab {
                    InvestigationTab::Observables => LinePurpose::Observable { kind: None },
                };
                self.overlay = Some(Overlay::Line(LineForm::new(purpose)));
            }
            A::ToggleIoc | A::ToggleSighted | A::CycleTlp => {
                return Some(self.edit_observable(action));
            }
            A::AddNote => {
                let observable = self.selected_observable()?.id.clone();
                self.overlay = Some(Overlay::Line(LineForm::new(LinePurpose::ObservableNote {
                    observable,
                })));
            }
            _ => return None,
        }
        Some(vec![])
    }

    /// `i`, `s`, `l` on an observable: IOC or not, sighted or not, the next TLP (the
    /// incident's, then each level from the most open).
    fn edit_observable(&mut self, action: super::Action) -> Vec<Effect> {
        let Some(o) = self.selected_observable() else {
            return vec![];
        };
        let edit = match action {
            super::Action::ToggleIoc => ObservableEdit::Ioc(!o.spec.ioc),
            super::Action::ToggleSighted => ObservableEdit::Sighted(!o.spec.sighted),
            _ => ObservableEdit::Tlp(next_tlp(o.spec.tlp)),
        };
        let change = Change::ObservableEdited {
            observable: o.id.clone(),
            edit,
        };
        self.append(vec![change])
    }

    pub(super) fn investigation_submit(&mut self) -> Option<Vec<Effect>> {
        let search = self.investigation.as_mut()?.search.as_mut()?;
        if !search.editing {
            return None;
        }
        search.editing = false;
        Some(vec![])
    }

    /// A key typed while the search has the keys.
    pub(super) fn investigation_key(&mut self, key: crossterm::event::KeyEvent) -> bool {
        let Some(search) = self
            .investigation
            .as_mut()
            .and_then(|v| v.search.as_mut())
            .filter(|s| s.editing)
        else {
            return false;
        };
        super::forms::edit(&mut search.input, key);
        if let Some(view) = &mut self.investigation {
            view.cursor = 0;
        }
        self.refresh_investigation_hits();
        true
    }
}

/// What each row of `tab` is searched on.
fn row_texts(tab: InvestigationTab, state: &crate::domain::IncidentState) -> Vec<String> {
    match tab {
        InvestigationTab::Observables => state
            .observables
            .all
            .iter()
            .map(|o| {
                let mut text = String::new();
                crate::search::observable_text(o, &mut text);
                text
            })
            .collect(),
    }
}

/// Unset (the incident's) → CLEAR → GREEN → AMBER → AMBER+STRICT → RED → unset.
fn next_tlp(tlp: Option<Tlp>) -> Option<Tlp> {
    match tlp {
        None => Some(Tlp::Clear),
        Some(Tlp::Clear) => Some(Tlp::Green),
        Some(Tlp::Green) => Some(Tlp::Amber),
        Some(Tlp::Amber) => Some(Tlp::AmberStrict),
        Some(Tlp::AmberStrict) => Some(Tlp::Red),
        Some(Tlp::Red) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tlp_cycle_visits_every_level_and_comes_back_to_the_incidents() {
        let mut tlp = None;
        let mut seen = Vec::new();
        for _ in 0..6 {
            tlp = next_tlp(tlp);
            seen.push(tlp);
        }
        assert_eq!(
            seen,
            [
                Some(Tlp::Clear),
                Some(Tlp::Green),
                Some(Tlp::Amber),
                Some(Tlp::AmberStrict),
                Some(Tlp::Red),
                None
            ]
        );
    }
}
