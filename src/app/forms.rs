//! The small forms of the dashboard: a one-line note, and declaring an incident.

use super::cycle;
use crate::domain::{Category, Severity};
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// Keeps typed or pasted text on one line and free of control characters, which would
/// otherwise reach the journal and every screen that shows it.
pub fn clean_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}

pub fn edit(input: &mut Input, key: KeyEvent) {
    input.handle_event(&TermEvent::Key(key));
}

pub fn paste(input: &mut Input, text: &str) {
    for c in clean_line(text).chars() {
        input.handle(tui_input::InputRequest::InsertChar(c));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewField {
    Title,
    Severity,
    Category,
}

#[derive(Debug, Clone)]
pub struct NewIncidentForm {
    pub title: Input,
    pub severity: Severity,
    pub category: Category,
    pub field: NewField,
    pub error: Option<&'static str>,
}

impl Default for NewIncidentForm {
    fn default() -> Self {
        NewIncidentForm {
            title: Input::default(),
            severity: Severity::Medium,
            category: Category::Other,
            field: NewField::Title,
            error: None,
        }
    }
}

impl NewIncidentForm {
    pub fn next_field(&mut self, forward: bool) {
        let all = [NewField::Title, NewField::Severity, NewField::Category];
        self.field = cycle(&all, self.field, forward);
    }

    pub fn key(&mut self, key: KeyEvent) {
        match self.field {
            NewField::Title => edit(&mut self.title, key),
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
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.field == NewField::Title {
            paste(&mut self.title, text);
        }
    }
}
