//! What went wrong, for any face: typed errors (store, files, times, values, rules)
//! worded in the reader's language at the edge.

use super::*;

words! {
    /// `WARROOM_NOW` set to something that is not an instant.
    cli_bad_warroom_now(found: &str) => "cli-bad-warroom-now";
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

words! {
    /// Said once by a command when `TZ` names no known zone.
    cli_tz_unknown(tz: &str) => "cli-tz-unknown";
    // Command line.
    cli_no_data_dir => "cli-no-data-dir";
    /// The configuration's shared_host.group is no group of this host.
    cli_no_such_group(group: &str) => "cli-no-such-group";
    /// This user is not in the group that shares the host's store.
    cli_not_in_group(group: &str, login: &str) => "cli-not-in-group";
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

words! {
    cli_unknown_playbook(found: &str, known: &str) => "cli-unknown-playbook";
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

pub fn cli_unknown_role(found: &str, known: &[&str]) -> String {
    tr_args(
        "cli-unknown-role",
        &[("found", found.into()), ("known", known.join(", ").into())],
    )
}

words! {}

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

words! {
    cli_bad_value(field: &str, found: &str, valid: &str) => "cli-bad-value";
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
        R::RetainerNotAlerted => tr_args("refused-retainer-not-alerted", &[("id", shown(id))]),
    }
}

words! {
    cli_bad_sha256(found: &str) => "cli-bad-sha256";
    cli_cannot_read(path: &str, why: &str) => "cli-cannot-read";
}

pub fn cli_unknown_evidence(id: impl std::fmt::Display, item: &str) -> String {
    tr_args(
        "cli-unknown-evidence",
        &[("id", shown(id)), ("item", item.into())],
    )
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

words! {
    cli_unknown_drill(found: &str, known: &str) => "cli-unknown-drill";
    /// On quit, the writer did not finish in time.
    writer_stuck(secs: u64) => "writer-stuck";
    /// A file that cannot be hashed as evidence: `kind` is directory, fifo, device, socket
    /// or other.
    evidence_not_a_file(kind: &str) => "evidence-not-a-file";
    /// A write or forwarded command panicked; it was not carried out.
    internal_error => "internal-error";
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
        U::DirectoryNotShared { mode, group } => (
            "err-unsafe-dir-not-shared",
            vec![
                ("mode", format!("{mode:o}").into()),
                ("group", shown(&group)),
            ],
        ),
        U::SocketNotShared { mode, group } => (
            "err-unsafe-socket-not-shared",
            vec![
                ("mode", format!("{mode:o}").into()),
                ("group", shown(&group)),
            ],
        ),
        U::PeerNotInGroup { pid, uid, group } => (
            "err-unsafe-peer-not-in-group",
            vec![
                ("pid", pid.into()),
                ("uid", uid.into()),
                ("group", shown(&group)),
            ],
        ),
    };
    args.push(("path", path));
    tr_args(id, &args)
}

words! {
    /// The thread that writes to the store is gone: what the screen shows as saving is not.
    writer_gone => "writer-gone";
}

/// A store error, for the operator, in the current language (the store's own messages
/// are English, for the log). Every variant is worded here; what comes from a parser or
/// the storage engine and has no words of its own is added as a marked technical detail.
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
        E::Unsafe { path, why } => unsafe_store(path, why.clone()),
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
            &[("dir", dir(d)), ("cause", io_cause(e).into())],
        ),
        E::IndexDamaged { dir: d, problem } => tr_args(
            "err-store-index-damaged",
            &[("dir", dir(d)), ("cause", store_problem(problem).into())],
        ),
        E::OwnedByDashboard { pid } => {
            tr_args("err-store-owned-by-dashboard", &[("pid", (*pid).into())])
        }
        E::ReadOnly { dir: d, why } => tr_args(
            "err-store-read-only",
            &[
                ("dir", dir(d)),
                ("why", io_cause(&std::io::Error::from(*why)).into()),
            ],
        ),
        E::UnknownIncident(id) => tr_args("err-store-unknown", &[("id", shown(id))]),
        E::AlreadyExists(id) => tr_args("err-store-exists", &[("id", shown(id))]),
        E::Rejected { id, problem } => tr_args(
            "err-store-rejected",
            &[
                ("id", shown(id)),
                ("problem", store_problem(problem).into()),
            ],
        ),
        E::Corrupt { id, problem } => tr_args(
            "err-store-corrupt",
            &[("id", shown(id)), ("detail", store_problem(problem).into())],
        ),
        E::ImportConflict(id) => tr_args("err-store-import-conflict", &[("id", shown(id))]),
        E::Directory(problem) => tr_args(
            "err-store-directory",
            &[("problem", store_problem(problem).into())],
        ),
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
        E::Io { step, path, cause } => tr_args(
            io_step_id(*step),
            &[
                ("path", shown(path.display())),
                ("cause", io_cause(cause).into()),
            ],
        ),
        E::Engine {
            dir: d,
            cause: sled::Error::Io(cause),
        } => tr_args(
            "err-store-engine",
            &[("dir", dir(d)), ("cause", io_cause(cause).into())],
        ),
        E::Engine { dir: d, cause } => technical(
            tr_args("err-store-engine-failed", &[("dir", dir(d))]),
            cause,
        ),
        E::Unreopenable { dir: d } => tr_args("err-store-unreopenable", &[("dir", dir(d))]),
        E::NotSigned(why) => tr_args("err-not-signed", &[("why", why.clone().into())]),
        E::Internal => internal_error(),
    }
}

/// The message of a failed step of a file or socket operation (`{ $path }: { $cause }`).
fn io_step_id(step: crate::store::IoStep) -> &'static str {
    use crate::store::IoStep as S;
    match step {
        S::Sync => "err-io-sync",
        S::OpenLockFile => "err-io-open-lock-file",
        S::Lock => "err-io-lock",
        S::CreateDataDir => "err-io-create-data-dir",
        S::Read => "err-io-read",
        S::Remove => "err-io-remove",
        S::MoveAside => "err-io-move-aside",
        S::NoStore => "err-io-no-store",
        S::MakePrivateCopy => "err-io-make-private-copy",
        S::Copy => "err-io-copy",
        S::WaitForWrite => "err-io-wait-for-write",
        S::Connect => "err-io-connect",
        S::IdentifyPeer => "err-io-identify-peer",
        S::UseConnection => "err-io-use-connection",
    }
}

/// A sentence followed by a detail warroom has no words for (a parser's or the storage
/// engine's own message, English), marked as such.
pub(super) fn technical(sentence: String, cause: impl std::fmt::Display) -> String {
    tr_args(
        "err-technical-detail",
        &[("sentence", sentence.into()), ("cause", shown(cause))],
    )
}

/// What is wrong with a journal, a batch or the index.
pub fn store_problem(problem: &crate::store::Problem) -> String {
    use crate::store::Problem as P;
    let event = |id: &str, event: u64| tr_args(id, &[("event", event.into())]);
    match problem {
        P::NothingToAppend => tr("problem-nothing-to-append"),
        P::TakenMeanwhile => tr("problem-taken-meanwhile"),
        P::NotOnRoster { login, uid } => tr_args(
            "problem-not-on-roster",
            &[("login", shown(login)), ("uid", (*uid).into())],
        ),
        P::ReadOnlyMember { handle } => {
            tr_args("problem-read-only-member", &[("handle", shown(handle))])
        }
        P::SignedAsAnother { login } => {
            tr_args("problem-signed-as-another", &[("login", shown(login))])
        }
        P::UnsignedUnsaid => tr("problem-unsigned-unsaid"),
        P::SharedLoginUnsigned { login } => {
            tr_args("problem-shared-login-unsigned", &[("login", shown(login))])
        }
        P::DeclarationNamesAnotherId => tr("problem-declaration-names-another-id"),
        P::DeclaredOnlyOnce => tr("problem-declared-only-once"),
        P::NoDeclaration => tr("problem-no-declaration"),
        P::NotAContactChange => tr("problem-not-a-contact-change"),
        P::NotStartedByDeclaration => tr("problem-not-started-by-declaration"),
        P::FirstNotDeclaration => tr("problem-first-not-declaration"),
        P::Unparsable { event: n, cause } => technical(event("problem-unparsable", *n), cause),
        P::ChainBroken { event: n, reason } => technical(event("problem-chain-broken", *n), reason),
        P::ControlCharacter {
            event: n,
            part,
            text,
        } => tr_args(
            "problem-control-character",
            &[
                ("event", (*n).into()),
                ("part", tr(&format!("part-{}", part.slug())).into()),
                ("text", shown(text.escape_debug())),
            ],
        ),
        P::BadSha256 {
            event: n,
            reference,
            hash,
        } => tr_args(
            "problem-bad-sha256",
            &[
                ("event", (*n).into()),
                ("reference", shown(reference)),
                ("hash", shown(hash.escape_debug())),
            ],
        ),
        P::JournalEmpty => tr("err-journal-empty"),
        P::NotDeclaredFirst { event: n } => event("err-journal-not-declared-first", *n),
        P::DeclaredTwice { event: n } => event("err-journal-declared-twice", *n),
        P::JournalShort {
            holds,
            recorded,
            hash,
        } => tr_args(
            "problem-journal-short",
            &[
                ("holds", (*holds).into()),
                ("recorded", (*recorded).into()),
                ("hash", shown(hash)),
                ("first", (holds + 1).into()),
            ],
        ),
        P::JournalReplaced { recorded, hash } => tr_args(
            "problem-journal-replaced",
            &[("recorded", (*recorded).into()), ("hash", shown(hash))],
        ),
        P::JournalSwapped {
            path,
            declared,
            expected,
        } => tr_args(
            "problem-journal-swapped",
            &[
                ("path", shown(path.display())),
                ("declared", shown(declared)),
                ("expected", shown(expected)),
            ],
        ),
        P::DatabaseDamaged { path } => tr_args(
            "problem-database-damaged",
            &[("path", shown(path.display()))],
        ),
        P::JournalMissing { path } => tr_args(
            "problem-journal-missing",
            &[("path", shown(path.display()))],
        ),
        P::EntryUnparsable { cause } => technical(tr("problem-entry-unparsable"), cause),
        P::EntryUnwritable { cause } => technical(tr("problem-entry-unwritable"), cause),
        P::IndexReportsDamage => tr("problem-index-reports-damage"),
    }
}

/// A value typed for a closed list (severity, category, TLP, a kind…) that is not on it.
pub fn unknown_value(e: &crate::domain::UnknownValue) -> String {
    tr_args(
        "err-unknown-value",
        &[
            ("what", tr(&format!("what-{}", e.what)).into()),
            ("found", shown(&e.found)),
            ("valid", e.valid.join(", ").into()),
        ],
    )
}

/// Why something the dashboard asked for did not happen, in the language on screen.
pub fn failure(f: &crate::failure::Failure) -> String {
    use crate::failure::Failure as F;
    match f {
        F::Store(e) => store_error(e),
        F::File {
            path,
            writing,
            cause,
        } => tr_args(
            if *writing {
                "err-file-write"
            } else {
                "cli-cannot-read"
            },
            &[
                ("path", shown(path.display())),
                ("why", io_cause(cause).into()),
            ],
        ),
        F::Journal(e) => fold_error(e),
        F::NoDeclaration => tr("cli-no-declaration"),
        F::Internal => internal_error(),
        F::ReadOnly => read_only(),
        F::NoIncident => tr("err-no-incident"),
    }
}

/// What the system said about a file, in words where warroom knows the case; the
/// system's own text (English, from the C library) only for the rest.
pub fn io_cause(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if let Some(crate::failure::NotAFile(kind)) = e.get_ref().and_then(|r| r.downcast_ref()) {
        return evidence_not_a_file(kind);
    }
    let id = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::StorageFull => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::AlreadyExists => "io-already-exists",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::TimedOut => "io-timed-out",
        _ => return e.to_string(),
    };
    tr(id)
}

/// Why a journal does not make an incident.
pub fn fold_error(e: &crate::domain::FoldError) -> String {
    use crate::domain::FoldError as E;
    match e {
        E::Empty => tr("err-journal-empty"),
        E::NotDeclaredFirst(n) => {
            tr_args("err-journal-not-declared-first", &[("event", (*n).into())])
        }
        E::DeclaredTwice(n) => tr_args("err-journal-declared-twice", &[("event", (*n).into())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, ids, speaking};
    use crate::store::{Exposure, IoStep, Part, Problem, StoreError as E};
    use std::io::ErrorKind;
    use std::path::PathBuf;
    use std::time::Duration;

    fn id() -> crate::domain::IncidentId {
        crate::domain::IncidentId::new(false, 2026, 1)
    }

    /// One value of every reason, each variant named in the `match` so that a new one
    /// must be added here.
    fn every_problem() -> Vec<Problem> {
        let path = PathBuf::from("/srv/wr/journals/IR-2026-0001");
        let cause = "expected value at line 1 column 1".to_string();
        let mut all = vec![
            Problem::NothingToAppend,
            Problem::TakenMeanwhile,
            Problem::NotOnRoster {
                login: "bob".into(),
                uid: 1001,
            },
            Problem::ReadOnlyMember {
                handle: "ceo".into(),
            },
            Problem::SignedAsAnother {
                login: "bob".into(),
            },
            Problem::SharedLoginUnsigned { login: "ir".into() },
            Problem::UnsignedUnsaid,
            Problem::DeclarationNamesAnotherId,
            Problem::DeclaredOnlyOnce,
            Problem::NoDeclaration,
            Problem::NotAContactChange,
            Problem::NotStartedByDeclaration,
            Problem::FirstNotDeclaration,
            Problem::Unparsable {
                event: 3,
                cause: cause.clone(),
            },
            // The chain check's own words travel as a technical detail.
            Problem::ChainBroken {
                event: 2,
                reason: "numbered 3 where 2 was expected".into(),
            },
            Problem::BadSha256 {
                event: 2,
                reference: "E1".into(),
                hash: "ABC".into(),
            },
            Problem::JournalEmpty,
            Problem::NotDeclaredFirst { event: 1 },
            Problem::DeclaredTwice { event: 2 },
            Problem::JournalShort {
                holds: 31,
                recorded: 32,
                hash: "0123456789ab".into(),
            },
            Problem::JournalReplaced {
                recorded: 32,
                hash: "0123456789ab".into(),
            },
            Problem::JournalSwapped {
                path: path.clone(),
                declared: crate::domain::IncidentId::new(false, 2026, 2),
                expected: id(),
            },
            Problem::DatabaseDamaged { path: path.clone() },
            Problem::JournalMissing { path },
            Problem::EntryUnparsable {
                cause: cause.clone(),
            },
            Problem::EntryUnwritable { cause },
            Problem::IndexReportsDamage,
        ];
        all.extend(Part::ALL.map(|part| Problem::ControlCharacter {
            event: 2,
            part,
            text: "eve\u{1b}".into(),
        }));
        let mut seen = std::collections::BTreeSet::new();
        for p in &all {
            seen.insert(match p {
                Problem::NothingToAppend => 0,
                Problem::DeclarationNamesAnotherId => 1,
                Problem::DeclaredOnlyOnce => 2,
                Problem::NoDeclaration => 3,
                Problem::NotAContactChange => 4,
                Problem::NotStartedByDeclaration => 5,
                Problem::FirstNotDeclaration => 6,
                Problem::Unparsable { .. } => 7,
                Problem::ChainBroken { .. } => 8,
                Problem::ControlCharacter { .. } => 9,
                Problem::BadSha256 { .. } => 10,
                Problem::JournalEmpty => 11,
                Problem::NotDeclaredFirst { .. } => 12,
                Problem::DeclaredTwice { .. } => 13,
                Problem::JournalShort { .. } => 14,
                Problem::JournalReplaced { .. } => 15,
                Problem::JournalSwapped { .. } => 16,
                Problem::DatabaseDamaged { .. } => 17,
                Problem::JournalMissing { .. } => 18,
                Problem::EntryUnparsable { .. } => 19,
                Problem::EntryUnwritable { .. } => 20,
                Problem::IndexReportsDamage => 21,
                Problem::TakenMeanwhile => 22,
                Problem::NotOnRoster { .. } => 23,
                Problem::ReadOnlyMember { .. } => 24,
                Problem::SignedAsAnother { .. } => 25,
                Problem::SharedLoginUnsigned { .. } => 26,
                Problem::UnsignedUnsaid => 27,
            });
        }
        assert_eq!(seen.len(), 28, "every Problem is built");
        all
    }

    /// One value of every store error, with every step, reason and exposure.
    fn every_error() -> Vec<E> {
        let dir = PathBuf::from("/srv/wr");
        let holder = crate::store::lock::Holder {
            pid: 42,
            command: "warroom note IR-2026-0001".into(),
        };
        let mut all = vec![
            E::Locked {
                dir: dir.clone(),
                holder: None,
            },
            E::Busy {
                dir: dir.clone(),
                holder: Some(holder),
                waited: Duration::from_secs(10),
            },
            E::OwnerSilent {
                pid: 42,
                what: "this command",
                waited: Duration::from_secs(10),
            },
            E::NotStarted {
                pid: 42,
                waited: Duration::from_secs(10),
            },
            E::OwnerClosed {
                pid: 42,
                maybe_written: false,
            },
            E::OwnerClosed {
                pid: 42,
                maybe_written: true,
            },
            E::OutcomeUnknown {
                pid: 42,
                waited_s: 12,
            },
            // The words as the owner wrote them (in the owner's language).
            E::Owner(speaking(Lang::Fr, internal_error)),
            E::OwnedByDashboard { pid: 42 },
            E::DiskFull {
                dir: dir.clone(),
                free: 0,
                needed: 2 << 20,
            },
            E::UnknownIncident(id()),
            E::AlreadyExists(id()),
            E::ImportConflict(id()),
            E::SchemaTooNew {
                dir: dir.clone(),
                found: 9,
                supported: 5,
            },
            E::Engine {
                dir: dir.clone(),
                cause: sled::Error::Io(ErrorKind::StorageFull.into()),
            },
            E::Engine {
                dir: dir.clone(),
                cause: sled::Error::Io(ErrorKind::PermissionDenied.into()),
            },
            // sled's own words travel as a technical detail.
            E::Engine {
                dir: dir.clone(),
                cause: sled::Error::Unsupported("x".into()),
            },
            E::Unreopenable { dir: dir.clone() },
            E::Internal,
            E::NotSigned("x".into()),
        ];
        for why in [
            ErrorKind::ReadOnlyFilesystem,
            ErrorKind::StorageFull,
            ErrorKind::PermissionDenied,
        ] {
            all.push(E::ReadOnly {
                dir: dir.clone(),
                why,
            });
        }
        for why in [
            Exposure::DirectoryNotYours { owner: 0, me: 1000 },
            Exposure::DirectoryOpen { mode: 0o755 },
            Exposure::DirectoryShared,
            Exposure::NotASocket,
            Exposure::SocketNotYours { owner: 0, me: 1000 },
            Exposure::SocketOpen { mode: 0o666 },
            Exposure::PeerNotYou {
                pid: 7,
                uid: 0,
                me: 1000,
            },
            Exposure::DirectoryNotShared {
                mode: 0o700,
                group: "warroom".into(),
            },
            Exposure::SocketNotShared {
                mode: 0o600,
                group: "warroom".into(),
            },
            Exposure::PeerNotInGroup {
                pid: 7,
                uid: 1002,
                group: "warroom".into(),
            },
        ] {
            all.push(E::Unsafe {
                path: dir.clone(),
                why,
            });
        }
        for step in IoStep::ALL {
            for kind in [
                ErrorKind::PermissionDenied,
                ErrorKind::NotFound,
                ErrorKind::TimedOut,
                ErrorKind::StorageFull,
            ] {
                all.push(E::Io {
                    step,
                    path: dir.join("db"),
                    cause: kind.into(),
                });
            }
        }
        for problem in every_problem() {
            all.push(E::Rejected {
                id: id(),
                problem: problem.clone(),
            });
            all.push(E::Corrupt {
                id: id(),
                problem: problem.clone(),
            });
            all.push(E::Directory(problem.clone()));
            all.push(E::IndexDamaged {
                dir: dir.clone(),
                problem,
            });
        }
        let mut seen = std::collections::BTreeSet::new();
        for e in &all {
            seen.insert(match e {
                E::Locked { .. } => 0,
                E::Busy { .. } => 1,
                E::OwnerSilent { .. } => 2,
                E::NotStarted { .. } => 3,
                E::OwnerClosed { .. } => 4,
                E::OutcomeUnknown { .. } => 5,
                E::Owner(_) => 6,
                E::OwnedByDashboard { .. } => 7,
                E::Unsafe { .. } => 8,
                E::DiskFull { .. } => 9,
                E::ReadOnly { .. } => 10,
                E::UnknownIncident(_) => 11,
                E::AlreadyExists(_) => 12,
                E::Rejected { .. } => 13,
                E::Corrupt { .. } => 14,
                E::IndexDamaged { .. } => 15,
                E::ImportConflict(_) => 16,
                E::Directory(_) => 17,
                E::SchemaTooNew { .. } => 18,
                E::Io { .. } => 19,
                E::Engine { .. } => 20,
                E::Unreopenable { .. } => 21,
                E::Internal => 22,
                E::NotSigned(_) => 23,
            });
        }
        assert_eq!(seen.len(), 24, "every StoreError is built");
        all
    }

    /// What only an English sentence says (each of them appeared in a French store
    /// error before the store's errors were typed).
    const ENGLISH: &[&str] = &[
        " the ",
        "cannot",
        " is ",
        " does not ",
        "nothing",
        "event ",
        "holds",
        " its ",
        " no ",
        "storage engine",
        "control character",
        "missing",
        "damaged",
        "expected 64",
        "entry",
        "too long",
        "timed out",
        "permission denied",
        "restart",
    ];

    /// The part of a message that is a marked technical detail (a parser's own English).
    fn without_technical_detail(message: &str) -> &str {
        message
            .find("(détail technique")
            .map_or(message, |at| &message[..at])
    }

    #[test]
    fn every_store_error_reads_in_french_without_an_english_sentence() {
        for e in every_error() {
            let fr = speaking(Lang::Fr, || store_error(&e));
            let en = speaking(Lang::En, || store_error(&e));
            assert_ne!(fr, en, "{e:?} is the same in both languages");
            let checked = without_technical_detail(&fr).to_lowercase();
            for word in ENGLISH {
                assert!(
                    !checked.contains(word),
                    "{e:?} in French holds {word:?}: {fr}"
                );
            }
            // A message id missing from a file is shown as the id itself.
            for text in [&fr, &en] {
                for prefix in ["err-", "problem-", "part-", "io-"] {
                    assert!(
                        !text.contains(prefix),
                        "{e:?}: a message is missing: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_new_message_is_in_both_files() {
        let (en, fr) = (ids(Lang::En), ids(Lang::Fr));
        let mut used: Vec<String> = IoStep::ALL
            .iter()
            .map(|s| io_step_id(*s).to_string())
            .collect();
        used.extend(Part::ALL.map(|p| format!("part-{}", p.slug())));
        used.extend(
            [
                "io-timed-out",
                "err-technical-detail",
                "err-store-rejected",
                "err-store-directory",
                "err-store-engine",
                "err-store-engine-failed",
                "err-store-unreopenable",
            ]
            .map(String::from),
        );
        for id in used {
            assert!(
                en.contains(&id) && fr.contains(&id),
                "{id} not in both files"
            );
        }
    }

    /// The English of a reason on screen is the English of the log, word for word,
    /// where no technical detail is added.
    #[test]
    fn english_problems_read_as_the_log() {
        for p in every_problem() {
            let said = speaking(Lang::En, || store_problem(&p));
            match p {
                Problem::Unparsable { .. }
                | Problem::ChainBroken { .. }
                | Problem::EntryUnparsable { .. }
                | Problem::EntryUnwritable { .. } => {
                    assert!(said.contains("(technical detail: "), "{said}");
                }
                _ => assert_eq!(said, p.to_string()),
            }
        }
        for step in IoStep::ALL {
            let e = E::Io {
                step,
                path: "/srv/wr".into(),
                cause: ErrorKind::PermissionDenied.into(),
            };
            assert_eq!(speaking(Lang::En, || store_error(&e)), e.to_string());
        }
    }

    #[test]
    fn a_problem_crosses_the_socket_unchanged() {
        for p in every_problem() {
            let line = serde_json::to_string(&p).unwrap_or_else(|e| panic!("{e}"));
            let back: Problem = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back, p);
        }
    }
}

/// A value refused for the kind of observable it was given as, and why.
pub fn bad_observable(
    kind: crate::domain::ObservableKind,
    found: &str,
    why: crate::domain::BadObservable,
) -> String {
    use crate::domain::BadObservable as B;
    let reason = match why {
        B::Empty => tr("bad-observable-empty"),
        B::Control => tr("bad-observable-control"),
        B::NotAnAddress => tr("bad-observable-address"),
        B::NotANetwork => tr("bad-observable-network"),
        B::PrefixTooLong => tr("bad-observable-prefix"),
        B::NotADomain => tr("bad-observable-domain"),
        B::NotAUrl => tr("bad-observable-url"),
        B::NotAnEmail => tr("bad-observable-email"),
        B::NotAHash { expected } => tr_args("bad-observable-hash", &[("digits", expected.into())]),
        B::NotAFileName => tr("bad-observable-file-name"),
        B::NotAFilePath => tr("bad-observable-file-path"),
        B::NotARegistryKey => tr("bad-observable-registry-key"),
        B::NotACve => tr("bad-observable-cve"),
        B::NotATechnique => tr("bad-observable-technique"),
    };
    tr_args(
        "bad-observable",
        &[
            ("found", shown(found)),
            ("kind", kind.slug().into()),
            ("why", reason.into()),
        ],
    )
}

words! {
    cli_unknown_observable(id: &str, observable: &str) => "cli-unknown-observable";
    cli_bad_yes_no(field: &str, value: &str) => "cli-bad-yes-no";
    cli_bad_observable_field(field: &str) => "cli-bad-observable-field";
}

words! {
    cli_unknown_asset(id: &str, asset: &str) => "cli-unknown-asset";
    cli_bad_asset_field(field: &str) => "cli-bad-asset-field";
    /// A new kind or name that another asset has already.
    cli_asset_name_taken(other: &str, kind: &str, name: &str) => "cli-asset-name-taken";
}

/// A typed link (`--asset`, `--observable`, `--evidence`) that names no entry of
/// incident `id`, and where to look.
pub fn bad_link(id: impl std::fmt::Display, why: &crate::domain::BadLink) -> String {
    use crate::domain::BadLink as B;
    let id = id.to_string();
    match why {
        B::UnknownAsset(typed) => cli_unknown_asset(&id, typed),
        B::AmbiguousAsset(typed, ids) => tr_args(
            "cli-ambiguous-asset",
            &[
                ("id", shown(&id)),
                ("asset", shown(typed)),
                ("ids", ids.join(", ").into()),
            ],
        ),
        B::UnknownObservable(typed) => cli_unknown_observable(&id, typed),
        B::UnknownEvidence(typed) => cli_unknown_evidence(&id, typed),
    }
}

/// A tactic or technique refused for an attack step, and why.
pub fn bad_attack(why: &crate::domain::BadAttack) -> String {
    use crate::domain::BadAttack as B;
    match why {
        B::UnknownTactic(found) => {
            let valid: Vec<String> = crate::assets::attack::catalogue()
                .tactics
                .iter()
                .map(|t| format!("{} {}", t.id, t.short))
                .collect();
            tr_args(
                "bad-attack-tactic",
                &[("found", shown(found)), ("valid", valid.join(", ").into())],
            )
        }
        B::NotATechnique(found) => tr_args("bad-attack-technique", &[("found", shown(found))]),
        B::WrongTactic {
            technique,
            tactic,
            belongs,
        } => {
            let belongs: Vec<String> = belongs.iter().map(|t| attack_tactic(t)).collect();
            tr_args(
                "bad-attack-pair",
                &[
                    ("technique", attack_technique(technique).into()),
                    ("tactic", attack_tactic(tactic).into()),
                    ("belongs", belongs.join(", ").into()),
                ],
            )
        }
    }
}

words! {
    cli_unknown_attack_step(id: &str, step: &str) => "cli-unknown-attack-step";
    cli_bad_attack_step_field(field: &str) => "cli-bad-attack-step-field";
}
