use super::*;

fn contract(yaml: &str) -> Retainer {
    serde_yaml::from_str(yaml).unwrap()
}

fn tiered() -> Retainer {
    contract(
        "{name: CSIRT, response_minutes: 480, response: [{from_severity: 4, within: 1h}, \
         {from_severity: 3, within: 4h}], coverage: {hours: '08:00-18:00', time_zone: \
         Europe/Paris, holidays: FR}, scope: [network, endpoints, personal-data], \
         report_due_days: 10, out_of_scope: [ot-vendor]}",
    )
}

#[test]
fn the_response_time_follows_the_severity_tier() {
    let r = tiered();
    assert_eq!(r.response_for(Severity::Emergency), 60);
    assert_eq!(r.response_for(Severity::Severe), 60);
    assert_eq!(r.response_for(Severity::High), 240);
    // Below every tier: the contract's general time.
    assert_eq!(r.response_for(Severity::Medium), 480);
}

#[test]
fn an_alert_records_the_terms_that_applied() {
    let Change::RetainerAlerted {
        retainer,
        response_minutes,
        coverage,
        report_due_days,
    } = tiered().alert(Severity::High)
    else {
        panic!("not an alert");
    };
    assert_eq!(retainer, "CSIRT");
    assert_eq!(response_minutes, 240);
    assert!(!coverage.around_the_clock());
    assert_eq!(report_due_days, Some(10));
}

#[test]
fn what_the_contract_leaves_out_of_an_incidents_scope() {
    let r = tiered();
    let scope = Scope {
        network: true,
        ot: true,
        cloud: true,
        ..Scope::default()
    };
    assert_eq!(r.outside(&scope), vec![Area::Cloud, Area::Ot]);
    let inside = Scope {
        network: true,
        personal_data: true,
        ..Scope::default()
    };
    assert!(r.outside(&inside).is_empty());
    // A contract that states no scope holds nothing against an incident.
    let unstated = contract("{name: CSIRT, response_minutes: 60}");
    assert!(unstated.outside(&scope).is_empty());
}

#[test]
fn a_response_time_is_a_time() {
    let err = |yaml: &str| {
        serde_yaml::from_str::<Retainer>(yaml)
            .unwrap_err()
            .to_string()
    };
    let bad =
        err("{name: R, response_minutes: 60, response: [{from_severity: 4, within: 1 month}]}");
    assert!(
        bad.contains("expected a response time such as 1h, 4h or 30m"),
        "{bad}"
    );
    let r = contract("{name: R, response_minutes: 60, response: [{from_severity: 4, within: 2d}]}");
    assert_eq!(r.response[0].within, Within(2 * 24 * 60));
    assert_eq!(String::from(Within(90)), "90m");
}
