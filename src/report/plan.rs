//! The organisation's one-page response plan, from its config and directory: whom to
//! call first, the first five things to do, the escalation ladder by severity, the
//! retainer's terms, and the outside numbers. Written before the incident, printed and
//! pinned up; `warroom plan` renders it as Markdown or as HTML for one A4 page.

use crate::config::Config;
use crate::domain::{Contact, Severity, severity_of};
use crate::text;

/// Someone to call, as the plan prints them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// What they are, when the name alone does not say (a role, an organisation).
    pub what: String,
    pub phone: String,
    pub email: String,
    /// A web portal or other way in, for those with no phone (the CNIL's teleservice).
    pub link: String,
}

impl Person {
    fn of(c: &Contact) -> Person {
        Person {
            name: c.name.clone(),
            what: c.role.clone(),
            phone: c.phones.first().cloned().unwrap_or_default(),
            email: c.email.clone(),
            link: if c.phones.is_empty() {
                c.channels.first().cloned().unwrap_or_default()
            } else {
                String::new()
            },
        }
    }

    /// Without what they are: where the role beside them says it.
    fn plain(self) -> Person {
        Person {
            what: String::new(),
            ..self
        }
    }
}

/// One rung of the escalation ladder: from a severity up, whom to alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rung {
    /// `3 High`.
    pub severity: String,
    /// `if personal data is involved`, when only then.
    pub condition: Option<String>,
    /// Each role alerted, by name, with whom to call for it.
    pub roles: Vec<(String, Vec<Person>)>,
}

/// The retainer's contract as the plan states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetainerSheet {
    pub who: Person,
    pub contract: String,
    pub response: String,
    pub hours: String,
    pub scope: String,
    pub evidence: String,
}

impl RetainerSheet {
    /// Its terms as labelled rows, those the contract states.
    pub fn rows(&self) -> Vec<(String, &str)> {
        [
            (text::plan_contract(), &self.contract),
            (text::plan_response(), &self.response),
            (text::plan_hours(), &self.hours),
            (text::plan_scope(), &self.scope),
            (text::plan_evidence(), &self.evidence),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| (label, value.as_str()))
        .collect()
    }
}

/// The plan, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub organisation: String,
    pub point_of_contact: Person,
    pub deputies: Vec<Person>,
    pub first_steps: Vec<String>,
    pub ladder: Vec<Rung>,
    pub retainer: RetainerSheet,
    /// Outside numbers by role: hosting provider, MSP, insurer, police, CNIL, CERT-FR,
    /// the sector CSIRT.
    pub outside: Vec<(String, Vec<Person>)>,
}

/// The roles whose numbers the plan lists as outside help, in this order.
const OUTSIDE: [&str; 6] = [
    "hosting-provider",
    "msp",
    "insurer",
    "police",
    "data-protection-authority",
    "national-csirt",
];

/// How many contacts a role lists at most: the plan is one page.
const PER_ROLE: usize = 2;

/// The plan of `config`, its people found in `directory` (see `contacts::directory`).
pub fn plan(config: &Config, directory: &[Contact]) -> Plan {
    let poc = &config.point_of_contact;
    let covering = |role: &str| -> Vec<Person> {
        directory
            .iter()
            .filter(|c| c.covers(role) && c.key() != poc.key())
            .take(PER_ROLE)
            .map(Person::of)
            .collect()
    };
    let ladder = config
        .escalation
        .iter()
        .map(|rule| Rung {
            severity: severity_of(rule.from_severity)
                .map_or_else(|| rule.from_severity.to_string(), severity_label),
            condition: rule.when.map(|_| text::plan_if_personal_data()),
            roles: rule
                .roles
                .iter()
                .map(|role| {
                    let people = if role == "point-of-contact" {
                        vec![Person::of(poc)]
                    } else {
                        covering(role)
                    };
                    let people = people.into_iter().map(Person::plain).collect();
                    (
                        crate::i18n::localized(config.role_name(role)).into_owned(),
                        people,
                    )
                })
                .collect(),
        })
        .collect();
    let r = &config.retainer;
    let retainer = RetainerSheet {
        who: Person {
            name: r.name.clone(),
            what: String::new(),
            phone: r.hotline.clone(),
            email: r.email.clone(),
            link: String::new(),
        },
        contract: r.contract.clone(),
        response: text::retainer_role(r),
        hours: text::retainer_hours(&r.coverage),
        scope: r
            .scope
            .as_ref()
            .map_or_else(text::plan_not_stated, |areas| {
                let scope = areas
                    .iter()
                    .fold(crate::domain::Scope::default(), |s, a| s.with(*a));
                text::scope(scope)
            }),
        evidence: r.evidence.clone(),
    };
    let mut outside: Vec<(String, Vec<Person>)> = OUTSIDE
        .iter()
        .map(|role| {
            (
                crate::i18n::localized(config.role_name(role)).into_owned(),
                covering(role),
            )
        })
        .filter(|(_, people)| !people.is_empty())
        .collect();
    if let Some(csirt) = config
        .sector_csirt
        .as_deref()
        .and_then(|id| directory.iter().find(|c| c.key() == id))
    {
        outside.push((text::plan_sector_csirt(), vec![Person::of(csirt)]));
    }
    Plan {
        organisation: config.organisation.clone(),
        point_of_contact: Person::of(poc),
        deputies: covering("point-of-contact"),
        first_steps: text::plan_first_steps(),
        ladder,
        retainer,
        outside,
    }
}

fn severity_label(s: Severity) -> String {
    format!("{} {}", s.level(), crate::i18n::terms::severity(s))
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
