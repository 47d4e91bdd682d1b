//! The report as one self-contained HTML file (inline styles, no scripts, no external
//! resources) that reads on screen and prints on A4. Every user text is HTML-escaped.

use super::{Report, utc};
use crate::text;
use std::fmt::Write;

/// `text` safe as HTML text or attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;color:#111;line-height:1.4}\
.tlp{font-weight:bold;background:#000;color:#ffc000;padding:.2em .6em;display:inline-block}\
.exercise{font-weight:bold;color:#b00}\
table{border-collapse:collapse;width:100%;margin:.5em 0}\
th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}\
th{background:#eee}\
del{color:#777}\
code{font-size:.9em;word-break:break-all}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

pub fn html(r: &Report) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_html(&mut out, r);
    out
}

fn row(out: &mut String, cells: &[String]) -> std::fmt::Result {
    out.push_str("<tr>");
    for c in cells {
        write!(out, "<td>{c}</td>")?;
    }
    out.push_str("</tr>\n");
    Ok(())
}

fn head(out: &mut String, cells: &[&str]) -> std::fmt::Result {
    out.push_str("<table><thead><tr>");
    for c in cells {
        write!(out, "<th>{}</th>", escape(&text::report_column(c)))?;
    }
    out.push_str("</tr></thead><tbody>\n");
    Ok(())
}

fn opt(value: &Option<String>) -> String {
    value.as_deref().map(escape).unwrap_or_default()
}

fn write_html(out: &mut String, r: &Report) -> std::fmt::Result {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\"><head><meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<title>{} {} — {} {}</title>",
        escape(&r.tlp),
        text::report_title(),
        escape(&r.id),
        escape(&r.title)
    )?;
    writeln!(out, "<style>{STYLE}</style></head><body>")?;
    writeln!(out, "<p class=\"tlp\">{}</p>", escape(&r.tlp))?;
    if r.exercise {
        writeln!(out, "<p class=\"exercise\">{}</p>", text::exercise())?;
    }
    writeln!(
        out,
        "<h1>{} — {} {}</h1>",
        text::report_title(),
        escape(&r.id),
        escape(&r.title)
    )?;
    out.push_str("<table><tbody>\n");
    let mut facts: Vec<(String, String)> = vec![
        (text::report_organisation(), escape(&r.organisation)),
        (text::label_severity(), escape(&r.severity)),
        (text::label_category(), escape(&r.category)),
        (text::label_declared(), utc(r.declared_at)),
        (
            text::label_detected(),
            r.detected_at.map(utc).unwrap_or_default(),
        ),
        (text::label_commander(), opt(&r.commander)),
        (text::label_playbook(), opt(&r.playbook)),
        (text::report_generated(), utc(r.generated_at)),
    ];
    facts.extend(
        super::outcome_rows(r)
            .into_iter()
            .map(|(l, v)| (l, escape(&v))),
    );
    for (label, value) in facts {
        writeln!(out, "<tr><th>{label}</th><td>{value}</td></tr>")?;
    }
    out.push_str("</tbody></table>\n");
    writeln!(out, "<h2>{}</h2>", text::report_milestones())?;
    head(out, &["Milestone", "UTC", "After"])?;
    for m in &r.milestones {
        row(
            out,
            &[
                escape(&m.name),
                m.at.map(utc).unwrap_or_else(text::milestone_not_reached),
                m.after.clone().unwrap_or_default(),
            ],
        )?;
    }
    out.push_str("</tbody></table>\n");

    writeln!(out, "<h2>{}</h2>", text::report_summary())?;
    writeln!(
        out,
        "<p>{}</p>",
        if r.summary.is_empty() {
            text::report_none()
        } else {
            escape(&r.summary)
        }
    )?;

    writeln!(out, "<h2>{}</h2>", text::report_timeline())?;
    head(out, &["#", "UTC", "Author", "Event"])?;
    for e in &r.timeline {
        let line = match &e.amended {
            Some(note) => format!("<del>{}</del> ({})", escape(&e.text), escape(note)),
            None => escape(&e.text),
        };
        row(
            out,
            &[
                e.event.to_string(),
                escape(&super::entry_time(e)),
                escape(&e.author),
                line,
            ],
        )?;
    }
    out.push_str("</tbody></table>\n");
    if !r.retractions.is_empty() {
        writeln!(out, "<h2>{}</h2>", text::report_retractions())?;
        head(out, &["#", "Event", "Retracted by", "Reason"])?;
        for x in &r.retractions {
            row(
                out,
                &[
                    x.event.to_string(),
                    format!("<del>{}</del>", escape(&x.text)),
                    format!("#{}", x.retracted_by),
                    escape(&x.reason),
                ],
            )?;
        }
        out.push_str("</tbody></table>\n");
    }

    writeln!(out, "<h2>{}</h2>", text::report_phases())?;
    for p in &r.phases {
        let current = if p.current {
            format!(" ({})", text::report_current())
        } else {
            String::new()
        };
        writeln!(out, "<h3>{}{current}</h3>", escape(&p.name))?;
        if p.items.is_empty() {
            writeln!(out, "<p>{}</p>", text::report_none())?;
            continue;
        }
        head(
            out,
            &["Step", "Status", "Owner", "Done by", "Done at (UTC)"],
        )?;
        for i in &p.items {
            let status = match &i.not_applicable {
                Some(reason) => format!(
                    "{}: {}",
                    escape(&text::report_code("not applicable")),
                    escape(reason)
                ),
                None => escape(&text::report_code(&i.status)),
            };
            row(
                out,
                &[
                    escape(&i.text),
                    status,
                    opt(&i.owner),
                    opt(&i.done_by),
                    i.done_at.map(utc).unwrap_or_default(),
                ],
            )?;
        }
        out.push_str("</tbody></table>\n");
    }

    writeln!(out, "<h2>{}</h2>", text::report_clocks())?;
    head(
        out,
        &[
            "Deadline",
            "Owed to",
            "State",
            "Due (UTC)",
            "Outcome",
            "Reference",
        ],
    )?;
    for c in &r.clocks {
        row(
            out,
            &[
                escape(&c.name),
                escape(&c.authority),
                escape(&text::report_code(&c.state)),
                c.deadline.map(utc).unwrap_or_default(),
                escape(&c.outcome),
                opt(&c.reference),
            ],
        )?;
    }
    out.push_str("</tbody></table>\n");

    writeln!(out, "<h2>{}</h2>", text::report_contacts())?;
    head(out, &["UTC", "Contact", "Outcome", "By", "Note"])?;
    for c in &r.contacts {
        row(
            out,
            &[
                utc(c.at),
                escape(&c.contact),
                escape(&c.outcome),
                escape(&c.by),
                escape(&c.note),
            ],
        )?;
    }
    out.push_str("</tbody></table>\n");

    writeln!(out, "<h2>{}</h2>", text::report_evidence())?;
    head(
        out,
        &[
            "Ref.",
            "Kind",
            "Description",
            "SHA-256",
            "Location",
            "Custody",
        ],
    )?;
    for e in &r.evidence {
        let trail: Vec<String> = e
            .custody
            .iter()
            .map(|c| format!("{} → {}", utc(c.at), escape(&c.to)))
            .collect();
        row(
            out,
            &[
                escape(&e.reference),
                escape(&e.kind),
                escape(&e.description),
                e.sha256
                    .as_deref()
                    .map(|h| format!("<code>{}</code>", escape(h)))
                    .unwrap_or_default(),
                escape(&e.location),
                trail.join("<br>"),
            ],
        )?;
    }
    out.push_str("</tbody></table>\n");

    writeln!(out, "<h2>{}</h2>", text::report_lessons())?;
    out.push_str("<ul>\n");
    for l in &r.lessons {
        let mut line = format!("<strong>{}</strong>: {}", escape(&l.kind), escape(&l.text));
        if let Some(owner) = &l.owner {
            line.push_str(&format!(" — {}", escape(owner)));
        }
        if let Some(due) = l.due {
            line.push_str(&format!(" ({due})"));
        }
        writeln!(out, "<li>{line}</li>")?;
    }
    out.push_str("</ul>\n");

    writeln!(out, "<h2>{}</h2>", text::report_integrity_text())?;
    writeln!(
        out,
        "<p>{}</p>",
        escape(&text::report_integrity(r.journal.events, &r.journal.sha256))
    )?;
    writeln!(out, "</body></html>")?;
    Ok(())
}
