//! DORA drafts (initial, intermediate, final) in English and French, filled from the
//! incident and the config, and the indicators of compromise a notification gives an
//! authority: defanged, without those TLP keeps inside. On the real binary and store;
//! "now" is pinned with `WARROOM_NOW`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::*;
use std::path::Path;

const NOW: &str = "2026-11-30T14:00:00Z";

/// A bank (DORA entity, with its LEI) whose payment gateway is down, classified major
/// at 13:00 on the 28th; a domain and a technique as IOCs, and a TLP:RED address.
fn outage(dir: &Path) -> String {
    let id = declare_with_config(
        dir,
        "organisation: Banque Exemple SA\nlei: 5493001KJTIIGC8Y1R12\ndora_entity: true\nnis2_entity: true\n",
        "Payment gateway down",
        &["--severity", "4"],
    );
    for args in [
        vec!["set", &id, "summary", "Card payments refused since 12:40"],
        vec!["set", &id, "detected-at", "2026-11-28T12:45:00Z"],
        vec!["flag", &id, "major", "--at", "2026-11-28T13:00:00Z"],
        vec!["ioc", "add", &id, "domain", "c2.evil.example"],
        vec!["ioc", "add", &id, "technique", "T1486"],
        vec!["ioc", "add", &id, "ip", "203.0.113.7", "--tlp", "red"],
        vec![
            "ioc",
            "add",
            &id,
            "url",
            "http://drop.example/x",
            "--not-ioc",
        ],
    ] {
        ok(run(dir).args(args));
    }
    id
}

/// The binary with the config `outage` wrote, at NOW.
fn run(dir: &Path) -> assert_cmd::Command {
    let mut cmd = warroom_at(dir, NOW);
    cmd.arg("--config").arg(dir.join("config.yaml"));
    cmd
}

/// Moves the incident to its next phase at each of `times`.
fn advance(dir: &Path, id: &str, times: &[&str]) {
    for at in times {
        ok(run(dir).args(["phase", id, "next", "--force", "--at", at]));
    }
}

fn draft(dir: &Path, id: &str, kind: &str, lang: &str) -> String {
    ok(run(dir).args(["--lang", lang, "draft", id, kind]))
}

/// The lines under `question`, up to the blank line that ends its answer.
fn answer<'a>(draft: &'a str, question: &str) -> &'a str {
    let start = draft
        .find(&format!("\n{question}\n"))
        .unwrap_or_else(|| panic!("no {question:?} in:\n{draft}"))
        + question.len()
        + 2;
    let rest = &draft[start..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

#[test]
fn the_initial_notification_names_the_entity_and_asks_for_the_criteria() {
    let dir = tmp();
    let id = outage(dir.path());
    let en = draft(dir.path(), &id, "dora-initial", "en");
    assert!(
        en.starts_with(
            "TLP:AMBER\nDORA initial notification of a major ICT-related incident (Art. 19(4)(a)) - DRAFT\n"
        ),
        "{en}"
    );
    for line in [
        "Type of submission: initial notification",
        "To: Financial supervisor",
        // 4 h after classification, under the 24 h cap after detection.
        "Deadline: 2026-11-28 17:00:00 UTC",
        "  Organisation: Banque Exemple SA",
        "  LEI code: 5493001KJTIIGC8Y1R12",
        "  Type of financial entity: [TO COMPLETE: type of financial entity (DORA Art. 2(1))]",
        "  Detected: 2026-11-28 12:45:00 UTC",
        "  Classified as major: 2026-11-28 13:00:00 UTC",
        "  Summary: Card payments refused since 12:40",
        "  Severity: 4 Severe",
    ] {
        assert!(en.contains(&format!("{line}\n")), "{line}: {en}");
    }
    let criteria = answer(
        &en,
        "Classification criteria met (Delegated Reg. (EU) 2024/1772, Arts. 1 to 8), with figures or estimates",
    );
    for criterion in [
        "[ ] Clients, financial counterparts and transactions affected: [TO COMPLETE]",
        "[ ] Data losses: [TO COMPLETE]",
        "[ ] Reputational impact: [TO COMPLETE]",
        "[ ] Duration and service downtime: since 2026-11-28 12:45:00 UTC, 2d 01:15:00 so far",
        "[ ] Geographical spread: [TO COMPLETE]",
        "[ ] Economic impact: [TO COMPLETE]",
        "[ ] Critical services affected: [TO COMPLETE]",
    ] {
        assert!(criteria.contains(criterion), "{criterion}: {criteria}");
    }
    for question in [
        "Member States impacted",
        "How the incident was discovered",
        "Origin of the incident, where known (internal, ICT third-party service provider, other)",
        "Has the business continuity plan been activated?",
        "Reclassification from major to non-major, where applicable",
    ] {
        assert_eq!(answer(&en, question), "  [TO COMPLETE]", "{question}");
    }

    let fr = draft(dir.path(), &id, "dora-initial", "fr");
    assert!(
        fr.contains(
            "Notification initiale d’un incident majeur lié aux TIC (DORA art. 19(4)(a)) - BROUILLON\n"
        ),
        "{fr}"
    );
    for line in [
        "Type de soumission\u{a0}: notification initiale",
        "  Code LEI\u{a0}: 5493001KJTIIGC8Y1R12",
        "  Classé comme majeur\u{a0}: 2026-11-28 13:00:00 UTC",
        "Le plan de continuité des activités a-t-il été activé ?",
        "États membres touchés",
        "[ ] Clients, contreparties financières et transactions concernés",
        "[ ] Durée et indisponibilité du service\u{a0}: depuis le 2026-11-28 12:45:00 UTC, 2j 01:15:00 à ce jour",
    ] {
        assert!(fr.contains(line), "{line}: {fr}");
    }
}

#[test]
fn without_an_lei_or_a_classification_the_draft_says_how_to_give_them() {
    let dir = tmp();
    let id = declare_with_config(
        dir.path(),
        "dora_entity: true\n",
        "Outage",
        &["--severity", "3"],
    );
    let en = draft(dir.path(), &id, "dora-initial", "en");
    assert!(
        en.contains("  LEI code: [TO COMPLETE: the entity's LEI (set lei in the config)]\n"),
        "{en}"
    );
    assert!(
        en.contains(&format!(
            "  Classified as major: [TO COMPLETE: when it was classified as major (warroom flag {id} major --at WHEN, or M on the dashboard)]\n"
        )),
        "{en}"
    );
    let tail = en
        .split("Still to complete before sending:")
        .nth(1)
        .unwrap();
    assert!(tail.contains("[ ] the entity's LEI"), "{tail}");
}

#[test]
fn the_intermediate_report_gives_times_iocs_and_the_authoritys_reference() {
    let dir = tmp();
    let id = outage(dir.path());
    ok(run(dir.path()).args([
        "clock",
        &id,
        "dora-initial",
        "met",
        "--ref",
        "ACPR-2026-0042",
        "--at",
        "2026-11-28T16:30:00Z",
    ]));
    advance(
        dir.path(),
        &id,
        &["2026-11-28T15:00:00Z", "2026-11-28T18:00:00Z"],
    );
    let en = draft(dir.path(), &id, "dora-intermediate", "en");
    assert!(
        en.starts_with(
            "TLP:AMBER\nDORA intermediate report on a major ICT-related incident (Art. 19(4)(b)) - DRAFT\n"
        ),
        "{en}"
    );
    assert!(
        en.contains("Type of submission: intermediate report\n"),
        "{en}"
    );
    // Due 72 h after the initial notification was sent.
    assert!(en.contains("Deadline: 2026-12-01 16:30:00 UTC\n"), "{en}");
    assert_eq!(
        answer(
            &en,
            "Incident reference code given by the competent authority"
        ),
        "  ACPR-2026-0042 (recorded when the initial notification was sent, 2026-11-28 16:30:00 UTC)"
    );
    // Past the containment phase at 18:00.
    assert_eq!(
        answer(&en, "Date and time the incident was contained"),
        "  2026-11-28 18:00:00 UTC"
    );
    assert_eq!(
        answer(
            &en,
            "Date and time regular activities were recovered (or are expected to be)"
        ),
        "  [TO COMPLETE]"
    );
    let phases = answer(&en, "Response phases, with when each began");
    assert!(
        phases.contains("- Containment: 2026-11-28 15:00:00 UTC"),
        "{phases}"
    );
    assert!(
        answer(
            &en,
            "Type of incident (cybersecurity, process failure, system failure, external event, payment-related, other)"
        )
        .contains("category recorded: Other"),
        "{en}"
    );
    assert_eq!(
        answer(&en, "Threats and techniques used by the threat actor"),
        "  - technique: T1486 (TLP:AMBER)"
    );
    assert_eq!(
        answer(&en, "Indicators of compromise, where available"),
        "  - domain: c2[.]evil[.]example (TLP:AMBER)\n  - technique: T1486 (TLP:AMBER)\n  1 indicator left out: marked TLP:RED or TLP:AMBER+STRICT, it may not go to an authority"
    );
    assert!(
        !en.contains("203.0.113.7") && !en.contains("203[.]0"),
        "{en}"
    );

    let fr = draft(dir.path(), &id, "dora-intermediate", "fr");
    for line in [
        "Rapport intermédiaire sur un incident majeur lié aux TIC (DORA art. 19(4)(b)) - BROUILLON",
        "Code de référence de l’incident attribué par l’autorité compétente\n  ACPR-2026-0042 (noté à l’envoi de la notification initiale, le 2026-11-28 16:30:00 UTC)",
        "Date et heure du confinement de l’incident\n  2026-11-28 18:00:00 UTC",
        "Indicateurs de compromission, le cas échéant\n  - domain\u{a0}: c2[.]evil[.]example (TLP:AMBER)",
        "1 indicateur écarté : marqué TLP:RED ou TLP:AMBER+STRICT",
        "Menaces et techniques employées par l’acteur de la menace",
        "Incidence sur les intérêts financiers des clients",
    ] {
        assert!(fr.contains(line), "{line}: {fr}");
    }
}

#[test]
fn the_final_report_gives_the_root_cause_resolution_and_lessons() {
    let dir = tmp();
    let id = outage(dir.path());
    advance(
        dir.path(),
        &id,
        &[
            "2026-11-28T15:00:00Z",
            "2026-11-28T18:00:00Z",
            "2026-11-29T09:00:00Z",
            "2026-11-29T20:00:00Z",
        ],
    );
    for args in [
        vec!["lesson", &id, "cause", "Unpatched VPN appliance"],
        vec!["lesson", &id, "weakness", "No MFA on admin accounts"],
        vec![
            "lesson",
            &id,
            "recommendation",
            "Patch edge devices within 7 days",
            "--owner",
            "IT lead",
            "--due",
            "2027-01-31",
        ],
        vec![
            "close",
            &id,
            "--resolution",
            "resolved",
            "--summary",
            "Restored from clean backups",
            "--leave-open",
            "--at",
            "2026-11-30T09:00:00Z",
        ],
    ] {
        ok(run(dir.path()).args(args));
    }
    let en = draft(dir.path(), &id, "dora-final", "en");
    assert!(
        en.starts_with(
            "TLP:AMBER\nDORA final report on a major ICT-related incident (Art. 19(4)(c)) - DRAFT\n"
        ),
        "{en}"
    );
    assert!(en.contains("Type of submission: final report\n"), "{en}");
    assert_eq!(answer(&en, "Root causes"), "  - Unpatched VPN appliance");
    assert_eq!(
        answer(&en, "Date and time the root cause was addressed"),
        "  [TO COMPLETE]"
    );
    // Recovered when the incident moved past its recovery phase.
    assert_eq!(
        answer(
            &en,
            "Date and time regular activities were recovered (or are expected to be)"
        ),
        "  2026-11-29 20:00:00 UTC"
    );
    assert_eq!(
        answer(&en, "Date and time the incident was resolved"),
        "  2026-11-30 09:00:00 UTC"
    );
    assert_eq!(
        answer(&en, "How the incident was resolved"),
        "  Restored from clean backups"
    );
    assert!(
        en.contains("[ ] Duration and service downtime: from 2026-11-28 12:45:00 UTC to 2026-11-29 20:00:00 UTC, 31:15:00"),
        "{en}"
    );
    assert_eq!(
        answer(
            &en,
            "Direct and indirect costs and losses, with the currency"
        ),
        "  [TO COMPLETE]"
    );
    assert_eq!(
        answer(&en, "Lessons learnt"),
        "  - No MFA on admin accounts"
    );
    assert_eq!(
        answer(&en, "Measures to prevent the incident from happening again"),
        "  - Patch edge devices within 7 days — IT lead (2027-01-31)"
    );

    let fr = draft(dir.path(), &id, "dora-final", "fr");
    for line in [
        "Rapport final sur un incident majeur lié aux TIC (DORA art. 19(4)(c)) - BROUILLON",
        "Causes originelles\n  - Unpatched VPN appliance",
        "Date et heure de résolution de l’incident\n  2026-11-30 09:00:00 UTC",
        "Coûts et pertes directs et indirects, avec la devise\n  [À COMPLÉTER]",
        "Enseignements tirés\n  - No MFA on admin accounts",
        "Mesures pour éviter que l’incident ne se reproduise\n  - Patch edge devices within 7 days — IT lead (2027-01-31)",
    ] {
        assert!(fr.contains(line), "{line}: {fr}");
    }
}

#[test]
fn the_nis2_notification_lists_the_iocs_an_authority_may_have() {
    let dir = tmp();
    let id = outage(dir.path());
    let en = draft(dir.path(), &id, "nis2-notification", "en");
    assert_eq!(
        answer(&en, "Indicators of compromise, where available"),
        "  - domain: c2[.]evil[.]example (TLP:AMBER)\n  - technique: T1486 (TLP:AMBER)\n  1 indicator left out: marked TLP:RED or TLP:AMBER+STRICT, it may not go to an authority"
    );
    // Not an IOC (context only): not listed, not counted.
    assert!(!en.contains("drop[.]example"), "{en}");

    // Every IOC kept inside: the question stays open, and says why the list is empty.
    for o in ["O1", "O2"] {
        ok(run(dir.path()).args(["ioc", "set", &id, o, "tlp", "amber+strict"]));
    }
    let en = draft(dir.path(), &id, "nis2-notification", "en");
    assert_eq!(
        answer(&en, "Indicators of compromise, where available"),
        "  [TO COMPLETE]\n  3 indicators left out: marked TLP:RED or TLP:AMBER+STRICT, they may not go to an authority"
    );
}

#[test]
fn with_no_ioc_the_nis2_notification_keeps_the_question_open() {
    let dir = tmp();
    let id = declare_with_config(
        dir.path(),
        "nis2_entity: true\n",
        "Outage",
        &["--severity", "3"],
    );
    ok(warroom(dir.path()).args(["ioc", "add", &id, "domain", "ctx.example", "--not-ioc"]));
    let en = ok(warroom(dir.path()).args(["draft", &id, "nis2-notification"]));
    assert_eq!(
        answer(&en, "Indicators of compromise, where available"),
        "  [TO COMPLETE]"
    );
}
