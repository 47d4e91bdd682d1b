use super::*;

#[test]
fn the_embedded_default_is_valid_and_complete() {
    let config = Config::embedded().unwrap();
    assert_eq!(config.catalog.model.id, "picerl");
    assert_eq!(config.catalog.model.phases[0].id, "identification");
    assert!(config.catalog.playbook("generic").is_some());
    assert_eq!(config.retainer.response_minutes, 60);
    assert!(
        config.contacts.is_empty(),
        "the organisation's own come from its config"
    );
    assert!(config.catalog.public_contacts.len() >= 10);
    assert!(!config.escalation.is_empty());
}

#[test]
fn a_user_file_replaces_keys_and_adds_bindings() {
    let text = "organisation: ACME\nretainer: { name: R, response_minutes: 30 }\nkeymap:\n  dashboard:\n    x: add_note\n";
    let config = Config::with_user_text("user.yaml", text).unwrap();
    assert_eq!(config.organisation, "ACME");
    assert_eq!(config.retainer.response_minutes, 30);
    // The default phase model stays; the default keymap keeps its keys.
    assert_eq!(config.catalog, Config::embedded().unwrap().catalog);
    use crate::keys::{Action, Mode};
    assert_eq!(
        config
            .keymap
            .keys_for(Mode::Dashboard, Action::AddNote)
            .len(),
        2
    );
}

#[test]
fn an_empty_or_comment_only_file_changes_nothing() {
    let base = Config::embedded().unwrap();
    assert_eq!(Config::with_user_text("u.yaml", "").unwrap(), base);
    assert_eq!(
        Config::with_user_text("u.yaml", "# nothing\n\n").unwrap(),
        base
    );
}

fn error_of(text: &str) -> String {
    Config::with_user_text("user.yaml", text)
        .unwrap_err()
        .to_string()
}

#[test]
fn an_unknown_key_is_located_and_the_valid_ones_listed() {
    let err = error_of("organisation: A\norganization: B\n");
    assert!(
        err.starts_with("user.yaml:2:1: unknown field `organization`, expected one of"),
        "{err}"
    );
    assert!(err.contains("`organisation`"), "{err}");
}

#[test]
fn a_wrong_type_is_located() {
    let err = error_of("retainer:\n  name: R\n  response_minutes: soon\n");
    assert!(
        err.starts_with(
            "user.yaml:3:21: retainer.response_minutes: invalid type: string \"soon\", expected a whole number"
        ),
        "{err}"
    );
}

#[test]
fn an_unknown_action_lists_the_valid_ones() {
    let err = error_of("keymap:\n  dashboard:\n    x: explode\n");
    assert!(err.starts_with("user.yaml:3:8:"), "{err}");
    assert!(err.contains("unknown variant `explode`"), "{err}");
    assert!(err.contains("`alert_retainer`"), "{err}");
}

#[test]
fn a_bad_key_name_is_located() {
    let err = error_of("keymap:\n  dashboard:\n    hyper-x: quit\n");
    assert!(err.starts_with("user.yaml:3:"), "{err}");
    assert!(err.contains("'hyper-x' is not a key"), "{err}");
}

#[test]
fn a_shipped_phase_model_is_chosen_by_id() {
    let config = Config::with_user_text("u.yaml", "phase_model: nist-800-61r3\n").unwrap();
    let ids: Vec<&str> = config
        .catalog
        .model
        .phases
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["detect", "respond", "recover", "improve"]);
}

#[test]
fn an_unknown_phase_model_is_located_and_the_valid_ones_listed() {
    let err = error_of("organisation: A\nphase_model: picrel\n");
    assert_eq!(
        err,
        "user.yaml:2:14: found the phase model `picrel`, expected one of picerl, nist-800-61r2, nist-800-61r3, iso-27035"
    );
}

const OWN_MODEL: &str = "phase_model: tfl\nphase_models:\n  - id: tfl\n    name: Triage, fix, learn\n    phases:\n      - { id: triage, name: Triage, stages: [detect, analyse] }\n      - { id: fix, name: Fix, stages: [contain, eradicate, recover] }\n      - { id: learn, name: Learn, stages: [learn] }\n";

#[test]
fn an_organisation_defines_its_own_phase_model() {
    let config = Config::with_user_text("u.yaml", OWN_MODEL).unwrap();
    assert_eq!(config.catalog.model.name, "Triage, fix, learn");
    // Every shipped playbook still lands in its phases.
    let ransomware = config.catalog.playbook("ransomware").unwrap();
    let list = ransomware.checklist(&config.catalog.model);
    assert_eq!(list.len(), ransomware.items.len());
    assert!(
        list.iter()
            .all(|i| ["triage", "fix", "learn"].contains(&i.phase.as_str()))
    );
}

#[test]
fn a_phase_model_missing_a_stage_is_refused() {
    let text = OWN_MODEL.replace("[contain, eradicate, recover]", "[contain, recover]");
    let err = error_of(&text);
    assert!(
        err.starts_with(
            "user.yaml:3:9: found no phase covering `eradicate` in the phase model `tfl`"
        ),
        "{err}"
    );
}

#[test]
fn a_stage_in_two_phases_is_located() {
    let text = OWN_MODEL.replace("[learn] }", "[learn, contain] }");
    let err = error_of(&text);
    assert_eq!(
        err,
        "user.yaml:8:51: found the stage `contain` in more than one phase of `tfl`, expected each stage in exactly one phase"
    );
}

#[test]
fn an_unknown_stage_is_located_by_serde() {
    let text = OWN_MODEL.replace("[learn]", "[lern]");
    let err = error_of(&text);
    assert!(err.starts_with("user.yaml:8:"), "{err}");
    assert!(err.contains("unknown variant `lern`"), "{err}");
}

#[test]
fn duplicate_phase_ids_are_located_at_the_second_one() {
    let text = OWN_MODEL.replace("id: fix", "id: triage");
    let err = error_of(&text);
    assert_eq!(
        err,
        "user.yaml:7:15: found the phase model and phase id `triage` twice, expected each id once"
    );
}

#[test]
fn roles_are_added_or_renamed_by_id() {
    let text = "roles:\n  - { id: it-lead, name: Sysadmins }\n  - { id: soc, name: SOC }\n";
    let config = Config::with_user_text("u.yaml", text).unwrap();
    assert_eq!(config.role_name("it-lead"), "Sysadmins");
    assert_eq!(config.role_name("soc"), "SOC");
    assert_eq!(config.role_name("dpo"), "DPO");
    assert_eq!(config.role_name("unknown-role"), "unknown-role");
}

#[test]
fn zero_response_minutes_is_refused() {
    let err = error_of("retainer: { name: R, response_minutes: 0 }\n");
    assert!(err.contains("found response_minutes: 0"), "{err}");
}

#[test]
fn broken_yaml_syntax_is_located() {
    let err = error_of("organisation: \"unclosed\n");
    assert!(err.starts_with("user.yaml:"), "{err}");
}

const EXAMPLE: &str = include_str!("../../config.example.yaml");

#[test]
fn the_example_config_is_valid() {
    let config = Config::with_user_text("config.example.yaml", EXAMPLE).unwrap();
    assert_eq!(config.organisation, "Example Logistics SAS");
}

#[test]
fn every_key_of_the_example_has_a_comment() {
    let mut previous = "";
    for (n, line) in EXAMPLE.lines().enumerate() {
        let t = line.trim_start().trim_start_matches("- ");
        let is_key = !t.starts_with('#')
            && t.split_once(':').is_some_and(|(k, _)| {
                !k.is_empty() && !k.contains(' ') && !k.starts_with('"') || k == "\"?\""
            });
        if is_key {
            assert!(
                previous.trim_start().starts_with('#'),
                "line {}: `{}` has no comment above it",
                n + 1,
                line.trim()
            );
        }
        if !line.trim().is_empty() {
            previous = line;
        }
    }
}

/// Dotted paths of every mapping key, lists entering their first element.
fn key_paths(value: &serde_yaml::Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        serde_yaml::Value::Mapping(map) => {
            for (k, v) in map {
                let key = k.as_str().unwrap_or("?");
                let path = if prefix.is_empty() {
                    key.to_string()
                } else {
                    format!("{prefix}.{key}")
                };
                out.push(path.clone());
                // Inside a keymap mode the keys are key names, not config keys.
                if !prefix.starts_with("keymap") {
                    key_paths(v, &path, out);
                }
            }
        }
        serde_yaml::Value::Sequence(items) => {
            if let Some(first) = items.first() {
                key_paths(first, prefix, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_example_documents_every_config_key() {
    let full = serde_yaml::to_value(Config::embedded().unwrap()).unwrap();
    let example: serde_yaml::Value = serde_yaml::from_str(EXAMPLE).unwrap();
    let (mut wanted, mut documented) = (Vec::new(), Vec::new());
    key_paths(&full, "", &mut wanted);
    key_paths(&example, "", &mut documented);
    assert!(wanted.len() > 30, "too few keys found: {wanted:?}");
    let missing: Vec<_> = wanted.iter().filter(|p| !documented.contains(p)).collect();
    assert!(
        missing.is_empty(),
        "config.example.yaml does not show: {missing:?}"
    );
}

#[test]
fn the_public_directory_is_valid_and_sourced() {
    let config = Config::embedded().unwrap();
    let public = &config.catalog.public_contacts;
    assert!(
        public.iter().all(|c| !c.source.is_empty()),
        "every entry has a source"
    );
    let unverified: Vec<&str> = public
        .iter()
        .filter(|c| !c.verified)
        .map(|c| c.id.as_str())
        .collect();
    // DOMAIN.md's "verify before use" lines.
    for id in [
        "cert-fr-phone",
        "info-escroqueries",
        "cert-sante",
        "urgence-cyber-idf",
    ] {
        assert!(
            unverified.contains(&id),
            "{id} should be marked: {unverified:?}"
        );
    }
    assert!(public.iter().any(|c| c.id == "cert-fr" && c.verified));
}

#[test]
fn contacts_and_escalation_name_known_roles() {
    let err = error_of("contacts:\n  - name: Bob\n    roles: [boss]\n");
    assert!(
        err.starts_with(
            "user.yaml:3:13: found the role `boss` for `Bob`, expected one of the config's roles:"
        ),
        "{err}"
    );
    let err = error_of("escalation:\n  - { from_severity: 3, roles: [boss] }\n");
    assert!(
        err.starts_with("user.yaml:2:33: found the role `boss` in the escalation plan"),
        "{err}"
    );
    let err = error_of("escalation:\n  - { from_severity: 7, roles: [dpo] }\n");
    assert!(
        err.contains("found from_severity: 7, expected a severity level from 0 to 5"),
        "{err}"
    );
    let err = error_of("contacts:\n  - { name: A, id: x }\n  - { name: B, id: x }\n");
    assert!(err.contains("found the contact id `x` twice"), "{err}");
}

/// A config of `n` contacts written out as users write them, several lines each.
fn contacts_config(n: usize) -> String {
    let mut text = String::from("organisation: \"Example\"\ncontacts:\n");
    for i in 0..n {
        text.push_str(&format!(
            "  - name: \"Contact Person {i}\"\n    id: contact-{i}\n    roles: [it-lead, ciso]\n    phones: [\"+33 6 00 00 {:02} {:02}\"]\n    email: \"person{i}@example.com\"\n    tags: [team-{}, on-call]\n",
            i / 100,
            i % 100,
            i % 17
        ));
    }
    text
}

/// How many lines of YAML were read to locate keys while `f` ran, beside the lines of
/// `text`.
fn lines_read_by<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = yaml::lines_read();
    let out = f();
    (yaml::lines_read() - before, out)
}

// Checking contacts once looked for each contact's `name:` from the top of the file:
// lines read grew with the square of the number of contacts (4,000 contacts, seconds
// for every command). The work must grow with the file: a few passes over it.
#[test]
fn checking_contacts_reads_the_file_a_fixed_number_of_times_whatever_their_number() {
    let read = |n: usize| {
        let text = contacts_config(n);
        let (read, config) = lines_read_by(|| Config::with_user_text("u.yaml", &text));
        assert_eq!(config.unwrap().contacts.len(), n);
        (read, text.lines().count())
    };
    let (read_few, lines_few) = read(100);
    let (read_many, lines_many) = read(400);
    // What does not depend on the user's file (the embedded default, the shipped
    // files) cancels out.
    let (more_read, more_lines) = (read_many - read_few, lines_many - lines_few);
    assert!(
        more_read <= 3 * more_lines,
        "{more_read} more lines read for {more_lines} more lines of contacts"
    );
}

#[test]
fn errors_found_among_many_contacts_are_still_located() {
    let mut text = contacts_config(300);
    text.push_str("  - name: \"Again\"\n    id: contact-7\n");
    let err = Config::with_user_text("u.yaml", &text).unwrap_err();
    assert_eq!((err.line, err.column), (1804, 9), "{err}");
    assert!(err.message.contains("`contact-7` twice"), "{err}");
    let mut text = contacts_config(300);
    text.push_str("  - name: \"Late\"\n    roles: [boss]\n");
    let err = Config::with_user_text("u.yaml", &text).unwrap_err();
    assert_eq!((err.line, err.column), (1804, 13), "{err}");
    assert!(err.message.contains("the role `boss` for `Late`"), "{err}");
}

// The same for a playbook's items, each located by its `id:`.
#[test]
fn checking_a_playbook_reads_the_file_a_fixed_number_of_times_whatever_its_length() {
    let config = Config::embedded().unwrap();
    let read = |n: usize| {
        let mut text = String::from(
            "id: long\nname: \"Long\"\ndescription: \"Many items\"\ncategories: [availability]\nitems:\n",
        );
        for i in 0..n {
            text.push_str(&format!(
                "  - id: step-{i}\n    stage: detect\n    owner: it-lead\n    text: \"Step {i}\"\n"
            ));
        }
        let (read, playbook) =
            lines_read_by(|| parse_playbook(Source::new("long.yaml", &text), config.vocabulary()));
        assert_eq!(playbook.unwrap().items.len(), n);
        (read, text.lines().count())
    };
    let (read_few, lines_few) = read(100);
    let (read_many, lines_many) = read(400);
    let (more_read, more_lines) = (read_many - read_few, lines_many - lines_few);
    assert!(
        more_read <= 3 * more_lines,
        "{more_read} more lines read for {more_lines} more lines of items"
    );
}

#[test]
fn merging_by_id_replaces_the_first_of_an_id_and_adds_the_others_in_order() {
    let mut base = vec![("a", 1), ("b", 2), ("a", 3)];
    merge_by_id(
        &mut base,
        &[("a", 10), ("c", 20), ("c", 30), ("b", 40)],
        |x| x.0,
    );
    assert_eq!(base, [("a", 10), ("b", 40), ("a", 3), ("c", 30)]);
}

#[test]
fn an_lei_is_kept_when_its_check_digits_hold_and_refused_where_it_stands_when_not() {
    let config = Config::with_user_text(
        "user.yaml",
        "organisation: Banque\nlei: 5493001KJTIIGC8Y1R12\n",
    )
    .unwrap();
    assert_eq!(config.lei.as_deref(), Some("5493001KJTIIGC8Y1R12"));
    assert_eq!(Config::embedded().unwrap().lei, None);
    assert_eq!(
        error_of("organisation: Banque\nlei: \"5493001KJTIIGC8Y1R13\"\n"),
        "user.yaml:2:6: found lei: \"5493001KJTIIGC8Y1R13\", whose check digits are wrong (ISO 17442, mod 97): copy it again from the GLEIF register"
    );
    assert_eq!(
        error_of("organisation: Banque\nlei: 5493001KJTIIGC8Y1R\n"),
        "user.yaml:2:6: found lei: \"5493001KJTIIGC8Y1R\", expected a Legal Entity Identifier (ISO 17442): 20 capital letters and digits, such as 5493001KJTIIGC8Y1R12"
    );
}

#[test]
fn a_shared_host_names_a_group_and_an_absolute_store() {
    let config = Config::with_user_text(
        "u.yaml",
        "shared_host:\n  group: warroom\n  data_dir: /srv/wr\n",
    )
    .unwrap();
    let shared = config.shared_host.unwrap();
    assert_eq!(shared.group, "warroom");
    assert_eq!(shared.data_dir.as_deref(), Some(Path::new("/srv/wr")));
    assert_eq!(Config::embedded().unwrap().shared_host, None);
    let err = error_of("shared_host:\n  group: \"war room\"\n");
    assert!(
        err.starts_with("user.yaml:2:10: found shared_host.group: 'war room'"),
        "{err}"
    );
    let err = error_of("shared_host:\n  group: warroom\n  data_dir: srv/wr\n");
    assert!(
        err.starts_with("user.yaml:3:13: found shared_host.data_dir: 'srv/wr'"),
        "{err}"
    );
    let err = error_of("shared_host:\n  groups: warroom\n");
    assert!(
        err.starts_with("user.yaml:2:3: shared_host: unknown field `groups`"),
        "{err}"
    );
}
