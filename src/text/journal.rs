//! Journal lines (one per event, on screen, in reports and on the command line) and
//! the names of the values they record: flags, outcomes, kinds, scopes, resolutions.

use super::*;

words! {
    not_set => "not-set";
    scope_network => "scope-network";
    scope_cloud => "scope-cloud";
    scope_endpoints => "scope-endpoints";
    scope_ot => "scope-ot";
    scope_personal_data => "scope-personal-data";
    scope_none => "scope-none";
    /// After when an event happened, when it was written down ("logged 14:20").
    logged_at(at: &str) => "logged-at";
}

/// How a journal event reads in one line.
/// Item ids are shown with their text when `state` knows them.
pub fn event_line(
    change: &crate::domain::Change,
    state: Option<&crate::domain::IncidentState>,
) -> String {
    use crate::domain::Change;
    let item_text = |id: &str| {
        state.and_then(|s| s.item(id)).map_or_else(
            || id.to_string(),
            |i| crate::i18n::localized(&i.text).into_owned(),
        )
    };
    match change {
        Change::Declared(d) => tr_args(
            "event-declared",
            &[
                ("title", content(&d.title)),
                ("severity", severity(d.severity)),
            ],
        ),
        Change::Amended { amendment, reason } => {
            let line = amendment_line(amendment);
            if reason.is_empty() {
                line
            } else {
                tr_args(
                    "event-amended-because",
                    &[("change", line.into()), ("reason", shown(reason))],
                )
            }
        }
        Change::PhaseAdvanced {
            name, left_open, ..
        } => tr_args(
            "event-phase",
            &[("name", content(name)), ("open", left_open.len().into())],
        ),
        Change::ItemAdded { item } => tr_args("event-item-added", &[("text", content(&item.text))]),
        Change::ItemChecked { item } => {
            tr_args("event-item-done", &[("item", item_text(item).into())])
        }
        Change::ItemUnchecked { item } => {
            tr_args("event-item-reopened", &[("item", item_text(item).into())])
        }
        Change::ItemAssigned { item, person } => match person {
            Some(person) => tr_args(
                "event-item-assigned",
                &[("person", shown(person)), ("item", item_text(item).into())],
            ),
            None => tr_args("event-item-unassigned", &[("item", item_text(item).into())]),
        },
        Change::ItemNotApplicable { item, reason } => tr_args(
            "event-item-not-applicable",
            &[("item", item_text(item).into()), ("reason", shown(reason))],
        ),
        Change::NoteAdded { text } => crate::i18n::localized(text).into_owned(),
        Change::RetainerAlerted {
            retainer,
            response_minutes,
            coverage,
            ..
        } => tr_args(
            if coverage.around_the_clock() {
                "event-retainer-alerted"
            } else {
                "event-retainer-alerted-business-hours"
            },
            &[
                ("retainer", content(retainer)),
                ("minutes", (*response_minutes).into()),
            ],
        ),
        Change::RetainerReviewed { retainer, review } => {
            let said: Vec<String> = review
                .verdicts()
                .iter()
                .map(|(what, verdict)| {
                    format!("{} {}", review_aspect(what), verdict_name(*verdict))
                })
                .collect();
            let mut args = vec![
                ("retainer", content(retainer)),
                ("verdicts", said.join(", ").into()),
            ];
            if review.note.is_empty() {
                tr_args("event-retainer-reviewed", &args)
            } else {
                args.push(("note", content(&review.note)));
                tr_args("event-retainer-reviewed-note", &args)
            }
        }
        Change::ContactAttempted {
            contact,
            outcome,
            note,
            ..
        } => {
            let how = outcome_name(*outcome);
            if note.is_empty() {
                tr_args(
                    "event-called",
                    &[("contact", shown(contact)), ("outcome", how.into())],
                )
            } else {
                tr_args(
                    "event-called-note",
                    &[
                        ("contact", shown(contact)),
                        ("outcome", how.into()),
                        ("note", shown(note)),
                    ],
                )
            }
        }
        Change::ContactSaved { contact } => {
            tr_args("event-contact-saved", &[("name", shown(&contact.name))])
        }
        Change::ContactVerified { id, on } => tr_args(
            "event-contact-verified",
            &[("id", shown(id)), ("on", on.to_string().into())],
        ),
        Change::EvidenceRegistered { evidence } => tr_args(
            "event-evidence",
            &[
                ("reference", shown(&evidence.reference)),
                ("description", shown(&evidence.description)),
                ("kind", evidence.kind.slug().into()),
            ],
        ),
        Change::ObservableReported { observable } => tr_args(
            if observable.ioc {
                "event-observable-ioc"
            } else {
                "event-observable"
            },
            &[
                ("kind", observable.kind.slug().into()),
                (
                    "value",
                    shown(crate::domain::observable::defang(
                        observable.kind,
                        &observable.value,
                    )),
                ),
            ],
        ),
        Change::ObservableEdited { observable, edit } => {
            use crate::domain::ObservableEdit as E;
            let (field, value) = match edit {
                E::Ioc(yes) => ("ioc", yes_no(*yes)),
                E::Sighted(yes) => ("sighted", yes_no(*yes)),
                E::Tlp(tlp) => ("tlp", tlp.map_or_else(not_set, |t| t.label().to_string())),
                E::Source(source) => ("source", source.clone()),
                E::Note(note) => ("note", note.clone()),
            };
            tr_args(
                "event-observable-edited",
                &[
                    ("id", shown(observable)),
                    ("field", field.into()),
                    ("value", shown(value)),
                ],
            )
        }
        Change::AssetAdded { .. }
        | Change::AssetStateChanged { .. }
        | Change::AssetEdited { .. } => asset_line(change, state),
        Change::AttackStepAdded { step } => attack_step_line(step),
        Change::AttackStepEdited { step, edit } => {
            use crate::domain::AttackStepEdit as E;
            let list = |l: &[String]| {
                if l.is_empty() {
                    not_set()
                } else {
                    l.join(", ")
                }
            };
            let (field, value) = match edit {
                E::At(at) => ("when", at.format("%Y-%m-%d %H:%M UTC").to_string()),
                E::Description(d) => ("description", d.clone()),
                E::Tactic(t) => ("tactic", t.as_deref().map_or_else(not_set, attack_tactic)),
                E::Technique(t) => (
                    "technique",
                    t.as_deref().map_or_else(not_set, attack_technique),
                ),
                E::Observables(l) => ("observables", list(l)),
                E::Assets(l) => ("assets", list(l)),
                E::Source(s) => ("source", s.clone()),
            };
            tr_args(
                "event-attack-step-edited",
                &[
                    ("id", shown(step)),
                    ("field", field.into()),
                    ("value", shown(value)),
                ],
            )
        }
        Change::EvidenceTransferred { evidence, to, note } => {
            if note.is_empty() {
                tr_args(
                    "event-evidence-handed",
                    &[("evidence", shown(evidence)), ("to", shown(to))],
                )
            } else {
                tr_args(
                    "event-evidence-handed-note",
                    &[
                        ("evidence", shown(evidence)),
                        ("to", shown(to)),
                        ("note", shown(note)),
                    ],
                )
            }
        }
        Change::LessonAdded { lesson } => tr_args(
            "event-lesson",
            &[
                ("kind", lesson_kind_name(lesson.kind).into()),
                ("text", shown(&lesson.text)),
            ],
        ),
        Change::Retracted { event, reason } => tr_args(
            "event-retracted",
            &[("event", (*event).into()), ("reason", shown(reason))],
        ),
        Change::DrillStarted {
            scenario, briefing, ..
        } => tr_args(
            "event-drill-started",
            &[
                ("scenario", shown(scenario)),
                ("briefing", content(briefing)),
            ],
        ),
        Change::InjectDelivered { from, text, .. } => {
            if from.is_empty() {
                tr_args("event-inject", &[("text", content(text))])
            } else {
                tr_args(
                    "event-inject-from",
                    &[("from", content(from)), ("text", content(text))],
                )
            }
        }
        Change::FlagSet { flag, at } => match at {
            Some(at) => tr_args(
                "event-flag-set-at",
                &[
                    ("flag", flag_name(*flag).into()),
                    ("at", shown(at.format("%Y-%m-%d %H:%M UTC"))),
                ],
            ),
            None => tr_args("event-flag-set", &[("flag", flag_name(*flag).into())]),
        },
        Change::ClockStarted { clock } => {
            tr_args("event-clock-started", &[("clock", shown(clock))])
        }
        Change::ClockMet { clock, reference } => tr_args(
            "event-clock-met",
            &[("clock", shown(clock)), ("reference", shown(reference))],
        ),
        Change::ClockWaived { clock, reason } => tr_args(
            "event-clock-waived",
            &[("clock", shown(clock)), ("reason", shown(reason))],
        ),
        Change::ReportFieldWritten { field, .. } => {
            tr_args("event-report-field", &[("field", shown(field))])
        }
        Change::Corrected {
            event,
            text,
            occurred_at,
        } => match occurred_at {
            Some(at) => tr_args(
                "event-corrected-time",
                &[
                    ("event", (*event).into()),
                    ("at", shown(at.format("%Y-%m-%d %H:%M UTC"))),
                    ("text", shown(text)),
                ],
            ),
            None => tr_args(
                "event-corrected",
                &[("event", (*event).into()), ("text", shown(text))],
            ),
        },
        Change::Closed {
            resolution,
            summary,
            left_running,
        } => {
            let mut line = tr_args(
                "event-closed",
                &[("resolution", resolution_name(resolution).into())],
            );
            if !summary.is_empty() {
                line = format!("{line}: {summary}");
            }
            if !left_running.is_empty() {
                line = format!(
                    "{line} ({})",
                    tr_args(
                        "event-left-running",
                        &[("clocks", left_running.join(", ").into())]
                    )
                );
            }
            line
        }
        Change::Reopened { reason } => tr_args("event-reopened", &[("reason", shown(reason))]),
        Change::MemberAdded { member } => tr_args(
            "event-member-added",
            &[
                ("handle", shown(&member.handle)),
                ("name", shown(&member.name)),
                ("access", member.access.slug().into()),
                (
                    "roles",
                    if member.roles.is_empty() {
                        not_set().into()
                    } else {
                        member.roles.join(", ").into()
                    },
                ),
                ("key", shown(key_tail(&member.public_key))),
            ],
        ),
        Change::MemberRevoked { handle, reason } => tr_args(
            "event-member-revoked",
            &[("handle", shown(handle)), ("reason", shown(reason))],
        ),
    }
}

/// The end of a public key, enough to tell keys apart on a journal line.
fn key_tail(public_key: &str) -> String {
    let body = public_key.split_whitespace().nth(1).unwrap_or(public_key);
    let start = body.len().saturating_sub(12);
    format!("…{}", body.get(start..).unwrap_or(body))
}

/// What an amendment sets, in a line.
pub fn amendment_line(amendment: &crate::domain::Amendment) -> String {
    use crate::domain::Amendment as A;
    match amendment {
        A::Title(title) => tr_args("event-title", &[("title", shown(title))]),
        A::Severity(s) => tr_args("event-severity", &[("severity", severity(*s))]),
        A::Category(category) => tr_args(
            "event-category",
            &[("category", crate::i18n::terms::category(*category).into())],
        ),
        A::Tlp(tlp) => tr_args("event-tlp", &[("tlp", shown(tlp))]),
        A::Commander(commander) => tr_args(
            "event-commander",
            &[(
                "commander",
                commander.clone().unwrap_or_else(not_set).into(),
            )],
        ),
        A::Scope(s) => tr_args("event-scope", &[("scope", scope(*s).into())]),
        A::Summary(summary) => tr_args("event-summary", &[("summary", shown(summary))]),
        A::DetectedAt(at) => tr_args(
            "event-detected",
            &[(
                "at",
                at.map_or_else(not_set, |t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                    .into(),
            )],
        ),
        A::Nis2(applies) => tr_args("event-nis2", &[("applies", yes_no(*applies).into())]),
        A::Dora(applies) => tr_args("event-dora", &[("applies", yes_no(*applies).into())]),
    }
}

/// The areas an incident touches, or "none".
pub fn scope(s: crate::domain::Scope) -> String {
    let areas: Vec<String> = [
        (s.network, scope_network()),
        (s.cloud, scope_cloud()),
        (s.endpoints, scope_endpoints()),
        (s.ot, scope_ot()),
        (s.personal_data, scope_personal_data()),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    if areas.is_empty() {
        scope_none()
    } else {
        areas.join(" · ")
    }
}

pub fn yes_no(yes: bool) -> String {
    tr(if yes { "yes" } else { "no" })
}

/// How an incident ended, in words.
pub fn resolution_name(resolution: &crate::domain::Resolution) -> String {
    use crate::domain::Resolution as R;
    match resolution {
        R::Resolved => tr("resolution-resolved"),
        R::FalsePositive => tr("resolution-false-positive"),
        R::Duplicate { of } => tr_args("resolution-duplicate", &[("of", shown(of))]),
        R::Transferred { to } => tr_args("resolution-transferred", &[("to", shown(to))]),
    }
}

pub fn flag_name(flag: crate::domain::Flag) -> String {
    use crate::domain::Flag;
    tr(match flag {
        Flag::PersonalData => "flag-personal-data",
        Flag::Significant => "flag-significant",
        Flag::Major => "flag-major",
        Flag::Nis2Entity => "flag-nis2-entity",
        Flag::DoraEntity => "flag-dora-entity",
    })
}

/// A flag in a few words, for tight places.
pub fn flag_short(flag: crate::domain::Flag) -> String {
    use crate::domain::Flag;
    tr(match flag {
        Flag::PersonalData => "flag-short-personal-data",
        Flag::Significant => "flag-short-significant",
        Flag::Major => "flag-short-major",
        Flag::Nis2Entity => "flag-short-nis2-entity",
        Flag::DoraEntity => "flag-short-dora-entity",
    })
}

pub fn outcome_name(outcome: crate::domain::ContactOutcome) -> String {
    use crate::domain::ContactOutcome;
    tr(match outcome {
        ContactOutcome::Reached => "outcome-reached",
        ContactOutcome::NoAnswer => "outcome-no-answer",
        ContactOutcome::Message => "outcome-message",
        ContactOutcome::Email => "outcome-email",
    })
}

pub fn kind_name(kind: crate::domain::ContactKind) -> String {
    use crate::domain::ContactKind;
    tr(match kind {
        ContactKind::Internal => "contact-kind-internal",
        ContactKind::Provider => "contact-kind-provider",
        ContactKind::Retainer => "contact-kind-retainer",
        ContactKind::Authority => "contact-kind-authority",
        ContactKind::PublicCsirt => "contact-kind-public-csirt",
        ContactKind::Insurer => "contact-kind-insurer",
        ContactKind::Bank => "contact-kind-bank",
        ContactKind::Police => "contact-kind-police",
        ContactKind::Other => "contact-kind-other",
    })
}

pub fn lesson_kind_name(kind: crate::domain::LessonKind) -> String {
    use crate::domain::LessonKind;
    tr(match kind {
        LessonKind::Cause => "lesson-kind-cause",
        LessonKind::Weakness => "lesson-kind-weakness",
        LessonKind::WentWell => "lesson-kind-went-well",
        LessonKind::Recommendation => "lesson-kind-recommendation",
    })
}

words! {
    /// An observable to look for elsewhere.
    observable_ioc => "observable-ioc";
    /// An observable kept for context only.
    observable_context => "observable-context";
    /// An observable seen in our own systems.
    observable_sighted => "observable-sighted";
}

/// What the register says of an observable, in short: indicator or context, seen here,
/// and its TLP (its own, else the incident's).
pub fn observable_flags(
    o: &crate::domain::ObservableRecord,
    incident: crate::domain::Tlp,
) -> Vec<String> {
    let mut flags = vec![if o.spec.ioc {
        observable_ioc()
    } else {
        observable_context()
    }];
    if o.spec.sighted {
        flags.push(observable_sighted());
    }
    flags.push(o.tlp(incident).label().to_string());
    flags
}

/// The journal line of an asset event; an asset is named by its id and, when `state`
/// knows it, its name.
fn asset_line(
    change: &crate::domain::Change,
    state: Option<&crate::domain::IncidentState>,
) -> String {
    use crate::domain::{AssetEdit as E, Change};
    let asset = |id: &str| match state.and_then(|s| s.assets.get(id)) {
        Some(a) => shown(format!("{id} ({})", a.name)),
        None => shown(id),
    };
    match change {
        Change::AssetAdded { asset } => tr_args(
            "event-asset-added",
            &[
                ("kind", asset_kind_name(asset.kind).into()),
                ("name", shown(&asset.name)),
                (
                    "state",
                    asset_state_name(asset.state.unwrap_or(crate::domain::AssetState::Suspected))
                        .into(),
                ),
            ],
        ),
        Change::AssetStateChanged { asset: id, state } => tr_args(
            "event-asset-state",
            &[
                ("asset", asset(id)),
                ("state", asset_state_name(*state).into()),
            ],
        ),
        Change::AssetEdited { asset: id, edit } => {
            let (field, value) = match edit {
                E::Kind(kind) => ("kind", asset_kind_name(*kind)),
                E::Name(name) => ("name", name.clone()),
                E::Owner(owner) => ("owner", owner.clone()),
                E::Note(note) => ("note", note.clone()),
            };
            tr_args(
                "event-asset-edited",
                &[
                    ("asset", asset(id)),
                    ("field", field.into()),
                    ("value", shown(value)),
                ],
            )
        }
        _ => String::new(),
    }
}

/// What an asset is, in words.
pub fn asset_kind_name(kind: crate::domain::AssetKind) -> String {
    use crate::domain::AssetKind as K;
    tr(match kind {
        K::Host => "asset-kind-host",
        K::Account => "asset-kind-account",
        K::Service => "asset-kind-service",
        K::Site => "asset-kind-site",
        K::DataStore => "asset-kind-data-store",
    })
}

/// How far an asset is compromised or back, in words.
pub fn asset_state_name(state: crate::domain::AssetState) -> String {
    use crate::domain::AssetState as S;
    tr(match state {
        S::Suspected => "asset-state-suspected",
        S::Compromised => "asset-state-compromised",
        S::Contained => "asset-state-contained",
        S::Cleaned => "asset-state-cleaned",
        S::Restored => "asset-state-restored",
    })
}

words! {
    /// Before the declared scope (the incident pane, `warroom show`).
    label_scope => "label-scope";
    /// Before the counts of assets by state (the incident pane, `warroom show`).
    label_assets => "label-assets";
    /// After the declared scope, when confirmed assets imply more of it.
    scope_implied(areas: &str) => "scope-implied";
}

/// Assets by state, states with none left out: `2 compromised · 1 contained`.
pub fn asset_counts(counts: &[(crate::domain::AssetState, usize)]) -> String {
    counts
        .iter()
        .map(|(state, n)| format!("{n} {}", asset_state_name(*state)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The hint after the declared scope when the assets imply areas it leaves out
/// (`domain::assets::scope_beyond`), or nothing.
pub fn scope_hint(state: &crate::domain::IncidentState) -> Option<String> {
    let beyond = crate::domain::assets::scope_beyond(state.scope, state.assets.implied_scope());
    (beyond != crate::domain::Scope::default()).then(|| scope_implied(&scope(beyond)))
}

/// An attack step in one line: its id, when, its technique (else its tactic) by name.
fn attack_step_line(step: &crate::domain::AttackStepSpec) -> String {
    let attack = step
        .technique
        .as_deref()
        .map(attack_technique)
        .or_else(|| step.tactic.as_deref().map(attack_tactic));
    let mut args = vec![
        ("id", shown(&step.id)),
        ("at", shown(step.at.format("%Y-%m-%d %H:%M UTC"))),
        ("description", shown(&step.description)),
    ];
    match attack {
        Some(attack) => {
            args.push(("attack", attack.into()));
            tr_args("event-attack-step-technique", &args)
        }
        None => tr_args("event-attack-step", &args),
    }
}

/// The name of an ATT&CK tactic in the current language, if the catalogue has it.
pub fn attack_tactic_name(id: &str) -> Option<String> {
    let tactic = crate::assets::attack::catalogue().tactic(id)?;
    Some(crate::i18n::localized(&tactic.name).into_owned())
}

/// The name of an ATT&CK technique in the current language, if the catalogue has it.
pub fn attack_technique_name(id: &str) -> Option<String> {
    let technique = crate::assets::attack::catalogue().technique(id)?;
    Some(crate::i18n::localized(&technique.name).into_owned())
}

/// A tactic as people read it: `TA0001 Initial Access`, or its id alone.
pub fn attack_tactic(id: &str) -> String {
    labelled(id, attack_tactic_name(id))
}

/// A technique as people read it: `T1566.001 Spearphishing Attachment`, or its id
/// alone when the catalogue does not list it.
pub fn attack_technique(id: &str) -> String {
    labelled(id, attack_technique_name(id))
}

fn labelled(id: &str, name: Option<String>) -> String {
    match name {
        Some(name) => format!("{id} {name}"),
        None => id.to_string(),
    }
}
