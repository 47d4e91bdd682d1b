//! The demo incident offered on first run: a short, plausible ransomware exercise with
//! some history, so a newcomer sees every pane alive. Always marked as an exercise.

use super::{
    Category, Change, ClockDef, Declaration, EntityFlags, Flag, IncidentId, ItemSpec, Origin,
    PhaseSpec, Scope, Severity, Tlp,
};
use chrono::{DateTime, TimeDelta, Utc};

/// The demo is a ransomware incident, so its category picks the ransomware playbook.
pub const CATEGORY: Category = Category::MaliciousCode;

/// What the demo takes from the configuration.
pub struct DemoInputs<'a> {
    pub phases: &'a [PhaseSpec],
    pub checklist: &'a [ItemSpec],
    pub phase_model: Option<&'a Origin>,
    pub playbook: Option<&'a Origin>,
    pub clocks: &'a [ClockDef],
    pub retainer: &'a str,
    pub retainer_minutes: u32,
}

/// The demo's events, oldest first, with their instants and authors.
pub fn script(
    now: DateTime<Utc>,
    id: IncidentId,
    inputs: &DemoInputs<'_>,
) -> Vec<(DateTime<Utc>, String, Change)> {
    let ago = |minutes: i64| now - TimeDelta::minutes(minutes);
    let note = |text: &str| Change::NoteAdded {
        text: text.to_string(),
    };
    let mut events = vec![
        (
            ago(45),
            "demo".to_string(),
            Change::Declared(Declaration {
                id,
                title: "Ransomware on file server FS01 (exercise)".into(),
                severity: Severity::High,
                category: CATEGORY,
                tlp: Tlp::Amber,
                detected_at: Some(ago(52)),
                commander: Some("Alex Martin".into()),
                scope: Scope {
                    network: true,
                    cloud: false,
                    endpoints: true,
                    ot: false,
                    personal_data: true,
                },
                summary: "Users cannot open shared files; a ransom note was found on FS01.".into(),
                exercise: true,
                phases: inputs.phases.to_vec(),
                checklist: inputs.checklist.to_vec(),
                phase_model: inputs.phase_model.cloned(),
                playbook: inputs.playbook.cloned(),
                clocks: inputs.clocks.to_vec(),
                entity: EntityFlags {
                    nis2: true,
                    dora: false,
                },
            }),
        ),
        (
            ago(44),
            "helpdesk".into(),
            note(
                "12 users report encrypted files on the shared drive; ransom note README_RESTORE.txt found",
            ),
        ),
        (
            ago(40),
            "alex".into(),
            note("FS01 unplugged at the switch, left powered on so memory is kept"),
        ),
        (
            ago(38),
            "alex".into(),
            Change::RetainerAlerted {
                retainer: inputs.retainer.to_string(),
                response_minutes: inputs.retainer_minutes,
                coverage: Default::default(),
                report_due_days: None,
            },
        ),
    ];
    let first_phase = inputs.phases.first().map(|p| p.id.as_str());
    let first_items = inputs
        .checklist
        .iter()
        .filter(|i| Some(i.phase.as_str()) == first_phase)
        .take(2);
    for (n, item) in first_items.enumerate() {
        events.push((
            ago(35 - 5 * n as i64),
            "alex".into(),
            Change::ItemChecked {
                item: item.id.clone(),
            },
        ));
    }
    events.push((
        ago(30),
        "dpo".into(),
        Change::FlagSet {
            flag: Flag::PersonalData,
            at: Some(ago(33)),
        },
    ));
    events.push((
        ago(25),
        "alex".into(),
        Change::FlagSet {
            flag: Flag::Significant,
            at: None,
        },
    ));
    events.push((
        ago(20),
        "sam".into(),
        note("Offline backup of last night (02:00) checked: readable, not encrypted"),
    ));
    events.push((
        ago(8),
        "alex".into(),
        note("Retainer analyst on the bridge; memory capture of FS01 under way"),
    ));
    events
}
