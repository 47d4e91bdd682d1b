//! Every sentence the dashboard and the command line show, in one place: functions
//! reading `assets/locales/*.ftl` through `i18n::tr` and `i18n::tr_args`. Values such
//! as titles, names and notes are passed as message variables, never translated.

use crate::i18n::{tr, tr_args};
use crate::keys::Action;
use crate::keys::Mode;
use fluent_bundle::FluentValue;

/// A value shown as it is (a name, a title, an id), for a message variable.
fn shown(value: impl std::fmt::Display) -> FluentValue<'static> {
    value.to_string().into()
}

/// A text that may be shipped content (an item, a phase name, a drill's inject), in the
/// current language when it is.
fn content(text: &str) -> FluentValue<'static> {
    crate::i18n::localized(text).into_owned().into()
}

fn severity(s: crate::domain::Severity) -> FluentValue<'static> {
    format!("{} {}", s.level(), crate::i18n::terms::severity(s)).into()
}

pub const APP_NAME: &str = "warroom";
pub fn exercise() -> String {
    tr("exercise")
}

// Pane titles.
pub fn pane_incident() -> String {
    tr("pane-incident")
}
pub fn pane_checklist() -> String {
    tr("pane-checklist")
}
pub fn pane_clocks() -> String {
    tr("pane-clocks")
}
pub fn pane_contacts() -> String {
    tr("pane-contacts")
}
pub fn pane_journal() -> String {
    tr("pane-journal")
}
pub fn pane_help() -> String {
    tr("pane-help")
}
pub fn pane_picker() -> String {
    tr("pane-picker")
}
pub fn pane_note() -> String {
    tr("pane-note")
}
pub fn pane_new() -> String {
    tr("pane-new")
}

// Incident pane labels.
pub fn label_severity() -> String {
    tr("label-severity")
}
pub fn label_category() -> String {
    tr("label-category")
}
pub fn label_phase() -> String {
    tr("label-phase")
}
pub fn label_declared() -> String {
    tr("label-declared")
}
pub fn label_detected() -> String {
    tr("label-detected")
}
pub fn label_commander() -> String {
    tr("label-commander")
}
pub fn label_scope() -> String {
    tr("label-scope")
}
pub fn label_summary() -> String {
    tr("label-summary")
}
pub fn label_title() -> String {
    tr("label-title")
}
pub fn not_set() -> String {
    tr("not-set")
}
pub fn scope_network() -> String {
    tr("scope-network")
}
pub fn scope_cloud() -> String {
    tr("scope-cloud")
}
pub fn scope_endpoints() -> String {
    tr("scope-endpoints")
}
pub fn scope_personal_data() -> String {
    tr("scope-personal-data")
}
pub fn scope_none() -> String {
    tr("scope-none")
}

// Clocks pane.
pub fn draft_step_done(at: &str, by: &str, step: &str) -> String {
    tr_args(
        "draft-step-done",
        &[
            ("at", at.to_string().into()),
            ("by", by.to_string().into()),
            ("step", step.to_string().into()),
        ],
    )
}
pub fn draft_still_to_complete() -> String {
    tr("draft-still-to-complete")
}
pub fn draft_detected_how(id: &str) -> String {
    tr_args("draft-detected-how", &[("id", id.to_string().into())])
}
pub fn carried_mark() -> String {
    tr("carried-mark")
}
pub fn confirm_carried(items: &str) -> String {
    tr_args("confirm-carried", &[("items", items.to_string().into())])
}
pub fn clocks_more_running(n: usize) -> String {
    tr_args("clocks-more-running", &[("n", n.into())])
}
pub fn closed() -> String {
    tr("closed")
}
pub fn closed_line(resolution: &str, at: &str, lasted: &str) -> String {
    tr_args(
        "closed-line",
        &[
            ("resolution", resolution.to_string().into()),
            ("at", at.to_string().into()),
            ("lasted", lasted.to_string().into()),
        ],
    )
}
pub fn closed_after(lasted: &str, resolution: &str) -> String {
    tr_args(
        "closed-after",
        &[
            ("lasted", lasted.to_string().into()),
            ("resolution", resolution.to_string().into()),
        ],
    )
}
pub fn clock_since_declared() -> String {
    tr("clock-since-declared")
}
pub fn clock_left() -> String {
    tr("clock-left")
}
pub fn clock_overdue() -> String {
    tr("clock-overdue")
}
pub fn clock_due_text() -> String {
    tr("clock-due")
}

// Checklist pane.
pub fn checklist_empty() -> String {
    tr("checklist-empty")
}

// Status line.
pub fn status_saved() -> String {
    tr("status-saved")
}
pub fn status_saving() -> String {
    tr("status-saving")
}
pub fn status_help_hint() -> String {
    tr("status-help-hint")
}
pub fn status_local() -> String {
    tr("status-local")
}
/// In place of "local" when `TZ` names no known zone (the times shown are UTC).
pub fn status_tz_unknown(tz: &str) -> String {
    tr_args("status-tz-unknown", &[("tz", tz.to_string().into())])
}
/// After when an event happened, when it was written down ("logged 14:20").
pub fn logged_at(at: &str) -> String {
    tr_args("logged-at", &[("at", at.to_string().into())])
}

/// `WARROOM_NOW` set to something that is not an instant.
pub fn cli_bad_warroom_now(found: &str) -> String {
    tr_args(
        "cli-bad-warroom-now",
        &[("found", found.to_string().into())],
    )
}

/// `--at` given to a command that writes nothing.
pub fn cli_at_for_writes() -> String {
    tr("cli-at-for-writes")
}

/// Why a stated time (`--at`) is refused, with the instant understood.
pub fn when_error(e: &crate::input::when::WhenError) -> String {
    when_refused(e, "when-too-old")
}

/// Why a time stated in the dashboard (`t`, `@13:05`) is refused.
pub fn when_error_on_screen(e: &crate::input::when::WhenError) -> String {
    when_refused(e, "when-too-old-screen")
}

fn when_refused(e: &crate::input::when::WhenError, too_old: &str) -> String {
    use crate::input::when::WhenError as W;
    let instant = |t: &chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S UTC").to_string();
    match e {
        W::Unreadable(found) => tr_args("when-unreadable", &[("found", found.clone().into())]),
        W::Skipped(found) => tr_args("when-skipped", &[("found", found.clone().into())]),
        W::Future { at } => tr_args("when-future", &[("at", instant(at).into())]),
        W::TooOld { at, before } => tr_args(
            too_old,
            &[
                ("at", instant(at).into()),
                ("before", instant(before).into()),
            ],
        ),
    }
}

pub fn pane_when() -> String {
    tr("pane-when")
}

pub fn when_form_hint() -> String {
    tr("when-form-hint")
}

/// `t` answered: the next entry will be dated `at`.
pub fn flash_nothing_changed() -> String {
    tr("flash-nothing-changed")
}
pub fn form_duplicate_of() -> String {
    tr("form-duplicate-of")
}
pub fn confirm_close_leaving(clocks: &str) -> String {
    tr_args(
        "confirm-close-leaving",
        &[("clocks", clocks.to_string().into())],
    )
}
pub fn pane_close() -> String {
    tr("pane-close")
}
pub fn pane_reopen() -> String {
    tr("pane-reopen")
}
pub fn pane_edit_incident() -> String {
    tr("pane-edit-incident")
}
pub fn close_form_hint() -> String {
    tr("close-form-hint")
}
pub fn edit_incident_hint() -> String {
    tr("edit-incident-hint")
}
pub fn label_resolution() -> String {
    tr("label-resolution")
}
pub fn label_reason() -> String {
    tr("label-reason")
}
/// A fact's name in the "Edit incident" form.
pub fn field_name(field: crate::domain::Field) -> String {
    tr(&format!("field-{}", field.slug()))
}
pub fn flash_backdate(at: &str) -> String {
    tr_args("flash-backdate", &[("at", at.to_string().into())])
}

/// In the status line while a stated time waits for the next entry.
pub fn status_backdate(at: &str) -> String {
    tr_args("status-backdate", &[("at", at.to_string().into())])
}

/// `export --format journal` to a terminal.
pub fn cli_journal_on_terminal() -> String {
    tr("cli-journal-on-terminal")
}

/// Said once by a command when `TZ` names no known zone.
pub fn cli_tz_unknown(tz: &str) -> String {
    tr_args("cli-tz-unknown", &[("tz", tz.to_string().into())])
}
pub const STATUS_UTC: &str = "UTC";

// Forms.
pub fn form_submit_hint() -> String {
    tr("form-submit-hint")
}
pub fn form_choice_hint() -> String {
    tr("form-choice-hint")
}
pub fn form_title_required() -> String {
    tr("form-title-required")
}
pub fn picker_empty() -> String {
    tr("picker-empty")
}

// Welcome screen.
pub fn welcome_title() -> String {
    tr("welcome-title")
}
/// Paragraphs, wrapped to the screen.
pub fn welcome_body() -> Vec<String> {
    vec![
        tr("welcome-empty"),
        String::new(),
        tr("welcome-about"),
        String::new(),
    ]
}
pub fn welcome_keys_intro() -> String {
    tr("welcome-keys-intro")
}
pub fn welcome_dashboard_intro() -> String {
    tr("welcome-dashboard-intro")
}

// Messages.
pub fn too_small_text() -> String {
    tr("too-small")
}
pub fn too_small_now() -> String {
    tr("too-small-now")
}
pub fn flash_retainer_alerted() -> String {
    tr("flash-retainer-alerted")
}
pub fn flash_retainer_again() -> String {
    tr("flash-retainer-again")
}
pub fn flash_no_incident() -> String {
    tr("flash-no-incident")
}
pub fn flash_save_failed() -> String {
    tr("flash-save-failed")
}

pub fn too_small(min_w: u16, min_h: u16, w: u16, h: u16) -> String {
    tr_args(
        "too-small-size",
        &[
            ("min-w", min_w.into()),
            ("min-h", min_h.into()),
            ("w", w.into()),
            ("h", h.into()),
        ],
    )
}

/// One line per action, for the help overlay (message `action-NAME`).
pub fn describe(action: Action) -> String {
    let name = serde_json::to_value(action)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default();
    tr(&format!("action-{name}"))
}

pub fn mode_name(mode: Mode) -> String {
    let name = serde_json::to_value(mode)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .unwrap_or_default();
    tr(&format!("mode-{name}"))
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
        } => tr_args(
            "event-retainer-alerted",
            &[
                ("retainer", content(retainer)),
                ("minutes", (*response_minutes).into()),
            ],
        ),
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
        Change::EvidenceRegistered { evidence } => tr_args(
            "event-evidence",
            &[
                ("reference", shown(&evidence.reference)),
                ("description", shown(&evidence.description)),
                ("kind", evidence.kind.slug().into()),
            ],
        ),
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
    }
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

// Command line.
pub fn cli_no_data_dir() -> String {
    tr("cli-no-data-dir")
}
pub fn cli_the_note() -> String {
    tr("cli-the-note")
}
pub fn cli_ok() -> String {
    tr("cli-ok")
}
pub fn cli_no_declaration() -> String {
    tr("cli-no-declaration")
}

pub fn cli_empty(what: &str) -> String {
    tr_args("cli-empty", &[("what", what.into())])
}

pub fn cli_saved(id: impl std::fmt::Display, event: u64) -> String {
    tr_args("cli-saved", &[("id", shown(id)), ("event", event.into())])
}

pub fn cli_unknown_item(id: impl std::fmt::Display, item: &str, known: &[&str]) -> String {
    tr_args(
        "cli-unknown-item",
        &[
            ("id", shown(id)),
            ("item", item.into()),
            ("known", known.join(", ").into()),
        ],
    )
}

/// A check of a done item, or an uncheck of an open one: nothing to record.
pub fn cli_already(id: impl std::fmt::Display, item: &str, done: bool) -> String {
    let message = if done {
        "cli-already-done"
    } else {
        "cli-already-open"
    };
    tr_args(message, &[("id", shown(id)), ("item", item.into())])
}

pub fn cli_verified(id: impl std::fmt::Display, count: u64, head: &str) -> String {
    tr_args(
        "cli-verified",
        &[
            ("id", shown(id)),
            ("count", count.into()),
            ("head", head.into()),
        ],
    )
}

pub fn cli_broken(id: impl std::fmt::Display, why: impl std::fmt::Display) -> String {
    tr_args("cli-broken", &[("id", shown(id)), ("why", shown(why))])
}

/// `verify`: a journal that does not read (whole).
pub fn cli_unreadable(id: impl std::fmt::Display, why: &str) -> String {
    tr_args("cli-unreadable", &[("id", shown(id)), ("why", shown(why))])
}

pub fn cli_reindexed(id: impl std::fmt::Display) -> String {
    tr_args("cli-reindexed", &[("id", shown(id))])
}

pub fn cli_failed_verification(count: usize) -> String {
    tr_args("cli-failed-verification", &[("count", count.into())])
}

// Directory.
pub fn retainer_hours() -> String {
    tr("retainer-hours")
}

pub fn retainer_role(minutes: u32) -> String {
    tr_args("retainer-role", &[("minutes", minutes.into())])
}

pub fn cli_unknown_playbook(found: &str, known: &str) -> String {
    tr_args(
        "cli-unknown-playbook",
        &[("found", found.into()), ("known", known.into())],
    )
}

pub fn flash_last_phase() -> String {
    tr("flash-last-phase")
}
pub fn flash_first_phase() -> String {
    tr("flash-first-phase")
}
pub fn flash_no_item() -> String {
    tr("flash-no-item")
}
pub fn form_text_required() -> String {
    tr("form-text-required")
}

pub fn confirm_advance(open: usize, from: &str, to: &str) -> String {
    tr_args(
        "confirm-advance",
        &[
            ("open", open.into()),
            ("from", from.into()),
            ("to", to.into()),
        ],
    )
}

pub fn confirm_back(to: &str) -> String {
    tr_args("confirm-back", &[("to", to.into())])
}

pub fn checklist_none_open() -> String {
    tr("checklist-none-open")
}
pub fn checklist_none_mine() -> String {
    tr("checklist-none-mine")
}
pub fn checklist_not_current() -> String {
    tr("checklist-not-current")
}
pub fn hint_not_applicable() -> String {
    tr("hint-not-applicable")
}
pub fn hint_call() -> String {
    tr("hint-call")
}
pub fn hint_keep() -> String {
    tr("hint-keep")
}
pub fn hint_starts() -> String {
    tr("hint-starts")
}
pub fn hint_stops() -> String {
    tr("hint-stops")
}
pub fn hint_id() -> String {
    tr("hint-id")
}
pub fn label_next() -> String {
    tr("label-next")
}
pub fn label_playbook() -> String {
    tr("label-playbook")
}
pub fn label_owner() -> String {
    tr("label-owner")
}
pub fn nobody() -> String {
    tr("nobody")
}
pub fn pane_reason() -> String {
    tr("pane-reason")
}
pub fn pane_add_item() -> String {
    tr("pane-add-item")
}
pub fn pane_assign() -> String {
    tr("pane-assign")
}
pub fn pane_confirm() -> String {
    tr("pane-confirm")
}
pub fn confirm_hint() -> String {
    tr("confirm-hint")
}
pub fn assign_hint() -> String {
    tr("assign-hint")
}
pub fn add_item_hint() -> String {
    tr("add-item-hint")
}
pub fn next_none() -> String {
    tr("next-none")
}

pub fn playbook_auto(name: &str) -> String {
    tr_args("playbook-auto", &[("name", name.into())])
}

pub fn assign_typed(name: &str) -> String {
    tr_args("assign-typed", &[("name", name.into())])
}

pub fn assign_nobody() -> String {
    tr("assign-nobody")
}
pub fn label_assignee() -> String {
    tr("label-assignee")
}

pub fn cli_the_person() -> String {
    tr("cli-the-person")
}
pub fn cli_the_item() -> String {
    tr("cli-the-item")
}
pub fn cli_the_reason() -> String {
    tr("cli-the-reason")
}

pub fn cli_already_assigned(
    id: impl std::fmt::Display,
    item: &str,
    person: Option<&str>,
) -> String {
    match person {
        Some(p) => tr_args(
            "cli-already-assigned",
            &[
                ("id", shown(id)),
                ("item", item.into()),
                ("person", p.into()),
            ],
        ),
        None => tr_args(
            "cli-already-unassigned",
            &[("id", shown(id)), ("item", item.into())],
        ),
    }
}

pub fn cli_unknown_phase(id: impl std::fmt::Display, phase: &str, known: &[&str]) -> String {
    tr_args(
        "cli-unknown-phase",
        &[
            ("id", shown(id)),
            ("phase", phase.into()),
            ("known", known.join(", ").into()),
        ],
    )
}

pub fn cli_already_in_phase(id: impl std::fmt::Display, name: &str) -> String {
    tr_args(
        "cli-already-in-phase",
        &[("id", shown(id)), ("name", name.into())],
    )
}

pub fn cli_items_open(id: impl std::fmt::Display, open: &[&str]) -> String {
    tr_args(
        "cli-items-open",
        &[
            ("id", shown(id)),
            ("count", open.len().into()),
            ("items", open.join(", ").into()),
        ],
    )
}

pub fn cli_unknown_role(found: &str, known: &[&str]) -> String {
    tr_args(
        "cli-unknown-role",
        &[("found", found.into()), ("known", known.join(", ").into())],
    )
}

pub fn playbook_fallback() -> String {
    tr("playbook-fallback")
}
pub fn playbook_items() -> String {
    tr("playbook-items")
}
pub fn playbook_picked_by() -> String {
    tr("playbook-picked-by")
}

pub fn cli_playbook_ok(id: &str, counts: &str) -> String {
    tr_args(
        "cli-playbook-ok",
        &[("id", id.into()), ("counts", counts.into())],
    )
}
pub fn welcome_more_keys() -> String {
    tr("welcome-more-keys")
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

// Notification drafts.
pub fn draft_to_complete() -> String {
    tr("draft-to-complete")
}
pub fn draft_prepared() -> String {
    tr("draft-prepared")
}
pub fn draft_recipient() -> String {
    tr("draft-recipient")
}
pub fn draft_deadline() -> String {
    tr("draft-deadline")
}
pub fn draft_late() -> String {
    tr("draft-late")
}
pub fn draft_late_reasons() -> String {
    tr("draft-late-reasons")
}
pub fn draft_section_entity() -> String {
    tr("draft-section-entity")
}
pub fn draft_organisation() -> String {
    tr("draft-organisation")
}
pub fn draft_contact() -> String {
    tr("draft-contact")
}
pub fn draft_section_incident() -> String {
    tr("draft-section-incident")
}
pub fn draft_reference() -> String {
    tr("draft-reference")
}
pub fn draft_detected() -> String {
    tr("draft-detected")
}
pub fn draft_aware() -> String {
    tr("draft-aware")
}
pub fn draft_description() -> String {
    tr("draft-description")
}
pub fn draft_section_measures() -> String {
    tr("draft-section-measures")
}
pub fn draft_planned() -> String {
    tr("draft-planned")
}
pub fn draft_gdpr_nature() -> String {
    tr("draft-gdpr-nature")
}
pub fn draft_gdpr_people() -> String {
    tr("draft-gdpr-people")
}
pub fn draft_gdpr_records() -> String {
    tr("draft-gdpr-records")
}
pub fn draft_gdpr_dpo() -> String {
    tr("draft-gdpr-dpo")
}
pub fn draft_gdpr_consequences() -> String {
    tr("draft-gdpr-consequences")
}
pub fn draft_gdpr_phased() -> String {
    tr("draft-gdpr-phased")
}
pub fn draft_gdpr_phased_default() -> String {
    tr("draft-gdpr-phased-default")
}
pub fn draft_nis2_malicious() -> String {
    tr("draft-nis2-malicious")
}
pub fn draft_nis2_cross_border() -> String {
    tr("draft-nis2-cross-border")
}
pub fn draft_nis2_update() -> String {
    tr("draft-nis2-update")
}
pub fn draft_nis2_assessment() -> String {
    tr("draft-nis2-assessment")
}
pub fn draft_nis2_iocs() -> String {
    tr("draft-nis2-iocs")
}
pub fn draft_nis2_description() -> String {
    tr("draft-nis2-description")
}
pub fn draft_nis2_root_cause() -> String {
    tr("draft-nis2-root-cause")
}
pub fn draft_nis2_mitigation() -> String {
    tr("draft-nis2-mitigation")
}

pub fn unknown_draft(found: &str, known: &str) -> String {
    tr_args(
        "unknown-draft",
        &[("found", found.into()), ("known", known.into())],
    )
}

pub fn flash_select_clock() -> String {
    tr("flash-select-clock")
}
pub fn confirm_flag_uncovered(flag: &str, covered: &str, due: &str) -> String {
    tr_args(
        "confirm-flag-uncovered",
        &[
            ("flag", flag.to_string().into()),
            ("covered", covered.to_string().into()),
            ("due", due.to_string().into()),
        ],
    )
}
pub fn cli_flag_uncovered(id: impl std::fmt::Display, flag: &str, field: &str) -> String {
    tr_args(
        "cli-flag-uncovered",
        &[
            ("id", shown(id)),
            ("flag", flag.into()),
            ("field", field.into()),
        ],
    )
}
pub fn covered_reason(flag: &str) -> String {
    tr_args("covered-reason", &[("flag", flag.to_string().into())])
}
pub fn starts_no_clock() -> String {
    tr("starts-no-clock")
}
pub fn pane_met_reference() -> String {
    tr("pane-met-reference")
}
pub fn pane_waive_reason() -> String {
    tr("pane-waive-reason")
}

pub fn flash_clock_not_waiting(name: &str) -> String {
    tr_args("flash-clock-not-waiting", &[("name", name.into())])
}

pub fn flash_clock_closed(name: &str) -> String {
    tr_args("flash-clock-closed", &[("name", name.into())])
}

pub fn flash_no_draft(name: &str) -> String {
    tr_args("flash-no-draft", &[("name", name.into())])
}

pub fn flash_flag_already(flag: &str, at: &str) -> String {
    tr_args(
        "flash-flag-already",
        &[("flag", flag.into()), ("at", at.into())],
    )
}

pub fn flash_draft_saved(path: &str) -> String {
    tr_args("flash-draft-saved", &[("path", path.into())])
}

pub fn clock_due(name: &str, local: &str, utc: &str) -> String {
    tr_args(
        "clock-due-at",
        &[
            ("name", name.into()),
            ("local", local.into()),
            ("utc", utc.into()),
        ],
    )
}

pub fn confirm_start(name: &str, due: &str) -> String {
    tr_args(
        "confirm-start",
        &[("name", name.into()), ("due", due.into())],
    )
}

pub fn confirm_flag(flag: &str, due: &str) -> String {
    tr_args(
        "confirm-flag",
        &[("flag", flag.into()), ("due", due.into())],
    )
}
pub fn viewer_hint() -> String {
    tr("viewer-hint")
}

pub fn clocks_none() -> String {
    tr("clocks-none")
}
pub fn clock_waived() -> String {
    tr("clock-waived")
}
pub fn clock_met() -> String {
    tr("clock-met")
}
pub fn clock_met_at() -> String {
    tr("clock-met-at")
}
pub fn clock_ref() -> String {
    tr("clock-ref")
}
pub fn clock_waiting() -> String {
    tr("clock-waiting")
}
pub fn clock_waits() -> String {
    tr("clock-waits")
}
pub fn clock_waits_met() -> String {
    tr("clock-waits-met")
}
pub fn clock_by_hand() -> String {
    tr("clock-by-hand")
}
pub fn clock_retainer_alert() -> String {
    tr("clock-retainer-alert")
}

pub fn clocks_not_applicable(n: usize) -> String {
    tr_args("clocks-not-applicable", &[("n", n.into())])
}

pub fn clock_met_early(by: &str) -> String {
    tr_args("clock-met-early", &[("by", by.into())])
}

pub fn clock_met_late(by: &str) -> String {
    tr_args("clock-met-late", &[("by", by.into())])
}
pub fn clock_not_applicable() -> String {
    tr("clock-not-applicable")
}

pub fn cli_flag_already(id: impl std::fmt::Display, flag: &str, at: &str) -> String {
    tr_args(
        "cli-flag-already",
        &[("id", shown(id)), ("flag", flag.into()), ("at", at.into())],
    )
}

pub fn cli_clock_started(clock: &str, deadline: &str) -> String {
    tr_args(
        "cli-clock-started",
        &[("clock", clock.into()), ("deadline", deadline.into())],
    )
}

pub fn cli_unknown_clock(id: impl std::fmt::Display, clock: &str, known: &[&str]) -> String {
    tr_args(
        "cli-unknown-clock",
        &[
            ("id", shown(id)),
            ("clock", clock.into()),
            ("known", known.join(", ").into()),
        ],
    )
}

pub fn cli_clock_not_applicable(id: impl std::fmt::Display, clock: &str) -> String {
    tr_args(
        "cli-clock-not-applicable",
        &[("id", shown(id)), ("clock", clock.into())],
    )
}

pub fn cli_clock_already(id: impl std::fmt::Display, clock: &str) -> String {
    tr_args(
        "cli-clock-already",
        &[("id", shown(id)), ("clock", clock.into())],
    )
}

pub fn cli_cannot_write(path: &str, why: &str) -> String {
    tr_args(
        "cli-cannot-write",
        &[("path", path.into()), ("why", why.into())],
    )
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

pub fn cli_clock_met_by_step(clock: &str, reference: &str) -> String {
    tr_args(
        "cli-clock-met-by-step",
        &[
            ("clock", clock.into()),
            ("reference", reference.to_string().into()),
        ],
    )
}
pub fn cli_clocks_left(clocks: &str) -> String {
    tr_args("cli-clocks-left", &[("clocks", clocks.to_string().into())])
}
pub fn cli_reference_added(clock: &str) -> String {
    tr_args("cli-reference-added", &[("clock", clock.into())])
}
pub fn met_by_step(item: &str) -> String {
    tr_args("met-by-step", &[("item", item.into())])
}

pub fn clock_start_named(name: &str) -> String {
    tr_args("clock-start-named", &[("name", name.into())])
}

pub fn clock_met_named(name: &str) -> String {
    tr_args("clock-met-named", &[("name", name.into())])
}

pub fn confirm_step_clocks(what: &str) -> String {
    tr_args("confirm-step-clocks", &[("what", what.into())])
}

pub fn flash_select_contact() -> String {
    tr("flash-select-contact")
}
pub fn form_name_required() -> String {
    tr("form-name-required")
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

pub fn search_editing() -> String {
    tr("search-editing")
}
pub fn search_applied() -> String {
    tr("search-applied")
}
pub fn search_none() -> String {
    tr("search-none")
}
pub fn nobody_for_role() -> String {
    tr("nobody-for-role")
}
pub fn step_reached() -> String {
    tr("step-reached")
}
pub fn step_to_call() -> String {
    tr("step-to-call")
}
pub fn verify_before_use() -> String {
    tr("verify-before-use")
}
pub fn contact_contract() -> String {
    tr("contact-contract")
}
pub fn contact_checked() -> String {
    tr("contact-checked")
}
pub fn contact_source() -> String {
    tr("contact-source")
}
pub fn pane_call() -> String {
    tr("pane-call")
}
pub fn call_hint() -> String {
    tr("call-hint")
}
pub fn label_outcome() -> String {
    tr("label-outcome")
}
pub fn pane_contact_new() -> String {
    tr("pane-contact-new")
}
pub fn pane_contact_edit() -> String {
    tr("pane-contact-edit")
}
pub fn contact_form_hint() -> String {
    tr("contact-form-hint")
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

pub fn cli_contact_saved(id: &str) -> String {
    tr_args("cli-contact-saved", &[("id", id.into())])
}

pub fn cli_unknown_contact(who: &str, close: &[String]) -> String {
    if close.is_empty() {
        tr_args("cli-unknown-contact", &[("who", who.into())])
    } else {
        tr_args(
            "cli-unknown-contact-close",
            &[("who", who.into()), ("close", close.join(", ").into())],
        )
    }
}
pub fn label_escalation() -> String {
    tr("label-escalation")
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

pub fn hashing() -> String {
    tr("hashing")
}
pub fn evidence_at() -> String {
    tr("evidence-at")
}
pub fn evidence_ok() -> String {
    tr("evidence-ok")
}
pub fn evidence_mismatch() -> String {
    tr("evidence-mismatch")
}
pub fn evidence_unreachable() -> String {
    tr("evidence-unreachable")
}
pub fn evidence_no_hash() -> String {
    tr("evidence-no-hash")
}
pub fn cli_the_lesson() -> String {
    tr("cli-the-lesson")
}
pub fn cli_the_correction() -> String {
    tr("cli-the-correction")
}
pub fn cli_cannot_retract_declaration() -> String {
    tr("cli-cannot-retract-declaration")
}
/// Why a typed value of a fact is refused.
pub fn bad_value(
    field: crate::domain::Field,
    found: &str,
    bad: &crate::input::amend::BadValue,
) -> String {
    use crate::input::amend::BadValue as B;
    match bad {
        B::Unknown { valid, .. } => cli_bad_value(field.slug(), found, valid),
        B::Empty => cli_empty(field.slug()),
        B::When(e) => when_error(e),
    }
}

pub fn cli_bad_value(field: &str, found: &str, valid: &str) -> String {
    tr_args(
        "cli-bad-value",
        &[
            ("field", field.to_string().into()),
            ("found", found.to_string().into()),
            ("valid", valid.to_string().into()),
        ],
    )
}

/// Why nothing was recorded, and what to do instead.
pub fn refusal(id: crate::domain::IncidentId, refusal: &crate::domain::Refusal) -> String {
    use crate::domain::Refusal as R;
    match refusal {
        R::Unchanged(amendment) => tr_args(
            "refused-unchanged",
            &[
                ("id", shown(id)),
                ("value", amendment_line(amendment).into()),
            ],
        ),
        R::AlreadyClosed => tr_args("refused-already-closed", &[("id", shown(id))]),
        R::NotClosed => tr_args("refused-not-closed", &[("id", shown(id))]),
        R::ClocksRunning(clocks) => tr_args(
            "refused-clocks-running",
            &[("id", shown(id)), ("clocks", clocks.join(", ").into())],
        ),
        R::DuplicateOfItself => tr_args("refused-duplicate-of-itself", &[("id", shown(id))]),
        R::MissingDetail => tr("refused-missing-detail"),
    }
}

pub fn cli_cannot_redate_declaration() -> String {
    tr("cli-cannot-redate-declaration")
}

pub fn cli_bad_sha256(found: &str) -> String {
    tr_args("cli-bad-sha256", &[("found", found.into())])
}

pub fn cli_cannot_read(path: &str, why: &str) -> String {
    tr_args(
        "cli-cannot-read",
        &[("path", path.into()), ("why", why.into())],
    )
}

pub fn cli_unknown_evidence(id: impl std::fmt::Display, item: &str) -> String {
    tr_args(
        "cli-unknown-evidence",
        &[("id", shown(id)), ("item", item.into())],
    )
}

pub fn cli_evidence_changed(n: usize) -> String {
    tr_args("cli-evidence-changed", &[("count", n.into())])
}

pub fn cli_unknown_event(id: impl std::fmt::Display, event: u64, count: u64) -> String {
    tr_args(
        "cli-unknown-event",
        &[
            ("id", shown(id)),
            ("event", event.into()),
            ("count", count.into()),
        ],
    )
}

// Reports.
pub fn report_title() -> String {
    tr("report-title")
}
pub fn report_summary() -> String {
    tr("report-summary")
}
pub fn report_milestones() -> String {
    tr("report-milestones")
}
pub fn report_resolution() -> String {
    tr("report-resolution")
}
pub fn report_closing_summary() -> String {
    tr("report-closing-summary")
}
pub fn report_duration() -> String {
    tr("report-duration")
}
pub fn milestone_not_reached() -> String {
    tr("milestone-not-reached")
}
pub fn report_running_for() -> String {
    tr("report-running-for")
}
pub fn milestone_detected() -> String {
    tr("milestone-detected")
}
pub fn milestone_declared() -> String {
    tr("milestone-declared")
}
pub fn milestone_retainer() -> String {
    tr("milestone-retainer")
}
pub fn milestone_contained() -> String {
    tr("milestone-contained")
}
pub fn milestone_closed() -> String {
    tr("milestone-closed")
}
pub fn report_retractions() -> String {
    tr("report-retractions")
}
pub fn report_timeline() -> String {
    tr("report-timeline")
}
pub fn report_phases() -> String {
    tr("report-phases")
}
pub fn report_clocks() -> String {
    tr("report-clocks")
}
pub fn report_contacts() -> String {
    tr("report-contacts")
}
pub fn report_evidence() -> String {
    tr("report-evidence")
}
pub fn report_lessons() -> String {
    tr("report-lessons")
}
pub fn report_integrity_text() -> String {
    tr("report-integrity")
}
pub fn report_none() -> String {
    tr("report-none")
}
pub fn report_current() -> String {
    tr("report-current")
}
pub fn report_custody() -> String {
    tr("report-custody")
}
pub fn report_generated() -> String {
    tr("report-generated")
}
pub fn report_organisation() -> String {
    tr("report-organisation")
}

pub fn report_missed(by: &str) -> String {
    tr_args("report-missed", &[("by", by.into())])
}

pub fn report_running(left: &str) -> String {
    tr_args("report-running", &[("left", left.into())])
}

pub fn report_retracted(by: u64, reason: &str) -> String {
    tr_args(
        "report-retracted",
        &[("by", by.into()), ("reason", reason.into())],
    )
}

pub fn report_corrected(ids: &str) -> String {
    tr_args("report-corrected", &[("ids", ids.into())])
}

pub fn report_integrity(events: u64, hash: &str) -> String {
    tr_args(
        "report-integrity-note",
        &[("events", events.into()), ("hash", hash.into())],
    )
}

pub fn cli_not_a_journal(file: &str) -> String {
    tr_args("cli-not-a-journal", &[("file", file.into())])
}

pub fn cli_imported(id: impl std::fmt::Display, n: usize) -> String {
    tr_args("cli-imported", &[("id", shown(id)), ("count", n.into())])
}

pub fn cli_already_imported(id: impl std::fmt::Display) -> String {
    tr_args("cli-already-imported", &[("id", shown(id))])
}

pub fn pane_correct() -> String {
    tr("pane-correct")
}
pub fn pane_retract() -> String {
    tr("pane-retract")
}
pub fn pane_evidence() -> String {
    tr("pane-evidence")
}
pub fn pane_lesson() -> String {
    tr("pane-lesson")
}
pub fn pane_transfer() -> String {
    tr("pane-transfer")
}
pub fn label_kind() -> String {
    tr("label-kind")
}
pub fn evidence_form_hint() -> String {
    tr("evidence-form-hint")
}
pub fn lesson_form_hint() -> String {
    tr("lesson-form-hint")
}

pub fn journal_view_title() -> String {
    tr("journal-view-title")
}
pub fn label_showing() -> String {
    tr("label-showing")
}
pub fn quick_note() -> String {
    tr("quick-note")
}
pub fn quick_note_hint() -> String {
    tr("quick-note-hint")
}
pub fn journal_nothing() -> String {
    tr("journal-nothing")
}
pub fn evidence_none() -> String {
    tr("evidence-none")
}
pub fn evidence_no_hash_short() -> String {
    tr("evidence-no-hash-short")
}
pub fn lessons_none() -> String {
    tr("lessons-none")
}

pub fn flash_report_saved(paths: &str) -> String {
    tr_args("flash-report-saved", &[("paths", paths.into())])
}

pub fn wall_no_clock() -> String {
    tr("wall-no-clock")
}

pub fn cli_unknown_drill(found: &str, known: &str) -> String {
    tr_args(
        "cli-unknown-drill",
        &[("found", found.into()), ("known", known.into())],
    )
}

pub fn read_only() -> String {
    tr("read-only")
}
pub fn owner_gone() -> String {
    tr("owner-gone")
}

/// A command waits for the store another process holds.
pub fn cli_waiting(dir: &str, holder: Option<&crate::store::lock::Holder>, secs: u64) -> String {
    tr_args(
        "cli-waiting",
        &[
            ("dir", dir.to_string().into()),
            ("holder", holder_of(holder).into()),
            ("secs", secs.into()),
        ],
    )
}

/// Who holds the store, as its lock file says, or "another warroom process".
fn holder_of(holder: Option<&crate::store::lock::Holder>) -> String {
    match holder {
        Some(h) => tr_args(
            "store-holder",
            &[("pid", h.pid.into()), ("command", h.command.clone().into())],
        ),
        None => tr("store-holder-unknown"),
    }
}

/// `verify`: the index was rebuilt from the journals at `when`.
pub fn cli_index_was_rebuilt(when: &str) -> String {
    tr_args(
        "cli-index-was-rebuilt",
        &[("when", when.to_string().into())],
    )
}

/// `verify`: the first event of a damaged journal that cannot be trusted.
pub fn cli_first_bad(bad: crate::store::salvage::Bad) -> String {
    use crate::store::salvage::Bad;
    match bad {
        Bad::Unreadable(event) => tr_args("cli-first-unreadable", &[("event", event.into())]),
        Bad::Altered(event) => tr_args("cli-first-altered", &[("event", event.into())]),
    }
}

pub fn cli_readable_from_start(last: u64) -> String {
    tr_args("cli-readable-from-start", &[("last", last.into())])
}

pub fn cli_readable_to_head(from: u64, to: u64) -> String {
    tr_args(
        "cli-readable-to-head",
        &[("from", from.into()), ("to", to.into())],
    )
}

pub fn cli_all_readable_repair() -> String {
    tr("cli-all-readable-repair")
}

pub fn cli_nothing_past_it() -> String {
    tr("cli-nothing-past-it")
}

pub fn cli_kept_as_found(path: &str) -> String {
    tr_args("cli-kept-as-found", &[("path", path.to_string().into())])
}

/// A command reads a private copy of a store that cannot be written.
pub fn cli_reading_a_copy(why: &str) -> String {
    tr_args("cli-reading-a-copy", &[("why", why.to_string().into())])
}

/// `repair`: the damaged index was moved aside and rebuilt.
pub fn cli_index_rebuilt_now(kept: &str) -> String {
    tr_args(
        "cli-index-rebuilt-now",
        &[("kept", kept.to_string().into())],
    )
}

pub fn cli_journal_rebuilt(id: crate::domain::IncidentId, kept: &str, past: u64) -> String {
    tr_args(
        "cli-journal-rebuilt",
        &[
            ("id", shown(id)),
            ("kept", kept.to_string().into()),
            ("past", past.into()),
        ],
    )
}

pub fn cli_journal_unrepairable(
    id: crate::domain::IncidentId,
    bad: Option<crate::store::salvage::Bad>,
) -> String {
    let why = bad.map_or_else(String::new, cli_first_bad);
    tr_args(
        "cli-journal-unrepairable",
        &[("id", shown(id)), ("why", why.into())],
    )
}

pub fn cli_journal_accepted(id: crate::domain::IncidentId) -> String {
    tr_args("cli-journal-accepted", &[("id", shown(id))])
}

/// The note `repair --accept` writes into the journal it accepts.
pub fn journal_accepted_note(recorded: u64, hash: &str, kept: u64) -> String {
    tr_args(
        "journal-accepted-note",
        &[
            ("recorded", recorded.into()),
            ("hash", hash.to_string().into()),
            ("kept", kept.into()),
        ],
    )
}

pub fn cli_repaired(incidents: usize) -> String {
    tr_args("cli-repaired", &[("count", incidents.into())])
}

pub fn cli_repair_incomplete(count: usize) -> String {
    tr_args("cli-repair-incomplete", &[("count", count.into())])
}

/// The dashboard offers to repair a damaged index before it opens.
pub fn cli_offer_repair() -> String {
    tr("cli-offer-repair")
}

/// Whether a typed answer means yes (empty is yes: the question says `[Y/n]`).
pub fn is_yes(answer: &str) -> bool {
    let answer = answer.to_lowercase();
    answer.is_empty() || tr("answer-yes").split('/').any(|y| y == answer)
}

/// On opening: an incident found damaged earlier.
pub fn damaged_incident(id: crate::domain::IncidentId, why: &str) -> String {
    tr_args(
        "damaged-incident",
        &[("id", shown(id)), ("why", why.to_string().into())],
    )
}

/// The status line of a store that can only be read.
pub fn status_read_only(why: &str) -> String {
    tr_args("status-read-only", &[("why", why.to_string().into())])
}

/// `list`: an incident found damaged.
pub fn damaged() -> String {
    tr("damaged")
}

/// (Followers) the owner has not answered, not even its heartbeat.
pub fn status_owner_silent(pid: u32) -> String {
    tr_args("status-owner-silent", &[("pid", pid.into())])
}

/// On quit, the writer did not finish in time.
pub fn writer_stuck(secs: u64) -> String {
    tr_args("writer-stuck", &[("secs", secs.into())])
}

/// A file that cannot be hashed as evidence: `kind` is directory, fifo, device, socket
/// or other.
pub fn evidence_not_a_file(kind: &str) -> String {
    tr_args("evidence-not-a-file", &[("kind", kind.to_string().into())])
}
pub fn status_following() -> String {
    tr("status-following")
}

/// A write or forwarded command panicked; it was not carried out.
pub fn internal_error() -> String {
    tr("internal-error")
}

/// Why a data directory or socket is refused, with the fix.
fn unsafe_store(path: &std::path::Path, why: crate::store::Exposure) -> String {
    use crate::store::Exposure as U;
    let path = shown(path.display());
    let (id, mut args): (&str, Vec<(&str, FluentValue<'static>)>) = match why {
        U::DirectoryNotYours { owner, me } => (
            "err-unsafe-dir-not-yours",
            vec![("owner", owner.into()), ("me", me.into())],
        ),
        U::DirectoryOpen { mode } => (
            "err-unsafe-dir-open",
            vec![("mode", format!("{mode:o}").into())],
        ),
        U::DirectoryShared => ("err-unsafe-dir-shared", vec![]),
        U::NotASocket => ("err-unsafe-not-a-socket", vec![]),
        U::SocketNotYours { owner, me } => (
            "err-unsafe-socket-not-yours",
            vec![("owner", owner.into()), ("me", me.into())],
        ),
        U::SocketOpen { mode } => (
            "err-unsafe-socket-open",
            vec![("mode", format!("{mode:o}").into())],
        ),
        U::PeerNotYou { pid, uid, me } => (
            "err-unsafe-peer",
            vec![("pid", pid.into()), ("uid", uid.into()), ("me", me.into())],
        ),
    };
    args.push(("path", path));
    tr_args(id, &args)
}

/// A size for people: 512 B, 12 KB, 3.4 MB, 2.0 GB.
fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// The thread that writes to the store is gone: what the screen shows as saving is not.
pub fn writer_gone() -> String {
    tr("writer-gone")
}

/// How long ago, from a duration already formatted (`00:45:00 ago`).
pub fn ago(span: &str) -> String {
    tr_args("ago", &[("span", span.to_string().into())])
}

/// A report table's column title, given in English as the code writes it (`Done by`),
/// in the current language (message `report-col-done-by`). `#`, `UTC` and `SHA-256`
/// are the same in every language.
pub fn report_column(english: &str) -> String {
    let id: String = english
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if id.is_empty() || matches!(english, "UTC" | "SHA-256") {
        english.to_string()
    } else {
        tr(&format!("report-col-{id}"))
    }
}

/// A code of the report model (`open`, `not started`) as a word for the reader; the
/// JSON report keeps the code.
pub fn report_code(code: &str) -> String {
    tr(&format!("report-code-{}", code.replace(' ', "-")))
}

/// Where a playbook comes from, when it is one of warroom's own.
pub fn playbook_shipped() -> String {
    tr("playbook-shipped")
}

/// A store error, for the operator, in the current language (the store's own messages
/// are English, for the log).
pub fn store_error(e: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    let dir = |d: &std::path::Path| shown(d.display());
    match e {
        E::Locked { dir: d, holder } => tr_args(
            "err-store-locked",
            &[
                ("dir", dir(d)),
                ("holder", holder_of(holder.as_ref()).into()),
            ],
        ),
        E::Busy {
            dir: d,
            holder,
            waited,
        } => tr_args(
            "err-store-busy",
            &[
                ("dir", dir(d)),
                ("holder", holder_of(holder.as_ref()).into()),
                ("secs", waited.as_secs().into()),
            ],
        ),
        E::OwnerSilent { pid, waited, .. } => tr_args(
            "err-store-owner-silent",
            &[("pid", (*pid).into()), ("secs", waited.as_secs().into())],
        ),
        E::NotStarted { pid, waited } => tr_args(
            "err-store-not-started",
            &[("pid", (*pid).into()), ("secs", waited.as_secs().into())],
        ),
        E::OwnerClosed { pid, maybe_written } => tr_args(
            if *maybe_written {
                "err-store-owner-closed-writing"
            } else {
                "err-store-owner-closed"
            },
            &[("pid", (*pid).into())],
        ),
        E::OutcomeUnknown { pid, waited_s } => tr_args(
            "err-store-outcome-unknown",
            &[("pid", (*pid).into()), ("secs", (*waited_s).into())],
        ),
        E::Owner(message) => tr_args("err-store-owner", &[("message", shown(message))]),
        E::Unsafe { path, why } => unsafe_store(path, *why),
        E::DiskFull {
            dir: d,
            free,
            needed,
        } => tr_args(
            "err-store-disk-full",
            &[
                ("dir", dir(d)),
                ("free", human_bytes(*free).into()),
                ("needed", human_bytes(*needed).into()),
            ],
        ),
        E::Engine {
            dir: d,
            cause: sled::Error::Io(e),
        }
        | E::Io {
            path: d, cause: e, ..
        } if e.kind() == std::io::ErrorKind::StorageFull => tr_args(
            "err-store-no-space",
            &[("dir", dir(d)), ("cause", shown(e))],
        ),
        E::IndexDamaged { dir: d, cause } => tr_args(
            "err-store-index-damaged",
            &[("dir", dir(d)), ("cause", shown(cause))],
        ),
        E::OwnedByDashboard { pid } => {
            tr_args("err-store-owned-by-dashboard", &[("pid", (*pid).into())])
        }
        E::ReadOnly { dir: d, why } => tr_args(
            "err-store-read-only",
            &[("dir", dir(d)), ("why", shown(why))],
        ),
        E::UnknownIncident(id) => tr_args("err-store-unknown", &[("id", shown(id))]),
        E::AlreadyExists(id) => tr_args("err-store-exists", &[("id", shown(id))]),
        E::Corrupt { id, detail } => tr_args(
            "err-store-corrupt",
            &[("id", shown(id)), ("detail", shown(detail))],
        ),
        E::ImportConflict(id) => tr_args("err-store-import-conflict", &[("id", shown(id))]),
        E::SchemaTooNew {
            dir: d,
            found,
            supported,
        } => tr_args(
            "err-store-schema",
            &[
                ("dir", dir(d)),
                ("found", (*found).into()),
                ("supported", (*supported).into()),
            ],
        ),
        other => other.to_string(),
    }
}

/// A label followed by its colon: `Phase:` in English, `Phase :` in French (with a
/// no-break space, so the colon never starts a line).
pub fn colon(label: &str) -> String {
    format!("{label}{}", tr("colon"))
}

/// `hh:mm:ss`, or `Nd hh:mm:ss` beyond 48 hours (`Nj` in French). Negative spans are shown as their size.
pub fn hms(span: chrono::TimeDelta) -> String {
    let total = span.num_seconds().unsigned_abs();
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h >= 48 {
        let day = tr("day-letter");
        format!("{}{day} {:02}:{:02}:{:02}", h / 24, h % 24, m, s)
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set};

    #[test]
    fn sentences_with_values_read_the_same_in_english_and_agree_in_french() {
        set(Lang::En);
        assert_eq!(
            cli_items_open("INC-1", &["a", "b"]),
            "INC-1: 2 item(s) of the current phase are still open (a, b); tick them, mark them not applicable, or pass --force"
        );
        assert_eq!(
            cli_failed_verification(1),
            "1 journal(s) failed verification"
        );
        assert_eq!(
            too_small(80, 24, 60, 20),
            "warroom needs a terminal of at least 80×24; this one is 60×20."
        );
        assert_eq!(
            cli_unknown_event("INC-1", 12, 3400),
            "INC-1 has no event #12; its events are #1 to #3400"
        );
        assert_eq!(
            cli_already("INC-1", "x", true),
            "INC-1: x is already done; nothing recorded"
        );
        set(Lang::Fr);
        assert_eq!(
            cli_failed_verification(1),
            "1 journal n’a pas passé la vérification"
        );
        assert_eq!(
            cli_imported("INC-1", 3),
            "INC-1 importé (3 événements, chaîne vérifiée)"
        );
        assert_eq!(flag_short(crate::domain::Flag::Major), "majeur");
        let phase = |open: &[&str]| crate::domain::Change::PhaseAdvanced {
            phase: "contain".into(),
            name: "Containment".into(),
            left_open: open.iter().map(|s| s.to_string()).collect(),
        };
        // A shipped phase name is shown in French too.
        assert_eq!(event_line(&phase(&[]), None), "Phase : Confinement");
        assert_eq!(
            event_line(&phase(&["a", "b"]), None),
            "Phase : Confinement (2 actions laissées ouvertes)"
        );
        set(Lang::En);
        assert_eq!(event_line(&phase(&[]), None), "Phase: Containment");
        assert_eq!(
            event_line(&phase(&["a"]), None),
            "Phase: Containment (1 left open before)"
        );
        set(Lang::En);
        assert_eq!(flag_short(crate::domain::Flag::Major), "major");
    }
}
