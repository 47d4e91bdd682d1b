//! Who an export is for, by TLP, and what it had to leave out. `--max-tlp` names the
//! most restrictive label the audience may receive: an item (an observable, a journal
//! event, the incident's title) whose own TLP ranks above it stays out, and is counted
//! so the command can say so. Without it, nothing is left out. The export is marked
//! with the most restrictive TLP among what it kept.

use crate::domain::Tlp;
use std::collections::BTreeMap;

/// What an export carries, for the count of what was left out. Affected assets and
/// attack steps have no TLP of their own: they go with the incident's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    Observable,
    JournalEvent,
    Asset,
    AttackStep,
    /// The incident's title and summary (the export then names it by its id only).
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Audience {
    max: Option<Tlp>,
}

impl Audience {
    /// `None`: everyone the export is handed to may see everything in it.
    pub fn new(max: Option<Tlp>) -> Self {
        Audience { max }
    }

    pub fn may_see(self, tlp: Tlp) -> bool {
        self.max.is_none_or(|max| tlp.rank() <= max.rank())
    }
}

/// What an export kept and left out, by item and TLP.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    left_out: BTreeMap<(Item, u8), (Tlp, usize)>,
    most_restrictive: Option<Tlp>,
}

impl Tally {
    /// Whether `audience` may see an item at `tlp`; counts it either way.
    pub fn admit(&mut self, audience: Audience, item: Item, tlp: Tlp) -> bool {
        if audience.may_see(tlp) {
            if self.most_restrictive.is_none_or(|m| tlp.rank() > m.rank()) {
                self.most_restrictive = Some(tlp);
            }
            true
        } else {
            self.left_out
                .entry((item, tlp.rank()))
                .or_insert((tlp, 0))
                .1 += 1;
            false
        }
    }

    /// What was left out: each kind of item, at each TLP, with how many.
    pub fn left_out(&self) -> Vec<(Item, Tlp, usize)> {
        self.left_out
            .iter()
            .map(|(&(item, _), &(tlp, n))| (item, tlp, n))
            .collect()
    }

    /// The marking of the whole export: the most restrictive TLP of what it kept
    /// (TLP:CLEAR when it kept nothing marked).
    pub fn marking(&self) -> Tlp {
        self.most_restrictive.unwrap_or(Tlp::Clear)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_audience_sees_up_to_its_label_and_the_rest_is_counted() {
        let green = Audience::new(Some(Tlp::Green));
        let mut tally = Tally::default();
        assert!(tally.admit(green, Item::Observable, Tlp::Clear));
        assert!(tally.admit(green, Item::Observable, Tlp::Green));
        assert!(!tally.admit(green, Item::Observable, Tlp::Red));
        assert!(!tally.admit(green, Item::Observable, Tlp::Red));
        assert!(!tally.admit(green, Item::JournalEvent, Tlp::Amber));
        assert_eq!(tally.marking(), Tlp::Green);
        assert_eq!(
            tally.left_out(),
            vec![
                (Item::Observable, Tlp::Red, 2),
                (Item::JournalEvent, Tlp::Amber, 1)
            ]
        );
    }

    #[test]
    fn without_a_label_nothing_is_left_out_and_red_marks_the_export() {
        let everyone = Audience::new(None);
        let mut tally = Tally::default();
        assert!(tally.admit(everyone, Item::Observable, Tlp::Red));
        assert!(tally.admit(everyone, Item::Title, Tlp::Amber));
        assert!(tally.left_out().is_empty());
        assert_eq!(tally.marking(), Tlp::Red);
        assert_eq!(Tally::default().marking(), Tlp::Clear);
    }
}
