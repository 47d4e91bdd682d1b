//! The pure part of an append, shared by every store: number, chain and check the new
//! events against the incident's summary, and compute the summary after them.

use super::{Part, Problem, StoreError, parse_event};
use crate::domain::{Change, Event, IncidentId, IncidentSummary};
use chrono::{DateTime, Utc};

/// An event before it is numbered and chained.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewEvent {
    /// When it is written (now).
    pub at: DateTime<Utc>,
    /// When it happened, if the writer said (`--at`, `@13:05`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred: Option<DateTime<Utc>>,
    pub author: String,
    pub change: Change,
    /// Its author's signature over its [`crate::domain::signed_body`], made before it is
    /// sent to the store (see `identity::Signing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Written unsigned on purpose (`--unsigned`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unsigned: bool,
}

impl NewEvent {
    pub fn new(at: DateTime<Utc>, author: impl Into<String>, change: Change) -> Self {
        NewEvent {
            at,
            occurred: None,
            author: author.into(),
            change,
            signature: None,
            unsigned: false,
        }
    }

    /// What its author signs, for an event of `incident`.
    pub fn signed_body(&self, incident: &IncidentId) -> Vec<u8> {
        crate::domain::signed_body(incident, self.at, self.occurred, &self.change)
    }

    /// The same event, said to have happened at `occurred` (if given).
    pub fn happened(mut self, occurred: Option<DateTime<Utc>>) -> Self {
        self.occurred = occurred;
        self
    }

    /// The event as stored after `head`: numbered, chained, its two times set.
    fn after(&self, head: &crate::domain::ChainHead) -> Event {
        let mut event = head.next_event(self.at, &self.author, self.change.clone());
        event.occurred_at = self.occurred.filter(|o| *o != self.at);
        event.signature.clone_from(&self.signature);
        event.unsigned = self.unsigned;
        event
    }
}

/// What a store must write: each event with its record, and the new summary.
pub struct Planned {
    pub events: Vec<(Event, Vec<u8>)>,
    pub summary: IncidentSummary,
}

pub fn plan(
    id: IncidentId,
    current: Option<IncidentSummary>,
    batch: &[NewEvent],
) -> Result<Planned, StoreError> {
    let reject = |problem: Problem| StoreError::Rejected { id, problem };
    let (first, _) = batch
        .split_first()
        .ok_or_else(|| reject(Problem::NothingToAppend))?;
    let mut summary = current;
    let mut head = summary
        .as_ref()
        .map(|s| s.head.clone())
        .unwrap_or_else(crate::domain::ChainHead::genesis);
    match (&summary, &first.change) {
        (Some(_), Change::Declared(_)) => return Err(StoreError::AlreadyExists(id)),
        (None, Change::Declared(d)) if d.id != id => {
            return Err(reject(Problem::DeclarationNamesAnotherId));
        }
        (None, Change::Declared(_)) => {}
        (None, _) => return Err(StoreError::UnknownIncident(id)),
        (Some(_), _) => {}
    }
    let mut events = Vec::with_capacity(batch.len());
    for new in batch {
        let event = new.after(&head);
        let record = event.to_record();
        head = head.advanced(&record);
        match summary.as_mut() {
            Some(s) => {
                if matches!(event.change, Change::Declared(_)) {
                    return Err(reject(Problem::DeclaredOnlyOnce));
                }
                s.apply(&event, head.clone());
            }
            None => summary = IncidentSummary::declared(&event, head.clone()),
        }
        events.push((event, record));
    }
    let summary = summary.ok_or_else(|| reject(Problem::NoDeclaration))?;
    Ok(Planned { events, summary })
}

/// Events with the records to store, and the journal's head after them.
pub type PlannedDirectory = (Vec<(Event, Vec<u8>)>, crate::domain::ChainHead);

/// The directory journal's append: only contacts saved or verified, chained after `head`.
pub fn plan_directory(
    head: Option<crate::domain::ChainHead>,
    batch: &[NewEvent],
) -> Result<PlannedDirectory, StoreError> {
    if batch.is_empty() {
        return Err(StoreError::Directory(Problem::NothingToAppend));
    }
    let mut head = head.unwrap_or_else(crate::domain::ChainHead::genesis);
    let mut events = Vec::with_capacity(batch.len());
    for new in batch {
        if !matches!(
            new.change,
            Change::ContactSaved { .. } | Change::ContactVerified { .. }
        ) {
            return Err(StoreError::Directory(Problem::NotAContactChange));
        }
        let event = new.after(&head);
        let record = event.to_record();
        head = head.advanced(&record);
        events.push((event, record));
    }
    Ok((events, head))
}

/// The summary after one more event: the declaration of `id` starts it.
fn summarize_step(
    summary: &mut Option<IncidentSummary>,
    id: IncidentId,
    event: &Event,
    head: &crate::domain::ChainHead,
) -> Result<(), Problem> {
    match summary.as_mut() {
        Some(s) => s.apply(event, head.clone()),
        None => match &event.change {
            Change::Declared(d) if d.id == id => {
                *summary = IncidentSummary::declared(event, head.clone());
            }
            _ => return Err(Problem::NotStartedByDeclaration),
        },
    }
    Ok(())
}

/// The summary of a stored journal, recomputed from its records (to repair the index
/// after a crash); `None` for an empty journal. The chain is `verify`'s business.
pub fn summarize<'a>(
    id: IncidentId,
    records: impl IntoIterator<Item = &'a [u8]>,
) -> Result<Option<IncidentSummary>, StoreError> {
    let corrupt = |problem: Problem| StoreError::Corrupt { id, problem };
    let mut head = crate::domain::ChainHead::genesis();
    let mut summary = None;
    for (n, record) in (1..).zip(records) {
        let event = parse_event(n, record).map_err(corrupt)?;
        head = head.advanced(record);
        summarize_step(&mut summary, id, &event, &head).map_err(corrupt)?;
    }
    Ok(summary)
}

/// An imported journal, checked: its chain verifies and it starts with the declaration
/// of `id`. Returns the events with their records (byte for byte as given) and the
/// summary after them.
pub fn plan_import(id: IncidentId, records: &[Vec<u8>]) -> Result<Planned, StoreError> {
    let reject = |problem: Problem| StoreError::Rejected { id, problem };
    crate::domain::verify_chain(records.iter().map(Vec::as_slice), None).map_err(|e| {
        reject(Problem::ChainBroken {
            event: e.event,
            reason: e.reason,
        })
    })?;
    let mut head = crate::domain::ChainHead::genesis();
    let mut summary: Option<IncidentSummary> = None;
    let mut events = Vec::with_capacity(records.len());
    for (n, record) in (1..).zip(records) {
        let event = parse_event(n, record).map_err(reject)?;
        head = head.advanced(record);
        summarize_step(&mut summary, id, &event, &head).map_err(reject)?;
        check_imported(&event).map_err(reject)?;
        events.push((event, record.clone()));
    }
    let summary = summary.ok_or_else(|| reject(Problem::JournalEmpty))?;
    // What the fold refuses (a second declaration) no screen could show.
    let imported: Vec<Event> = events.iter().map(|(e, _)| e.clone()).collect();
    crate::domain::fold(&imported).map_err(|e| {
        use crate::domain::FoldError as F;
        reject(match e {
            F::Empty => Problem::JournalEmpty,
            F::NotDeclaredFirst(event) => Problem::NotDeclaredFirst { event },
            F::DeclaredTwice(event) => Problem::DeclaredTwice { event },
        })
    })?;
    Ok(Planned { events, summary })
}

/// What a journal written by warroom always satisfies but the chain does not prove:
/// ids, evidence references and authors free of control characters (they reach the
/// terminal and file names), and evidence hashes in lower-case hex.
fn check_imported(event: &Event) -> Result<(), Problem> {
    let clean = |part: Part, text: &str| {
        if text.chars().any(char::is_control) {
            Err(Problem::ControlCharacter {
                event: event.id,
                part,
                text: text.to_string(),
            })
        } else {
            Ok(())
        }
    };
    clean(Part::Author, &event.author)?;
    match &event.change {
        Change::Declared(d) => {
            for phase in &d.phases {
                clean(Part::PhaseId, &phase.id)?;
            }
            for item in &d.checklist {
                clean(Part::ItemId, &item.id)?;
                clean(Part::PhaseId, &item.phase)?;
            }
            for clock in &d.clocks {
                clean(Part::ClockId, &clock.id)?;
            }
        }
        Change::PhaseAdvanced {
            phase, left_open, ..
        } => {
            clean(Part::PhaseId, phase)?;
            for item in left_open {
                clean(Part::ItemId, item)?;
            }
        }
        Change::ItemAdded { item } => {
            clean(Part::ItemId, &item.id)?;
            clean(Part::PhaseId, &item.phase)?;
        }
        Change::ItemChecked { item }
        | Change::ItemUnchecked { item }
        | Change::ItemAssigned { item, .. }
        | Change::ItemNotApplicable { item, .. } => clean(Part::ItemId, item)?,
        Change::ContactAttempted {
            contact_id: Some(id),
            ..
        } => clean(Part::ContactId, id)?,
        Change::ContactSaved { contact } => clean(Part::ContactId, &contact.id)?,
        Change::ContactVerified { id, .. } => clean(Part::ContactId, id)?,
        Change::EvidenceRegistered { evidence } => {
            clean(Part::EvidenceReference, &evidence.reference)?;
            if let Some(hash) = &evidence.sha256
                && !crate::domain::is_sha256(hash)
            {
                return Err(Problem::BadSha256 {
                    event: event.id,
                    reference: evidence.reference.clone(),
                    hash: hash.clone(),
                });
            }
        }
        Change::EvidenceTransferred { evidence, .. } => {
            clean(Part::EvidenceReference, evidence)?;
        }
        Change::ObservableReported { observable } => {
            clean(Part::ObservableValue, &observable.value)?;
        }
        Change::ObservableEdited { observable, .. } => clean(Part::ObservableId, observable)?,
        Change::AssetAdded { asset } => {
            clean(Part::AssetName, &asset.name)?;
            clean(Part::AssetOwner, &asset.owner)?;
        }
        Change::AssetStateChanged { asset, .. } => clean(Part::AssetId, asset)?,
        Change::AssetEdited { asset, edit } => {
            clean(Part::AssetId, asset)?;
            match edit {
                crate::domain::AssetEdit::Name(name) => clean(Part::AssetName, name)?,
                crate::domain::AssetEdit::Owner(owner) => clean(Part::AssetOwner, owner)?,
                crate::domain::AssetEdit::Kind(_) | crate::domain::AssetEdit::Note(_) => {}
            }
        }
        Change::AttackStepAdded { step } => {
            clean(Part::AttackStepId, &step.id)?;
            let links = step.tactic.iter().chain(&step.technique);
            for link in links.chain(&step.observables).chain(&step.assets) {
                clean(Part::AttackStepLink, link)?;
            }
        }
        Change::AttackStepEdited { step, edit } => {
            use crate::domain::AttackStepEdit as E;
            clean(Part::AttackStepId, step)?;
            let links: Vec<&String> = match edit {
                E::Tactic(t) | E::Technique(t) => t.iter().collect(),
                E::Observables(l) | E::Assets(l) => l.iter().collect(),
                E::At(_) | E::Description(_) | E::Source(_) => Vec::new(),
            };
            for link in links {
                clean(Part::AttackStepLink, link)?;
            }
        }
        Change::ClockStarted { clock }
        | Change::ClockMet { clock, .. }
        | Change::ClockWaived { clock, .. } => clean(Part::ClockId, clock)?,
        Change::DrillStarted {
            scenario, injects, ..
        } => {
            clean(Part::ScenarioId, scenario)?;
            for inject in injects {
                clean(Part::InjectAuthor, &inject.author)?;
            }
        }
        Change::InjectDelivered { from, .. } => clean(Part::InjectAuthor, from)?,
        Change::MemberAdded { member } => {
            clean(Part::MemberHandle, &member.handle)?;
            clean(Part::MemberKey, &member.public_key)?;
            for role in &member.roles {
                clean(Part::MemberHandle, role)?;
            }
            if let Some(user) = &member.unix_user {
                clean(Part::MemberHandle, user)?;
            }
        }
        Change::MemberRevoked { handle, .. } => clean(Part::MemberHandle, handle)?,
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod import_tests {
    use super::*;
    use crate::domain::{
        Category, ChainHead, Declaration, EvidenceKind, EvidenceSpec, PhaseSpec, Scope, Severity,
        Tlp,
    };

    fn id() -> IncidentId {
        "IR-2026-0001".parse().unwrap()
    }

    fn declared() -> Change {
        Change::Declared(Declaration {
            id: id(),
            title: "Imported".into(),
            severity: Severity::High,
            category: Category::Intrusions,
            tlp: Tlp::Amber,
            detected_at: None,
            commander: None,
            scope: Scope::default(),
            summary: String::new(),
            exercise: false,
            phases: vec![PhaseSpec {
                id: "p1".into(),
                name: "Phase one".into(),
                stages: vec![],
            }],
            checklist: vec![],
            phase_model: None,
            playbook: None,
            clocks: vec![],
            entity: Default::default(),
        })
    }

    fn evidence(reference: &str, sha256: &str) -> Change {
        Change::EvidenceRegistered {
            evidence: EvidenceSpec {
                reference: reference.into(),
                kind: EvidenceKind::Other,
                description: "disk".into(),
                location: String::new(),
                sha256: Some(sha256.into()),
                size: None,
                collected_by: None,
                collected_at: None,
            },
        }
    }

    /// A well-chained journal of `changes`, each by its author.
    fn chain(changes: Vec<(&str, Change)>) -> Vec<Vec<u8>> {
        let mut head = ChainHead::genesis();
        let at = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        changes
            .into_iter()
            .map(|(author, change)| {
                let record = head.next_event(at, author, change).to_record();
                head = head.advanced(&record);
                record
            })
            .collect()
    }

    fn refused(changes: Vec<(&str, Change)>) -> String {
        match plan_import(id(), &chain(changes)) {
            Ok(_) => panic!("imported"),
            Err(e) => e.to_string(),
        }
    }

    const HASH: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    #[test]
    fn a_well_formed_journal_is_imported() {
        let planned = plan_import(
            id(),
            &chain(vec![("a", declared()), ("a", evidence("E1", HASH))]),
        )
        .unwrap();
        assert_eq!(planned.events.len(), 2);
    }

    #[test]
    fn a_journal_declared_twice_is_refused() {
        let err = refused(vec![("a", declared()), ("a", declared())]);
        assert!(
            err.contains("event 2 declares the incident a second time"),
            "{err}"
        );
    }

    #[test]
    fn an_evidence_hash_that_is_not_lowercase_hex_is_refused() {
        for bad in [
            HASH.to_uppercase(),
            "abc".into(),
            format!("{}\u{1b}[2J", &HASH[..60]),
        ] {
            let err = refused(vec![("a", declared()), ("a", evidence("E1", &bad))]);
            assert!(
                err.contains("event #2: the evidence E1 has the sha256"),
                "{err}"
            );
        }
    }

    #[test]
    fn control_characters_in_ids_references_and_authors_are_refused() {
        let err = refused(vec![
            ("a", declared()),
            ("eve\u{1b}[31m", Change::NoteAdded { text: "x".into() }),
        ]);
        assert!(
            err.contains("event #2: the author `eve\\u{1b}[31m` holds a control character"),
            "{err}"
        );
        let err = refused(vec![("a", declared()), ("a", evidence("E\n1", HASH))]);
        assert!(
            err.contains("event #2: the evidence reference `E\\n1` holds a control character"),
            "{err}"
        );
        let err = refused(vec![
            ("a", declared()),
            (
                "a",
                Change::EvidenceTransferred {
                    evidence: "E1\u{7}".into(),
                    to: "Bob".into(),
                    note: String::new(),
                },
            ),
        ]);
        assert!(err.contains("event #2: the evidence reference"), "{err}");
        let err = refused(vec![
            ("a", declared()),
            (
                "a",
                Change::ItemChecked {
                    item: "a\rb".into(),
                },
            ),
        ]);
        assert!(err.contains("event #2: the item id"), "{err}");
        let mut bad_phase = declared();
        if let Change::Declared(d) = &mut bad_phase {
            d.phases[0].id = "p\u{9b}1".into();
        }
        let err = refused(vec![("a", bad_phase)]);
        assert!(err.contains("event #1: the phase id"), "{err}");
    }

    #[test]
    fn control_characters_in_an_imported_asset_are_refused() {
        use crate::domain::{AssetEdit, AssetKind, AssetSpec};
        let added = |name: &str, owner: &str| Change::AssetAdded {
            asset: AssetSpec {
                owner: owner.into(),
                ..AssetSpec::new(AssetKind::Host, name.into())
            },
        };
        let err = refused(vec![("a", declared()), ("a", added("fs\u{1b}]0;x", ""))]);
        assert!(err.contains("event #2: the asset's name"), "{err}");
        let err = refused(vec![("a", declared()), ("a", added("fs01", "IT\n"))]);
        assert!(err.contains("event #2: the asset's owner"), "{err}");
        let err = refused(vec![
            ("a", declared()),
            (
                "a",
                Change::AssetEdited {
                    asset: "A1".into(),
                    edit: AssetEdit::Name("x\u{7}".into()),
                },
            ),
        ]);
        assert!(err.contains("event #2: the asset's name"), "{err}");
        let err = refused(vec![
            ("a", declared()),
            (
                "a",
                Change::AssetStateChanged {
                    asset: "A1\r".into(),
                    state: crate::domain::AssetState::Contained,
                },
            ),
        ]);
        assert!(err.contains("event #2: the asset id"), "{err}");
    }
}
