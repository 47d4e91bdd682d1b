//! What the command line prints: results, progress and what to do next.

use super::*;

words! {
    /// `--at` given to a command that writes nothing.
    cli_at_for_writes => "cli-at-for-writes";
    /// `export --format journal` to a terminal.
    cli_journal_on_terminal => "cli-journal-on-terminal";
    cli_the_note => "cli-the-note";
    cli_ok => "cli-ok";
    cli_no_declaration => "cli-no-declaration";
    cli_empty(what: &str) => "cli-empty";
}

pub fn cli_saved(id: impl std::fmt::Display, event: u64) -> String {
    tr_args("cli-saved", &[("id", shown(id)), ("event", event.into())])
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

words! {
    cli_failed_verification(count: usize) => "cli-failed-verification";
    cli_the_person => "cli-the-person";
    cli_the_item => "cli-the-item";
    cli_the_reason => "cli-the-reason";
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

words! {
    cli_playbook_ok(id: &str, counts: &str) => "cli-playbook-ok";
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

pub fn cli_flag_already(id: impl std::fmt::Display, flag: &str, at: &str) -> String {
    tr_args(
        "cli-flag-already",
        &[("id", shown(id)), ("flag", flag.into()), ("at", at.into())],
    )
}

words! {
    cli_clock_started(clock: &str, deadline: &str) => "cli-clock-started";
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

words! {
    cli_cannot_write(path: &str, why: &str) => "cli-cannot-write";
    cli_clock_met_by_step(clock: &str, reference: &str) => "cli-clock-met-by-step";
    cli_clocks_left(clocks: &str) => "cli-clocks-left";
    cli_reference_added(clock: &str) => "cli-reference-added";
    cli_contact_saved(id: &str) => "cli-contact-saved";
    cli_contact_verified(id: &str, on: &str) => "cli-contact-verified";
    cli_verified_in_future(on: &str) => "cli-verified-in-future";
    cli_the_lesson => "cli-the-lesson";
    cli_the_correction => "cli-the-correction";
    cli_cannot_retract_declaration => "cli-cannot-retract-declaration";
    cli_cannot_retract_roster => "cli-cannot-retract-roster";
    cli_cannot_redate_declaration => "cli-cannot-redate-declaration";
}

pub fn cli_evidence_changed(n: usize) -> String {
    tr_args("cli-evidence-changed", &[("count", n.into())])
}

words! {
    cli_not_a_journal(file: &str) => "cli-not-a-journal";
}

pub fn cli_imported(id: impl std::fmt::Display, n: usize) -> String {
    tr_args("cli-imported", &[("id", shown(id)), ("count", n.into())])
}

pub fn cli_already_imported(id: impl std::fmt::Display) -> String {
    tr_args("cli-already-imported", &[("id", shown(id))])
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

words! {
    /// `verify`: the index was rebuilt from the journals at `when`.
    cli_index_was_rebuilt(when: &str) => "cli-index-was-rebuilt";
}

/// `verify`: the first event of a damaged journal that cannot be trusted.
pub fn cli_first_bad(bad: crate::store::salvage::Bad) -> String {
    use crate::store::salvage::Bad;
    match bad {
        Bad::Unreadable(event) => tr_args("cli-first-unreadable", &[("event", event.into())]),
        Bad::Altered(event) => tr_args("cli-first-altered", &[("event", event.into())]),
    }
}

words! {
    cli_readable_from_start(last: u64) => "cli-readable-from-start";
    cli_readable_to_head(from: u64, to: u64) => "cli-readable-to-head";
    cli_all_readable_repair => "cli-all-readable-repair";
    cli_nothing_past_it => "cli-nothing-past-it";
    cli_kept_as_found(path: &str) => "cli-kept-as-found";
    /// A command reads a private copy of a store that cannot be written.
    cli_reading_a_copy(why: &str) => "cli-reading-a-copy";
    /// `repair`: the damaged index was moved aside and rebuilt.
    cli_index_rebuilt_now(kept: &str) => "cli-index-rebuilt-now";
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

words! {
    /// The note `repair --accept` writes into the journal it accepts.
    journal_accepted_note(recorded: u64, hash: &str, kept: u64) => "journal-accepted-note";
}

pub fn cli_repaired(incidents: usize) -> String {
    tr_args("cli-repaired", &[("count", incidents.into())])
}

words! {
    cli_repair_incomplete(count: usize) => "cli-repair-incomplete";
    /// The dashboard offers to repair a damaged index before it opens.
    cli_offer_repair => "cli-offer-repair";
}

/// Whether a typed answer means yes (empty is yes: the question says `[Y/n]`).
pub fn is_yes(answer: &str) -> bool {
    let answer = answer.to_lowercase();
    answer.is_empty() || tr("answer-yes").split('/').any(|y| y == answer)
}

words! {
    /// Where a playbook comes from, when it is one of warroom's own.
    playbook_shipped => "playbook-shipped";
}

/// `ioc add`: the register's entry, new or merged into.
pub fn cli_observable_saved(entry: &str, merged: bool) -> String {
    tr_args(
        if merged {
            "cli-observable-merged"
        } else {
            "cli-observable-added"
        },
        &[("entry", entry.into())],
    )
}

/// `yes`/`no` as typed in either language (`oui`/`non`, `true`/`false`), or nothing.
pub fn yes_or_no(typed: &str) -> Option<bool> {
    let typed = typed.trim().to_lowercase();
    let listed = |id: &str| tr(id).split('/').any(|word| word == typed);
    if listed("answers-yes") || ["yes", "y", "true", "1"].contains(&typed.as_str()) {
        Some(true)
    } else if listed("answers-no") || ["no", "n", "false", "0"].contains(&typed.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// `asset add`: the register's entry, new or merged into.
pub fn cli_asset_saved(entry: &str, merged: bool) -> String {
    tr_args(
        if merged {
            "cli-asset-merged"
        } else {
            "cli-asset-added"
        },
        &[("entry", entry.into())],
    )
}

words! {
    /// What `asset add` and `asset set … name` call the name when it is empty.
    cli_the_asset_name => "cli-the-asset-name";
    /// `asset state` to the state it is in already.
    cli_asset_already(id: &str, asset: &str, state: &str) => "cli-asset-already";
    /// `asset set` to the value it has already.
    cli_asset_unchanged(id: &str, asset: &str, field: &str) => "cli-asset-unchanged";
    /// `asset list`: who answers for it.
    cli_asset_owner(owner: &str) => "cli-asset-owner";
}

words! {
    /// What `timeline add` needs, when it is empty.
    cli_the_description => "cli-the-description";
    /// `timeline add`: the step written.
    cli_attack_step_added(step: &str) => "cli-attack-step-added";
    /// `timeline list` of an incident with no step yet.
    cli_no_attack_steps(id: &str) => "cli-no-attack-steps";
}

// Exchange formats: what an export left out, what an import brought, why a file was refused.
words! {
    cli_left_out_title(tlp: &str) => "cli-left-out-title";
    cli_max_tlp_not_here(format: &str) => "cli-max-tlp-not-here";
    import_not_an_export => "import-not-an-export";
    import_missing => "import-missing";
    import_expected_string => "import-expected-string";
    import_expected_array => "import-expected-array";
    import_expected_object => "import-expected-object";
    import_expected_boolean => "import-expected-boolean";
    /// An imported date that does not read as one.
    import_not_a_date(found: &str) => "import-not-a-date";
    /// An imported date before 1990 or after 2100.
    import_date_out_of_range(found: &str) => "import-date-out-of-range";
}

pub fn cli_left_out_observables(count: usize, tlp: &str) -> String {
    tr_args(
        "cli-left-out-observables",
        &[("count", count.into()), ("tlp", tlp.into())],
    )
}

pub fn cli_left_out_assets(count: usize, tlp: &str) -> String {
    tr_args(
        "cli-left-out-assets",
        &[("count", count.into()), ("tlp", tlp.into())],
    )
}

pub fn cli_left_out_attack_steps(count: usize, tlp: &str) -> String {
    tr_args(
        "cli-left-out-attack-steps",
        &[("count", count.into()), ("tlp", tlp.into())],
    )
}

pub fn cli_left_out_events(count: usize, tlp: &str) -> String {
    tr_args(
        "cli-left-out-events",
        &[("count", count.into()), ("tlp", tlp.into())],
    )
}

pub fn cli_saved_events(id: impl std::fmt::Display, first: u64, last: u64) -> String {
    tr_args(
        "cli-saved-events",
        &[
            ("id", shown(id)),
            ("first", first.into()),
            ("last", last.into()),
        ],
    )
}

pub fn cli_observables_imported(added: usize, merged: usize, skipped: usize) -> String {
    tr_args(
        "cli-observables-imported",
        &[
            ("added", added.into()),
            ("merged", merged.into()),
            ("skipped", skipped.into()),
        ],
    )
}

pub fn import_not_json(line: usize, column: usize) -> String {
    tr_args(
        "import-not-json",
        &[("line", line.into()), ("column", column.into())],
    )
}

// Identities and the roster (issue 17).
words! {
    cli_the_name => "cli-the-name";
    cli_member_revoked(handle: &str) => "cli-member-revoked";
    cli_roster_exported(count: usize, path: &str) => "cli-roster-exported";
    cli_member_needs_handle_and_name => "cli-member-needs-handle-and-name";
    cli_bad_public_key(typed: &str, why: &str) => "cli-bad-public-key";
    err_not_signed(why: &str) => "err-not-signed";
    cli_signatures(count: usize, by: &str, before: usize) => "cli-signatures";
    cli_before_signing(first: u64, last: u64) => "cli-before-signing";
    cli_unsigned_on_purpose(event: u64) => "cli-unsigned-on-purpose";
    cli_signature_missing(event: u64) => "cli-signature-missing";
    cli_not_on_roster_key(event: u64, fingerprint: &str) => "cli-not-on-roster-key";
    cli_author_mismatch(event: u64, signed_by: &str) => "cli-author-mismatch";
    cli_bad_signature(event: u64, why: &str) => "cli-bad-signature";
    cli_extracted(body: &str, sig: &str, fingerprint: &str, author: &str) => "cli-extracted";
    cli_no_identity_path => "cli-no-identity-path";
    cli_no_identity(path: &str) => "cli-no-identity";
    cli_identity_exists(handle: &str, path: &str) => "cli-identity-exists";
    cli_identity_saved(handle: &str, fingerprint: &str, path: &str) => "cli-identity-saved";
}

/// A member added to a roster, or replacing the one with the same handle.
pub fn cli_member_added(handle: &str, replaced: bool) -> String {
    tr_args(
        if replaced {
            "cli-member-replaced"
        } else {
            "cli-member-added"
        },
        &[("handle", shown(handle))],
    )
}

pub fn cli_not_on_roster(id: impl std::fmt::Display, handle: &str) -> String {
    tr_args(
        "cli-not-on-roster",
        &[("id", shown(id)), ("handle", shown(handle))],
    )
}

pub fn cli_no_signature_to_extract(id: impl std::fmt::Display, event: u64) -> String {
    tr_args(
        "cli-no-signature-to-extract",
        &[("id", shown(id)), ("event", event.into())],
    )
}

pub fn cli_roster_empty(id: impl std::fmt::Display) -> String {
    tr_args("cli-roster-empty", &[("id", shown(id))])
}

/// The operator's identity, as `identity show` prints it.
pub fn cli_identity_shown(
    handle: &str,
    name: &str,
    email: &str,
    fingerprint: &str,
    source: &str,
    place: &str,
) -> String {
    tr_args(
        "cli-identity-shown",
        &[
            ("handle", shown(handle)),
            ("name", shown(name)),
            ("email", shown(if email.is_empty() { "-" } else { email })),
            ("fingerprint", shown(fingerprint)),
            ("source", source.into()),
            ("place", shown(place)),
        ],
    )
}

/// One member of a roster, as `identity list` prints it.
pub fn cli_roster_line(
    handle: &str,
    name: &str,
    access: &str,
    roles: &str,
    fingerprint: &str,
    revoked: Option<&str>,
) -> String {
    let line = tr_args(
        "cli-roster-line",
        &[
            ("handle", shown(handle)),
            ("name", shown(name)),
            ("access", access.into()),
            ("roles", shown(if roles.is_empty() { "-" } else { roles })),
            ("fingerprint", shown(fingerprint)),
        ],
    );
    match revoked {
        None => line,
        Some(reason) => tr_args(
            "cli-roster-line-revoked",
            &[("line", line.into()), ("reason", shown(reason))],
        ),
    }
}
