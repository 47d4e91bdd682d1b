//! Pop-ups over the dashboard: the incident switcher and the two forms.

use super::format::{content, safe};
use super::labels;
use super::list::SelectableList;
use super::theme::Look;
use crate::app::App;
use crate::app::Confirm;
use crate::app::forms::{AssignForm, Assignee, LineForm, LinePurpose, NewField, NewIncidentForm};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, ListState, Paragraph};
use tui_input::Input;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

fn popup_block(look: Look, title: &str) -> Block<'static> {
    Block::bordered()
        .title(format!(" {title} "))
        .border_style(look.border(true))
}

pub fn picker(frame: &mut Frame, area: Rect, look: Look, app: &App, cursor: usize) {
    let height = u16::try_from(app.incidents.len() + 2)
        .unwrap_or(u16::MAX)
        .clamp(3, area.height);
    let popup = centered(area, area.width.saturating_sub(8).min(110), height);
    frame.render_widget(Clear, popup);
    let block = popup_block(look, &labels::pane_picker());
    if app.incidents.is_empty() {
        frame.render_widget(Paragraph::new(labels::picker_empty()).block(block), popup);
        return;
    }
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let list = SelectableList::new(app.incidents.len(), |i| {
        let s = &app.incidents[i];
        let mut spans = vec![
            Span::styled(format!("{} ", s.id), look.strong()),
            Span::styled(
                format!(" {} ", s.severity.level()),
                look.severity(s.severity),
            ),
            Span::raw(format!(
                " {:<18} ",
                app.zone.format(s.updated_at, "%d %b %H:%M")
            )),
            Span::styled(format!("{:<16} ", content(&s.phase)), look.label()),
            Span::raw(content(&s.title).into_owned()),
        ];
        if s.exercise {
            spans.push(Span::styled(
                format!(" {} ", text::exercise()),
                look.exercise(),
            ));
        }
        if s.closed {
            spans.push(Span::styled(format!(" [{}]", text::closed()), look.dim()));
        }
        if app.damaged.iter().any(|(id, _)| *id == s.id) {
            spans.push(Span::styled(format!(" {} ", text::damaged()), look.error()));
        }
        Line::from(spans)
    })
    .highlight_style(look.selected())
    .highlight_symbol(CHOSEN);
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, inner, &mut state);
}

/// Before the chosen row of a pop-up's list.
const CHOSEN: &str = "▶ ";

/// A one-line text field with its cursor, scrolled so the cursor stays visible.
fn text_field(frame: &mut Frame, area: Rect, look: Look, input: &Input, focused: bool) {
    let width = usize::from(area.width.max(1));
    let scroll = input.visual_scroll(width.saturating_sub(1));
    let style = if focused {
        look.selected()
    } else {
        look.label()
    };
    let shown = safe(input.value()).into_owned();
    frame.render_widget(
        Paragraph::new(shown)
            .style(style)
            .scroll((0, u16::try_from(scroll).unwrap_or(0))),
        area,
    );
    if focused {
        let x = input.visual_cursor().saturating_sub(scroll);
        let x = area.x
            + u16::try_from(x)
                .unwrap_or(0)
                .min(area.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

/// A one-line form: a note, the reason an item does not apply, or a new item (with
/// its owner role, changed by Tab).
pub fn line(frame: &mut Frame, area: Rect, look: Look, app: &App, form: &LineForm) {
    let (title, hint): (String, String) = match &form.purpose {
        LinePurpose::Note => (labels::pane_note(), labels::form_submit_hint()),
        LinePurpose::NotApplicable { .. } => (labels::pane_reason(), labels::form_submit_hint()),
        LinePurpose::AddItem { .. } => (labels::pane_add_item(), labels::add_item_hint()),
        LinePurpose::ClockMet { .. } => (labels::pane_met_reference(), labels::form_submit_hint()),
        LinePurpose::WaiveClock { .. } => (labels::pane_waive_reason(), labels::form_submit_hint()),
        LinePurpose::Call { .. } => (labels::pane_call(), labels::call_hint()),
        LinePurpose::Correct { .. } => (labels::pane_correct(), labels::form_submit_hint()),
        LinePurpose::Retract { .. } => (labels::pane_retract(), labels::form_submit_hint()),
        LinePurpose::Evidence { .. } => (labels::pane_evidence(), labels::evidence_form_hint()),
        LinePurpose::Lesson { .. } => (labels::pane_lesson(), labels::lesson_form_hint()),
        LinePurpose::Observable { .. } => {
            (labels::pane_observable(), labels::observable_form_hint())
        }
        LinePurpose::ObservableNote { observable } => (
            labels::pane_observable_note(observable),
            labels::form_submit_hint(),
        ),
        LinePurpose::Asset { .. } => (labels::pane_asset(), labels::asset_form_hint()),
        LinePurpose::AssetNote { asset } => {
            (labels::pane_asset_note(asset), labels::form_submit_hint())
        }
        LinePurpose::AttackStep => (labels::pane_attack_step(), labels::attack_step_form_hint()),
        LinePurpose::Transfer { .. } => (labels::pane_transfer(), labels::form_submit_hint()),
        LinePurpose::When => (labels::pane_when(), labels::when_form_hint()),
        LinePurpose::Close { .. } => (labels::pane_close(), labels::close_form_hint()),
        LinePurpose::Reopen => (labels::pane_reopen(), labels::form_submit_hint()),
        LinePurpose::ImportFile => (labels::pane_import_file(), labels::import_file_hint()),
    };
    // The value Tab changes, if the form has one: a new item's owner, a call's outcome.
    let choice = match &form.purpose {
        LinePurpose::AddItem { owner, .. } => Some((
            labels::label_owner(),
            owner
                .and_then(|i| app.config.roles.get(i))
                .map_or_else(text::nobody, |r| content(&r.name).into_owned())
                .to_string(),
        )),
        LinePurpose::Call { name, outcome, .. } => Some((
            labels::label_outcome(),
            format!("{} — {}", text::outcome_name(*outcome), safe(name)),
        )),
        LinePurpose::Evidence { kind } => Some((labels::label_kind(), kind.slug().to_string())),
        LinePurpose::Asset { kind } => Some((labels::label_kind(), text::asset_kind_name(*kind))),
        LinePurpose::Observable { kind } => Some((
            labels::label_kind(),
            kind.map_or_else(labels::observable_kind_auto, |k| k.slug().to_string()),
        )),
        LinePurpose::Lesson { kind } => Some((
            labels::label_kind(),
            text::lesson_kind_name(*kind).to_string(),
        )),
        LinePurpose::Close { ending } => {
            Some((labels::label_resolution(), labels::ending_name(*ending)))
        }
        _ => None,
    };
    // Text field and hint, maybe the owner and an error (in full: it may say why what
    // was typed was not saved), inside the border.
    let width = area.width.saturating_sub(10).min(100);
    let error = form.error.as_ref().map(|e| safe(&e.text()).into_owned());
    let error_rows = error
        .as_deref()
        .map_or(0, |e| wrapped_rows(e, width.saturating_sub(2)));
    let rows = 2 + u16::from(choice.is_some()) + error_rows;
    let popup = centered(area, width, rows + 2);
    frame.render_widget(Clear, popup);
    let block = popup_block(look, &title);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let mut heights = vec![Constraint::Length(1); usize::from(rows - error_rows)];
    heights.push(Constraint::Length(error_rows));
    let mut areas = Layout::vertical(heights).split(inner).to_vec();
    areas.reverse();
    let mut next = || areas.pop().unwrap_or_default();
    text_field(frame, next(), look, &form.input, true);
    if let Some((label, value)) = choice {
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{} ", text::colon(&label)), look.label()),
                Span::raw(format!("◀ {} ▶", safe(&value))),
            ])),
            next(),
        );
    }
    frame.render_widget(Paragraph::new(hint).style(look.dim()), next());
    if let Some(error) = error {
        frame.render_widget(
            Paragraph::new(error)
                .style(look.error())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            next(),
        );
    }
}

/// Rows `text` takes wrapped at `width` columns (an upper bound: words wrap early),
/// at most a few.
fn wrapped_rows(text: &str, width: u16) -> u16 {
    let columns = unicode_width::UnicodeWidthStr::width(text);
    let width = usize::from(width.max(1));
    let rows = columns.div_ceil(width) + usize::from(columns > width);
    u16::try_from(rows.clamp(1, 6)).unwrap_or(6)
}

/// Who gets the item: the filter field, then the matching people.
pub fn assign(frame: &mut Frame, area: Rect, look: Look, app: &App, form: &AssignForm) {
    let choices = app.assign_choices(form);
    let height = u16::try_from(choices.len() + 5)
        .unwrap_or(u16::MAX)
        .clamp(6, area.height);
    let popup = centered(area, area.width.saturating_sub(10).min(80), height);
    frame.render_widget(Clear, popup);
    let block = popup_block(look, &labels::pane_assign());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [field, hint, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    text_field(frame, field, look, &form.input, true);
    frame.render_widget(
        Paragraph::new(labels::assign_hint()).style(look.dim()),
        hint,
    );
    let list = SelectableList::new(choices.len(), |i| match &choices[i] {
        Assignee::Listed(name) => Line::raw(safe(name).into_owned()),
        Assignee::Typed(name) => Line::styled(labels::assign_typed(&safe(name)), look.label()),
        Assignee::Nobody => Line::styled(labels::assign_nobody(), look.dim()),
    })
    .highlight_style(look.selected())
    .highlight_symbol(CHOSEN);
    let mut state = ListState::default().with_selected(Some(form.cursor));
    frame.render_stateful_widget(list, list_area, &mut state);
}

/// A yes/no question, wrapped to fit.
pub fn confirm(frame: &mut Frame, area: Rect, look: Look, confirm: &Confirm) {
    let width = area.width.saturating_sub(10).min(80);
    let question = safe(&confirm.question).into_owned();
    let text_width = usize::from(width.saturating_sub(2).max(1));
    let chars = unicode_width::UnicodeWidthStr::width(question.as_str());
    // Word wrapping may need a row more than the width alone says.
    let question_rows = match chars.div_ceil(text_width) {
        0 | 1 => 1,
        n => n + 1,
    };
    let question_rows = u16::try_from(question_rows).unwrap_or(u16::MAX);
    let popup = centered(area, width, question_rows.saturating_add(4));
    frame.render_widget(Clear, popup);
    let block = popup_block(look, &labels::pane_confirm());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [question_area, _, hint] = Layout::vertical([
        Constraint::Length(question_rows),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(question)
            .style(look.strong())
            .wrap(ratatui::widgets::Wrap { trim: true }),
        question_area,
    );
    frame.render_widget(
        Paragraph::new(labels::confirm_hint()).style(look.dim()),
        hint,
    );
}

pub fn new_incident(frame: &mut Frame, area: Rect, look: Look, app: &App, form: &NewIncidentForm) {
    let popup = centered(area, area.width.saturating_sub(10).min(90), 11);
    frame.render_widget(Clear, popup);
    let block = popup_block(look, &labels::pane_new());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows = Layout::vertical([Constraint::Length(1); 9]).split(inner);
    let label_width = 11;
    let row = |i: usize| {
        Layout::horizontal([Constraint::Length(label_width), Constraint::Min(0)])
            .areas::<2>(rows[i])
    };
    let labels = [
        text::label_title(),
        text::label_severity(),
        text::label_category(),
        text::label_playbook(),
        labels::field_name(crate::domain::Field::Tlp),
        text::label_scope(),
    ];
    let fields = [
        NewField::Title,
        NewField::Severity,
        NewField::Category,
        NewField::Playbook,
        NewField::Tlp,
        NewField::Scope,
    ];
    for (i, (label, field)) in labels.iter().zip(fields).enumerate() {
        let [l, value] = row(i);
        let style = if form.field == field {
            look.border(true)
        } else {
            look.label()
        };
        frame.render_widget(Paragraph::new(format!("{label}:")).style(style), l);
        match field {
            NewField::Title => text_field(frame, value, look, &form.title, form.field == field),
            NewField::Scope => text_field(frame, value, look, &form.scope, form.field == field),
            NewField::Severity => frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::raw("◀ "),
                    Span::styled(
                        format!(
                            " {} {} ",
                            form.severity.level(),
                            crate::i18n::terms::severity(form.severity)
                        ),
                        look.severity(form.severity),
                    ),
                    Span::raw(" ▶"),
                ])),
                value,
            ),
            NewField::Category => frame.render_widget(
                Paragraph::new(format!(
                    "◀ {} ▶",
                    crate::i18n::terms::category(form.category)
                )),
                value,
            ),
            NewField::Tlp => {
                frame.render_widget(Paragraph::new(format!("◀ {} ▶", form.tlp.label())), value)
            }
            NewField::Playbook => {
                let catalog = &app.config.catalog;
                let shown = match &form.playbook {
                    Some(id) => catalog
                        .playbook(id)
                        .map_or(id.clone(), |p| content(&p.name).into_owned()),
                    None => labels::playbook_auto(
                        &catalog
                            .playbook_for(form.category)
                            .map_or(String::new(), |p| content(&p.name).into_owned()),
                    ),
                };
                frame.render_widget(Paragraph::new(format!("◀ {} ▶", safe(&shown))), value);
            }
        }
    }
    let hint = match form.field {
        NewField::Title => labels::form_submit_hint(),
        NewField::Scope => labels::form_scope_hint(),
        _ => labels::form_choice_hint(),
    };
    frame.render_widget(Paragraph::new(hint).style(look.dim()), rows[6]);
    if let Some(error) = &form.error {
        frame.render_widget(
            Paragraph::new(safe(&error.text()).into_owned()).style(look.error()),
            rows[7],
        );
    }
}

/// A read-only text (a notification draft), scrolled.
pub fn viewer(frame: &mut Frame, area: Rect, look: Look, title: &str, body: &str, scroll: usize) {
    let popup = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, popup);
    let block = popup_block(look, title);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [text_area, hint] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    let lines: Vec<Line> = body
        .lines()
        .skip(scroll)
        .map(|l| Line::raw(safe(l).into_owned()))
        .collect();
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        text_area,
    );
    frame.render_widget(
        Paragraph::new(labels::viewer_hint()).style(look.dim()),
        hint,
    );
}

/// Adding or editing a contact: one labelled text field per row.
pub fn contact(frame: &mut Frame, area: Rect, look: Look, form: &crate::app::forms::ContactForm) {
    use crate::app::forms::CONTACT_FIELDS;
    let title = if form.editing.is_some() {
        labels::pane_contact_edit()
    } else {
        labels::pane_contact_new()
    };
    let fields = Fields {
        rows: CONTACT_FIELDS
            .iter()
            .zip(&form.inputs)
            .map(|(field, input)| (labels::contact_field_name(*field), input))
            .collect(),
        focused: form.field,
    };
    labelled_rows(
        frame,
        area,
        look,
        &title,
        &fields,
        &labels::contact_form_hint(),
        form.error.as_ref().map(|e| e.text()).as_deref(),
    );
}

/// The incident's facts, one per row with its current value, and why they change.
pub fn incident(
    frame: &mut Frame,
    area: Rect,
    look: Look,
    form: &crate::app::incident_form::IncidentForm,
) {
    let labels = crate::domain::Field::ALL
        .map(labels::field_name)
        .into_iter()
        .chain(std::iter::once(labels::label_reason()));
    let fields = Fields {
        rows: labels.zip(&form.inputs).collect(),
        focused: form.field,
    };
    labelled_rows(
        frame,
        area,
        look,
        &labels::pane_edit_incident(),
        &fields,
        &labels::edit_incident_hint(),
        form.error.as_ref().map(|e| e.text()).as_deref(),
    );
}

/// The retainer's review: five verdicts to step through with ←/→, and a note.
pub fn review(
    frame: &mut Frame,
    area: Rect,
    look: Look,
    form: &crate::app::review_form::ReviewForm,
) {
    let rows = form.rows();
    let labels = [
        "sla_met",
        "scope_sufficient",
        "evidence_access",
        "report_received",
        "report_complete",
    ]
    .map(crate::text::review_aspect)
    .into_iter()
    .chain(std::iter::once(labels::label_note()));
    let fields = Fields {
        rows: labels.zip(&rows).collect(),
        focused: form.field,
    };
    labelled_rows(
        frame,
        area,
        look,
        &labels::pane_review_retainer(),
        &fields,
        &labels::review_retainer_hint(),
        form.error.as_ref().map(|e| e.text()).as_deref(),
    );
}

/// A form's one-line text fields, each with its label, and the one being typed in.
struct Fields<'a> {
    rows: Vec<(String, &'a Input)>,
    focused: usize,
}

/// A form of labelled one-line text fields, a hint and maybe an error below them.
fn labelled_rows(
    frame: &mut Frame,
    area: Rect,
    look: Look,
    title: &str,
    fields: &Fields,
    hint: &str,
    error: Option<&str>,
) {
    let (rows, focused) = (&fields.rows, fields.focused);
    let shown = u16::try_from(rows.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let popup = centered(area, area.width.saturating_sub(10).min(90), shown + 2);
    frame.render_widget(Clear, popup);
    let block = popup_block(look, title);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let areas = Layout::vertical(vec![Constraint::Length(1); usize::from(shown)]).split(inner);
    let label_width = rows
        .iter()
        .map(|(label, _)| unicode_width::UnicodeWidthStr::width(label.as_str()))
        .max()
        .unwrap_or(0)
        .saturating_add(2);
    for (i, ((label, input), row)) in rows.iter().zip(areas.iter()).enumerate() {
        let [label_area, value] = Layout::horizontal([
            Constraint::Length(u16::try_from(label_width).unwrap_or(14)),
            Constraint::Min(0),
        ])
        .areas::<2>(*row);
        let style = if focused == i {
            look.border(true)
        } else {
            look.label()
        };
        frame.render_widget(Paragraph::new(format!("{label}:")).style(style), label_area);
        text_field(frame, value, look, input, focused == i);
    }
    if let Some(hint_area) = areas.get(rows.len()) {
        frame.render_widget(
            Paragraph::new(hint.to_string()).style(look.dim()),
            *hint_area,
        );
    }
    if let (Some(error), Some(error_area)) = (error, areas.get(rows.len() + 1)) {
        frame.render_widget(Paragraph::new(safe(error)).style(look.error()), *error_area);
    }
}
