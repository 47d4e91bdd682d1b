use super::*;

fn example() -> Config {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.yaml"))
        .unwrap();
    Config::with_user_text("config.example.yaml", &text).unwrap()
}

/// The directory as `contacts::directory` assembles it, less what the plan does not use.
fn directory(config: &Config) -> Vec<Contact> {
    std::iter::once(config.point_of_contact.clone())
        .chain(config.contacts.iter().cloned())
        .chain(config.catalog.public_contacts.iter().cloned())
        .collect()
}

#[test]
fn the_plan_names_whom_to_call_and_the_retainers_terms() {
    let config = example();
    let directory = directory(&config);
    let plan = plan(&config, &directory);
    assert_eq!(plan.point_of_contact.name, "Camille Durand");
    assert_eq!(plan.deputies[0].name, "Karim Benali");
    assert_eq!(plan.first_steps.len(), 5);
    assert_eq!(plan.retainer.contract, "IR-RET-2026-042");
    assert!(
        plan.retainer.hours.contains("08:00-18:00 Europe/Paris"),
        "{:?}",
        plan.retainer
    );
    // Severity 3 and up: management and the retainer, with their numbers.
    let rung = plan
        .ladder
        .iter()
        .find(|r| r.severity.starts_with("3 ") && r.condition.is_none())
        .unwrap();
    assert!(
        rung.roles.iter().any(|(role, _)| role == "Retainer CSIRT"),
        "{rung:?}"
    );
    // The police and the CNIL come from the shipped directory.
    let outside: Vec<&str> = plan.outside.iter().map(|(role, _)| role.as_str()).collect();
    assert!(outside.contains(&"Police / gendarmerie"), "{outside:?}");
    assert!(
        outside.contains(&"Data-protection authority (CNIL)"),
        "{outside:?}"
    );
}

#[test]
fn user_text_is_escaped_in_both_forms() {
    let mut config = example();
    config.organisation = "<script>alert(1)</script> & *Co*".into();
    let directory = directory(&config);
    let plan = plan(&config, &directory);
    let html = crate::report::plan_html(&plan);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *Co*"));
    let md = crate::report::plan_markdown(&plan);
    assert!(md.contains("\\*Co\\*"), "{md}");
}
