//! The status line: saved mark, message, data directory, local time and UTC.

use super::format::safe;
use super::labels;
use super::{rows, theme::Look};
use crate::app::App;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use unicode_width::UnicodeWidthStr;

fn width(s: &str) -> u16 {
    u16::try_from(s.width()).unwrap_or(u16::MAX)
}

/// The end of `path` that fits in `max` columns, with `…` where it was cut.
fn tail(path: &str, max: u16) -> String {
    if width(path) <= max {
        return path.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1; // the ellipsis
    for c in path.chars().rev() {
        let w = u16::try_from(unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)).unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// The room the status line leaves a message: the saved mark and the clock take the
/// rest.
const STATUS_OWN: u16 = 60;

/// Rows for an error too long for the status line (at most 3), else none.
pub fn banner_rows(app: &App, width: u16) -> u16 {
    let Some(flash) = app.flash.as_ref().filter(|f| f.error) else {
        return 0;
    };
    let said = flash.text.text();
    let text = safe(&said);
    let needed = usize::from(self::width(&text));
    if needed + usize::from(STATUS_OWN) <= usize::from(width) {
        return 0;
    }
    let width = usize::from(width.max(1));
    u16::try_from((needed.div_ceil(width) + 1).min(3)).unwrap_or(3)
}

/// An error in full, wrapped, above the status line.
pub fn banner(frame: &mut Frame, area: Rect, look: Look, app: &App) {
    if let Some(flash) = &app.flash {
        frame.render_widget(Clear, area);
        frame.render_widget(
            ratatui::widgets::Paragraph::new(safe(&flash.text.text()).into_owned())
                .style(look.error())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
    }
}

pub fn draw(frame: &mut Frame, area: Rect, look: Look, app: &App) {
    let saved = if let Some(why) = &app.read_only {
        Span::styled(
            format!(" ◆ {} ", labels::status_read_only(why)),
            look.error(),
        )
    } else if let Some((pid, true)) = app.owner {
        Span::styled(
            format!(" ◆ {} ", labels::status_owner_silent(pid)),
            look.error(),
        )
    } else if app.follower {
        Span::styled(format!(" ◆ {} ", labels::status_following()), look.label())
    } else if app.pending() == 0 {
        Span::styled(format!(" ● {} ", labels::status_saved()), look.ok())
    } else {
        Span::styled(format!(" ○ {} ", labels::status_saving()), look.due_soon())
    };
    let seconds = if app.active.is_some() { ":%S" } else { "" };
    let clock = format!(
        " {} {} · {} {} │ {} ",
        app.zone
            .format(app.now, &format!("%a %d %b %H:%M{seconds}")),
        app.unknown_tz
            .as_deref()
            .map_or_else(labels::status_local, |tz| labels::status_tz_unknown(&safe(
                tz
            ))),
        app.now.format(&format!("%H:%M{seconds}")),
        text::STATUS_UTC,
        labels::status_help_hint(),
    );
    let mut left = vec![saved];
    // A stated time waiting for the next entry stays in sight until it is used.
    if let Some(at) = app.backdate {
        left.push(Span::styled(
            format!(
                " ⏱ {} ",
                labels::status_backdate(&app.zone.format(at, "%d %b %H:%M"))
            ),
            look.strong(),
        ));
    }
    if let Some(flash) = &app.flash {
        let style = if flash.error {
            look.error()
        } else {
            look.due_soon()
        };
        left.push(Span::styled(
            format!(" {} ", safe(&flash.text.text())),
            style,
        ));
    }
    let left_width: u16 = left.iter().map(|s| width(&s.content)).sum();
    let room = area.width.saturating_sub(left_width + width(&clock) + 1);
    let dir = if app.flash.is_some() {
        String::new()
    } else {
        tail(&safe(&app.data_dir), room)
    };
    let [left_area, dir_area, clock_area] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(width(&dir)),
        Constraint::Length(width(&clock)),
    ])
    .areas(area);
    let buf = frame.buffer_mut();
    rows::lines(buf, left_area, [Line::from(left)]);
    rows::lines(buf, dir_area, [Line::styled(dir, look.dim())]);
    rows::lines(buf, clock_area, [Line::styled(clock, look.label())]);
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_paths_keep_their_end() {
        assert_eq!(super::tail("/home/op/data", 40), "/home/op/data");
        assert_eq!(
            super::tail("/home/operator/.local/share/warroom", 12),
            "…are/warroom"
        );
    }
}
