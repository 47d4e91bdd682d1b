//! Shipped phase models and playbooks are valid; user playbooks add or replace by id;
//! bad playbook files are refused with file:line:column.

use super::*;
use crate::domain::Stage;

#[test]
fn every_shipped_phase_model_covers_every_stage_once() {
    let models = catalog::shipped_models().unwrap();
    let ids: Vec<&str> = models.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        ["picerl", "nist-800-61r2", "nist-800-61r3", "iso-27035"]
    );
    for model in &models {
        assert_eq!(model.coverage_faults(), (vec![], vec![]), "{}", model.id);
    }
}

#[test]
fn every_shipped_playbook_is_complete() {
    let config = Config::embedded().unwrap();
    let books = &config.catalog.playbooks;
    let ids: Vec<&str> = books.iter().map(|p| p.id.as_str()).collect();
    for wanted in [
        "generic",
        "ransomware",
        "phishing-bec",
        "personal-data-breach",
        "ddos",
    ] {
        assert!(ids.contains(&wanted), "{wanted} missing from {ids:?}");
    }
    for book in books {
        assert!(
            book.items.len() >= 30,
            "{}: {} items",
            book.id,
            book.items.len()
        );
        for stage in Stage::ALL {
            let n = book.items.iter().filter(|i| i.stage == stage).count();
            assert!(n >= 3, "{}: only {n} items in {}", book.id, stage.slug());
        }
        for item in &book.items {
            assert!(item.text.chars().count() <= 95, "{}: too long", item.id);
            assert!(
                config.roles.iter().any(|r| r.id == item.owner),
                "{}",
                item.id
            );
            for clock in item.starts.iter().chain(&item.stops) {
                assert!(
                    config.catalog.clocks.iter().any(|c| &c.id == clock),
                    "{}",
                    item.id
                );
            }
        }
        // Every clock a playbook starts, it also says how it ends.
        let started: Vec<&String> = book.items.iter().flat_map(|i| &i.starts).collect();
        for clock in started {
            assert!(
                book.items.iter().any(|i| i.stops.contains(clock)),
                "{}: {clock} is started but never stopped",
                book.id
            );
        }
    }
}

#[test]
fn item_ids_are_unique_across_all_shipped_playbooks() {
    let config = Config::embedded().unwrap();
    let mut all: Vec<&str> = config
        .catalog
        .playbooks
        .iter()
        .flat_map(|p| p.items.iter().map(|i| i.id.as_str()))
        .collect();
    let total = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), total);
}

#[test]
fn categories_pick_their_playbooks() {
    use crate::domain::Category;
    let catalog = Config::embedded().unwrap().catalog;
    let pick = |c| catalog.playbook_for(c).map(|p| p.id.as_str());
    assert_eq!(pick(Category::MaliciousCode), Some("ransomware"));
    assert_eq!(pick(Category::Fraud), Some("phishing-bec"));
    assert_eq!(
        pick(Category::InformationContentSecurity),
        Some("personal-data-breach")
    );
    assert_eq!(pick(Category::Availability), Some("ddos"));
    assert_eq!(pick(Category::Intrusions), Some("generic"));
}

fn embedded() -> Config {
    Config::embedded().unwrap()
}

const GOOD: &str = "id: wiper\nname: Wiper\ncategories: [malicious-code]\nitems:\n  - id: wp-isolate\n    stage: contain\n    owner: it-lead\n    text: \"Cut the wiped hosts off\"\n    call: hosting-provider\n    starts: [gdpr-authority]\n";

fn error_of(text: &str) -> String {
    parse_playbook(Source::new("pb.yaml", text), embedded().vocabulary())
        .unwrap_err()
        .to_string()
}

#[test]
fn a_good_playbook_parses() {
    let book = parse_playbook(Source::new("pb.yaml", GOOD), embedded().vocabulary()).unwrap();
    assert_eq!(book.id, "wiper");
    assert_eq!(book.items[0].call.as_deref(), Some("hosting-provider"));
    assert_eq!(book.source, "pb.yaml");
}

#[test]
fn bad_playbooks_are_located() {
    let cases = [
        (
            GOOD.replace("stage: contain", "stage: contian"),
            "pb.yaml:6:12: items[0].stage: unknown variant `contian`, expected one of `detect`, `analyse`, `contain`, `eradicate`, `recover`, `learn`",
        ),
        (
            GOOD.replace("owner: it-lead", "owner: sysadmin"),
            "pb.yaml:7:12: found the role `sysadmin` as owner of item `wp-isolate`, expected one of",
        ),
        (
            GOOD.replace("call: hosting-provider", "call: hoster"),
            "pb.yaml:9:11: found the role `hoster` as call of item `wp-isolate`",
        ),
        (
            GOOD.replace("[gdpr-authority]", "[gdpr-72h]"),
            "pb.yaml:10:14: found the clock `gdpr-72h` in item `wp-isolate`, expected one of retainer-sla,",
        ),
        (
            format!(
                "{GOOD}  - id: wp-isolate\n    stage: learn\n    owner: it-lead\n    text: again\n"
            ),
            "pb.yaml:11:9: found the playbook and item id `wp-isolate` twice, expected each id once",
        ),
        (
            GOOD.replace("text: \"Cut the wiped hosts off\"", "text: \"  \""),
            "pb.yaml:8:5: found an empty or multi-line text in item `wp-isolate`",
        ),
        (
            GOOD.replace("id: wiper", "id: Wiper Files"),
            "pb.yaml:1:5: found the id `Wiper Files`, expected lower-case letters, digits and dashes",
        ),
        (
            GOOD.replace("categories: [malicious-code]", "categories: [malware]"),
            "pb.yaml:3:14: categories[0]: unknown variant `malware`",
        ),
        (
            GOOD.replace("name: Wiper", "title: Wiper"),
            "pb.yaml:2:1: unknown field `title`, expected one of `id`, `name`",
        ),
        (
            "id: x\nname: X\nitems: []\n".to_string(),
            "pb.yaml:3:1: found no items, expected at least one checklist item",
        ),
        (
            "# only a comment\n".to_string(),
            "pb.yaml:1:1: found an empty file, expected a playbook",
        ),
        (
            "id: x\nname: \"unclosed\n".to_string(),
            "pb.yaml:2:7: found the end of the file inside the quoted value that begins here",
        ),
    ];
    for (text, expected) in cases {
        let err = error_of(&text);
        assert!(
            err.starts_with(expected),
            "\nwanted: {expected}\n   got: {err}"
        );
    }
}

#[test]
fn user_playbooks_add_and_replace_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let playbooks = dir.path().join("playbooks");
    std::fs::create_dir(&playbooks).unwrap();
    std::fs::write(playbooks.join("wiper.yaml"), GOOD).unwrap();
    let replaced = GOOD
        .replace("id: wiper", "id: ddos")
        .replace("name: Wiper", "name: Our DDoS");
    std::fs::write(playbooks.join("ddos.yml"), replaced).unwrap();
    std::fs::write(playbooks.join("notes.txt"), "not a playbook").unwrap();
    let config_file = dir.path().join("config.yaml");
    std::fs::write(&config_file, "organisation: ACME\n").unwrap();
    let config = Config::load(&config_file).unwrap();
    let catalog = &config.catalog;
    assert_eq!(
        catalog.playbook("wiper").unwrap().source,
        playbooks.join("wiper.yaml").display().to_string()
    );
    let ddos = catalog.playbook("ddos").unwrap();
    assert_eq!(ddos.name, "Our DDoS");
    assert_eq!(ddos.items.len(), 1);
    // Shipped ones are still there, in their place.
    assert_eq!(catalog.playbooks[0].id, "generic");
    assert_eq!(catalog.playbooks.len(), 6);
}

#[test]
fn a_bad_user_playbook_fails_the_config_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let playbooks = dir.path().join("playbooks");
    std::fs::create_dir(&playbooks).unwrap();
    let path = playbooks.join("bad.yaml");
    std::fs::write(&path, GOOD.replace("owner: it-lead", "owner: nobody")).unwrap();
    let config_file = dir.path().join("config.yaml");
    std::fs::write(&config_file, "").unwrap();
    let err = Config::load(&config_file).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}:7:12: found the role `nobody`", path.display())),
        "{err}"
    );
}

#[test]
fn a_user_playbook_may_use_a_role_the_user_adds() {
    let text = GOOD.replace("owner: it-lead", "owner: soc");
    let mut config = embedded();
    config.roles.push(crate::domain::Role {
        id: "soc".into(),
        name: "SOC".into(),
    });
    assert!(parse_playbook(Source::new("pb.yaml", &text), config.vocabulary()).is_ok());
}
