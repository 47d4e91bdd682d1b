//! `warroom verify`: each journal's hash chain checked against the head its index
//! entry recorded. A journal that does not read, or not to its end, is read past its
//! damage in the raw bytes of its files (see `store::salvage`): the first event that
//! cannot be trusted is named, and what can still be read after it is said. Then each
//! event's signature is checked against the incident's roster (`identity::audit`):
//! events unsigned, signed by a key not on the roster, or whose signature fails are
//! named.

use super::{Failure, Outcome};
use crate::domain::{IncidentId, verify_chain};
use crate::store::salvage::Found;
use crate::store::{Store, StoreError, kept_folders};
use crate::text;

pub fn verify(store: &dyn Store, id: Option<IncidentId>) -> Outcome {
    let ids = match id {
        Some(id) => vec![id],
        None => {
            for id in store.reindex_unlisted()? {
                outln!("{}", text::cli_reindexed(id));
            }
            store.list()?.into_iter().map(|s| s.id).collect()
        }
    };
    if let Some(when) = store.index_rebuilt_at()? {
        outln!("{}", text::cli_index_was_rebuilt(&when));
    }
    let mut broken = 0;
    for id in ids {
        let summary = store.summary(id)?.ok_or(StoreError::UnknownIncident(id))?;
        // One unreadable incident is reported and the others still checked.
        let checked = store
            .records(id)
            .map_err(|e| text::cli_unreadable(id, &text::store_error(&e)))
            .and_then(|records| {
                verify_chain(records.iter().map(Vec::as_slice), Some(&summary.head.hash))
                    .map_err(|e| text::cli_broken(id, e))
            });
        match checked {
            Ok(head) => {
                outln!("{}", text::cli_verified(id, head.count, &head.hash));
                store.verified(id)?;
                if !signatures_hold(id, &store.events(id)?) {
                    broken += 1;
                }
            }
            Err(why) => {
                broken += 1;
                outln!("{why}");
                if let Some(dir) = store.directory() {
                    read_past_the_damage(dir, id, &summary.head);
                }
            }
        }
    }
    if broken > 0 {
        return Err(Failure::Failed(text::cli_failed_verification(broken)));
    }
    Ok(())
}

/// `verify ID --event N --out DIR`: the bytes event N's author signed and the
/// signature, as files `ssh-keygen -Y verify` reads.
pub fn extract(store: &dyn Store, id: IncidentId, event: u64, out: &std::path::Path) -> Outcome {
    let events = store.events(id)?;
    let Some(found) = events.iter().find(|e| e.id == event) else {
        return Err(Failure::Failed(text::cli_unknown_event(
            id,
            event,
            events.len() as u64,
        )));
    };
    let Some(signature) = &found.signature else {
        return Err(Failure::Failed(text::cli_no_signature_to_extract(
            id, event,
        )));
    };
    let body = out.join(format!("{id}-{event}.body"));
    let sig = out.join(format!("{id}-{event}.sig"));
    for (path, bytes) in [
        (&body, found.signed_body(&id)),
        (&sig, signature.as_bytes().to_vec()),
    ] {
        crate::files::write_atomically(path, &bytes).map_err(|e| {
            Failure::Failed(text::failure(&crate::failure::Failure::writing(path, e)))
        })?;
    }
    let key = crate::identity::sshsig::signer_key(signature).unwrap_or_default();
    let fingerprint = crate::identity::fingerprint(&key).unwrap_or_default();
    outln!(
        "{}",
        crate::ui::format::safe(&text::cli_extracted(
            &body.display().to_string(),
            &sig.display().to_string(),
            &fingerprint,
            &found.author,
        ))
    );
    Ok(())
}

/// Says whose each event is; false when a signature is missing, fails, or is by a
/// key the roster did not allow.
fn signatures_hold(id: IncidentId, events: &[crate::domain::Event]) -> bool {
    use crate::identity::Seal;
    let seals = crate::identity::audit(&id, events);
    let mut signed: Vec<(String, usize)> = Vec::new();
    let mut before = Vec::new();
    for (_, seal) in &seals {
        match seal {
            Seal::Signed { handle } => match signed.iter_mut().find(|(h, _)| h == handle) {
                Some((_, n)) => *n += 1,
                None => signed.push((handle.clone(), 1)),
            },
            Seal::BeforeSigning => before.push(()),
            _ => {}
        }
    }
    let by: Vec<String> = signed.iter().map(|(h, n)| format!("{h} {n}")).collect();
    let total: usize = signed.iter().map(|(_, n)| n).sum();
    outln!(
        "    {}",
        crate::ui::format::safe(&text::cli_signatures(total, &by.join(", "), before.len()))
    );
    // Events before signing are one range: they open the journal.
    if let (Some(first), Some(last)) = (
        seals.iter().find(|(_, s)| *s == Seal::BeforeSigning),
        seals.iter().rev().find(|(_, s)| *s == Seal::BeforeSigning),
    ) {
        outln!("    {}", text::cli_before_signing(first.0, last.0));
    }
    let mut hold = true;
    for (event, seal) in &seals {
        let line = match seal {
            Seal::Signed { .. } | Seal::BeforeSigning => continue,
            Seal::UnsignedOnPurpose => text::cli_unsigned_on_purpose(*event),
            Seal::Missing => text::cli_signature_missing(*event),
            Seal::NotOnRoster { fingerprint } => text::cli_not_on_roster_key(*event, fingerprint),
            Seal::AuthorMismatch { signed_by } => text::cli_author_mismatch(*event, signed_by),
            Seal::Bad(why) => text::cli_bad_signature(*event, &why.said()),
        };
        hold &= !seal.fails();
        outln!("    {}", crate::ui::format::safe(&line));
    }
    hold
}

/// Says what the raw files of a damaged journal still hold.
fn read_past_the_damage(dir: &std::path::Path, id: IncidentId, head: &crate::domain::ChainHead) {
    let folder = dir.join("journals").join(id.to_string());
    let kept = kept_folders(&folder);
    let mut found = Found::of(id);
    found.scan_folder(&folder);
    for k in &kept {
        found.scan_folder(k);
    }
    let chain = found.chain(Some(head));
    if let Some(bad) = chain.first_bad() {
        outln!("    {}", text::cli_first_bad(bad));
    }
    if chain.readable_from_start > 0 {
        outln!(
            "    {}",
            text::cli_readable_from_start(chain.readable_from_start)
        );
    }
    match chain.linked_to_head_from {
        Some(from) if chain.records.is_none() => {
            outln!("    {}", text::cli_readable_to_head(from, chain.end));
        }
        Some(_) => outln!("    {}", text::cli_all_readable_repair()),
        None => outln!("    {}", text::cli_nothing_past_it()),
    }
    for k in kept {
        outln!("    {}", text::cli_kept_as_found(&k.display().to_string()));
    }
}
