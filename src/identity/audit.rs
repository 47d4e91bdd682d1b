//! Whose each event is: its signature checked against the roster of its incident as it
//! stood when the event was written (`warroom verify`). The rules:
//!
//! - an event with neither a signature nor the `unsigned` mark, before the first event
//!   that has one of them, was written before signing existed: named as such, not a
//!   failure; after it, a missing signature is a failure;
//! - `unsigned` events were written so on purpose (`--unsigned`): named, not failures;
//! - a signature must verify over the event's signed body, with the key of a member
//!   the roster allowed at that event (`Roster::allowed_at`), and the event's author
//!   must be that member's handle;
//! - until the roster has its first member, events may only be signed by the key that
//!   first member will have (the declaring operator, added in the declaration's own
//!   write), so a journal founded by one key cannot be claimed by another.

use super::sshsig::{self, BadSignature};
use crate::domain::{Change, Event, IncidentId, Roster};

/// What was found of one event's authorship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seal {
    /// Signed by the member with this handle, who could sign then.
    Signed { handle: String },
    /// Written before signing existed in this journal.
    BeforeSigning,
    /// Written unsigned, on purpose.
    UnsignedOnPurpose,
    /// No signature where one is due.
    Missing,
    /// A valid signature by a key the roster did not allow for this event.
    NotOnRoster { fingerprint: String },
    /// A valid signature by a member, on an event that names someone else as author.
    AuthorMismatch { signed_by: String },
    /// The signature does not hold.
    Bad(BadSignature),
}

impl Seal {
    /// A failure `verify` reports (and exits non-zero for).
    pub fn fails(&self) -> bool {
        matches!(
            self,
            Seal::Missing | Seal::NotOnRoster { .. } | Seal::AuthorMismatch { .. } | Seal::Bad(_)
        )
    }
}

/// Each event's seal, in order.
pub fn audit(incident: &IncidentId, events: &[Event]) -> Vec<(u64, Seal)> {
    let signing_from = events
        .iter()
        .position(|e| e.signature.is_some() || e.unsigned)
        .unwrap_or(events.len());
    let founder_key = events.iter().find_map(|e| match &e.change {
        Change::MemberAdded { member } => Some(member.public_key.clone()),
        _ => None,
    });
    let mut roster = Roster::default();
    let mut seals = Vec::with_capacity(events.len());
    for (n, event) in events.iter().enumerate() {
        let seal = match (&event.signature, event.unsigned) {
            (None, true) => Seal::UnsignedOnPurpose,
            (None, false) if n < signing_from => Seal::BeforeSigning,
            (None, false) => Seal::Missing,
            (Some(armored), _) => {
                checked(incident, event, armored, &roster, founder_key.as_deref())
            }
        };
        seals.push((event.id, seal));
        match &event.change {
            Change::MemberAdded { member } => roster.add(member, event.at, &event.author, event.id),
            Change::MemberRevoked { handle, reason } => {
                roster.revoke(handle, reason, event.at, &event.author, event.id);
            }
            _ => {}
        }
    }
    seals
}

fn checked(
    incident: &IncidentId,
    event: &Event,
    armored: &str,
    roster: &Roster,
    founder_key: Option<&str>,
) -> Seal {
    let key = match sshsig::signer_key(armored) {
        Ok(key) => key,
        Err(why) => return Seal::Bad(why),
    };
    if let Err(why) = sshsig::verify(&key, &event.signed_body(incident), armored) {
        return Seal::Bad(why);
    }
    let fingerprint = || sshsig::fingerprint(&key).unwrap_or_default();
    if roster.is_empty() {
        // Before the roster is founded: only its founder's key.
        return match founder_key {
            Some(founder) if founder == key => Seal::Signed {
                handle: event.author.clone(),
            },
            _ => Seal::NotOnRoster {
                fingerprint: fingerprint(),
            },
        };
    }
    match roster.allowed_at(&key, event.id) {
        Some(entry) if entry.member.handle == event.author => Seal::Signed {
            handle: entry.member.handle.clone(),
        },
        Some(entry) => Seal::AuthorMismatch {
            signed_by: entry.member.handle.clone(),
        },
        None => Seal::NotOnRoster {
            fingerprint: fingerprint(),
        },
    }
}
