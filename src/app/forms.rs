//! The small forms of the dashboard: a one-line note, and declaring an incident.

use crate::domain::{Category, Contact, Severity};
use crate::input::cycle;
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::input::clean_line;

pub fn edit(input: &mut Input, key: KeyEvent) {
    input.handle_event(&TermEvent::Key(key));
}

pub fn paste(input: &mut Input, text: &str) {
    // Inserted in one piece: char by char, the widget rebuilds its value for each
    // character, and a 1 MB paste took minutes.
    let pasted = clean_line(text);
    let cursor = input.cursor();
    let value = input.value();
    let at = value
        .char_indices()
        .nth(cursor)
        .map_or(value.len(), |(i, _)| i);
    let mut joined = String::with_capacity(value.len() + pasted.len());
    joined.push_str(&value[..at]);
    joined.push_str(&pasted);
    joined.push_str(&value[at..]);
    let moved = cursor + pasted.chars().count();
    *input = Input::new(joined).with_cursor(moved);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewField {
    Title,
    Severity,
    Category,
    Playbook,
    Tlp,
    /// The areas it touches, typed as `warroom set ID scope` reads them (last: the
    /// fields before keep their places).
    Scope,
}

#[derive(Debug, Clone)]
pub struct NewIncidentForm {
    pub title: Input,
    pub severity: Severity,
    pub category: Category,
    pub tlp: crate::domain::Tlp,
    /// The areas it touches: `network, ot`; empty when not known yet.
    pub scope: Input,
    /// Playbook id chosen in the form; `None` lets the category pick.
    pub playbook: Option<String>,
    /// The playbook ids to choose from.
    pub playbooks: Vec<String>,
    pub field: NewField,
    pub error: Option<crate::text::Said>,
}

impl Default for NewIncidentForm {
    fn default() -> Self {
        NewIncidentForm {
            title: Input::default(),
            severity: Severity::Medium,
            category: Category::Other,
            tlp: crate::domain::Tlp::default(),
            scope: Input::default(),
            playbook: None,
            playbooks: Vec::new(),
            field: NewField::Title,
            error: None,
        }
    }
}

impl NewIncidentForm {
    pub fn new(playbooks: Vec<String>) -> Self {
        NewIncidentForm {
            playbooks,
            ..Default::default()
        }
    }

    pub fn next_field(&mut self, forward: bool) {
        let all = [
            NewField::Title,
            NewField::Severity,
            NewField::Category,
            NewField::Playbook,
            NewField::Tlp,
            NewField::Scope,
        ];
        self.field = cycle(&all, self.field, forward);
    }

    /// Steps through "chosen by the category" and every playbook.
    fn next_playbook(&mut self, forward: bool) {
        let choices: Vec<Option<&String>> = std::iter::once(None)
            .chain(self.playbooks.iter().map(Some))
            .collect();
        let current = choices
            .iter()
            .position(|c| c.map(String::as_str) == self.playbook.as_deref())
            .unwrap_or(0);
        let n = choices.len();
        let next = if forward {
            (current + 1) % n
        } else {
            (current + n - 1) % n
        };
        self.playbook = choices[next].cloned();
    }

    pub fn key(&mut self, key: KeyEvent) {
        match self.field {
            NewField::Title => edit(&mut self.title, key),
            NewField::Scope => edit(&mut self.scope, key),
            NewField::Severity => match key.code {
                KeyCode::Right | KeyCode::Up => {
                    self.severity = cycle(&Severity::ALL, self.severity, true)
                }
                KeyCode::Left | KeyCode::Down => {
                    self.severity = cycle(&Severity::ALL, self.severity, false)
                }
                KeyCode::Char(c) => {
                    if let Ok(s) = c.to_string().parse() {
                        self.severity = s;
                    }
                }
                _ => {}
            },
            NewField::Category => match key.code {
                KeyCode::Right | KeyCode::Up => {
                    self.category = cycle(&Category::ALL, self.category, true)
                }
                KeyCode::Left | KeyCode::Down => {
                    self.category = cycle(&Category::ALL, self.category, false)
                }
                KeyCode::Char(c) => {
                    // Jump to the next category starting with that letter.
                    let start = Category::ALL
                        .iter()
                        .position(|x| *x == self.category)
                        .unwrap_or(0);
                    let found = (1..=Category::ALL.len())
                        .map(|k| Category::ALL[(start + k) % Category::ALL.len()])
                        .find(|cat| {
                            cat.name()
                                .to_lowercase()
                                .starts_with(c.to_ascii_lowercase())
                        });
                    if let Some(cat) = found {
                        self.category = cat;
                    }
                }
                _ => {}
            },
            NewField::Tlp => match key.code {
                KeyCode::Right | KeyCode::Up => {
                    self.tlp = cycle(&crate::domain::Tlp::ALL, self.tlp, true)
                }
                KeyCode::Left | KeyCode::Down => {
                    self.tlp = cycle(&crate::domain::Tlp::ALL, self.tlp, false)
                }
                _ => {}
            },
            NewField::Playbook => match key.code {
                KeyCode::Right | KeyCode::Up => self.next_playbook(true),
                KeyCode::Left | KeyCode::Down => self.next_playbook(false),
                _ => {}
            },
        }
    }

    pub fn paste(&mut self, text: &str) {
        match self.field {
            NewField::Title => paste(&mut self.title, text),
            NewField::Scope => paste(&mut self.scope, text),
            _ => {}
        }
    }
}

/// What a one-line form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinePurpose {
    Note,
    /// Why the item does not apply.
    NotApplicable {
        item: String,
    },
    /// A new item for the phase at this index; `owner` indexes the config's roles.
    AddItem {
        phase: usize,
        owner: Option<usize>,
    },
    /// The reference of a met deadline (e.g. the authority's receipt number).
    ClockMet {
        clock: String,
    },
    /// Why a clock does not bind this incident.
    WaiveClock {
        clock: String,
    },
    /// A correction of a journal event.
    Correct {
        event: u64,
    },
    /// Why a journal event is retracted.
    Retract {
        event: u64,
    },
    /// A new evidence item's description; Tab changes its kind.
    Evidence {
        kind: crate::domain::EvidenceKind,
    },
    /// A lesson learned; Tab changes its kind.
    Lesson {
        kind: crate::domain::LessonKind,
    },
    /// An observable's value; Tab chooses its kind (`None`: guessed from the value).
    Observable {
        kind: Option<crate::domain::ObservableKind>,
    },
    /// The path of a MISP event or STIX bundle whose observables are to be added.
    ImportFile,
    /// The note of an observable (replaces it).
    ObservableNote {
        observable: String,
    },
    /// A new affected asset, `name | owner`; Tab changes its kind.
    Asset {
        kind: crate::domain::AssetKind,
    },
    /// The note of an asset (replaces it).
    AssetNote {
        asset: String,
    },
    /// A step of the attack: `@WHEN what the attacker did`.
    AttackStep,
    /// Who an evidence item is handed to.
    Transfer {
        evidence: String,
    },
    /// When the next entry happened (`13:05`, `-25m`, `2026-11-28 13:05`).
    When,
    /// Closing the incident: how it ended (Tab changes it) and a few words; for a
    /// duplicate the text is the other incident's id, for a transfer to whom.
    Close {
        ending: Ending,
    },
    /// Why a closed incident is opened again.
    Reopen,
    /// A call or message to a contact: the outcome (Tab changes it) and a note.
    Call {
        contact: String,
        name: String,
        outcome: crate::domain::ContactOutcome,
    },
}

/// How an incident ended, as chosen in the closing form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Resolved,
    FalsePositive,
    Duplicate,
    Transferred,
}

impl Ending {
    pub const ALL: [Ending; 4] = [
        Ending::Resolved,
        Ending::FalsePositive,
        Ending::Duplicate,
        Ending::Transferred,
    ];
}

/// A one-line text form: a note, a reason, a new item's text.
#[derive(Debug, Clone)]
pub struct LineForm {
    pub purpose: LinePurpose,
    pub input: Input,
    pub error: Option<crate::text::Said>,
}

impl LineForm {
    pub fn new(purpose: LinePurpose) -> Self {
        LineForm {
            purpose,
            input: Input::default(),
            error: None,
        }
    }

    /// The typed text, cleaned to one line and trimmed.
    pub fn text(&self) -> String {
        clean_line(self.input.value()).trim().to_string()
    }

    /// Tab steps the new item's owner through "nobody" and every role, or a call's
    /// outcome through reached, no answer, message, e-mail.
    pub fn next_choice(&mut self, roles: usize, forward: bool) {
        match &mut self.purpose {
            LinePurpose::AddItem { owner, .. } => {
                let choices: Vec<Option<usize>> =
                    std::iter::once(None).chain((0..roles).map(Some)).collect();
                *owner = cycle(&choices, *owner, forward);
            }
            LinePurpose::Call { outcome, .. } => {
                *outcome = cycle(&crate::domain::ContactOutcome::ALL, *outcome, forward);
            }
            LinePurpose::Evidence { kind } => {
                *kind = cycle(&crate::domain::EvidenceKind::ALL, *kind, forward);
            }
            LinePurpose::Lesson { kind } => {
                *kind = cycle(&crate::domain::LessonKind::ALL, *kind, forward);
            }
            LinePurpose::Observable { kind } => {
                let choices: Vec<Option<crate::domain::ObservableKind>> = std::iter::once(None)
                    .chain(crate::domain::ObservableKind::ALL.map(Some))
                    .collect();
                *kind = cycle(&choices, *kind, forward);
            }
            LinePurpose::Asset { kind } => {
                *kind = cycle(&crate::domain::AssetKind::ALL, *kind, forward);
            }
            LinePurpose::Close { ending } => *ending = cycle(&Ending::ALL, *ending, forward),
            _ => {}
        }
    }
}

/// Choosing who an item goes to: type to filter the directory, or a name not in it.
#[derive(Debug, Clone)]
pub struct AssignForm {
    pub item: String,
    pub input: Input,
    pub cursor: usize,
}

/// One line of the assign list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignee {
    /// Someone from the directory, by name.
    Listed(String),
    /// A name typed that the directory does not hold.
    Typed(String),
    /// Take the item back from whoever has it.
    Nobody,
}

impl AssignForm {
    pub fn new(item: String) -> Self {
        AssignForm {
            item,
            input: Input::default(),
            cursor: 0,
        }
    }

    /// The choices for the text typed so far: directory entries whose name, role or
    /// organisation contains it (case-insensitive), then the typed name itself if no
    /// entry has exactly that name, then "nobody" if the item has someone.
    pub fn choices(&self, directory: &[Contact], assigned: bool) -> Vec<Assignee> {
        let typed = clean_line(self.input.value()).trim().to_string();
        let needle = typed.to_lowercase();
        let mut choices: Vec<Assignee> = directory
            .iter()
            .filter(|c| {
                needle.is_empty()
                    || [&c.name, &c.role, &c.organisation]
                        .iter()
                        .any(|f| f.to_lowercase().contains(&needle))
            })
            .map(|c| Assignee::Listed(c.name.clone()))
            .collect();
        let exact = directory.iter().any(|c| c.name.to_lowercase() == needle);
        if !typed.is_empty() && !exact {
            choices.push(Assignee::Typed(typed));
        }
        if assigned {
            choices.push(Assignee::Nobody);
        }
        choices
    }
}

/// The fields of the contact form, in order.
pub const CONTACT_FIELDS: [ContactField; 8] = [
    ContactField::Name,
    ContactField::Role,
    ContactField::Organisation,
    ContactField::Phone,
    ContactField::Email,
    ContactField::Availability,
    ContactField::Roles,
    ContactField::Notes,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    Name,
    Role,
    Organisation,
    Phone,
    Email,
    Availability,
    /// Role ids, comma separated, for the escalation plan.
    Roles,
    Notes,
}

/// Adding a contact, or editing one (`editing` keeps its id and the fields not shown).
#[derive(Debug, Clone)]
pub struct ContactForm {
    pub inputs: Vec<Input>,
    pub field: usize,
    pub editing: Option<Contact>,
    pub error: Option<crate::text::Said>,
}

impl ContactForm {
    pub fn new(editing: Option<Contact>) -> Self {
        let value = |f: ContactField| -> String {
            let Some(c) = &editing else {
                return String::new();
            };
            match f {
                ContactField::Name => c.name.clone(),
                ContactField::Role => c.role.clone(),
                ContactField::Organisation => c.organisation.clone(),
                ContactField::Phone => c.phones.join(", "),
                ContactField::Email => c.email.clone(),
                ContactField::Availability => c.availability.clone(),
                ContactField::Roles => c.roles.join(", "),
                ContactField::Notes => c.notes.clone(),
            }
        };
        ContactForm {
            inputs: CONTACT_FIELDS
                .iter()
                .map(|f| Input::new(value(*f)))
                .collect(),
            field: 0,
            editing,
            error: None,
        }
    }

    pub fn next_field(&mut self, forward: bool) {
        let n = self.inputs.len();
        self.field = if forward {
            (self.field + 1) % n
        } else {
            (self.field + n - 1) % n
        };
    }

    pub fn input(&mut self) -> Option<&mut Input> {
        self.inputs.get_mut(self.field)
    }

    fn text(&self, f: ContactField) -> String {
        let i = CONTACT_FIELDS.iter().position(|x| *x == f).unwrap_or(0);
        self.inputs
            .get(i)
            .map(|input| clean_line(input.value()).trim().to_string())
            .unwrap_or_default()
    }

    /// The contact the form describes, or `None` without a name. An edit keeps the
    /// contact's id (and so replaces it); a new contact gets an id from its name that no
    /// entry of `directory` has.
    pub fn contact(&self, directory: &[Contact]) -> Option<Contact> {
        let name = self.text(ContactField::Name);
        if name.is_empty() {
            return None;
        }
        let list = |f: ContactField| -> Vec<String> {
            self.text(f)
                .split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect()
        };
        let mut contact = self.editing.clone().unwrap_or_default();
        contact.id = match &self.editing {
            Some(editing) => editing.key(),
            None => crate::domain::free_contact_id(&crate::domain::slug(&name), directory),
        };
        contact.name = name;
        contact.role = self.text(ContactField::Role);
        contact.organisation = self.text(ContactField::Organisation);
        contact.phones = list(ContactField::Phone);
        contact.email = self.text(ContactField::Email);
        contact.availability = self.text(ContactField::Availability);
        contact.roles = list(ContactField::Roles);
        contact.notes = self.text(ContactField::Notes);
        Some(contact)
    }
}

/// A lesson typed on one line: `text @owner 2027-01-31`; owner and due date optional.
pub fn lesson_parts(typed: &str) -> (String, Option<String>, Option<chrono::NaiveDate>) {
    let mut rest = typed.trim();
    let mut due = None;
    if let Some((head, last)) = rest.rsplit_once(' ')
        && let Ok(date) = chrono::NaiveDate::parse_from_str(last, "%Y-%m-%d")
    {
        due = Some(date);
        rest = head.trim_end();
    }
    match rest.split_once(" @") {
        Some((text, owner)) if !owner.trim().is_empty() => {
            (text.trim().to_string(), Some(owner.trim().to_string()), due)
        }
        _ => (rest.to_string(), None, due),
    }
}

#[cfg(test)]
mod lesson_tests {
    use super::lesson_parts;

    #[test]
    fn owner_and_due_date_are_read_from_the_end() {
        let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 31);
        assert_eq!(
            lesson_parts("Enable MFA everywhere @IT lead 2027-01-31"),
            ("Enable MFA everywhere".into(), Some("IT lead".into()), d)
        );
        assert_eq!(
            lesson_parts("Backups held"),
            ("Backups held".into(), None, None)
        );
        assert_eq!(
            lesson_parts("Patch VPN 2027-01-31"),
            ("Patch VPN".into(), None, d)
        );
        assert_eq!(
            lesson_parts("mail to a@b.c"),
            ("mail to a@b.c".into(), None, None),
            "an @ inside a word is not an owner"
        );
    }
}

#[cfg(test)]
mod paste_tests {
    use super::{Input, paste};

    #[test]
    fn a_paste_lands_at_the_cursor_cleaned_and_the_cursor_follows_it() {
        let mut input = Input::new("héllo wörld".into()).with_cursor(6);
        paste(&mut input, "漢\u{1b}[31m字\nx ");
        assert_eq!(input.value(), "héllo 漢[31m字 x wörld");
        assert_eq!(input.cursor(), 6 + "漢[31m字 x ".chars().count());
    }

    #[test]
    fn a_megabyte_paste_is_one_insertion() {
        let mut input = Input::default();
        paste(&mut input, &"a".repeat(1_000_000));
        assert_eq!(input.value().len(), 1_000_000);
        assert_eq!(input.cursor(), 1_000_000);
    }
}

/// A form given back after its write failed, with why: the typed text kept.
pub fn with_error(mut form: super::Overlay, error: crate::text::Said) -> super::Overlay {
    if let Some(f) = form.form_mut() {
        f.refuse(error);
    }
    form
}

/// What every form overlay does with what is typed into it, whatever it asks: the
/// app's key, paste and Tab handling and its "give the form back with why" go through
/// this, once, instead of one `match` on the overlay each.
pub trait Form {
    /// A key no action is bound to, typed into the field in focus.
    fn typed(&mut self, key: KeyEvent, cx: &crate::input::amend::Context);
    /// Pasted text, into the field in focus, on one line.
    fn paste(&mut self, text: &str);
    /// Tab or Shift-Tab: the next field, or the next value of a choice (`roles` roles
    /// can own an item).
    fn tab(&mut self, forward: bool, roles: usize);
    /// Why what was typed was not saved, shown in the form.
    fn refuse(&mut self, why: crate::text::Said);
}

impl Form for LineForm {
    fn typed(&mut self, key: KeyEvent, _: &crate::input::amend::Context) {
        edit(&mut self.input, key);
    }
    fn paste(&mut self, text: &str) {
        paste(&mut self.input, text);
    }
    fn tab(&mut self, forward: bool, roles: usize) {
        self.next_choice(roles, forward);
    }
    fn refuse(&mut self, why: crate::text::Said) {
        self.error = Some(why);
    }
}

/// Typing changes the list of people offered: the choice goes back to the first.
impl Form for AssignForm {
    fn typed(&mut self, key: KeyEvent, _: &crate::input::amend::Context) {
        edit(&mut self.input, key);
        self.cursor = 0;
    }
    fn paste(&mut self, text: &str) {
        paste(&mut self.input, text);
        self.cursor = 0;
    }
    fn tab(&mut self, _: bool, _: usize) {}
    /// One line of choices: no room for a reason (an assignment is not refused).
    fn refuse(&mut self, _: crate::text::Said) {}
}

impl Form for NewIncidentForm {
    fn typed(&mut self, key: KeyEvent, _: &crate::input::amend::Context) {
        self.key(key);
    }
    fn paste(&mut self, text: &str) {
        NewIncidentForm::paste(self, text);
    }
    fn tab(&mut self, forward: bool, _: usize) {
        self.next_field(forward);
    }
    fn refuse(&mut self, why: crate::text::Said) {
        self.error = Some(why);
    }
}

impl Form for ContactForm {
    fn typed(&mut self, key: KeyEvent, _: &crate::input::amend::Context) {
        if let Some(input) = self.input() {
            edit(input, key);
        }
    }
    fn paste(&mut self, text: &str) {
        if let Some(input) = self.input() {
            paste(input, text);
        }
    }
    fn tab(&mut self, forward: bool, _: usize) {
        self.next_field(forward);
    }
    fn refuse(&mut self, why: crate::text::Said) {
        self.error = Some(why);
    }
}

impl Form for super::incident_form::IncidentForm {
    fn typed(&mut self, key: KeyEvent, cx: &crate::input::amend::Context) {
        self.key(key, cx);
    }
    fn paste(&mut self, text: &str) {
        super::incident_form::IncidentForm::paste(self, text);
    }
    fn tab(&mut self, forward: bool, _: usize) {
        self.next_field(forward);
    }
    fn refuse(&mut self, why: crate::text::Said) {
        self.error = Some(why);
    }
}

impl Form for super::review_form::ReviewForm {
    fn typed(&mut self, key: KeyEvent, _: &crate::input::amend::Context) {
        self.key(key);
    }
    fn paste(&mut self, text: &str) {
        super::review_form::ReviewForm::paste(self, text);
    }
    fn tab(&mut self, forward: bool, _: usize) {
        self.next_field(forward);
    }
    fn refuse(&mut self, why: crate::text::Said) {
        self.error = Some(why);
    }
}
