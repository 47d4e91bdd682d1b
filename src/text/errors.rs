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
    };
    args.push(("path", path));
    tr_args(id, &args)
}

words! {
    /// The thread that writes to the store is gone: what the screen shows as saving is not.
    writer_gone => "writer-gone";
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
