//! The retainer's review, asked when an incident whose retainer was alerted closes:
//! five verdicts (←/→: yes, no, not known), what the journal already says filled in,
//! and a note. Submitting records one `RetainerReviewed` event, by the same rule as
//! `warroom retainer record`.

use super::forms::{edit, paste};
use crate::domain::{RetainerReview, Verdict};
use crate::input::clean_line;
use crossterm::event::{KeyCode, KeyEvent};
use tui_input::Input;

/// The verdict rows, then the note.
const VERDICTS: usize = 5;

#[derive(Debug, Clone)]
pub struct ReviewForm {
    pub verdicts: [Verdict; VERDICTS],
    pub note: Input,
    /// The row under the cursor: a verdict, or the note (the last).
    pub field: usize,
    pub error: Option<crate::text::Said>,
}

impl ReviewForm {
    /// The form with what the journal already says (`prefilled`).
    pub fn new(prefilled: &RetainerReview) -> Self {
        ReviewForm {
            verdicts: prefilled.verdicts().map(|(_, v)| v),
            note: Input::default(),
            field: 0,
            error: None,
        }
    }

    pub fn next_field(&mut self, forward: bool) {
        let rows = VERDICTS + 1;
        self.field = if forward {
            (self.field + 1) % rows
        } else {
            (self.field + rows - 1) % rows
        };
    }

    /// ←/→ step through the verdicts of a verdict row; on the note, keys edit it.
    pub fn key(&mut self, key: KeyEvent) {
        match self.verdicts.get_mut(self.field) {
            Some(verdict) => {
                let forward = match key.code {
                    KeyCode::Right | KeyCode::Char(' ') => true,
                    KeyCode::Left => false,
                    _ => return,
                };
                *verdict = super::cycle(&Verdict::ALL, *verdict, forward);
            }
            None => edit(&mut self.note, key),
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.field == VERDICTS {
            paste(&mut self.note, text);
        }
    }

    /// The review as typed.
    pub fn review(&self) -> RetainerReview {
        let [
            sla_met,
            scope_sufficient,
            evidence_access,
            report_received,
            report_complete,
        ] = self.verdicts;
        RetainerReview {
            sla_met,
            scope_sufficient,
            evidence_access,
            report_received,
            report_complete,
            note: clean_line(self.note.value()).trim().to_string(),
        }
    }

    /// The rows as the form shows them: each verdict in words, then the note.
    pub fn rows(&self) -> Vec<Input> {
        self.verdicts
            .iter()
            .map(|v| Input::new(format!("‹ {} ›", crate::text::verdict_name(*v))))
            .chain(std::iter::once(self.note.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn press(form: &mut ReviewForm, code: KeyCode) {
        form.key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn verdicts_cycle_and_the_note_takes_text() {
        let known = RetainerReview {
            sla_met: Verdict::Yes,
            ..RetainerReview::default()
        };
        let mut form = ReviewForm::new(&known);
        assert_eq!(form.review().sla_met, Verdict::Yes);
        press(&mut form, KeyCode::Right);
        assert_eq!(form.review().sla_met, Verdict::No);
        form.next_field(true);
        press(&mut form, KeyCode::Left);
        assert_eq!(form.review().scope_sufficient, Verdict::No);
        // Letters on a verdict row change nothing.
        press(&mut form, KeyCode::Char('x'));
        assert_eq!(form.review().scope_sufficient, Verdict::No);
        form.next_field(false);
        form.next_field(false);
        assert_eq!(form.field, VERDICTS, "from the first row back to the note");
        press(&mut form, KeyCode::Char('o'));
        press(&mut form, KeyCode::Char('k'));
        assert_eq!(form.review().note, "ok");
    }
}
