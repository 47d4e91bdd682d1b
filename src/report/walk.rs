//! One walk through the report for every format. Which sections come in which order,
//! which rows they hold and in which words is decided here, once; a writer (a
//! [`ReportSink`]: Markdown, HTML) only lays the pieces out and escapes them its own way.

use super::{
    ClockReport, ContactReport, EvidenceReport, ItemReport, LessonReport, Milestone, Report,
    RetractionReport, TimelineEntry,
};
use crate::text;
use chrono::{DateTime, Utc};
use std::borrow::Cow;

mod attack;

/// A piece of inline text, told apart by where it comes from, so that each writer
/// escapes it as its format needs.
#[derive(Debug, Clone)]
pub(super) enum Span<'a> {
    /// Text someone typed (during the incident, in the config, in a playbook): every
    /// writer escapes it.
    Text(Cow<'a, str>),
    /// warroom's own words (from `crate::text`), numbers, times and labels. Markdown
    /// writes them as they are (some carry its markup, like `` `warroom verify` ``);
    /// HTML escapes them all the same.
    Word(Cow<'a, str>),
    /// A content hash as recorded (not necessarily well formed), set as code.
    Hash(&'a str),
    /// In bold.
    Strong(Box<Span<'a>>),
    /// Struck through: retracted, or corrected since.
    Struck(Box<Span<'a>>),
}

/// Spans read one after the other: a paragraph, a heading, a table cell, a list item.
pub(super) type Line<'a> = Vec<Span<'a>>;

/// The two banners above the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Banner {
    Tlp,
    Exercise,
}

/// One thing described in a few fields (an evidence item). Markdown writes it as a
/// bullet, "**name** (kind) about", with a sub-bullet for each detail that has
/// anything to say; HTML as a table row, one cell a field.
#[derive(Debug, Clone)]
pub(super) struct Record<'a> {
    pub name: Line<'a>,
    pub kind: Line<'a>,
    pub about: Line<'a>,
    pub details: Vec<Detail<'a>>,
}

#[derive(Debug, Clone)]
pub(super) struct Detail<'a> {
    /// What introduces it on its Markdown sub-bullet ("SHA-256 ", "custody: "); in
    /// HTML its column's title says it.
    pub lead_in: String,
    /// What it says: one after the other, "; " between them in Markdown, a line each
    /// in HTML.
    pub values: Vec<Line<'a>>,
}

/// What a report is made of, as a format writes it. The walk calls these in the
/// report's order; a writer keeps what it writes and escapes every [`Span`] itself.
pub(super) trait ReportSink {
    /// What is written so far.
    fn out(&mut self) -> &mut String;
    /// `span` as this format reads it, escaped.
    fn span(&self, span: &Span<'_>) -> String;
    /// The start of the document; `title` is its title as a whole (TLP label first),
    /// for a format that carries one apart from the page.
    fn start(&mut self, title: &[Span<'_>]);
    fn banner(&mut self, banner: Banner, line: &[Span<'_>]);
    /// A heading, 1 (the report's title) to 3.
    fn heading(&mut self, level: usize, line: &[Span<'_>]);
    /// The table of facts: a label and its value a row.
    fn facts(&mut self, rows: &[(String, Line<'_>)]);
    fn paragraph(&mut self, line: &[Span<'_>]);
    /// A table: its columns' titles, then its rows of cells. With no rows, Markdown
    /// writes `empty` instead, HTML the table's head with nothing under it (as each
    /// format did before the walk; an empty phase says `empty` in both).
    fn table(&mut self, columns: &[String], rows: &[Vec<Line<'_>>], empty: &str);
    /// A bulleted list; with no items, as [`ReportSink::table`].
    fn list(&mut self, items: &[Line<'_>], empty: &str);
    /// Records under their columns (name, kind, about, then the details'); with none,
    /// as [`ReportSink::table`].
    fn records(&mut self, columns: &[String], records: &[Record<'_>], empty: &str);
    /// The end of the document.
    fn finish(&mut self);

    /// `spans` one after the other, escaped.
    fn line(&self, spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| self.span(s)).collect()
    }

    /// Writes `line` and ends it.
    fn push_line(&mut self, line: &str) {
        let out = self.out();
        out.push_str(line);
        out.push('\n');
    }
}

/// The report `r` as `sink` writes it.
pub(super) fn write(r: &Report, mut sink: impl ReportSink) -> String {
    walk(r, &mut sink);
    std::mem::take(sink.out())
}

pub(super) fn text(value: &str) -> Span<'_> {
    Span::Text(Cow::Borrowed(value))
}

pub(super) fn word<'a>(value: impl Into<Cow<'a, str>>) -> Span<'a> {
    Span::Word(value.into())
}

/// Someone's text if there is any, else an empty cell.
fn maybe(value: &Option<String>) -> Line<'_> {
    value.as_deref().map(text).into_iter().collect()
}

/// A time if there is one, else an empty cell.
fn maybe_utc(at: Option<DateTime<Utc>>) -> Line<'static> {
    at.map(|at| word(utc(at))).into_iter().collect()
}

/// The columns' titles in the current language.
fn titles(english: &[&str]) -> Vec<String> {
    english.iter().map(|c| text::report_column(c)).collect()
}

/// A table of `items`, a row each with the cells `cells` makes of it, under the
/// columns `english` names (in the current language).
pub(super) fn table<'a, T>(
    sink: &mut impl ReportSink,
    english: &[&str],
    items: &'a [T],
    cells: impl Fn(&'a T) -> Vec<Line<'a>>,
    empty: &str,
) {
    let rows: Vec<Vec<Line>> = items.iter().map(cells).collect();
    sink.table(&titles(english), &rows, empty);
}

/// Walks `r` from top to bottom, telling `sink` what to write.
fn walk(r: &Report, sink: &mut impl ReportSink) {
    let none = text::report_none();
    let title = vec![
        word(text::report_title()),
        word(" — "),
        word(r.id.as_str()),
        word(" "),
        text(&r.title),
    ];
    let mut document = vec![word(r.tlp.as_str()), word(" ")];
    document.extend(title.iter().cloned());
    sink.start(&document);
    sink.banner(Banner::Tlp, &[word(r.tlp.as_str())]);
    if r.exercise {
        sink.banner(Banner::Exercise, &[word(text::exercise())]);
    }
    sink.heading(1, &title);
    sink.facts(&facts(r));

    sink.heading(2, &[word(text::report_milestones())]);
    let columns = ["Milestone", "UTC", "After"];
    table(sink, &columns, &r.milestones, milestone, &none);

    sink.heading(2, &[word(text::report_summary())]);
    sink.paragraph(&[if r.summary.is_empty() {
        word(none.as_str())
    } else {
        text(&r.summary)
    }]);

    attack::what_the_attacker_did(r, sink);

    sink.heading(2, &[word(text::report_timeline())]);
    let columns = ["#", "UTC", "Author", "Event"];
    table(sink, &columns, &r.timeline, timeline_entry, &none);

    if !r.retractions.is_empty() {
        sink.heading(2, &[word(text::report_retractions())]);
        let columns = ["#", "Event", "Retracted by", "Reason"];
        table(sink, &columns, &r.retractions, retraction, &none);
    }

    sink.heading(2, &[word(text::report_phases())]);
    for p in &r.phases {
        let mut name = vec![text(&p.name)];
        if p.current {
            name.push(word(format!(" ({})", text::report_current())));
        }
        sink.heading(3, &name);
        // An empty phase says so in every format.
        if p.items.is_empty() {
            sink.paragraph(&[word(none.as_str())]);
            continue;
        }
        let columns = ["Step", "Status", "Owner", "Done by", "Done at (UTC)"];
        table(sink, &columns, &p.items, item, &none);
    }

    sink.heading(2, &[word(text::report_clocks())]);
    let columns = [
        "Deadline",
        "Owed to",
        "State",
        "Due (UTC)",
        "Outcome",
        "Reference",
    ];
    table(sink, &columns, &r.clocks, clock, &none);

    sink.heading(2, &[word(text::report_contacts())]);
    let columns = ["UTC", "Contact", "Outcome", "By", "Note"];
    table(sink, &columns, &r.contacts, contact, &none);

    sink.heading(2, &[word(text::report_evidence())]);
    let evidence: Vec<Record> = r.evidence.iter().map(evidence_record).collect();
    sink.records(
        &titles(&[
            "Ref.",
            "Kind",
            "Description",
            "SHA-256",
            "Location",
            "Custody",
        ]),
        &evidence,
        &none,
    );

    // Affected assets and observables (report/affected.rs), when there are any.
    super::affected::walk(r, sink);

    sink.heading(2, &[word(text::report_lessons())]);
    let lessons: Vec<Line> = r.lessons.iter().map(lesson).collect();
    sink.list(&lessons, &none);

    sink.heading(2, &[word(text::report_integrity_text())]);
    sink.paragraph(&[word(text::report_integrity(
        r.journal.events,
        &r.journal.sha256,
    ))]);
    sink.finish();
}

fn milestone(m: &Milestone) -> Vec<Line<'_>> {
    vec![
        vec![text(&m.name)],
        vec![word(
            m.at.map(utc).unwrap_or_else(text::milestone_not_reached),
        )],
        vec![word(m.after.as_deref().unwrap_or(""))],
    ]
}

fn timeline_entry(e: &TimelineEntry) -> Vec<Line<'_>> {
    let line = match &e.amended {
        Some(amended) => vec![
            Span::Struck(Box::new(text(&e.text))),
            word(" ("),
            text(amended),
            word(")"),
        ],
        None => vec![text(&e.text)],
    };
    vec![
        vec![word(e.event.to_string())],
        vec![word(entry_time(e))],
        vec![text(&e.author)],
        line,
    ]
}

fn retraction(x: &RetractionReport) -> Vec<Line<'_>> {
    vec![
        vec![word(x.event.to_string())],
        vec![Span::Struck(Box::new(text(&x.text)))],
        vec![word(format!("#{}", x.retracted_by))],
        vec![text(&x.reason)],
    ]
}

fn item(i: &ItemReport) -> Vec<Line<'_>> {
    let status = match &i.not_applicable {
        Some(reason) => vec![
            word(text::report_code("not applicable")),
            word(": "),
            text(reason),
        ],
        None => vec![word(text::report_code(&i.status))],
    };
    vec![
        vec![text(&i.text)],
        status,
        maybe(&i.owner),
        maybe(&i.done_by),
        maybe_utc(i.done_at),
    ]
}

fn clock(c: &ClockReport) -> Vec<Line<'_>> {
    vec![
        vec![text(&c.name)],
        vec![text(&c.authority)],
        vec![word(text::report_code(&c.state))],
        maybe_utc(c.deadline),
        vec![text(&c.outcome)],
        maybe(&c.reference),
    ]
}

fn contact(c: &ContactReport) -> Vec<Line<'_>> {
    vec![
        vec![word(utc(c.at))],
        vec![text(&c.contact)],
        vec![word(c.outcome.as_str())],
        vec![text(&c.by)],
        vec![text(&c.note)],
    ]
}

/// An evidence item: what it is, then its hash, where it is kept, who held it when.
fn evidence_record(e: &EvidenceReport) -> Record<'_> {
    let hash = e.sha256.as_deref().map(|h| vec![Span::Hash(h)]);
    let location = Some(&e.location)
        .filter(|l| !l.is_empty())
        .map(|l| vec![text(l)]);
    let custody = e
        .custody
        .iter()
        .map(|c| vec![word(utc(c.at)), word(" → "), text(&c.to)]);
    Record {
        name: vec![text(&e.reference)],
        kind: vec![word(e.kind.as_str())],
        about: vec![text(&e.description)],
        details: vec![
            Detail {
                lead_in: "SHA-256 ".into(),
                values: hash.into_iter().collect(),
            },
            Detail {
                lead_in: String::new(),
                values: location.into_iter().collect(),
            },
            Detail {
                lead_in: format!("{}: ", text::report_custody()),
                values: custody.collect(),
            },
        ],
    }
}

fn lesson(l: &LessonReport) -> Line<'_> {
    let mut line = vec![
        Span::Strong(Box::new(word(l.kind.as_str()))),
        word(": "),
        text(&l.text),
    ];
    if let Some(owner) = &l.owner {
        line.extend([word(" — "), text(owner)]);
    }
    if let Some(due) = l.due {
        line.push(word(format!(" ({due})")));
    }
    line
}

/// The facts under the title. A time not known (detection) has no row in any format;
/// a commander or playbook not named keeps its row, empty.
fn facts(r: &Report) -> Vec<(String, Line<'_>)> {
    let mut rows = vec![
        (text::report_organisation(), vec![text(&r.organisation)]),
        (text::label_severity(), vec![text(&r.severity)]),
        (text::label_category(), vec![text(&r.category)]),
        (text::label_declared(), vec![word(utc(r.declared_at))]),
    ];
    if let Some(detected) = r.detected_at {
        rows.push((text::label_detected(), vec![word(utc(detected))]));
    }
    rows.extend([
        (text::label_commander(), maybe(&r.commander)),
        (text::label_playbook(), maybe(&r.playbook)),
        (text::report_generated(), vec![word(utc(r.generated_at))]),
    ]);
    // What a closed incident adds: how it ended, what was said, how long it took.
    if let Some(resolution) = &r.resolution {
        rows.push((text::report_resolution(), vec![text(resolution)]));
    }
    if let Some(summary) = &r.closing_summary {
        rows.push((text::report_closing_summary(), vec![text(summary)]));
    }
    let label = if r.closed_at.is_some() {
        text::report_duration()
    } else {
        text::report_running_for()
    };
    let duration = crate::text::hms(chrono::TimeDelta::seconds(r.duration_seconds));
    rows.push((label, vec![Span::Text(duration.into())]));
    rows
}

/// When a timeline entry happened, and when it was logged if that was apart.
fn entry_time(e: &TimelineEntry) -> String {
    match e.logged_at {
        Some(logged) => format!("{} ({})", utc(e.at), text::logged_at(&utc(logged))),
        None => utc(e.at),
    }
}

pub(super) fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::super::{JournalHead, PhaseReport, html, markdown};
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, hour, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn report() -> Report {
        Report {
            tlp: "TLP:AMBER".into(),
            exercise: false,
            id: "IR-2026-0001".into(),
            title: "Phishing at HQ".into(),
            organisation: "Acme".into(),
            severity: "3 High".into(),
            category: "Fraud".into(),
            declared_at: at(10),
            detected_at: None,
            closed_at: None,
            resolution: None,
            closing_summary: None,
            duration_seconds: 3600,
            milestones: vec![Milestone {
                id: "declared",
                name: "Declared".into(),
                at: Some(at(10)),
                after: Some("00:00:00".into()),
            }],
            commander: None,
            summary: String::new(),
            playbook: None,
            phase_model: None,
            generated_at: at(11),
            attack_timeline: Vec::new(),
            dwell: crate::domain::dwell::Dwell {
                first_activity: None,
                detected: at(10),
                detected_is_declared: true,
                contained: None,
                dwell: None,
                to_containment: None,
                exposure: None,
            },
            timeline: vec![TimelineEntry {
                event: 1,
                at: at(10),
                logged_at: None,
                author: "ann".into(),
                kind: "declared".into(),
                text: "Declared".into(),
                amended: None,
            }],
            retractions: Vec::new(),
            phases: vec![
                PhaseReport {
                    name: "Identification".into(),
                    current: true,
                    items: vec![ItemReport {
                        id: "a".into(),
                        text: "Declare".into(),
                        status: "open".into(),
                        owner: None,
                        assignee: None,
                        done_by: None,
                        done_at: None,
                        not_applicable: None,
                    }],
                },
                PhaseReport {
                    name: "Recovery".into(),
                    current: false,
                    items: Vec::new(),
                },
            ],
            clocks: Vec::new(),
            contacts: Vec::new(),
            evidence: Vec::new(),
            assets: Vec::new(),
            observables: Vec::new(),
            lessons: Vec::new(),
            journal: JournalHead {
                events: 1,
                sha256: "00".into(),
            },
        }
    }

    /// What a Markdown report shows: its banners, headings and fact labels, in order.
    fn shown_in_markdown(md: &str) -> Vec<String> {
        let mut facts = false;
        let mut shown = Vec::new();
        for line in md.lines() {
            if line == "|---|---|" {
                facts = true;
            } else if line.is_empty() {
                facts = false;
            } else if let Some(banner) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**"))
            {
                shown.push(format!("banner {banner}"));
            } else if line.starts_with('#') {
                let (marks, heading) = line.split_once(' ').unwrap_or_default();
                shown.push(format!("h{} {heading}", marks.len()));
            } else if facts {
                let label = line.split(" | ").next().unwrap_or_default();
                shown.push(format!("fact {}", label.trim_start_matches("| ")));
            }
        }
        shown
    }

    /// The same, read from an HTML report.
    fn shown_in_html(html: &str) -> Vec<String> {
        let mut shown = Vec::new();
        for line in html.lines() {
            if let Some(rest) = line.strip_prefix("<p class=\"") {
                let banner = rest.split_once("\">").unwrap_or_default().1;
                shown.push(format!("banner {}", banner.trim_end_matches("</p>")));
            } else if let Some(rest) = line
                .strip_prefix("<h")
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            {
                let (level, heading) = rest.split_once('>').unwrap_or_default();
                let heading = heading.split_once("</h").unwrap_or_default().0;
                shown.push(format!("h{level} {heading}"));
            } else if let Some(rest) = line.strip_prefix("<tr><th>") {
                let label = rest.split_once("</th><td>").unwrap_or_default().0;
                shown.push(format!("fact {label}"));
            }
        }
        shown
    }

    fn shown(r: &Report) -> Vec<String> {
        let md = shown_in_markdown(&markdown(r));
        assert_eq!(md, shown_in_html(&html(r)), "the formats disagree");
        md
    }

    #[test]
    fn both_formats_show_the_same_rows_and_sections() {
        let bare = report();
        let shown_bare = shown(&bare);
        assert!(
            !shown_bare.contains(&"fact Detected".to_string()),
            "{shown_bare:?}"
        );
        assert!(
            shown_bare.contains(&"fact Commander".to_string()),
            "{shown_bare:?}"
        );
        assert!(
            !shown_bare.iter().any(|s| s.contains("Retracted")),
            "{shown_bare:?}"
        );

        let mut full = report();
        full.exercise = true;
        full.detected_at = Some(at(9));
        full.commander = Some("Ann".into());
        full.closed_at = Some(at(11));
        full.resolution = Some("resolved".into());
        full.closing_summary = Some("contained".into());
        full.retractions.push(RetractionReport {
            event: 2,
            text: "wrong".into(),
            retracted_by: 3,
            reason: "typo".into(),
        });
        full.clocks.push(ClockReport {
            name: "GDPR".into(),
            authority: "CNIL".into(),
            state: "running".into(),
            deadline: Some(at(12)),
            met_at: None,
            outcome: String::new(),
            reference: None,
        });
        full.lessons.push(LessonReport {
            kind: "cause".into(),
            text: "no MFA".into(),
            owner: None,
            due: None,
        });
        full.attack_timeline.push(crate::report::AttackStepReport {
            id: "S1".into(),
            at: at(8),
            description: "<b>phishing</b>".into(),
            tactic: Some("TA0001".into()),
            tactic_name: Some("Initial Access".into()),
            technique: Some("T1566".into()),
            technique_name: Some("Phishing".into()),
            observables: vec!["O1".into()],
            assets: Vec::new(),
            source: "EDR".into(),
        });
        let md = markdown(&full);
        let row = "| S1 | 2026-11-28 08:00:00 UTC | TA0001 Initial Access | T1566 Phishing |";
        assert!(md.contains(row), "{md}");
        assert!(md.contains("| O1 — EDR |"), "{md}");
        assert!(!html(&full).contains("<b>phishing"), "user text is escaped");
        let shown_full = shown(&full);
        let place = |h: &str| shown_full.iter().position(|s| s == h);
        let (attacker, dwell, we) = (
            place("h2 What the attacker did"),
            place("h2 Dwell time"),
            place("h2 What we did"),
        );
        assert!(
            attacker.is_some() && attacker < dwell && dwell < we,
            "{shown_full:?}"
        );
        for expected in [
            "banner EXERCISE",
            "fact Detected",
            "fact Resolution",
            "fact Duration",
            "h2 Retracted entries",
        ] {
            assert!(
                shown_full.contains(&expected.to_string()),
                "{expected}: {shown_full:?}"
            );
        }
    }
}
