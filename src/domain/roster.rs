//! An incident's roster: who may write to it, with which roles, and with which key.
//! It is kept in the incident's own journal (`MemberAdded`, `MemberRevoked`), so it
//! travels with the incident and says, for any event, which keys were allowed when it
//! was written. A member whose key changes is added again: the old key stays valid
//! for the events written before, the new one from then on.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    /// Writes to the incident (every responder).
    #[default]
    Write,
    /// Follows the incident, writes nothing (management, the wall).
    Read,
}

impl Access {
    pub const ALL: [Access; 2] = [Access::Write, Access::Read];

    pub fn slug(self) -> &'static str {
        match self {
            Access::Write => "write",
            Access::Read => "read",
        }
    }
}

crate::closed_list_by_slug!(Access => "access");

/// A member as added: who, how to reach them, what they may do, their key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Short, unique in the roster, shown on every journal line (`alex`).
    pub handle: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Role ids of the configuration (`commander`, `it`, `dpo`…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(default)]
    pub access: Access,
    /// The public key that signs their events, in OpenSSH form, without comment.
    pub public_key: String,
    /// Their login on a shared host, by which the kernel names their connections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unix_user: Option<String>,
}

/// A member and what the journal says of them: added when and by whom, revoked if so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterEntry {
    pub member: Member,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
    /// The journal event that added them.
    pub added_in: u64,
    pub revoked: Option<Revocation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revocation {
    pub at: DateTime<Utc>,
    pub by: String,
    pub reason: String,
    /// The journal event that revoked them (or replaced their key).
    pub event: u64,
}

impl RosterEntry {
    pub fn is_active(&self) -> bool {
        self.revoked.is_none()
    }
}

/// Every member the incident has had, in the order added.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Roster {
    pub entries: Vec<RosterEntry>,
}

impl Roster {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The members who may act now, in the order added.
    pub fn active(&self) -> impl Iterator<Item = &RosterEntry> {
        self.entries.iter().filter(|e| e.is_active())
    }

    /// The active member with this handle (handles are compared as typed: they are
    /// lowercase by rule).
    pub fn member(&self, handle: &str) -> Option<&RosterEntry> {
        self.active().find(|e| e.member.handle == handle)
    }

    /// The active member whose key this is.
    pub fn by_key(&self, public_key: &str) -> Option<&RosterEntry> {
        self.active().find(|e| e.member.public_key == public_key)
    }

    /// The active members who log in as `user` on this host (several when a team
    /// shares one account).
    pub fn logging_in_as<'a, 'u>(&'a self, user: &'u str) -> impl Iterator<Item = &'a Member> + 'u
    where
        'a: 'u,
    {
        self.active()
            .map(|e| &e.member)
            .filter(move |m| m.unix_user.as_deref() == Some(user))
    }

    /// Folds one event of the journal: only additions and revocations change the
    /// roster (what `IncidentState` does with them, for readers who need no more).
    pub fn apply(&mut self, event: &super::Event) {
        let (at, by) = (event.occurred(), event.author.as_str());
        match &event.change {
            super::Change::MemberAdded { member } => self.add(member, at, by, event.id),
            super::Change::MemberRevoked { handle, reason } => {
                self.revoke(handle, reason, at, by, event.id);
            }
            _ => {}
        }
    }

    /// Adds a member; one with the same handle already active is replaced (a new key,
    /// new roles): its entry is closed by this event, so its key signs no later event.
    pub fn add(&mut self, member: &Member, at: DateTime<Utc>, by: &str, event: u64) {
        self.close(&member.handle, at, by, "", event);
        self.entries.push(RosterEntry {
            member: member.clone(),
            added_at: at,
            added_by: by.to_string(),
            added_in: event,
            revoked: None,
        });
    }

    /// Revokes the active member with this handle, if any.
    pub fn revoke(&mut self, handle: &str, reason: &str, at: DateTime<Utc>, by: &str, event: u64) {
        self.close(handle, at, by, reason, event);
    }

    fn close(&mut self, handle: &str, at: DateTime<Utc>, by: &str, reason: &str, event: u64) {
        for entry in self
            .entries
            .iter_mut()
            .filter(|e| e.is_active() && e.member.handle == handle)
        {
            entry.revoked = Some(Revocation {
                at,
                by: by.to_string(),
                reason: reason.to_string(),
                event,
            });
        }
    }

    /// Whether journal event `event` added or revoked a member (such events are not
    /// retracted: see `effective::may_be_retracted`).
    pub fn changed_by(&self, event: u64) -> bool {
        self.entries
            .iter()
            .any(|e| e.added_in == event || e.revoked.as_ref().is_some_and(|r| r.event == event))
    }

    /// Whether `public_key` was a member's key when journal event `event` was written:
    /// added by an earlier event, and not revoked or replaced before it.
    pub fn allowed_at(&self, public_key: &str, event: u64) -> Option<&RosterEntry> {
        self.entries.iter().find(|e| {
            e.member.public_key == public_key
                && e.added_in < event
                && e.revoked.as_ref().is_none_or(|r| event < r.event)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(handle: &str, key: &str) -> Member {
        Member {
            handle: handle.into(),
            name: handle.to_uppercase(),
            email: None,
            roles: vec![],
            access: Access::Write,
            public_key: key.into(),
            unix_user: Some(format!("u-{handle}")),
        }
    }

    fn t(minute: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 12, 5, 10, minute, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn a_key_signs_from_the_event_after_it_was_added_until_it_is_replaced_or_revoked() {
        let mut roster = Roster::default();
        roster.add(&member("alex", "K1"), t(0), "alex", 2);
        roster.add(&member("sam", "K2"), t(1), "alex", 3);
        // Alex's key changes at event 10; Sam is revoked at event 12.
        roster.add(&member("alex", "K3"), t(2), "alex", 10);
        roster.revoke("sam", "left the team", t(3), "alex", 12);
        assert!(
            roster.allowed_at("K1", 2).is_none(),
            "not before it is added"
        );
        assert!(roster.allowed_at("K1", 3).is_some());
        assert!(roster.allowed_at("K1", 9).is_some());
        assert!(roster.allowed_at("K1", 10).is_none(), "replaced by K3");
        assert!(roster.allowed_at("K3", 11).is_some());
        assert!(roster.allowed_at("K2", 11).is_some());
        assert!(roster.allowed_at("K2", 12).is_none(), "revoked");
        assert!(roster.allowed_at("K9", 5).is_none(), "never a member's");
        assert_eq!(roster.active().count(), 1);
        assert_eq!(
            roster.member("alex").map(|e| e.member.public_key.as_str()),
            Some("K3")
        );
        assert!(roster.member("sam").is_none());
        assert_eq!(
            roster
                .logging_in_as("u-alex")
                .map(|m| m.public_key.as_str())
                .collect::<Vec<_>>(),
            ["K3"]
        );
        assert!(roster.by_key("K1").is_none());
        let sam = &roster.entries[1];
        assert_eq!(
            sam.revoked.as_ref().map(|r| r.reason.as_str()),
            Some("left the team")
        );
    }
}
