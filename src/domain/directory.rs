//! The directory the Contacts pane lists, and the escalation plan computed from it for
//! an incident: who should have been alerted, who has been reached, who to call next.

use super::{Change, Contact, ContactOutcome, Event, Flag, IncidentState, Severity};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Contacts in the order the pane lists them: the organisation's own (config), those
/// added from the dashboard, then the public directory. A contact saved from the
/// dashboard with the id of another replaces it in place.
pub fn build(own: Vec<Contact>, saved: &[Event], public: &[Contact]) -> Vec<Contact> {
    let mut all = own;
    all.extend(public.iter().cloned());
    for event in saved {
        match &event.change {
            Change::ContactSaved { contact } => {
                let key = contact.key();
                match all.iter().position(|c| c.key() == key) {
                    Some(i) => all[i] = contact.clone(),
                    // New entries go after the organisation's own, before the public ones.
                    None => {
                        let at = all.len() - public.len().min(all.len());
                        all.insert(at, contact.clone());
                    }
                }
            }
            // Checked and right: the latest day counts.
            Change::ContactVerified { id, on } => {
                if let Some(c) = all.iter_mut().find(|c| c.key() == *id) {
                    c.verified = true;
                    c.checked = c.checked.max(Some(*on));
                }
            }
            _ => {}
        }
    }
    all
}

/// An id for a *new* contact: `wanted` when no entry of `directory` (config, public or
/// saved) has it, else the first free `wanted-2`, `wanted-3`, … A new contact never
/// takes over an existing entry; only an edit saves under an id already there.
pub fn free_contact_id(wanted: &str, directory: &[Contact]) -> String {
    let wanted = match wanted.trim() {
        "" => "contact",
        w => w,
    };
    let taken = |id: &str| directory.iter().any(|c| c.key() == id);
    if !taken(wanted) {
        return wanted.to_string();
    }
    (2u64..)
        .map(|n| format!("{wanted}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| wanted.to_string())
}

/// One rule of the escalation plan: from this severity, alert these roles, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalationRule {
    pub from_severity: u8,
    pub roles: Vec<String>,
    /// Only when personal data is involved (flag set or scope).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    PersonalData,
}

/// Where one role of the plan stands for the incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum StepStatus {
    Reached {
        contact: String,
        at: DateTime<Utc>,
    },
    /// Tried without reaching anyone yet; the last outcome.
    Tried {
        attempts: usize,
        last: ContactOutcome,
        at: DateTime<Utc>,
    },
    ToCall,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EscalationStep {
    pub role: String,
    /// Ids of the directory entries covering the role, best first.
    pub contacts: Vec<String>,
    #[serde(flatten)]
    pub status: StepStatus,
}

impl EscalationStep {
    pub fn reached(&self) -> bool {
        matches!(self.status, StepStatus::Reached { .. })
    }
}

/// The roles the incident calls for, in order, with their status. Steps not reached
/// come first (the next to call on top), then those reached, each group in plan order.
pub fn escalation(
    rules: &[EscalationRule],
    state: &IncidentState,
    directory: &[Contact],
) -> Vec<EscalationStep> {
    let personal =
        state.scope.personal_data || state.clock_facts.flags.contains_key(&Flag::PersonalData);
    let level = state.severity.level();
    let mut roles: Vec<&String> = Vec::new();
    for rule in rules {
        let applies = level >= rule.from_severity
            && match rule.when {
                Some(Condition::PersonalData) => personal,
                None => true,
            };
        if applies {
            for role in &rule.roles {
                if !roles.contains(&role) {
                    roles.push(role);
                }
            }
        }
    }
    let mut steps: Vec<EscalationStep> = roles
        .into_iter()
        .map(|role| {
            let covering: Vec<&Contact> = directory.iter().filter(|c| c.covers(role)).collect();
            let ids: Vec<String> = covering.iter().map(|c| c.key()).collect();
            let attempts: Vec<_> = state
                .contact_attempts
                .iter()
                .filter(|a| a.contact_id.as_ref().is_some_and(|id| ids.contains(id)))
                .collect();
            // An alert sent to the retainer (key `a`) counts as reaching it.
            let alerted = state
                .retainer_alert
                .as_ref()
                .filter(|_| role == "retainer-csirt")
                .map(|a| (a.retainer.clone(), a.at));
            let reached = attempts
                .iter()
                .find(|a| a.outcome == ContactOutcome::Reached)
                .map(|a| (a.contact.clone(), a.at))
                .or(alerted);
            let status = match reached {
                Some((contact, at)) => StepStatus::Reached { contact, at },
                None => match attempts.last() {
                    Some(last) => StepStatus::Tried {
                        attempts: attempts.len(),
                        last: last.outcome,
                        at: last.at,
                    },
                    None => StepStatus::ToCall,
                },
            };
            EscalationStep {
                role: role.clone(),
                contacts: ids,
                status,
            }
        })
        .collect();
    // Stable: plan order kept within each group.
    steps.sort_by_key(EscalationStep::reached);
    steps
}

/// The severity a rule starts at, for display.
pub fn severity_of(level: u8) -> Option<Severity> {
    Severity::ALL.into_iter().find(|s| s.level() == level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Category, ChainHead, Declaration, EntityFlags, IncidentId, Scope, Tlp, fold,
    };
    use chrono::TimeDelta;

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-28T14:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn person(id: &str, roles: &[&str]) -> Contact {
        Contact {
            id: id.into(),
            name: id.to_uppercase(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            ..Contact::default()
        }
    }

    #[test]
    fn a_new_contact_gets_a_free_id_instead_of_an_existing_one() {
        let directory = vec![
            person("cnil", &[]),
            person("cnil-2", &[]),
            person("dpo", &[]),
        ];
        assert_eq!(free_contact_id("cnil", &directory), "cnil-3");
        assert_eq!(free_contact_id("dpo", &directory), "dpo-2");
        assert_eq!(free_contact_id("zoé", &directory), "zoé");
        // An entry without id is known by the slug of its name.
        let unnamed = Contact {
            name: "Press Office".into(),
            ..Contact::default()
        };
        assert_eq!(
            free_contact_id("press-office", &[unnamed]),
            "press-office-2"
        );
    }

    fn rules() -> Vec<EscalationRule> {
        let rule = |from, roles: &[&str], when| EscalationRule {
            from_severity: from,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            when,
        };
        vec![
            rule(1, &["point-of-contact"], None),
            rule(3, &["management", "retainer-csirt"], None),
            rule(3, &["dpo"], Some(Condition::PersonalData)),
            rule(4, &["insurer"], None),
        ]
    }

    fn incident(severity: Severity, personal: bool, changes: Vec<Change>) -> IncidentState {
        let declaration = Declaration {
            id: IncidentId::new(false, 2026, 1),
            title: "t".into(),
            severity,
            category: Category::Other,
            tlp: Tlp::Amber,
            detected_at: None,
            commander: None,
            scope: Scope {
                personal_data: personal,
                ..Scope::default()
            },
            summary: String::new(),
            exercise: false,
            phases: vec![],
            checklist: vec![],
            phase_model: None,
            playbook: None,
            clocks: vec![],
            entity: EntityFlags::default(),
        };
        let mut head = ChainHead::genesis();
        let mut events = Vec::new();
        for (n, change) in std::iter::once(Change::Declared(declaration))
            .chain(changes)
            .enumerate()
        {
            let e = head.next_event(t0() + TimeDelta::minutes(n as i64), "op", change);
            head = head.advanced(&e.to_record());
            events.push(e);
        }
        fold(&events).unwrap()
    }

    fn directory() -> Vec<Contact> {
        vec![
            person("camille", &["point-of-contact"]),
            person("nadia", &["management"]),
            person("csirt", &["retainer-csirt"]),
            person("lea", &["dpo"]),
        ]
    }

    fn roles_of(steps: &[EscalationStep]) -> Vec<&str> {
        steps.iter().map(|s| s.role.as_str()).collect()
    }

    #[test]
    fn each_severity_calls_for_its_roles_in_order() {
        let dir = directory();
        let plan = |sev, personal| escalation(&rules(), &incident(sev, personal, vec![]), &dir);
        assert!(plan(Severity::Baseline, false).is_empty());
        assert_eq!(roles_of(&plan(Severity::Low, false)), ["point-of-contact"]);
        assert_eq!(
            roles_of(&plan(Severity::Medium, true)),
            ["point-of-contact"]
        );
        assert_eq!(
            roles_of(&plan(Severity::High, false)),
            ["point-of-contact", "management", "retainer-csirt"]
        );
        assert_eq!(
            roles_of(&plan(Severity::High, true)),
            ["point-of-contact", "management", "retainer-csirt", "dpo"]
        );
        assert_eq!(
            roles_of(&plan(Severity::Severe, false)),
            [
                "point-of-contact",
                "management",
                "retainer-csirt",
                "insurer"
            ]
        );
        let emergency = plan(Severity::Emergency, false);
        assert_eq!(emergency[3].role, "insurer");
        assert!(emergency[3].contacts.is_empty(), "nobody covers it");
    }

    #[test]
    fn reached_roles_go_to_the_bottom_and_tries_are_counted() {
        let call = |id: &str, outcome| Change::ContactAttempted {
            contact: id.to_uppercase(),
            contact_id: Some(id.into()),
            outcome,
            note: String::new(),
        };
        let state = incident(
            Severity::High,
            false,
            vec![
                call("camille", ContactOutcome::Reached),
                call("nadia", ContactOutcome::NoAnswer),
                call("nadia", ContactOutcome::Message),
            ],
        );
        let steps = escalation(&rules(), &state, &directory());
        assert_eq!(
            roles_of(&steps),
            ["management", "retainer-csirt", "point-of-contact"]
        );
        assert!(matches!(
            steps[0].status,
            StepStatus::Tried {
                attempts: 2,
                last: ContactOutcome::Message,
                ..
            }
        ));
        assert_eq!(steps[1].status, StepStatus::ToCall);
        assert!(steps[2].reached());
    }

    #[test]
    fn a_retainer_alert_counts_as_reaching_the_retainer() {
        let state = incident(
            Severity::High,
            false,
            vec![Change::RetainerAlerted {
                retainer: "CSIRT".into(),
                response_minutes: 60,
                coverage: Default::default(),
                report_due_days: None,
            }],
        );
        let steps = escalation(&rules(), &state, &directory());
        let retainer = steps.iter().find(|s| s.role == "retainer-csirt").unwrap();
        assert!(retainer.reached());
    }

    #[test]
    fn saved_contacts_replace_by_id_or_come_before_the_public_ones() {
        let saved = |c: Contact| {
            ChainHead::genesis().next_event(t0(), "op", Change::ContactSaved { contact: c })
        };
        let mut renamed = person("nadia", &["management"]);
        renamed.name = "Nadia R.".into();
        let public = [person("cert-fr", &["national-csirt"])];
        let all = build(
            vec![person("camille", &[]), person("nadia", &[])],
            &[saved(renamed), saved(person("zoe", &["communications"]))],
            &public,
        );
        let ids: Vec<String> = all.iter().map(Contact::key).collect();
        assert_eq!(ids, ["camille", "nadia", "zoe", "cert-fr"]);
        assert_eq!(all[1].name, "Nadia R.");
    }
}
