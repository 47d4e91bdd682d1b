//! The same contract checked against every store implementation.

use super::*;
use crate::domain::*;
use chrono::{DateTime, TimeDelta, Utc};

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default()
}

/// A declaration with one phase and one item, for tests that need an incident.
pub(crate) fn declare(id: IncidentId) -> NewEvent {
    NewEvent::new(
        t0(),
        "alice",
        Change::Declared(Declaration {
            id,
            title: format!("incident {id}"),
            severity: Severity::High,
            category: Category::Intrusions,
            tlp: Tlp::Amber,
            detected_at: None,
            commander: None,
            scope: Scope::default(),
            summary: String::new(),
            exercise: id.exercise,
            phases: vec![PhaseSpec {
                id: "p1".into(),
                name: "Phase one".into(),
                stages: vec![],
            }],
            checklist: vec![ItemSpec {
                id: "a".into(),
                phase: "p1".into(),
                text: "Do it".into(),
                owner: None,
                hints: Default::default(),
            }],
            phase_model: None,
            playbook: None,
            clocks: vec![],
            entity: Default::default(),
        }),
    )
}

fn note(minutes: i64, text: &str) -> NewEvent {
    NewEvent::new(
        t0() + TimeDelta::minutes(minutes),
        "bob",
        Change::NoteAdded { text: text.into() },
    )
}

/// Several batches written together: each on its own, in order, the same incident's
/// chained one after the other, a refused one alone.
fn group_contract(store: &dyn Store) {
    let a = store.next_id(false, 2027).unwrap();
    store.append(a, &[declare(a)]).unwrap();
    let b = IncidentId::new(false, 2027, 2);
    store.append(b, &[declare(b)]).unwrap();
    let unknown = IncidentId::new(false, 2027, 9);
    let written = store.append_all(&[
        (a, vec![note(1, "a one")]),
        (b, vec![note(1, "b one")]),
        (unknown, vec![note(1, "nowhere")]),
        (a, vec![note(2, "a two"), note(3, "a three")]),
        (b, vec![declare(b)]),
    ]);
    let ids: Vec<_> = written
        .iter()
        .map(|r| {
            r.as_ref()
                .map(|e| e.iter().map(|e| e.id).collect::<Vec<_>>())
                .ok()
        })
        .collect();
    assert_eq!(
        ids,
        vec![Some(vec![2]), Some(vec![2]), None, Some(vec![3, 4]), None]
    );
    assert!(matches!(written[2], Err(StoreError::UnknownIncident(_))));
    assert!(matches!(written[4], Err(StoreError::AlreadyExists(_))));
    let records = store.records(a).unwrap();
    let head = store.summary(a).unwrap().unwrap().head;
    assert_eq!(
        verify_chain(records.iter().map(Vec::as_slice), Some(&head.hash)),
        Ok(head)
    );
}

fn contract(store: &dyn Store) {
    assert!(store.list().unwrap().is_empty());
    let id = store.next_id(false, 2026).unwrap();
    assert_eq!(id.to_string(), "IR-2026-0001");

    // Appending to an unknown incident is refused.
    assert!(matches!(
        store.append(id, &[note(1, "x")]),
        Err(StoreError::UnknownIncident(_))
    ));

    let declared = store.append(id, &[declare(id)]).unwrap();
    assert_eq!(declared[0].id, 1);
    assert!(matches!(
        store.append(id, &[declare(id)]),
        Err(StoreError::AlreadyExists(_))
    ));

    let added = store
        .append(id, &[note(1, "first"), note(2, "second")])
        .unwrap();
    assert_eq!(added.iter().map(|e| e.id).collect::<Vec<_>>(), vec![2, 3]);

    let events = store.events(id).unwrap();
    assert_eq!(events.len(), 3);
    // Read from where a reader left off: the same events, from the same place.
    for seen in 0..=4 {
        let after = store.events_after(id, seen).unwrap();
        assert_eq!(
            after.as_slice(),
            &events[(seen as usize).min(3)..],
            "after {seen}"
        );
    }
    assert!(matches!(
        store.events_after(IncidentId::new(false, 2020, 9), 0),
        Err(StoreError::UnknownIncident(_))
    ));
    assert_eq!(
        events[1].change,
        Change::NoteAdded {
            text: "first".into()
        }
    );
    let summary = store.summary(id).unwrap().unwrap();
    assert_eq!(summary.head.count, 3);
    let records = store.records(id).unwrap();
    assert_eq!(
        verify_chain(records.iter().map(Vec::as_slice), Some(&summary.head.hash)),
        Ok(summary.head.clone())
    );
    assert_eq!(summary.updated_at, t0() + TimeDelta::minutes(2));

    // Ids are allocated per kind and year.
    assert_eq!(store.next_id(false, 2026).unwrap().number, 2);
    assert_eq!(store.next_id(true, 2026).unwrap().number, 1);
    let ex = store.next_id(true, 2026).unwrap();
    store.append(ex, &[declare(ex)]).unwrap();
    let listed: Vec<_> = store.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(listed, vec![id, ex], "most recently updated first");
    assert!(matches!(
        store.events(IncidentId::new(false, 2020, 9)),
        Err(StoreError::UnknownIncident(_))
    ));
}

#[test]
fn memory_store_meets_the_contract() {
    contract(&MemoryStore::new());
    group_contract(&MemoryStore::new());
}

/// A group writing to more incidents than stay open, then to the first again: the
/// handle still held by the group is used again, not reopened (sled cannot open a
/// database twice in one process: that waited 10 s, then broke the store).
#[test]
fn a_group_over_more_journals_than_stay_open_reuses_their_handles() {
    let dir = crate::store::private_tempdir();
    let store = SledStore::open(dir.path()).unwrap();
    let ids: Vec<IncidentId> = (1..=10).map(|n| IncidentId::new(false, 2026, n)).collect();
    for &id in &ids {
        store.append(id, &[declare(id)]).unwrap();
    }
    let mut group: Vec<_> = ids.iter().map(|&id| (id, vec![note(1, "first")])).collect();
    group.push((ids[0], vec![note(2, "again")]));
    let written = store.append_all(&group);
    assert!(written.iter().all(Result::is_ok), "{written:?}");
    assert_eq!(store.events(ids[0]).unwrap().len(), 3);
    store.append(ids[0], &[note(3, "after")]).unwrap();
    assert_eq!(store.list().unwrap().len(), 10);
}

#[test]
fn a_group_of_appends_syncs_each_journal_once() {
    let dir = crate::store::private_tempdir();
    let store = SledStore::open(dir.path()).unwrap();
    let id = store.next_id(false, 2026).unwrap();
    store.append(id, &[declare(id)]).unwrap();
    let before = store.journal_syncs(id);
    for n in 0..5 {
        store.append(id, &[note(n, "alone")]).unwrap();
    }
    assert_eq!(store.journal_syncs(id) - before, 5, "one sync per append");
    let group: Vec<_> = (0..5).map(|n| (id, vec![note(n, "together")])).collect();
    assert!(store.append_all(&group).iter().all(Result::is_ok));
    assert_eq!(
        store.journal_syncs(id) - before,
        6,
        "one sync for the group"
    );
    assert_eq!(store.events(id).unwrap().len(), 11);
}

#[test]
fn sled_store_writes_groups_as_the_contract_says_and_they_survive_reopen() {
    let dir = crate::store::private_tempdir();
    {
        let store = SledStore::open(dir.path()).unwrap();
        group_contract(&store);
    }
    let store = SledStore::open(dir.path()).unwrap();
    let a = IncidentId::new(false, 2027, 1);
    assert_eq!(store.events(a).unwrap().len(), 4);
}

#[test]
fn sled_store_meets_the_contract_and_survives_reopen() {
    let dir = crate::store::private_tempdir();
    let id;
    {
        let store = SledStore::open(dir.path()).unwrap();
        contract(&store);
        id = store.list().unwrap()[0].id;
    }
    let store = SledStore::open(dir.path()).unwrap();
    let events = store.events(id).unwrap();
    assert_eq!(events.len(), 3);
    assert_eq!(store.list().unwrap().len(), 2);
    store.append(id, &[note(5, "after reopen")]).unwrap();
    assert_eq!(store.events(id).unwrap()[3].id, 4);
}

#[test]
fn a_second_opener_is_told_the_store_is_locked() {
    let dir = crate::store::private_tempdir();
    let _first = SledStore::open(dir.path()).unwrap();
    match SledStore::open(dir.path()) {
        Err(e @ StoreError::Locked { .. }) => {
            assert!(e.to_string().contains(&dir.path().display().to_string()));
        }
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("opened a locked store"),
    }
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = crate::store::private_tempdir();
    {
        let store = SledStore::open(dir.path()).unwrap();
        store.force_schema_version(99).unwrap();
    }
    let err = SledStore::open(dir.path()).err().unwrap();
    assert!(
        matches!(err, StoreError::SchemaTooNew { found: 99, .. }),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn the_data_directory_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let parent = crate::store::private_tempdir();
    let dir = parent.path().join("a/b/warroom");
    SledStore::open(&dir).unwrap();
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn an_index_left_behind_by_a_dead_process_is_brought_in_line_with_the_journal() {
    let dir = crate::store::private_tempdir();
    let id = IncidentId::new(false, 2026, 1);
    {
        let store = SledStore::open(dir.path()).unwrap();
        let declared = store.append(id, &[declare(id)]).unwrap();
        let before = store.summary(id).unwrap().unwrap();
        store.append(id, &[note(1, "first")]).unwrap();
        // The process dies after the journal's flush, before the index's.
        store.force_index(id, &before);
        assert_eq!(declared.len(), 1);
        store.die();
    }
    let store = SledStore::open(dir.path()).unwrap();
    let summary = store.summary(id).unwrap().unwrap();
    assert_eq!(summary.head.count, 2, "the index follows the journal");
    assert_eq!(store.list().unwrap()[0].head.count, 2);
    assert_eq!(store.append(id, &[note(2, "next")]).unwrap()[0].id, 3);
}

/// An index entry ahead of its journal cannot come from a crash (a journal is synced
/// before its entry is set): it is damage or an older copy, and said so, not dropped.
#[test]
fn an_index_entry_ahead_of_an_empty_journal_is_reported_not_dropped() {
    let dir = crate::store::private_tempdir();
    let id = IncidentId::new(false, 2026, 1);
    {
        let store = SledStore::open(dir.path()).unwrap();
        store.append(id, &[declare(id)]).unwrap();
        let other = IncidentId::new(false, 2026, 2);
        // The process dies after creating the journal, before the declaration landed,
        // with an index entry written ahead of it.
        store.begin_write(other);
        let summary = store.summary(id).unwrap().unwrap();
        store.force_index(
            other,
            &IncidentSummary {
                id: other,
                ..summary
            },
        );
        store.die();
    }
    let store = SledStore::open(dir.path()).unwrap();
    let listed: Vec<_> = store.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(listed.len(), 2);
    let other = IncidentId::new(false, 2026, 2);
    match store.events(other) {
        Err(StoreError::Corrupt { problem, .. }) => {
            assert!(
                matches!(
                    problem,
                    crate::store::Problem::JournalShort { holds: 0, .. }
                ),
                "{problem}"
            );
            assert!(problem.to_string().contains("holds 0 events"), "{problem}");
        }
        other => panic!("expected the damage said, got {other:?}"),
    }
    assert_eq!(store.events(id).unwrap().len(), 1, "the other one reads");
}

#[test]
fn reading_an_unknown_incident_creates_nothing_on_disk() {
    let dir = crate::store::private_tempdir();
    let store = SledStore::open(dir.path()).unwrap();
    let id = IncidentId::new(false, 2026, 7);
    assert!(store.records(id).unwrap().is_empty());
    assert!(matches!(
        store.events(id),
        Err(StoreError::UnknownIncident(_))
    ));
    assert!(matches!(
        store.append(id, &[note(1, "x")]),
        Err(StoreError::UnknownIncident(_))
    ));
    assert!(!dir.path().join("journals").join(id.to_string()).exists());
}

/// A store written by a build with schema 1 (every journal a tree of one database).
fn write_schema_1_store(dir: &std::path::Path, id: IncidentId, notes: usize) -> Vec<Vec<u8>> {
    let mut batch = vec![declare(id)];
    batch.extend((0..notes).map(|n| note(i64::try_from(n).unwrap(), &format!("note {n}"))));
    let planned = super::append::plan(id, None, &batch).unwrap();
    let db = sled::open(dir.join("db")).unwrap();
    db.open_tree("meta")
        .unwrap()
        .insert("schema_version", "1")
        .unwrap();
    db.open_tree("incidents")
        .unwrap()
        .insert(
            id.to_string(),
            serde_json::to_vec(&planned.summary).unwrap(),
        )
        .unwrap();
    let journal = db.open_tree(format!("journal/{id}")).unwrap();
    for (event, record) in &planned.events {
        journal
            .insert(event.id.to_be_bytes(), record.as_slice())
            .unwrap();
    }
    // An empty tree, as version 1 left when an unknown incident was read.
    db.open_tree("journal/IR-2026-0099").unwrap();
    db.flush().unwrap();
    planned.events.into_iter().map(|(_, r)| r).collect()
}

#[test]
fn a_schema_1_store_is_migrated_byte_for_byte() {
    let dir = crate::store::private_tempdir();
    let id = IncidentId::new(false, 2026, 1);
    let records = write_schema_1_store(dir.path(), id, 5);
    {
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.records(id).unwrap(), records);
        assert_eq!(store.list().unwrap().len(), 1);
        assert_eq!(store.append(id, &[note(9, "after")]).unwrap()[0].id, 7);
    }
    let db = sled::open(dir.path().join("db")).unwrap();
    let names: Vec<_> = db.tree_names().into_iter().collect();
    assert!(
        !names.iter().any(|n| n.starts_with(b"journal/")),
        "old trees dropped"
    );
    let version = db.open_tree("meta").unwrap().get("schema_version").unwrap();
    assert_eq!(
        version.as_deref(),
        Some(SCHEMA_VERSION.to_string().as_bytes())
    );
}

fn contact_saved(n: usize) -> NewEvent {
    NewEvent::new(
        t0(),
        "alice",
        Change::ContactSaved {
            contact: serde_json::from_value(serde_json::json!({
                "id": format!("c{n}"),
                "name": format!("Contact {n}"),
            }))
            .unwrap(),
        },
    )
}

/// A schema 2 store: its contacts' journal in the index (`directory` tree, head in
/// `meta`), as a build before schema 3 left it.
fn write_schema_2_store(dir: &std::path::Path, contacts: usize) -> Vec<Vec<u8>> {
    let batch: Vec<NewEvent> = (0..contacts).map(contact_saved).collect();
    let (events, head) = super::append::plan_directory(None, &batch).unwrap();
    let db = sled::open(dir.join("db")).unwrap();
    let meta = db.open_tree("meta").unwrap();
    meta.insert("schema_version", "2").unwrap();
    meta.insert("directory_head", serde_json::to_vec(&head).unwrap())
        .unwrap();
    let directory = db.open_tree("directory").unwrap();
    for (event, record) in &events {
        directory
            .insert(event.id.to_be_bytes(), record.as_slice())
            .unwrap();
    }
    db.flush().unwrap();
    events.into_iter().map(|(_, r)| r).collect()
}

#[test]
fn a_schema_2_store_moves_its_contacts_out_of_the_index_byte_for_byte() {
    let dir = crate::store::private_tempdir();
    let records = write_schema_2_store(dir.path(), 3);
    {
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.directory_records().unwrap(), records);
        let more = store.append_directory(&[contact_saved(9)]).unwrap();
        assert_eq!(more[0].id, 4, "chained after the migrated contacts");
    }
    let db = sled::open(dir.path().join("db")).unwrap();
    assert!(!db.tree_names().iter().any(|n| n.as_ref() == b"directory"));
    assert!(
        db.open_tree("meta")
            .unwrap()
            .get("directory_head")
            .unwrap()
            .is_none()
    );
    drop(db);
    // The index is a cache again: lost, the contacts stay.
    std::fs::remove_dir_all(dir.path().join("db")).unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.directory_records().unwrap().len(), 4);
    assert_eq!(
        verify_chain(
            store.directory_records().unwrap().iter().map(Vec::as_slice),
            None
        )
        .map(|h| h.count),
        Ok(4)
    );
}

#[test]
fn a_contacts_migration_interrupted_before_its_version_was_written_is_redone() {
    let dir = crate::store::private_tempdir();
    let records = write_schema_2_store(dir.path(), 3);
    // A half-made copy left by an interrupted attempt.
    {
        let db = sled::open(dir.path().join("contacts")).unwrap();
        db.open_tree("journal")
            .unwrap()
            .insert(1u64.to_be_bytes(), records[0].as_slice())
            .unwrap();
        db.flush().unwrap();
    }
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.directory_records().unwrap(), records);
}

#[test]
fn a_migration_interrupted_before_its_version_was_written_is_redone() {
    let dir = crate::store::private_tempdir();
    let id = IncidentId::new(false, 2026, 1);
    let records = write_schema_1_store(dir.path(), id, 3);
    // A half-made copy: the incident's new database holds only the declaration.
    {
        let half = super::append::plan(id, None, &[declare(id)]).unwrap();
        let db = sled::open(dir.path().join("journals").join(id.to_string())).unwrap();
        db.open_tree("journal")
            .unwrap()
            .insert(1u64.to_be_bytes(), half.events[0].1.as_slice())
            .unwrap();
        db.flush().unwrap();
    }
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.records(id).unwrap(), records);
    assert_eq!(store.summary(id).unwrap().unwrap().head.count, 4);
}

fn declared_store(dir: &std::path::Path, count: u32) -> Vec<IncidentId> {
    let store = SledStore::open(dir).unwrap();
    (1..=count)
        .map(|n| {
            let id = IncidentId::new(false, 2026, n);
            store.append(id, &[declare(id), note(1, "first")]).unwrap();
            id
        })
        .collect()
}

#[test]
fn a_snapshot_left_unfinished_by_a_kill_does_not_block_the_incident() {
    let dir = crate::store::private_tempdir();
    let ids = declared_store(dir.path(), 1);
    let journal = dir.path().join("journals").join(ids[0].to_string());
    std::fs::write(journal.join("snap.00000000000000FF.generating"), b"").unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.events(ids[0]).unwrap().len(), 2);
    assert!(!journal.join("snap.00000000000000FF.generating").exists());
}

#[test]
fn only_a_few_incident_databases_stay_open() {
    let dir = crate::store::private_tempdir();
    let ids = declared_store(dir.path(), 12);
    let store = SledStore::open(dir.path()).unwrap();
    for id in &ids {
        assert_eq!(store.events(*id).unwrap().len(), 2);
    }
    assert!(store.open_journals() <= 8, "{}", store.open_journals());
    // The one closed longest ago opens again.
    assert_eq!(store.append(ids[0], &[note(2, "again")]).unwrap()[0].id, 3);
}

#[test]
fn a_damaged_incident_marked_for_repair_does_not_lock_out_the_others() {
    let dir = crate::store::private_tempdir();
    let ids;
    {
        let store = SledStore::open(dir.path()).unwrap();
        ids = [1, 2].map(|n| IncidentId::new(false, 2026, n));
        for id in ids {
            store.append(id, &[declare(id)]).unwrap();
        }
        store.die();
    }
    let conf = dir
        .path()
        .join("journals")
        .join(ids[1].to_string())
        .join("conf");
    std::fs::write(&conf, b"not a sled config").unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.events(ids[0]).unwrap().len(), 1);
    assert!(store.events(ids[1]).is_err(), "the damage is reported");
    assert_eq!(store.list().unwrap().len(), 2);
}

#[test]
fn a_new_incident_never_lands_on_a_leftover_journal() {
    let dir = crate::store::private_tempdir();
    declared_store(dir.path(), 1);
    // A kill while sled created the next incident's database.
    let leftover = dir.path().join("journals/IR-2026-0002");
    std::fs::create_dir_all(&leftover).unwrap();
    std::fs::write(leftover.join("conf"), b"half").unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    let id = store.next_id(false, 2026).unwrap();
    assert_eq!(id.to_string(), "IR-2026-0003");
    store.append(id, &[declare(id)]).unwrap();
}

#[test]
fn a_lost_index_is_rebuilt_from_the_journals() {
    let dir = crate::store::private_tempdir();
    let ids = declared_store(dir.path(), 3);
    std::fs::remove_dir_all(dir.path().join("db")).unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    let mut listed: Vec<_> = store.list().unwrap().into_iter().map(|s| s.id).collect();
    listed.sort();
    assert_eq!(listed, ids);
    assert_eq!(store.summary(ids[2]).unwrap().unwrap().head.count, 2);
}

#[test]
fn a_migration_replaces_a_damaged_copy_left_by_an_interrupted_one() {
    let dir = crate::store::private_tempdir();
    let id = IncidentId::new(false, 2026, 1);
    let records = write_schema_1_store(dir.path(), id, 2);
    let copy = dir.path().join("journals").join(id.to_string());
    std::fs::create_dir_all(&copy).unwrap();
    std::fs::write(copy.join("conf"), b"damaged").unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.records(id).unwrap(), records);
}

#[test]
fn an_index_rebuild_cut_short_is_redone_not_left_partial() {
    let dir = crate::store::private_tempdir();
    let ids = declared_store(dir.path(), 3);
    std::fs::remove_dir_all(dir.path().join("db")).unwrap();
    {
        // What a kill during the rebuild leaves: some entries, no schema version yet.
        let db = sled::open(dir.path().join("db")).unwrap();
        let partial = super::append::plan(ids[0], None, &[declare(ids[0])]).unwrap();
        db.open_tree("incidents")
            .unwrap()
            .insert(
                ids[0].to_string(),
                serde_json::to_vec(&partial.summary).unwrap(),
            )
            .unwrap();
        db.flush().unwrap();
    }
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.list().unwrap().len(), 3);
    assert_eq!(store.summary(ids[0]).unwrap().unwrap().head.count, 2);
}

#[test]
fn an_incident_missing_from_the_index_is_listed_again_by_verify() {
    let dir = crate::store::private_tempdir();
    let ids = declared_store(dir.path(), 2);
    {
        let db = sled::open(dir.path().join("db")).unwrap();
        db.open_tree("incidents")
            .unwrap()
            .remove(ids[1].to_string())
            .unwrap();
        db.flush().unwrap();
    }
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.list().unwrap().len(), 1);
    assert_eq!(store.reindex_unlisted().unwrap(), vec![ids[1]]);
    assert_eq!(store.list().unwrap().len(), 2);
    assert!(store.reindex_unlisted().unwrap().is_empty());
}

/// A store written by the release before events could say when they happened (schema
/// 3): opened by this one, its records are untouched byte for byte and its events
/// happened when they were written.
#[test]
fn a_schema_3_store_opens_unchanged_with_events_that_happened_when_written() {
    let dir = crate::store::private_tempdir();
    let id = IncidentId::new(false, 2026, 1);
    let records = {
        let store = SledStore::open(dir.path()).unwrap();
        store
            .append(id, &[declare(id), note(5, "written then")])
            .unwrap();
        store.force_schema_version(3).unwrap();
        store.records(id).unwrap()
    };
    assert!(
        records
            .iter()
            .all(|r| !String::from_utf8_lossy(r).contains("occurred_at")),
        "what the release wrote"
    );
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.records(id).unwrap(), records);
    for event in store.events(id).unwrap() {
        assert_eq!(event.occurred(), event.at);
        assert_eq!(event.logged_apart(), None);
    }
    drop(store);
    let db = sled::open(dir.path().join("db")).unwrap();
    let version = db.open_tree("meta").unwrap().get("schema_version").unwrap();
    assert_eq!(
        version.as_deref(),
        Some(SCHEMA_VERSION.to_string().as_bytes())
    );
}

/// A store written by the release before retractions undid their events (schema 4): its
/// index entries lack what a summary now keeps; opened by this one, each is recomputed
/// from its journal, and the journal's records are untouched byte for byte.
#[test]
fn a_schema_4_store_gets_its_summaries_recomputed_and_its_journal_untouched() {
    let dir = crate::store::private_tempdir();
    let id = IncidentId::new(false, 2026, 1);
    let records = {
        let store = SledStore::open(dir.path()).unwrap();
        let retract = NewEvent::new(
            t0() + TimeDelta::minutes(6),
            "bob",
            Change::Retracted {
                event: 2,
                reason: "wrong incident".into(),
            },
        );
        store
            .append(id, &[declare(id), note(5, "written then"), retract])
            .unwrap();
        store.force_schema_version(4).unwrap();
        store.records(id).unwrap()
    };
    {
        // The entry as the release wrote it: no `declared_as`, no `history`.
        let db = sled::open(dir.path().join("db")).unwrap();
        let tree = db.open_tree("incidents").unwrap();
        let raw = tree.get(id.to_string()).unwrap().unwrap();
        let mut entry: serde_json::Value = serde_json::from_slice(&raw).unwrap();
        let object = entry.as_object_mut().unwrap();
        object.remove("declared_as");
        object.remove("history");
        tree.insert(id.to_string(), serde_json::to_vec(&entry).unwrap())
            .unwrap();
        db.flush().unwrap();
    }
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.records(id).unwrap(), records);
    let summary = store.summary(id).unwrap().unwrap();
    assert_eq!(summary.declared_as.title, format!("incident {id}"));
    assert_eq!(summary.head.count, 3);
    assert_eq!(store.list().unwrap().len(), 1);
}

/// An event written after the fact keeps both times; one written as it happens keeps
/// one, and its record is what it would have been before.
#[test]
fn an_event_keeps_when_it_happened_apart_from_when_it_was_written() {
    let store = MemoryStore::new();
    let id = IncidentId::new(false, 2026, 1);
    store.append(id, &[declare(id)]).unwrap();
    let happened = t0() - TimeDelta::hours(3);
    let late = note(60, "logged late").happened(Some(happened));
    let now = note(61, "as it happened");
    let events = store.append(id, &[late, now]).unwrap();
    assert_eq!(events[0].occurred(), happened);
    assert_eq!(events[0].at, t0() + TimeDelta::minutes(60));
    assert_eq!(events[0].logged_apart(), Some(events[0].at));
    assert_eq!(events[1].occurred_at, None);
    let records = store.records(id).unwrap();
    assert!(String::from_utf8_lossy(&records[1]).contains("occurred_at"));
    assert!(!String::from_utf8_lossy(&records[2]).contains("occurred_at"));
}
