//! The investigation view (`I`): what the attacker did and left, apart from what the
//! responders did (the journal, `J`). One tab per register: the observables, the
//! affected assets, the attack timeline. Each has a quick add (`+`), a fuzzy search
//! (`/`) and keys to set the facts of the selected row.

use super::contacts::ContactSearch;
use super::forms::{LineForm, LinePurpose};
use super::{App, Effect, Overlay};
use crate::domain::{
    AssetRecord, AssetSpec, AssetState, AttackStep, AttackStepSpec, Change, ObservableEdit,
    ObservableRecord, Tlp,
};
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvestigationTab {
    Observables,
    Assets,
    /// The attack timeline, in the order things happened.
    Attack,
}

impl InvestigationTab {
    pub const ALL: [InvestigationTab; 3] = [
        InvestigationTab::Observables,
        InvestigationTab::Assets,
        InvestigationTab::Attack,
    ];
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
            None => (0..row_count(view.tab, &active.state)).collect(),
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
                InvestigationTab::Assets | InvestigationTab::Attack => q,
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

    /// The index, in the current tab's register, of the row under the cursor, when
    /// that tab is `tab`.
    fn selected_row(&self, tab: InvestigationTab) -> Option<usize> {
        let view = self.investigation.as_ref()?;
        (view.tab == tab).then_some(())?;
        self.investigation_rows().get(view.cursor).copied()
    }

    /// The affected asset under the cursor.
    pub fn selected_asset(&self) -> Option<&AssetRecord> {
        let index = self.selected_row(InvestigationTab::Assets)?;
        self.active.as_ref()?.state.assets.all.get(index)
    }

    /// The attack step under the cursor (rows are in the order things happened).
    pub fn selected_step(&self) -> Option<&AttackStep> {
        let index = self.selected_row(InvestigationTab::Attack)?;
        let sorted = self.active.as_ref()?.state.attack_timeline.sorted();
        sorted.get(index).copied()
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
                    InvestigationTab::Assets => LinePurpose::Asset {
                        kind: crate::domain::AssetKind::Host,
                    },
                    InvestigationTab::Attack => LinePurpose::AttackStep,
                };
                self.overlay = Some(Overlay::Line(LineForm::new(purpose)));
            }
            A::ToggleIoc | A::ToggleSighted | A::CycleTlp => {
                return Some(self.edit_observable(action));
            }
            A::AssetForward | A::AssetBack => {
                return Some(self.move_asset(action == A::AssetForward));
            }
            A::AddNote => {
                let purpose = match view.tab {
                    InvestigationTab::Observables => LinePurpose::ObservableNote {
                        observable: self.selected_observable()?.id.clone(),
                    },
                    InvestigationTab::Assets => LinePurpose::AssetNote {
                        asset: self.selected_asset()?.id.clone(),
                    },
                    InvestigationTab::Attack => return Some(vec![]),
                };
                self.overlay = Some(Overlay::Line(LineForm::new(purpose)));
            }
            _ => return None,
        }
        Some(vec![])
    }

    /// `m`: asks for the path of a MISP event or STIX bundle to import.
    pub(super) fn ask_import_file(&mut self) -> Vec<Effect> {
        if self.active.is_some() {
            self.overlay = Some(Overlay::Line(LineForm::new(LinePurpose::ImportFile)));
        } else {
            self.flash = Some(super::Flash::error(text::flash_no_incident));
        }
        vec![]
    }

    /// Enter in the import form: the file is read and checked on a worker (it may be
    /// large, or on a slow disk), the form kept to show why, should it be refused.
    pub(super) fn submit_import_file(&mut self, mut form: LineForm, typed: &str) -> Vec<Effect> {
        let Some(active) = &self.active else {
            return vec![];
        };
        let path = typed.trim().to_string();
        if path.is_empty() {
            form.error = Some(text::Said::new(text::form_text_required));
            self.overlay = Some(Overlay::Line(form));
            return vec![];
        }
        let (id, tlp) = (active.state.id, active.state.tlp);
        self.reading_files
            .push((path.clone(), Some(Overlay::Line(form))));
        vec![Effect::ReadExchange { id, path, tlp }]
    }

    /// A file read and checked: its observables written in one event batch (the ones
    /// already in the register merged by its rule), and what came of it said.
    pub(super) fn import_read(
        &mut self,
        id: crate::domain::IncidentId,
        typed_in: Option<Overlay>,
        imported: crate::formats::Imported,
    ) -> Vec<Effect> {
        let Some(active) = self.active.as_ref().filter(|a| a.state.id == id) else {
            // Another incident is on screen now: nothing written to the wrong one.
            return vec![];
        };
        let (merged, added) = imported.merged_and_added(&active.state.observables);
        let skipped = imported.skipped;
        self.flash = Some(super::Flash::info(move || {
            text::cli_observables_imported(added, merged, skipped)
        }));
        if imported.observables.is_empty() {
            return vec![];
        }
        let changes = imported
            .observables
            .into_iter()
            .map(|observable| Change::ObservableReported { observable })
            .collect();
        self.write_typed_in(
            typed_in,
            Effect::Append {
                id,
                changes,
                occurred: None,
            },
        )
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

    /// `>` and `<` on an asset: the next or previous state (suspected, compromised,
    /// contained, cleaned, restored), dated by `t` when the operator said when.
    fn move_asset(&mut self, forward: bool) -> Vec<Effect> {
        let Some(asset) = self.selected_asset() else {
            return vec![];
        };
        let now = asset.state();
        let place = AssetState::ALL.iter().position(|s| *s == now).unwrap_or(0);
        let next = if forward {
            AssetState::ALL.get(place + 1)
        } else {
            place.checked_sub(1).and_then(|p| AssetState::ALL.get(p))
        };
        let Some(&state) = next else {
            return vec![];
        };
        let change = Change::AssetStateChanged {
            asset: asset.id.clone(),
            state,
        };
        self.append(vec![change])
    }

    /// Enter in the form of a new asset (`name | owner`) or a new attack step
    /// (`@WHEN what they did`, with an ATT&CK id in the text recorded as such).
    pub(super) fn submit_register_line(&mut self, mut form: LineForm) -> Vec<Effect> {
        let typed = form.text();
        let read = match &form.purpose {
            LinePurpose::Asset { kind } => Ok(asset_change(*kind, &typed)),
            LinePurpose::AttackStep => self.attack_step_change(&typed),
            _ => return vec![],
        };
        match read {
            Ok(Some(change)) => self.append(vec![change]),
            Ok(None) => {
                form.error = Some(text::Said::new(text::form_text_required));
                self.overlay = Some(Overlay::Line(form));
                vec![]
            }
            Err(why) => {
                form.error = Some(why);
                self.overlay = Some(Overlay::Line(form));
                vec![]
            }
        }
    }

    /// The step typed: when it happened from `@WHEN` (or from `t`, said before), a
    /// technique (`T1566.001`) or tactic (`TA0001`) id in the text as its ATT&CK
    /// facts, checked against the catalogue, and the observable (`O3`) and asset
    /// (`A2`) ids in it as its links, each one that must exist.
    fn attack_step_change(&mut self, typed: &str) -> Result<Option<Change>, text::Said> {
        let Some(active) = &self.active else {
            return Ok(None);
        };
        let (at, description) = match crate::input::when::leading(typed, self.now, self.zone) {
            Some(Ok((at, rest))) => (Some(at), rest),
            Some(Err(e)) => return Err(text::Said::new(move || text::when_error_on_screen(&e))),
            None => (self.backdate, typed.to_string()),
        };
        let Some(at) = at else {
            return Err(text::Said::new(text::attack_step_when_required));
        };
        if let Err(e) = crate::input::when::check(at, self.now, active.state.declared_at, false) {
            return Err(text::Said::new(move || text::when_error_on_screen(&e)));
        }
        if description.is_empty() {
            return Ok(None);
        }
        let (tactic, technique) = attack_ids(&description);
        let (tactic, technique) = crate::assets::attack::catalogue()
            .read(tactic.as_deref(), technique.as_deref())
            .map_err(|e| text::Said::new(move || text::bad_attack(&e)))?;
        let (observables, assets) = register_refs(&description);
        let id = active.state.id;
        let bad_link = |e: crate::domain::BadLink| text::Said::new(move || text::bad_link(id, &e));
        let observables =
            crate::domain::links::observables(&active.state.observables, &observables)
                .map_err(bad_link)?;
        let assets =
            crate::domain::links::assets(&active.state.assets, &assets).map_err(bad_link)?;
        let step = AttackStepSpec {
            tactic,
            technique,
            observables,
            assets,
            ..AttackStepSpec::new(active.state.attack_timeline.next_id(), at, description)
        };
        // `t` said when the attacker acted, not when this was written down.
        self.backdate = None;
        Ok(Some(Change::AttackStepAdded { step }))
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

/// A new asset from `name | owner`; `None` without a name.
fn asset_change(kind: crate::domain::AssetKind, typed: &str) -> Option<Change> {
    let (name, owner) = typed.split_once('|').unwrap_or((typed, ""));
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let asset = AssetSpec {
        owner: owner.trim().to_string(),
        ..AssetSpec::new(kind, name.to_string())
    };
    Some(Change::AssetAdded { asset })
}

/// The first ATT&CK tactic id (`TA0001`) and technique id (`T1566`, `T1566.001`) among
/// the words of `text`, as typed.
fn attack_ids(text: &str) -> (Option<String>, Option<String>) {
    let words = || {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .map(|w| w.trim_end_matches('.'))
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let tactic = words()
        .find(|w| w.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("TA")) && digits(&w[2..], 4));
    let technique = words().find(|w| {
        let Some(rest) = w.strip_prefix(['T', 't']) else {
            return false;
        };
        match rest.split_once('.') {
            Some((main, sub)) => digits(main, 4) && digits(sub, 3),
            None => digits(rest, 4),
        }
    });
    (
        tactic.map(str::to_ascii_uppercase),
        technique.map(str::to_ascii_uppercase),
    )
}

/// The observable ids (`O3`) and asset ids (`A2`) written in a text, as typed (capital
/// letter, then digits), each in the order first written.
fn register_refs(text: &str) -> (Vec<String>, Vec<String>) {
    let words: Vec<&str> = text.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    let with = |prefix: char| {
        let mut found: Vec<String> = Vec::new();
        for w in &words {
            let numbered = w
                .strip_prefix(prefix)
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
            if numbered && !found.iter().any(|f| f == w) {
                found.push((*w).to_string());
            }
        }
        found
    };
    (with('O'), with('A'))
}

fn row_count(tab: InvestigationTab, state: &crate::domain::IncidentState) -> usize {
    match tab {
        InvestigationTab::Observables => state.observables.len(),
        InvestigationTab::Assets => state.assets.len(),
        InvestigationTab::Attack => state.attack_timeline.len(),
    }
}

/// What each row of `tab` is searched on, in the order the rows are listed.
fn row_texts(tab: InvestigationTab, state: &crate::domain::IncidentState) -> Vec<String> {
    match tab {
        InvestigationTab::Assets => state.assets.all.iter().map(asset_text).collect(),
        InvestigationTab::Attack => state
            .attack_timeline
            .sorted()
            .into_iter()
            .map(|s| step_text(&s.spec))
            .collect(),
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

fn asset_text(a: &AssetRecord) -> String {
    [
        a.id.as_str(),
        a.kind.slug(),
        &a.name,
        &a.owner,
        a.state().slug(),
        &a.note,
    ]
    .join(" ")
}

/// A step is found by its words, its ids and its tactic's and technique's names.
fn step_text(s: &AttackStepSpec) -> String {
    let mut words = vec![s.id.clone(), s.description.clone(), s.source.clone()];
    if let Some(t) = &s.tactic {
        words.push(text::attack_tactic(t));
    }
    if let Some(t) = &s.technique {
        words.push(text::attack_technique(t));
    }
    words.extend(s.observables.iter().chain(&s.assets).cloned());
    words.join(" ")
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
    fn attack_ids_are_found_among_the_words_whatever_their_case() {
        assert_eq!(
            attack_ids("Macro opened (t1566.001, TA0001)."),
            (Some("TA0001".into()), Some("T1566.001".into()))
        );
        assert_eq!(
            attack_ids("Files encrypted: T1486."),
            (None, Some("T1486".into()))
        );
        assert_eq!(attack_ids("TEAM T15 took 2 hours"), (None, None));
        assert_eq!(attack_ids("T1566.01 is not one"), (None, None));
    }

    #[test]
    fn observable_and_asset_ids_are_found_among_the_words() {
        assert_eq!(
            register_refs("Beacon to O3 from A2 (and O3 again, O12; A1)."),
            (
                vec!["O3".to_string(), "O12".to_string()],
                vec!["A2".to_string(), "A1".to_string()]
            )
        );
        // Lower case, letters after the digits, a bare letter: words, not ids.
        assert_eq!(
            register_refs("o3 A2b O A Ops"),
            (Vec::<String>::new(), Vec::<String>::new())
        );
    }

    #[test]
    fn an_asset_is_typed_as_name_then_owner() {
        let Some(Change::AssetAdded { asset }) =
            asset_change(crate::domain::AssetKind::Host, "FS01 | IT ops")
        else {
            panic!("no asset");
        };
        assert_eq!(
            (asset.name.as_str(), asset.owner.as_str()),
            ("FS01", "IT ops")
        );
        assert!(asset_change(crate::domain::AssetKind::Host, " | IT ops").is_none());
    }

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
