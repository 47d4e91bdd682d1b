//! The dashboard's "Edit incident" form: every fact of the incident with its current
//! value, and why it changes. Submitting records one amendment per field changed, read
//! and checked by the same code as `warroom set`.

use super::forms::{edit, paste};
use super::{Zone, cycle};
use crate::domain::{Change, Field, IncidentState, Refusal, rules};
use crate::input::amend::{self, Context};
use crate::input::clean_line;
use crate::text::Said;
use crossterm::event::{KeyCode, KeyEvent};
use tui_input::Input;

#[derive(Debug, Clone)]
pub struct IncidentForm {
    /// One input per field of `Field::ALL`, then the reason.
    pub inputs: Vec<Input>,
    /// The values shown when the form opened: only fields changed from them count.
    shown: Vec<String>,
    pub field: usize,
    pub error: Option<crate::text::Said>,
}

impl IncidentForm {
    /// The form with the incident's current values, the cursor on `focus` if given.
    pub fn new(state: &IncidentState, zone: Zone, focus: Option<Field>) -> Self {
        let shown: Vec<String> = Field::ALL
            .iter()
            .map(|f| amend::typed_value(&state.current(*f), zone))
            .collect();
        let inputs = shown
            .iter()
            .map(|v| Input::new(v.clone()))
            .chain(std::iter::once(Input::default()))
            .collect();
        IncidentForm {
            inputs,
            shown,
            field: focus
                .and_then(|f| Field::ALL.iter().position(|x| *x == f))
                .unwrap_or(0),
            error: None,
        }
    }

    /// The row of the reason, after the fields.
    pub fn reason_row(&self) -> usize {
        Field::ALL.len()
    }

    /// The field under the cursor, `None` on the reason.
    pub fn current_field(&self) -> Option<Field> {
        Field::ALL.get(self.field).copied()
    }

    pub fn next_field(&mut self, forward: bool) {
        let rows: Vec<usize> = (0..self.inputs.len()).collect();
        self.field = cycle(&rows, self.field, forward);
    }

    pub fn input(&mut self) -> Option<&mut Input> {
        self.inputs.get_mut(self.field)
    }

    /// ←/→ step through the values of a field that has a fixed set; other keys edit.
    pub fn key(&mut self, key: KeyEvent, cx: &Context) {
        let forward = match key.code {
            KeyCode::Right => Some(true),
            KeyCode::Left => Some(false),
            _ => None,
        };
        if let (Some(forward), Some(field)) = (forward, self.current_field())
            && let Some(input) = self.inputs.get(self.field)
            && let Ok(value) = amend::parse_value(field, input.value(), cx)
            && let Some(next) = amend::cycled(&value, forward)
        {
            self.inputs[self.field] = Input::new(amend::typed_value(&next, cx.zone));
            return;
        }
        if let Some(input) = self.input() {
            edit(input, key);
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(input) = self.input() {
            paste(input, text);
        }
    }

    /// One amendment per field changed. A value that does not read puts the cursor on
    /// its field with why (`Err`).
    pub fn changes(&mut self, state: &IncidentState, cx: &Context) -> Result<Vec<Change>, Said> {
        let reason = self
            .inputs
            .get(self.reason_row())
            .map(|i| clean_line(i.value()).trim().to_string())
            .unwrap_or_default();
        let mut changes = Vec::new();
        for (row, field) in Field::ALL.iter().enumerate() {
            let typed = self.inputs.get(row).map(|i| i.value()).unwrap_or_default();
            if self.shown.get(row).map(String::as_str) == Some(typed) {
                continue;
            }
            let value = amend::parse_value(*field, typed, cx).map_err(|bad| {
                self.field = row;
                let (field, typed) = (*field, typed.trim().to_string());
                Said::new(move || crate::text::bad_value(field, &typed, &bad))
            })?;
            match rules::amend(state, value, &reason) {
                Ok(change) => changes.push(change),
                Err(Refusal::Unchanged(_)) => {}
                Err(other) => {
                    let id = state.id;
                    return Err(Said::new(move || crate::text::refusal(id, &other)));
                }
            }
        }
        Ok(changes)
    }
}
