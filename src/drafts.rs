//! Notification drafts: plain text with the fields each authority asks for, filled from
//! the incident, every unknown marked for completion. Pure: the caller writes the file.

mod dora;
mod iocs;

use crate::config::Config;
use crate::domain::{Change, ChecklistItem, ClockState, Event, Flag, IncidentState};
use crate::text;
use chrono::{DateTime, Utc};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKind {
    /// GDPR Art. 33 notification to the data-protection authority.
    Gdpr,
    Nis2Early,
    Nis2Notification,
    Nis2Final,
    /// DORA reports on a major ICT-related incident to the financial supervisor.
    DoraInitial,
    DoraIntermediate,
    DoraFinal,
}

impl DraftKind {
    pub const ALL: [DraftKind; 7] = [
        DraftKind::Gdpr,
        DraftKind::Nis2Early,
        DraftKind::Nis2Notification,
        DraftKind::Nis2Final,
        DraftKind::DoraInitial,
        DraftKind::DoraIntermediate,
        DraftKind::DoraFinal,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            DraftKind::Gdpr => "gdpr",
            DraftKind::Nis2Early => "nis2-early",
            DraftKind::Nis2Notification => "nis2-notification",
            DraftKind::Nis2Final => "nis2-final",
            DraftKind::DoraInitial => "dora-initial",
            DraftKind::DoraIntermediate => "dora-intermediate",
            DraftKind::DoraFinal => "dora-final",
        }
    }

    pub fn is_dora(self) -> bool {
        matches!(
            self,
            DraftKind::DoraInitial | DraftKind::DoraIntermediate | DraftKind::DoraFinal
        )
    }

    /// The clock whose deadline this notification meets.
    pub fn clock(self) -> &'static str {
        match self {
            DraftKind::Gdpr => "gdpr-authority",
            DraftKind::Nis2Early => "nis2-early-warning",
            DraftKind::Nis2Notification => "nis2-notification",
            DraftKind::Nis2Final => "nis2-final-report",
            DraftKind::DoraInitial => "dora-initial",
            DraftKind::DoraIntermediate => "dora-intermediate",
            DraftKind::DoraFinal => "dora-final",
        }
    }

    pub fn for_clock(clock: &str) -> Option<DraftKind> {
        DraftKind::ALL.into_iter().find(|k| k.clock() == clock)
    }
}

crate::closed_list_by_slug!(DraftKind => "draft");

/// `[TO COMPLETE: what]`, the mark of every blank a person must fill.
pub(crate) fn blank(what: &str) -> String {
    format!("[{}: {what}]", text::draft_to_complete())
}

pub(crate) fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

fn or_blank(value: &str, what: &str) -> String {
    if value.trim().is_empty() {
        blank(what)
    } else {
        value.to_string()
    }
}

/// Steps recorded as done, each with when and by whom: the measures taken so far.
fn measures(s: &IncidentState) -> Vec<&ChecklistItem> {
    let mut done: Vec<&ChecklistItem> = s.checklist.iter().filter(|i| i.done.is_some()).collect();
    done.sort_by_key(|i| i.done.as_ref().map(|d| d.at));
    done
}

/// The draft of `kind` for the incident whose journal is `events` (folded as `s`), as
/// of `now`.
pub fn render(
    kind: DraftKind,
    s: &IncidentState,
    events: &[Event],
    config: &Config,
    now: DateTime<Utc>,
) -> String {
    let mut out = String::new();
    let clock = s.clocks().get(kind.clock()).cloned();
    let noted = noted_measures(events);
    // Writing to a String cannot fail.
    let _ = write_draft(&mut out, kind, s, &noted, config, now, clock.as_ref());
    out
}

/// Notes written as actions or decisions (`Action: …`, `Decision: …`, in English or
/// French), not retracted: measures taken, with when and by whom.
fn noted_measures(events: &[Event]) -> Vec<(DateTime<Utc>, String, String)> {
    const MARKS: [&str; 4] = ["action", "decision", "décision", "mesure"];
    let mut noted: Vec<_> = crate::domain::effective(events)
        .into_iter()
        .filter_map(|e| match &e.change {
            Change::NoteAdded { text } => {
                let (head, rest) = text.split_once(':')?;
                MARKS
                    .contains(&head.trim().to_lowercase().as_str())
                    .then(|| (e.occurred(), e.author.clone(), rest.trim().to_string()))
            }
            _ => None,
        })
        .collect();
    noted.sort_by_key(|(at, _, _)| *at);
    noted
}

fn write_draft(
    out: &mut String,
    kind: DraftKind,
    s: &IncidentState,
    noted: &[(DateTime<Utc>, String, String)],
    config: &Config,
    now: DateTime<Utc>,
    clock: Option<&crate::domain::ClockView>,
) -> std::fmt::Result {
    writeln!(out, "{}", s.tlp.label())?;
    if s.exercise {
        writeln!(out, "{}", text::exercise())?;
    }
    writeln!(out, "{}", title(kind))?;
    writeln!(out, "{}", "=".repeat(72))?;
    writeln!(out, "{} {}", text::colon(&text::draft_prepared()), utc(now))?;
    if let Some(submission) = dora::submission(kind) {
        writeln!(
            out,
            "{} {submission}",
            text::colon(&text::draft_dora_submission())
        )?;
    }
    if let Some(c) = clock {
        writeln!(
            out,
            "{} {}",
            text::colon(&text::draft_recipient()),
            crate::i18n::localized(&c.authority)
        )?;
        if let Some(deadline) = c.state.deadline() {
            writeln!(
                out,
                "{} {}",
                text::colon(&text::draft_deadline()),
                utc(deadline)
            )?;
            if now > deadline && !matches!(c.state, ClockState::Met { .. }) {
                writeln!(
                    out,
                    "{} {}",
                    text::colon(&text::draft_late()),
                    blank(&text::draft_late_reasons())
                )?;
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", text::draft_section_entity())?;
    writeln!(
        out,
        "  {} {}",
        text::colon(&text::draft_organisation()),
        crate::i18n::localized(&config.organisation)
    )?;
    if kind.is_dora() {
        dora::write_entity(out, config)?;
    }
    let poc = &config.point_of_contact;
    writeln!(
        out,
        "  {} {}",
        text::colon(&text::draft_contact()),
        or_blank(
            &[&crate::i18n::localized(&poc.name), poc.email.as_str()]
                .iter()
                .filter(|x| !x.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            &text::draft_contact()
        )
    )?;
    writeln!(out)?;
    writeln!(out, "{}", text::draft_section_incident())?;
    writeln!(out, "  {} {}", text::colon(&text::draft_reference()), s.id)?;
    writeln!(
        out,
        "  {} {}",
        text::colon(&text::label_title()),
        crate::i18n::localized(&s.title)
    )?;
    writeln!(
        out,
        "  {} {}",
        text::colon(&text::label_category()),
        crate::i18n::terms::category(s.category)
    )?;
    writeln!(
        out,
        "  {} {} {}",
        text::colon(&text::label_severity()),
        s.severity.level(),
        crate::i18n::terms::severity(s.severity)
    )?;
    let detected = s
        .detected_at
        .map_or_else(|| blank(&text::draft_detected_how(&s.id.to_string())), utc);
    writeln!(out, "  {} {detected}", text::colon(&text::label_detected()))?;
    writeln!(
        out,
        "  {} {}",
        text::colon(&text::label_declared()),
        utc(s.declared_at)
    )?;
    let flag_at = |f: Flag| s.clock_facts.flags.get(&f).copied();
    if kind.is_dora() {
        dora::write_incident(out, s, flag_at(Flag::Major))?;
    } else {
        let aware_flag = match kind {
            DraftKind::Gdpr => flag_at(Flag::PersonalData),
            _ => flag_at(Flag::Significant),
        };
        writeln!(
            out,
            "  {} {}",
            text::colon(&text::draft_aware()),
            aware_flag.map_or_else(|| blank(&text::draft_aware()), utc)
        )?;
    }
    writeln!(
        out,
        "  {} {}",
        text::colon(&text::label_summary()),
        or_blank(
            &crate::i18n::localized(&s.summary),
            &text::draft_description()
        )
    )?;
    writeln!(out)?;
    for (question, prefill) in questions(kind, s, config, now) {
        writeln!(out, "{question}")?;
        let empty = format!("[{}]", text::draft_to_complete());
        writeln!(out, "  {}", prefill.unwrap_or(empty))?;
        writeln!(out)?;
    }
    writeln!(out, "{}", text::draft_section_measures())?;
    let done = measures(s);
    if done.is_empty() && noted.is_empty() {
        writeln!(out, "  {}", blank(&text::draft_section_measures()))?;
    }
    for (at, by, what) in noted {
        writeln!(out, "  - {}, {by}: {what}", utc(*at))?;
    }
    for item in done {
        if let Some(d) = &item.done {
            writeln!(
                out,
                "  - {}",
                text::draft_step_done(&utc(d.at), &d.by, &crate::i18n::localized(&item.text))
            )?;
        }
    }
    writeln!(out, "  {}", blank(&text::draft_planned()))?;
    let missing = still_to_complete(out);
    if !missing.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", text::draft_still_to_complete())?;
        for what in missing {
            writeln!(out, "  [ ] {what}")?;
        }
    }
    Ok(())
}

/// What each notification must answer, with what the incident already says.
fn questions(
    kind: DraftKind,
    s: &IncidentState,
    config: &Config,
    now: DateTime<Utc>,
) -> Vec<(String, Option<String>)> {
    match kind {
        DraftKind::Gdpr => vec![
            (text::draft_gdpr_nature(), None),
            (text::draft_gdpr_people(), None),
            (text::draft_gdpr_records(), None),
            (text::draft_gdpr_dpo(), dpo(config)),
            (text::draft_gdpr_consequences(), None),
            (
                text::draft_gdpr_phased(),
                Some(text::draft_gdpr_phased_default()),
            ),
        ],
        DraftKind::Nis2Early => vec![
            (text::draft_nis2_malicious(), None),
            (text::draft_nis2_cross_border(), None),
        ],
        DraftKind::Nis2Notification => vec![
            (text::draft_nis2_update(), None),
            (
                text::draft_nis2_assessment(),
                Some(format!(
                    "{} {} ({})",
                    s.severity.level(),
                    crate::i18n::terms::severity(s.severity),
                    crate::i18n::terms::category(s.category)
                )),
            ),
            (text::draft_nis2_iocs(), iocs::listed(s)),
        ],
        DraftKind::Nis2Final => vec![
            (text::draft_nis2_description(), None),
            (text::draft_nis2_root_cause(), None),
            (text::draft_nis2_mitigation(), None),
            (text::draft_nis2_cross_border(), None),
        ],
        DraftKind::DoraInitial | DraftKind::DoraIntermediate | DraftKind::DoraFinal => {
            dora::questions(kind, s, now)
        }
    }
}

/// The DPO from the directory the config ships (a contact with the `dpo` role): name,
/// e-mail and phone, as far as known.
fn dpo(config: &Config) -> Option<String> {
    let c = config
        .contacts
        .iter()
        .find(|c| c.roles.iter().any(|r| r == "dpo"))?;
    let parts: Vec<String> = std::iter::once(crate::i18n::localized(&c.name).into_owned())
        .chain((!c.email.is_empty()).then(|| c.email.clone()))
        .chain(c.phones.first().cloned())
        .collect();
    Some(parts.join(", "))
}

/// Every `[TO COMPLETE: what]` left in a draft, once each, in order: the list that
/// ends it, so nothing is sent half filled.
fn still_to_complete(draft: &str) -> Vec<String> {
    let mark = format!("[{}: ", text::draft_to_complete());
    let mut found: Vec<String> = Vec::new();
    let mut rest = draft;
    while let Some(start) = rest.find(&mark) {
        let after = &rest[start + mark.len()..];
        let Some(end) = after.find(']') else { break };
        let what = after[..end].to_string();
        if !found.contains(&what) {
            found.push(what);
        }
        rest = &after[end..];
    }
    found
}

/// The file name a draft is saved under: `IR-2026-0007-gdpr.txt`.
pub fn file_name(kind: DraftKind, s: &IncidentState) -> String {
    format!("{}-{}.txt", s.id, kind.slug())
}

pub fn title(kind: DraftKind) -> String {
    crate::i18n::tr(match kind {
        DraftKind::Gdpr => "draft-title-gdpr",
        DraftKind::Nis2Early => "draft-title-nis2-early",
        DraftKind::Nis2Notification => "draft-title-nis2-notification",
        DraftKind::Nis2Final => "draft-title-nis2-final",
        DraftKind::DoraInitial => "draft-title-dora-initial",
        DraftKind::DoraIntermediate => "draft-title-dora-intermediate",
        DraftKind::DoraFinal => "draft-title-dora-final",
    })
}
