//! Notification drafts: plain text with the fields each authority asks for, filled from
//! the incident, every unknown marked for completion. Pure: the caller writes the file.

use crate::config::Config;
use crate::domain::{ChecklistItem, ClockState, Flag, IncidentState};
use crate::text;
use chrono::{DateTime, Utc};
use std::fmt::Write;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKind {
    /// GDPR Art. 33 notification to the data-protection authority.
    Gdpr,
    Nis2Early,
    Nis2Notification,
    Nis2Final,
}

impl DraftKind {
    pub const ALL: [DraftKind; 4] = [
        DraftKind::Gdpr,
        DraftKind::Nis2Early,
        DraftKind::Nis2Notification,
        DraftKind::Nis2Final,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            DraftKind::Gdpr => "gdpr",
            DraftKind::Nis2Early => "nis2-early",
            DraftKind::Nis2Notification => "nis2-notification",
            DraftKind::Nis2Final => "nis2-final",
        }
    }

    /// The clock whose deadline this notification meets.
    pub fn clock(self) -> &'static str {
        match self {
            DraftKind::Gdpr => "gdpr-authority",
            DraftKind::Nis2Early => "nis2-early-warning",
            DraftKind::Nis2Notification => "nis2-notification",
            DraftKind::Nis2Final => "nis2-final-report",
        }
    }

    pub fn for_clock(clock: &str) -> Option<DraftKind> {
        DraftKind::ALL.into_iter().find(|k| k.clock() == clock)
    }

    pub fn valid_values() -> String {
        DraftKind::ALL.map(DraftKind::slug).join(", ")
    }
}

impl FromStr for DraftKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DraftKind::ALL
            .into_iter()
            .find(|k| k.slug() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| text::unknown_draft(s, &DraftKind::valid_values()))
    }
}

/// `[TO COMPLETE: what]`, the mark of every blank a person must fill.
fn blank(what: &str) -> String {
    format!("[{}: {what}]", text::DRAFT_TO_COMPLETE)
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

fn or_blank(value: &str, what: &str) -> String {
    if value.trim().is_empty() {
        blank(what)
    } else {
        value.to_string()
    }
}

/// Done checklist items, each with when and by whom: the measures taken so far.
fn measures(s: &IncidentState) -> Vec<&ChecklistItem> {
    let mut done: Vec<&ChecklistItem> = s.checklist.iter().filter(|i| i.done.is_some()).collect();
    done.sort_by_key(|i| i.done.as_ref().map(|d| d.at));
    done
}

/// The draft of `kind` for the incident, as of `now`.
pub fn render(kind: DraftKind, s: &IncidentState, config: &Config, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let clock = s.clocks().get(kind.clock()).cloned();
    // Writing to a String cannot fail.
    let _ = write_draft(&mut out, kind, s, config, now, clock.as_ref());
    out
}

fn write_draft(
    out: &mut String,
    kind: DraftKind,
    s: &IncidentState,
    config: &Config,
    now: DateTime<Utc>,
    clock: Option<&crate::domain::ClockView>,
) -> std::fmt::Result {
    writeln!(out, "{}", s.tlp.label())?;
    if s.exercise {
        writeln!(out, "{}", text::EXERCISE)?;
    }
    writeln!(out, "{}", text::draft_title(kind))?;
    writeln!(out, "{}", "=".repeat(72))?;
    writeln!(out, "{}: {}", text::DRAFT_PREPARED, utc(now))?;
    if let Some(c) = clock {
        writeln!(out, "{}: {}", text::DRAFT_RECIPIENT, c.authority)?;
        if let Some(deadline) = c.state.deadline() {
            writeln!(out, "{}: {}", text::DRAFT_DEADLINE, utc(deadline))?;
            if now > deadline && !matches!(c.state, ClockState::Met { .. }) {
                writeln!(
                    out,
                    "{}: {}",
                    text::DRAFT_LATE,
                    blank(text::DRAFT_LATE_REASONS)
                )?;
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", text::DRAFT_SECTION_ENTITY)?;
    writeln!(
        out,
        "  {}: {}",
        text::DRAFT_ORGANISATION,
        config.organisation
    )?;
    let poc = &config.point_of_contact;
    writeln!(
        out,
        "  {}: {}",
        text::DRAFT_CONTACT,
        or_blank(
            &[poc.name.as_str(), poc.email.as_str()]
                .iter()
                .filter(|x| !x.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            text::DRAFT_CONTACT
        )
    )?;
    writeln!(out)?;
    writeln!(out, "{}", text::DRAFT_SECTION_INCIDENT)?;
    writeln!(out, "  {}: {}", text::DRAFT_REFERENCE, s.id)?;
    writeln!(out, "  {}: {}", text::label_title(), s.title)?;
    writeln!(out, "  {}: {}", text::label_category(), s.category.name())?;
    writeln!(out, "  {}: {}", text::label_severity(), s.severity)?;
    let detected = s
        .detected_at
        .map_or_else(|| blank(text::DRAFT_DETECTED), utc);
    writeln!(out, "  {}: {detected}", text::label_detected())?;
    writeln!(out, "  {}: {}", text::label_declared(), utc(s.declared_at))?;
    let flag_at = |f: Flag| s.clock_facts.flags.get(&f).copied();
    let aware_flag = match kind {
        DraftKind::Gdpr => flag_at(Flag::PersonalData),
        _ => flag_at(Flag::Significant),
    };
    writeln!(
        out,
        "  {}: {}",
        text::DRAFT_AWARE,
        aware_flag.map_or_else(|| blank(text::DRAFT_AWARE), utc)
    )?;
    writeln!(
        out,
        "  {}: {}",
        text::label_summary(),
        or_blank(&s.summary, text::DRAFT_DESCRIPTION)
    )?;
    writeln!(out)?;
    for (question, prefill) in questions(kind, s) {
        writeln!(out, "{question}")?;
        let empty = format!("[{}]", text::DRAFT_TO_COMPLETE);
        writeln!(out, "  {}", prefill.unwrap_or(empty))?;
        writeln!(out)?;
    }
    writeln!(out, "{}", text::DRAFT_SECTION_MEASURES)?;
    let done = measures(s);
    if done.is_empty() {
        writeln!(out, "  {}", blank(text::DRAFT_SECTION_MEASURES))?;
    }
    for item in done {
        if let Some(d) = &item.done {
            writeln!(out, "  - {} ({}, {})", item.text, utc(d.at), d.by)?;
        }
    }
    writeln!(out, "  {}", blank(text::DRAFT_PLANNED))?;
    Ok(())
}

/// What each notification must answer, with what the incident already says.
fn questions(kind: DraftKind, s: &IncidentState) -> Vec<(&'static str, Option<String>)> {
    match kind {
        DraftKind::Gdpr => vec![
            (text::DRAFT_GDPR_NATURE, None),
            (text::DRAFT_GDPR_PEOPLE, None),
            (text::DRAFT_GDPR_RECORDS, None),
            (text::DRAFT_GDPR_DPO, None),
            (text::DRAFT_GDPR_CONSEQUENCES, None),
            (
                text::DRAFT_GDPR_PHASED,
                Some(text::DRAFT_GDPR_PHASED_DEFAULT.into()),
            ),
        ],
        DraftKind::Nis2Early => vec![
            (text::DRAFT_NIS2_MALICIOUS, None),
            (text::DRAFT_NIS2_CROSS_BORDER, None),
        ],
        DraftKind::Nis2Notification => vec![
            (text::DRAFT_NIS2_UPDATE, None),
            (
                text::DRAFT_NIS2_ASSESSMENT,
                Some(format!("{} ({})", s.severity, s.category.name())),
            ),
            (text::DRAFT_NIS2_IOCS, None),
        ],
        DraftKind::Nis2Final => vec![
            (text::DRAFT_NIS2_DESCRIPTION, None),
            (text::DRAFT_NIS2_ROOT_CAUSE, None),
            (text::DRAFT_NIS2_MITIGATION, None),
            (text::DRAFT_NIS2_CROSS_BORDER, None),
        ],
    }
}

/// The file name a draft is saved under: `IR-2026-0007-gdpr.txt`.
pub fn file_name(kind: DraftKind, s: &IncidentState) -> String {
    format!("{}-{}.txt", s.id, kind.slug())
}
