//! The report as Markdown (CommonMark + tables). Every user text is escaped: markup
//! characters get a backslash, line breaks become spaces, controls are dropped.

use super::{Report, utc};
use crate::text;
use std::fmt::Write;

/// `text` safe inside a Markdown paragraph or table cell.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '<' | '>' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn opt(value: &Option<String>) -> String {
    value.as_deref().map(escape).unwrap_or_default()
}

pub fn markdown(r: &Report) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_markdown(&mut out, r);
    out
}

fn write_markdown(out: &mut String, r: &Report) -> std::fmt::Result {
    writeln!(out, "**{}**", r.tlp)?;
    if r.exercise {
        writeln!(out, "\n**{}**", text::exercise())?;
    }
    writeln!(
        out,
        "\n# {} — {} {}\n",
        text::report_title(),
        r.id,
        escape(&r.title)
    )?;
    writeln!(out, "| | |\n|---|---|")?;
    writeln!(
        out,
        "| {} | {} |",
        text::report_organisation(),
        escape(&r.organisation)
    )?;
    writeln!(
        out,
        "| {} | {} |",
        text::label_severity(),
        escape(&r.severity)
    )?;
    writeln!(
        out,
        "| {} | {} |",
        text::label_category(),
        escape(&r.category)
    )?;
    writeln!(
        out,
        "| {} | {} |",
        text::label_declared(),
        utc(r.declared_at)
    )?;
    if let Some(d) = r.detected_at {
        writeln!(out, "| {} | {} |", text::label_detected(), utc(d))?;
    }
    writeln!(
        out,
        "| {} | {} |",
        text::label_commander(),
        opt(&r.commander)
    )?;
    writeln!(out, "| {} | {} |", text::label_playbook(), opt(&r.playbook))?;
    writeln!(
        out,
        "| {} | {} |",
        text::report_generated(),
        utc(r.generated_at)
    )?;
    for (label, value) in super::outcome_rows(r) {
        writeln!(out, "| {label} | {} |", escape(&value))?;
    }
    writeln!(out, "\n## {}\n", text::report_milestones())?;
    writeln!(out, "{}", table_head(&["Milestone", "UTC", "After"]))?;
    for m in &r.milestones {
        writeln!(
            out,
            "| {} | {} | {} |",
            escape(&m.name),
            m.at.map(utc).unwrap_or_else(text::milestone_not_reached),
            m.after.as_deref().unwrap_or("")
        )?;
    }

    writeln!(out, "\n## {}\n", text::report_summary())?;
    writeln!(
        out,
        "{}",
        if r.summary.is_empty() {
            text::report_none()
        } else {
            escape(&r.summary)
        }
    )?;

    writeln!(out, "\n## {}\n", text::report_timeline())?;
    writeln!(out, "{}", table_head(&["#", "UTC", "Author", "Event"]))?;
    for e in &r.timeline {
        let mut line = escape(&e.text);
        if let Some(amended) = &e.amended {
            line = format!("~~{line}~~ ({})", escape(amended));
        }
        writeln!(
            out,
            "| {} | {} | {} | {line} |",
            e.event,
            super::entry_time(e),
            escape(&e.author)
        )?;
    }

    if !r.retractions.is_empty() {
        writeln!(out, "\n## {}\n", text::report_retractions())?;
        writeln!(
            out,
            "{}",
            table_head(&["#", "Event", "Retracted by", "Reason"])
        )?;
        for x in &r.retractions {
            writeln!(
                out,
                "| {} | ~~{}~~ | #{} | {} |",
                x.event,
                escape(&x.text),
                x.retracted_by,
                escape(&x.reason)
            )?;
        }
    }

    writeln!(out, "\n## {}\n", text::report_phases())?;
    for p in &r.phases {
        let current = if p.current {
            format!(" ({})", text::report_current())
        } else {
            String::new()
        };
        writeln!(out, "### {}{current}\n", escape(&p.name))?;
        if p.items.is_empty() {
            writeln!(out, "{}\n", text::report_none())?;
            continue;
        }
        writeln!(
            out,
            "{}",
            table_head(&["Step", "Status", "Owner", "Done by", "Done at (UTC)"])
        )?;
        for i in &p.items {
            let status = match &i.not_applicable {
                Some(reason) => format!(
                    "{}: {}",
                    text::report_code("not applicable"),
                    escape(reason)
                ),
                None => text::report_code(&i.status),
            };
            writeln!(
                out,
                "| {} | {status} | {} | {} | {} |",
                escape(&i.text),
                opt(&i.owner),
                opt(&i.done_by),
                i.done_at.map(utc).unwrap_or_default()
            )?;
        }
        writeln!(out)?;
    }

    writeln!(out, "## {}\n", text::report_clocks())?;
    if r.clocks.is_empty() {
        writeln!(out, "{}", text::report_none())?;
    } else {
        writeln!(
            out,
            "{}",
            table_head(&[
                "Deadline",
                "Owed to",
                "State",
                "Due (UTC)",
                "Outcome",
                "Reference"
            ])
        )?;
        for c in &r.clocks {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                escape(&c.name),
                escape(&c.authority),
                text::report_code(&c.state),
                c.deadline.map(utc).unwrap_or_default(),
                escape(&c.outcome),
                opt(&c.reference)
            )?;
        }
    }

    writeln!(out, "\n## {}\n", text::report_contacts())?;
    if r.contacts.is_empty() {
        writeln!(out, "{}", text::report_none())?;
    } else {
        writeln!(
            out,
            "{}",
            table_head(&["UTC", "Contact", "Outcome", "By", "Note"])
        )?;
        for c in &r.contacts {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                utc(c.at),
                escape(&c.contact),
                c.outcome,
                escape(&c.by),
                escape(&c.note)
            )?;
        }
    }

    writeln!(out, "\n## {}\n", text::report_evidence())?;
    if r.evidence.is_empty() {
        writeln!(out, "{}", text::report_none())?;
    }
    for e in &r.evidence {
        writeln!(
            out,
            "- **{}** ({}) {}",
            escape(&e.reference),
            e.kind,
            escape(&e.description)
        )?;
        match &e.sha256 {
            // Only hex goes between backticks, where escapes do not apply.
            Some(hash) if crate::domain::is_sha256(hash) => writeln!(out, "  - SHA-256 `{hash}`")?,
            Some(hash) => writeln!(out, "  - SHA-256 {}", escape(hash))?,
            None => {}
        }
        if !e.location.is_empty() {
            writeln!(out, "  - {}", escape(&e.location))?;
        }
        let trail: Vec<String> = e
            .custody
            .iter()
            .map(|c| format!("{} → {}", utc(c.at), escape(&c.to)))
            .collect();
        writeln!(out, "  - {}: {}", text::report_custody(), trail.join("; "))?;
    }

    writeln!(out, "\n## {}\n", text::report_lessons())?;
    if r.lessons.is_empty() {
        writeln!(out, "{}", text::report_none())?;
    }
    for l in &r.lessons {
        let mut line = format!("- **{}**: {}", l.kind, escape(&l.text));
        if let Some(owner) = &l.owner {
            line.push_str(&format!(" — {}", escape(owner)));
        }
        if let Some(due) = l.due {
            line.push_str(&format!(" ({due})"));
        }
        writeln!(out, "{line}")?;
    }

    writeln!(out, "\n## {}\n", text::report_integrity_text())?;
    writeln!(
        out,
        "{}",
        text::report_integrity(r.journal.events, &r.journal.sha256)
    )?;
    Ok(())
}

/// A Markdown table's header row and rule, the column titles in the current language.
fn table_head(columns: &[&str]) -> String {
    let titles: Vec<String> = columns.iter().map(|c| text::report_column(c)).collect();
    format!(
        "| {} |\n|{}",
        titles.join(" | "),
        "---|".repeat(columns.len())
    )
}
