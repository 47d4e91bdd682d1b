//! Who wrote a write to an incident that has a roster: the member the kernel names,
//! never a name the writer sent. The owner applies it to every client's write (the uid
//! from `SO_PEERCRED`); a command or dashboard owning the store applies it to its own
//! (its own uid), so closing the dashboard opens no way around it.

use crate::domain::{Access, Member, Roster};
use crate::store::{Problem, Store, StoreError};
use std::collections::HashMap;
use std::sync::Mutex;

/// The author of a write to an incident with a roster is who the kernel says
/// connected (`SO_PEERCRED`: uid → login → the member with that login), never a name
/// the client sent: a client naming someone else is recorded under its real identity.
/// Where several members share a login (one `ir` account for the team), a signed
/// write's key says which of them; an unsigned one is refused, as is a write signed
/// with a key none of the login's members holds, a login no member has, and a
/// read-only member. An incident without a roster yet (declared before identities, or
/// being declared) takes the write as sent. For one write (a command owning the store);
/// an owner serving many keeps [`Rosters`].
pub fn authored(
    store: &dyn Store,
    id: crate::domain::IncidentId,
    batch: &mut [crate::store::NewEvent],
    uid: u32,
) -> Result<(), StoreError> {
    Rosters::default().authored(store, id, batch, uid)
}

/// The rosters of the incidents written to, each folded on from the events it had
/// when last asked: an owner checks every write against its incident's roster without
/// reading the whole journal each time.
#[derive(Default)]
pub struct Rosters {
    known: Mutex<HashMap<crate::domain::IncidentId, (u64, Roster)>>,
}

impl Rosters {
    /// [`authored`], with the roster as the journal stands now.
    pub fn authored(
        &self,
        store: &dyn Store,
        id: crate::domain::IncidentId,
        batch: &mut [crate::store::NewEvent],
        uid: u32,
    ) -> Result<(), StoreError> {
        let mut known = self.known.lock().map_err(|_| StoreError::Internal)?;
        let (seen, roster) = known.entry(id).or_default();
        let new = match store.events_after(id, *seen) {
            Ok(new) => new,
            // A declaration, or an incident the append itself will say is unknown.
            Err(StoreError::UnknownIncident(_)) => return Ok(()),
            Err(e) => return Err(e),
        };
        for event in &new {
            roster.apply(event);
        }
        *seen += new.len() as u64;
        ruled(roster, id, batch, uid)
    }
}

/// The roster's rule applied to a batch (see [`authored`]).
fn ruled(
    roster: &Roster,
    id: crate::domain::IncidentId,
    batch: &mut [crate::store::NewEvent],
    uid: u32,
) -> Result<(), StoreError> {
    if roster.is_empty() {
        return Ok(());
    }
    let refused = |problem| StoreError::Rejected { id, problem };
    // Nothing is written unsigned without its writer saying so (`--unsigned`).
    if batch.iter().any(|e| e.signature.is_none() && !e.unsigned) {
        return Err(refused(Problem::UnsignedUnsaid));
    }
    let login = crate::identity::login::login_of(uid).unwrap_or_else(|| format!("uid {uid}"));
    let members: Vec<&Member> = roster.logging_in_as(&login).collect();
    if members.is_empty() {
        return Err(refused(Problem::NotOnRoster { login, uid }));
    }
    for event in batch {
        let member = match &event.signature {
            Some(signature) => {
                let key = crate::identity::sshsig::signer_key(signature).ok();
                members
                    .iter()
                    .find(|member| key.as_deref() == Some(member.public_key.as_str()))
                    .ok_or_else(|| {
                        refused(Problem::SignedAsAnother {
                            login: login.clone(),
                        })
                    })?
            }
            None => match members.as_slice() {
                [only] => only,
                _ => {
                    return Err(refused(Problem::SharedLoginUnsigned {
                        login: login.clone(),
                    }));
                }
            },
        };
        if member.access == Access::Read {
            return Err(refused(Problem::ReadOnlyMember {
                handle: member.handle.clone(),
            }));
        }
        event.author.clone_from(&member.handle);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Change;
    use crate::store::{MemoryStore, NewEvent, Problem};

    fn member(handle: &str, login: &str, access: Access) -> Change {
        Change::MemberAdded {
            member: Member {
                handle: handle.into(),
                name: handle.into(),
                email: None,
                roles: vec![],
                access,
                public_key: format!("ssh-ed25519 {handle}"),
                unix_user: Some(login.into()),
            },
        }
    }

    /// A note written unsigned on purpose (`--unsigned`).
    fn note(author: &str) -> NewEvent {
        let mut note = NewEvent::new(
            chrono::Utc::now(),
            author,
            Change::NoteAdded { text: "x".into() },
        );
        note.unsigned = true;
        note
    }

    #[test]
    fn the_kernels_user_is_the_author_and_read_only_members_do_not_write() -> Result<(), StoreError>
    {
        let store = MemoryStore::new();
        let id: crate::domain::IncidentId =
            "IR-2026-0001".parse().map_err(|_| StoreError::Internal)?;
        store.append(id, &[crate::store::conformance::declare(id)])?;
        // No roster: as sent.
        let mut batch = vec![note("anyone")];
        assert!(authored(&store, id, &mut batch, 0).is_ok());
        assert_eq!(batch[0].author, "anyone");
        // uid 0 is root's: root's member is the author, whatever the client said.
        let added = NewEvent::new(
            chrono::Utc::now(),
            "x",
            member("ops", "root", Access::Write),
        );
        store.append(id, &[added])?;
        let mut batch = vec![note("ceo")];
        assert!(authored(&store, id, &mut batch, 0).is_ok());
        assert_eq!(batch[0].author, "ops");
        // Neither signed nor said to be unsigned: refused, whoever sends it.
        let mut unsaid = note("ops");
        unsaid.unsigned = false;
        assert!(matches!(
            authored(&store, id, &mut [unsaid], 0),
            Err(StoreError::Rejected {
                problem: Problem::UnsignedUnsaid,
                ..
            })
        ));
        // A uid no member logs in as.
        let refused = authored(&store, id, &mut [note("ops")], 4_000_000_000);
        assert!(matches!(
            refused,
            Err(StoreError::Rejected {
                problem: Problem::NotOnRoster {
                    uid: 4_000_000_000,
                    ..
                },
                ..
            })
        ));
        // Root's entry made read-only: follows, writes nothing.
        let added = NewEvent::new(chrono::Utc::now(), "x", member("ops", "root", Access::Read));
        store.append(id, &[added])?;
        let refused = authored(&store, id, &mut [note("ops")], 0);
        assert!(matches!(
            refused,
            Err(StoreError::Rejected {
                problem: Problem::ReadOnlyMember { .. },
                ..
            })
        ));
        Ok(())
    }

    /// A signed write with a key of its own: `(public key, signer)`.
    fn key(dir: &std::path::Path, name: &str) -> (String, crate::identity::Signer) {
        let path = dir.join(name);
        let public = crate::identity::key::generate(&path, name).unwrap_or_default();
        let signer = crate::identity::Signer::open(
            &crate::identity::KeySource::File(path),
            std::time::Duration::from_secs(5),
        );
        (public, signer.unwrap_or_else(|e| panic!("{}", e.said())))
    }

    #[test]
    fn on_a_shared_login_the_key_says_who_and_unsigned_writes_are_refused() -> Result<(), StoreError>
    {
        let dir = tempfile::tempdir().map_err(|_| StoreError::Internal)?;
        let store = MemoryStore::new();
        let id: crate::domain::IncidentId =
            "IR-2026-0001".parse().map_err(|_| StoreError::Internal)?;
        store.append(id, &[crate::store::conformance::declare(id)])?;
        let (ana_key, mut ana) = key(dir.path(), "ana");
        let (bo_key, _) = key(dir.path(), "bo");
        let (_, mut stranger) = key(dir.path(), "stranger");
        for (handle, public) in [("ana", &ana_key), ("bo", &bo_key)] {
            let mut change = member(handle, "root", Access::Write);
            if let Change::MemberAdded { member } = &mut change {
                member.public_key.clone_from(public);
            }
            store.append(id, &[NewEvent::new(chrono::Utc::now(), "x", change)])?;
        }
        let signed = |signer: &mut crate::identity::Signer| {
            let mut new = note("bo");
            new.unsigned = false;
            new.signature = signer.sign(&new.signed_body(&id)).ok();
            new
        };
        // Root is ana and bo: ana's key says it is ana, whatever the write names.
        let mut batch = vec![signed(&mut ana)];
        authored(&store, id, &mut batch, 0)?;
        assert_eq!(batch[0].author, "ana");
        let refused = |batch: &mut [NewEvent]| match authored(&store, id, batch, 0) {
            Err(StoreError::Rejected { problem, .. }) => Some(problem),
            _ => None,
        };
        assert!(matches!(
            refused(&mut [note("bo")]),
            Some(Problem::SharedLoginUnsigned { .. })
        ));
        assert!(matches!(
            refused(&mut [signed(&mut stranger)]),
            Some(Problem::SignedAsAnother { .. })
        ));
        Ok(())
    }
}
