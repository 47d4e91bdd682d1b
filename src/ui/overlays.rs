//! Pop-ups over the dashboard: the incident switcher and the two forms.

use super::format::safe;
use super::theme;
use crate::app::App;
use crate::app::forms::{NewField, NewIncidentForm};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph};
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

fn popup_block(title: &str) -> Block<'_> {
    Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme::border(true))
}

pub fn picker(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let height = u16::try_from(app.incidents.len() + 2)
        .unwrap_or(u16::MAX)
        .clamp(3, area.height);
    let popup = centered(area, area.width.saturating_sub(8).min(110), height);
    frame.render_widget(Clear, popup);
    let block = popup_block(text::PANE_PICKER);
    if app.incidents.is_empty() {
        frame.render_widget(Paragraph::new(text::PICKER_EMPTY).block(block), popup);
        return;
    }
    let items: Vec<ListItem> = app
        .incidents
        .iter()
        .map(|s| {
            let mut spans = vec![
                Span::styled(format!("{} ", s.id), theme::strong()),
                Span::styled(
                    format!(" {} ", s.severity.level()),
                    theme::severity(s.severity),
                ),
                Span::raw(format!(
                    " {:<18} ",
                    app.zone.format(s.updated_at, "%d %b %H:%M")
                )),
                Span::styled(format!("{:<16} ", safe(&s.phase)), theme::label()),
                Span::raw(safe(&s.title).into_owned()),
            ];
            if s.exercise {
                spans.push(Span::styled(
                    format!(" {} ", text::EXERCISE),
                    theme::exercise(),
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(theme::selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, popup, &mut state);
}

/// A one-line text field with its cursor, scrolled so the cursor stays visible.
fn text_field(frame: &mut Frame, area: Rect, input: &Input, focused: bool) {
    let width = usize::from(area.width.max(1));
    let scroll = input.visual_scroll(width.saturating_sub(1));
    let style = if focused {
        theme::selected()
    } else {
        theme::label()
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

pub fn note(frame: &mut Frame, area: Rect, input: &Input) {
    let popup = centered(area, area.width.saturating_sub(10).min(100), 4);
    frame.render_widget(Clear, popup);
    let block = popup_block(text::PANE_NOTE);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [field, hint] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    text_field(frame, field, input, true);
    frame.render_widget(
        Paragraph::new(text::FORM_SUBMIT_HINT).style(theme::dim()),
        hint,
    );
}

pub fn new_incident(frame: &mut Frame, area: Rect, form: &NewIncidentForm) {
    let popup = centered(area, area.width.saturating_sub(10).min(90), 8);
    frame.render_widget(Clear, popup);
    let block = popup_block(text::PANE_NEW);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows = Layout::vertical([Constraint::Length(1); 6]).split(inner);
    let label_width = 11;
    let row = |i: usize| {
        Layout::horizontal([Constraint::Length(label_width), Constraint::Min(0)])
            .areas::<2>(rows[i])
    };
    let labels = [
        text::LABEL_TITLE,
        text::LABEL_SEVERITY,
        text::LABEL_CATEGORY,
    ];
    let fields = [NewField::Title, NewField::Severity, NewField::Category];
    for (i, (label, field)) in labels.iter().zip(fields).enumerate() {
        let [l, value] = row(i);
        let style = if form.field == field {
            theme::border(true)
        } else {
            theme::label()
        };
        frame.render_widget(Paragraph::new(format!("{label}:")).style(style), l);
        match field {
            NewField::Title => text_field(frame, value, &form.title, form.field == field),
            NewField::Severity => frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::raw("◀ "),
                    Span::styled(
                        format!(" {} ", form.severity),
                        theme::severity(form.severity),
                    ),
                    Span::raw(" ▶"),
                ])),
                value,
            ),
            NewField::Category => frame.render_widget(
                Paragraph::new(format!("◀ {} ▶", form.category.name())),
                value,
            ),
        }
    }
    let hint = if form.field == NewField::Title {
        text::FORM_SUBMIT_HINT
    } else {
        text::FORM_CHOICE_HINT
    };
    frame.render_widget(Paragraph::new(hint).style(theme::dim()), rows[4]);
    if let Some(error) = form.error {
        frame.render_widget(Paragraph::new(error).style(theme::error()), rows[5]);
    }
}
