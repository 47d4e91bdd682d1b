//! DORA reports on a major ICT-related incident: the initial notification, the
//! intermediate report and the final report (Regulation (EU) 2022/2554 Art. 19(4); their
//! content: Delegated Regulation (EU) 2025/301 Arts. 1 to 4; their template:
//! Implementing Regulation (EU) 2025/302 Annex I). What the incident already says is
//! filled in; the rest is asked for, each field once.

use super::{DraftKind, blank, iocs, utc};
use crate::config::Config;
use crate::domain::observable::ObservableKind;
use crate::domain::{ClockState, IncidentState, LessonKind, Resolution, Stage};
use crate::text;
use chrono::{DateTime, Utc};
use std::fmt::Write;

type Questions = Vec<(String, Option<String>)>;

/// The type of submission the template asks first, for a DORA kind.
pub(super) fn submission(kind: DraftKind) -> Option<String> {
    match kind {
        DraftKind::DoraInitial => Some(text::draft_dora_submission_initial()),
        DraftKind::DoraIntermediate => Some(text::draft_dora_submission_intermediate()),
        DraftKind::DoraFinal => Some(text::draft_dora_submission_final()),
        _ => None,
    }
}

/// The financial entity's identity beyond its name: its LEI (from the config) and its
/// type under DORA Art. 2(1), which warroom does not know.
pub(super) fn write_entity(out: &mut String, config: &Config) -> std::fmt::Result {
    let lei = config
        .lei
        .clone()
        .unwrap_or_else(|| blank(&text::draft_dora_lei_missing()));
    writeln!(out, "  {} {lei}", text::colon(&text::draft_dora_lei()))?;
    writeln!(
        out,
        "  {} {}",
        text::colon(&text::draft_dora_entity_type()),
        blank(&text::draft_dora_entity_type_what())
    )
}

/// When it was classified as major (the flag that starts the DORA clocks) and the
/// scope recorded, in place of the awareness line of the other drafts.
pub(super) fn write_incident(
    out: &mut String,
    s: &IncidentState,
    major: Option<DateTime<Utc>>,
) -> std::fmt::Result {
    let classified = major.map_or_else(
        || blank(&text::draft_dora_classified_how(&s.id.to_string())),
        utc,
    );
    writeln!(
        out,
        "  {} {classified}",
        text::colon(&text::draft_dora_classified())
    )?;
    writeln!(
        out,
        "  {} {}",
        text::colon(&text::draft_dora_scope()),
        text::scope(s.scope)
    )
}

/// What each report asks beyond the common header, with what the incident says.
pub(super) fn questions(kind: DraftKind, s: &IncidentState, now: DateTime<Utc>) -> Questions {
    match kind {
        DraftKind::DoraInitial => vec![
            (text::draft_dora_criteria(), Some(criteria(s, now))),
            (text::draft_dora_member_states(), None),
            (text::draft_dora_discovery(), None),
            (text::draft_dora_origin(), None),
            (text::draft_dora_bcp(), None),
            (text::draft_dora_reclassified(), None),
            (text::draft_dora_other(), None),
        ],
        DraftKind::DoraIntermediate => vec![
            (text::draft_dora_authority_ref(), authority_reference(s)),
            (text::draft_dora_occurred(), None),
            (
                text::draft_dora_contained(),
                crate::domain::dwell::containment(s).map(utc),
            ),
            (text::draft_dora_recovered(), recovered_at(s).map(utc)),
            (text::draft_dora_phases(), phases(s)),
            (text::draft_dora_criteria(), Some(criteria(s, now))),
            (text::draft_dora_type(), Some(incident_type(s))),
            (
                text::draft_dora_threats(),
                iocs::of_kind(s, ObservableKind::Technique),
            ),
            (text::draft_dora_functions(), None),
            (text::draft_dora_infrastructure(), Some(scope_recorded(s))),
            (text::draft_dora_clients(), None),
            (text::draft_dora_other_authorities(), other_authorities(s)),
            (text::draft_dora_iocs(), iocs::listed(s)),
        ],
        _ => vec![
            (text::draft_dora_authority_ref(), authority_reference(s)),
            (
                text::draft_dora_root_cause(),
                lessons(s, &[LessonKind::Cause]),
            ),
            (text::draft_dora_root_cause_addressed(), None),
            (text::draft_dora_recovered(), recovered_at(s).map(utc)),
            (
                text::draft_dora_resolved(),
                resolved(s).map(|(at, _)| utc(at)),
            ),
            (
                text::draft_dora_resolution(),
                resolved(s).and_then(|(_, how)| (!how.trim().is_empty()).then_some(how)),
            ),
            (text::draft_dora_phases(), phases(s)),
            (text::draft_dora_criteria(), Some(criteria(s, now))),
            (text::draft_dora_costs(), None),
            (
                text::draft_dora_lessons(),
                lessons(s, &[LessonKind::Weakness, LessonKind::WentWell]),
            ),
            (
                text::draft_dora_prevention(),
                lessons(s, &[LessonKind::Recommendation]),
            ),
            (text::draft_dora_reclassified(), None),
        ],
    }
}

/// The seven classification criteria (Delegated Reg. (EU) 2024/1772 Arts. 1 to 8), one
/// box each to tick; the duration is filled from the incident's own times.
fn criteria(s: &IncidentState, now: DateTime<Utc>) -> String {
    let open = format!("[{}]", text::draft_to_complete());
    let data = if s.scope.personal_data {
        text::draft_dora_data_personal()
    } else {
        open.clone()
    };
    [
        (text::draft_dora_criterion_clients(), open.clone()),
        (text::draft_dora_criterion_data(), data),
        (text::draft_dora_criterion_reputation(), open.clone()),
        (text::draft_dora_criterion_duration(), duration(s, now)),
        (text::draft_dora_criterion_geography(), open.clone()),
        (text::draft_dora_criterion_economic(), open.clone()),
        (text::draft_dora_criterion_critical(), open),
    ]
    .into_iter()
    .map(|(criterion, value)| format!("[ ] {} {value}", text::colon(&criterion)))
    .collect::<Vec<_>>()
    .join("\n  ")
}

/// From detection (else the declaration) to recovery, or so far.
fn duration(s: &IncidentState, now: DateTime<Utc>) -> String {
    let from = s.detected_at.unwrap_or(s.declared_at);
    match recovered_at(s) {
        Some(to) => text::draft_dora_duration_ended(&utc(from), &utc(to), &text::hms(to - from)),
        None => text::draft_dora_duration_so_far(&utc(from), &text::hms(now - from)),
    }
}

/// When regular activities were back: the incident first entered a phase past the one
/// covering recovery, or it was closed as resolved, whichever came first.
fn recovered_at(s: &IncidentState) -> Option<DateTime<Utc>> {
    let recovering = s.phases.iter().rposition(|p| {
        p.stages.contains(&Stage::Recover) || (p.stages.is_empty() && p.id.contains("recover"))
    });
    let past = recovering.and_then(|i| {
        s.phases[i + 1..]
            .iter()
            .filter_map(|p| s.phase_entered.get(&p.id))
            .min()
            .copied()
    });
    let closed = resolved(s).map(|(at, _)| at);
    past.into_iter().chain(closed).min()
}

/// When and how it was closed as handled (not a false positive, duplicate or transfer).
fn resolved(s: &IncidentState) -> Option<(DateTime<Utc>, String)> {
    s.closure
        .as_ref()
        .filter(|c| matches!(c.resolution, Resolution::Resolved))
        .map(|c| (c.at, c.summary.clone()))
}

/// Each phase entered, with when.
fn phases(s: &IncidentState) -> Option<String> {
    let lines: Vec<String> = s
        .phases
        .iter()
        .filter_map(|p| {
            let at = s.phase_entered.get(&p.id)?;
            Some(format!(
                "- {} {}",
                text::colon(&crate::i18n::localized(&p.name)),
                utc(*at)
            ))
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n  "))
}

/// The reference the authority gave, as recorded when the initial notification was
/// marked sent (`warroom clock ID met dora-initial --ref R`).
fn authority_reference(s: &IncidentState) -> Option<String> {
    let clocks = s.clocks();
    let initial = clocks.get(DraftKind::DoraInitial.clock())?;
    match &initial.state {
        ClockState::Met { at, reference, .. } if !reference.trim().is_empty() => {
            Some(text::draft_dora_authority_ref_value(reference, &utc(*at)))
        }
        _ => None,
    }
}

/// The type is the entity's call; the category recorded helps make it.
fn incident_type(s: &IncidentState) -> String {
    format!(
        "[{}] {}",
        text::draft_to_complete(),
        text::draft_dora_category_recorded(&crate::i18n::terms::category(s.category))
    )
}

fn scope_recorded(s: &IncidentState) -> String {
    format!(
        "[{}] {}",
        text::draft_to_complete(),
        text::draft_dora_scope_recorded(&text::scope(s.scope))
    )
}

/// Other notifications already sent (GDPR, NIS2…): the clocks met, other than DORA's
/// own and the retainer's.
fn other_authorities(s: &IncidentState) -> Option<String> {
    let lines: Vec<String> = s
        .clocks()
        .0
        .iter()
        .filter(|c| !c.id.starts_with("dora-") && !c.id.starts_with("retainer-"))
        .filter_map(|c| match &c.state {
            ClockState::Met { at, reference, .. } => {
                let clock = crate::i18n::localized(&c.name);
                let authority = crate::i18n::localized(&c.authority);
                Some(if reference.trim().is_empty() {
                    text::draft_dora_sent(&clock, &authority, &utc(*at))
                } else {
                    text::draft_dora_sent_ref(&clock, &authority, &utc(*at), reference)
                })
            }
            _ => None,
        })
        .map(|line| format!("- {line}"))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n  "))
}

/// The lessons of these kinds, each on its line; a recommendation with its owner and
/// due date, as the report shows them.
fn lessons(s: &IncidentState, kinds: &[LessonKind]) -> Option<String> {
    let lines: Vec<String> = s
        .lessons
        .iter()
        .filter(|l| kinds.contains(&l.kind))
        .map(|l| {
            let mut line = format!("- {}", crate::i18n::localized(&l.text));
            if let Some(owner) = &l.owner {
                line.push_str(&format!(" — {owner}"));
            }
            if let Some(due) = l.due {
                line.push_str(&format!(" ({due})"));
            }
            line
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n  "))
}
