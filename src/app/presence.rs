//! Who has a dashboard or wall open on this store now: the owner's operator and each
//! follower, as the owner saw them connect (the kernel's login, the handle their
//! dashboard said, since when). Shown in the Incident pane, counted on the wall.

use crate::domain::{Member, Roster};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Present {
    /// The login the kernel gave (`SO_PEERCRED`), or `uid N` when it has no name.
    pub login: String,
    /// The handle their dashboard said: a claim, believed only where the roster gives
    /// that handle to that login.
    pub handle: Option<String>,
    /// A wall (the shared screen), not a person at a keyboard.
    pub wall: bool,
    pub since: DateTime<Utc>,
}

impl Present {
    /// The roster member this is: the one with the handle said and this login, else
    /// the only member with this login.
    pub fn member<'a>(&self, roster: &'a Roster) -> Option<&'a Member> {
        let claimed = self.handle.as_deref();
        let all: Vec<&'a Member> = roster.logging_in_as(&self.login).collect();
        all.iter()
            .find(|m| Some(m.handle.as_str()) == claimed)
            .or(match all.as_slice() {
                [only] => Some(only),
                _ => None,
            })
            .copied()
    }

    /// The name to show: the member's handle where the roster says who this is, the
    /// handle said where the incident has no roster (nothing to check it against),
    /// else the login.
    pub fn shown(&self, roster: &Roster) -> String {
        match self.member(roster) {
            Some(member) => member.handle.clone(),
            None if roster.is_empty() => self.handle.clone().unwrap_or_else(|| self.login.clone()),
            None => self.login.clone(),
        }
    }
}

/// One person (or the walls) present, on however many screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gathered<'a> {
    /// The name shown (see [`Present::shown`]); for walls, empty.
    pub name: String,
    pub wall: bool,
    /// Their roster entry, when the roster says who they are.
    pub member: Option<&'a Member>,
    /// How many dashboards (or walls) they have open.
    pub screens: usize,
    /// Since when the first of them.
    pub since: DateTime<Utc>,
}

/// Those present, each person once and the walls together, in the order they came.
pub fn gathered<'a>(present: &[Present], roster: &'a Roster) -> Vec<Gathered<'a>> {
    let mut all: Vec<Gathered<'a>> = Vec::new();
    for p in present {
        let name = if p.wall {
            String::new()
        } else {
            p.shown(roster)
        };
        match all.iter_mut().find(|g| g.wall == p.wall && g.name == name) {
            Some(g) => {
                g.screens += 1;
                g.since = g.since.min(p.since);
            }
            None => all.push(Gathered {
                member: if p.wall { None } else { p.member(roster) },
                name,
                wall: p.wall,
                screens: 1,
                since: p.since,
            }),
        }
    }
    all
}

/// The people present (walls not counted), each once.
pub fn responders(present: &[Present], roster: &Roster) -> usize {
    gathered(present, roster).iter().filter(|g| !g.wall).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Access;

    fn member(handle: &str, login: &str) -> Member {
        Member {
            handle: handle.into(),
            name: handle.into(),
            email: None,
            roles: vec!["it-lead".into()],
            access: Access::Write,
            public_key: format!("K-{handle}"),
            unix_user: Some(login.into()),
        }
    }

    fn present(login: &str, handle: Option<&str>, wall: bool) -> Present {
        Present {
            login: login.into(),
            handle: handle.map(str::to_string),
            wall,
            since: DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_roster_says_who_is_present_and_a_claim_alone_is_not_believed() {
        let mut roster = Roster::default();
        // Nothing to check against: the handle said.
        assert_eq!(present("u1", Some("alex"), false).shown(&roster), "alex");
        roster.add(&member("alex", "u1"), DateTime::UNIX_EPOCH, "x", 1);
        roster.add(&member("sam", "ir"), DateTime::UNIX_EPOCH, "x", 2);
        roster.add(&member("kim", "ir"), DateTime::UNIX_EPOCH, "x", 3);
        // The login's only member, whatever was said.
        assert_eq!(present("u1", Some("ceo"), false).shown(&roster), "alex");
        // A shared login: the handle said picks among its members.
        assert_eq!(present("ir", Some("kim"), false).shown(&roster), "kim");
        assert_eq!(present("ir", Some("alex"), false).shown(&roster), "ir");
        // A login off the roster is shown as the login.
        assert_eq!(present("eve", Some("alex"), false).shown(&roster), "eve");
        let here = [
            present("u1", Some("alex"), false),
            present("u1", Some("alex"), true),
            present("ir", Some("kim"), false),
            present("u1", Some("alex"), false),
        ];
        assert_eq!(
            responders(&here, &roster),
            2,
            "walls not counted, alex once"
        );
        let all = gathered(&here, &roster);
        assert_eq!(all.len(), 3);
        assert_eq!((all[0].name.as_str(), all[0].screens), ("alex", 2));
        assert!(all[1].wall && all[1].member.is_none());
        assert_eq!(all[2].member.map(|m| m.handle.as_str()), Some("kim"));
    }
}
