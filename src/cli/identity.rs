//! `warroom identity init|show` (who the operator is: their identity file and the key
//! that signs their events), `warroom identity list|add|revoke` (who may write to an
//! incident: its roster, kept in its journal) and `warroom roster export` (the roster
//! as an OpenSSH allowed-signers file, for `ssh-keygen -Y verify`).

use super::args::{IdentityCommand, RosterCommand};
use super::items::{Writer, state};
use super::{Failure, Outcome, non_empty};
use crate::domain::{Access, Change, IncidentId, Member, RosterEntry};
use crate::identity::{KeySource, Signer, check_handle, local, sshsig};
use crate::input::clean_line;
use crate::text;
use crate::ui::format::safe;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long ssh-agent may take to answer (it may ask its user to confirm).
const AGENT_PATIENCE: Duration = Duration::from_secs(30);

/// The commands that need no store: the operator's own identity.
pub fn own(command: &IdentityCommand) -> Option<Outcome> {
    match command {
        IdentityCommand::Init {
            handle,
            name,
            email,
            key,
            agent,
            force,
        } => Some(init(
            handle,
            name,
            email.as_deref(),
            key.as_deref(),
            agent.as_deref(),
            *force,
        )),
        IdentityCommand::Show { json } => Some(show(*json)),
        _ => None,
    }
}

/// The commands on an incident's roster.
pub fn roster(w: &Writer, config: &crate::config::Config, command: IdentityCommand) -> Outcome {
    match command {
        IdentityCommand::List { id, json } => list(w, id, json),
        IdentityCommand::Add {
            id,
            handle,
            name,
            email,
            key,
            roles,
            read_only,
            unix_user,
        } => {
            let member = member(
                config,
                handle.as_deref(),
                name.as_deref(),
                email.as_deref(),
                key.as_deref(),
                &roles,
                read_only,
                unix_user,
            )?;
            let replaced = state(w.store, id)?.roster.member(&member.handle).is_some();
            let said = text::cli_member_added(&member.handle, replaced);
            super::append(
                w.store,
                id,
                w.when(),
                w.author,
                Change::MemberAdded { member },
            )?;
            outln!("{}", safe(&said));
            Ok(())
        }
        IdentityCommand::Revoke { id, handle, reason } => {
            let reason = non_empty(&reason, &text::cli_the_reason())?;
            if state(w.store, id)?.roster.member(&handle).is_none() {
                return Err(Failure::Usage(text::cli_not_on_roster(id, &handle)));
            }
            super::append(
                w.store,
                id,
                w.when(),
                w.author,
                Change::MemberRevoked {
                    handle: handle.clone(),
                    reason,
                },
            )?;
            outln!("{}", safe(&text::cli_member_revoked(&handle)));
            Ok(())
        }
        IdentityCommand::Init { .. } | IdentityCommand::Show { .. } => Ok(()),
    }
}

pub fn export(w: &Writer, command: RosterCommand) -> Outcome {
    let RosterCommand::Export { id, output } = command;
    let roster = state(w.store, id)?.roster;
    let entries: Vec<(String, String)> = roster
        .active()
        .map(|e| (e.member.handle.clone(), e.member.public_key.clone()))
        .collect();
    let file = sshsig::allowed_signers(&entries).map_err(|e| Failure::Failed(e.said()))?;
    match output {
        None => out!("{file}"),
        Some(path) => {
            crate::files::write_atomically(&path, file.as_bytes()).map_err(|e| {
                Failure::Failed(text::failure(&crate::failure::Failure::writing(&path, e)))
            })?;
            outln!(
                "{}",
                safe(&text::cli_roster_exported(
                    entries.len(),
                    &path.display().to_string()
                ))
            );
        }
    }
    Ok(())
}

/// The member `identity add` adds: someone else (`--key`, with `--handle` and
/// `--name`), or the operator themselves, from their identity file.
#[allow(clippy::too_many_arguments)]
fn member(
    config: &crate::config::Config,
    handle: Option<&str>,
    name: Option<&str>,
    email: Option<&str>,
    key: Option<&str>,
    roles: &[String],
    read_only: bool,
    unix_user: Option<String>,
) -> Result<Member, Failure> {
    for role in roles {
        if !config.roles.iter().any(|r| &r.id == role) {
            let valid: Vec<&str> = config.roles.iter().map(|r| r.id.as_str()).collect();
            return Err(Failure::Usage(text::cli_unknown_role(role, &valid)));
        }
    }
    let access = if read_only {
        Access::Read
    } else {
        Access::Write
    };
    let (handle, name, email, public_key, unix_user) = match key {
        Some(key) => {
            let (Some(handle), Some(name)) = (handle, name) else {
                return Err(Failure::Usage(text::cli_member_needs_handle_and_name()));
            };
            checked_handle(handle)?;
            (
                handle.to_string(),
                name.to_string(),
                email.map(str::to_string),
                public_key(key)?,
                unix_user,
            )
        }
        None => {
            let mine = mine()?;
            (
                handle.map_or(mine.handle, str::to_string),
                name.map_or(mine.name, str::to_string),
                email.map(str::to_string).or(mine.email),
                mine.public_key,
                unix_user.or_else(crate::identity::login::my_login),
            )
        }
    };
    checked_handle(&handle)?;
    let name = non_empty(&name, &text::cli_the_name())?;
    Ok(Member {
        handle,
        name,
        email: email
            .map(|e| clean_line(&e).trim().to_string())
            .filter(|e| !e.is_empty()),
        roles: roles.to_vec(),
        access,
        public_key,
        unix_user: unix_user
            .map(|u| clean_line(&u).trim().to_string())
            .filter(|u| !u.is_empty()),
    })
}

/// A public key typed (`ssh-ed25519 AAAA…`) or the path of a `.pub` file.
fn public_key(typed: &str) -> Result<String, Failure> {
    let text = if typed.trim_start().starts_with("ssh-") || typed.trim_start().starts_with("ecdsa-")
    {
        typed.to_string()
    } else {
        std::fs::read_to_string(typed).map_err(|e| {
            Failure::Usage(text::failure(&crate::failure::Failure::reading(typed, e)))
        })?
    };
    sshsig::parse_public_key(text.trim())
        .map_err(|e| Failure::Usage(text::cli_bad_public_key(typed, &e.said())))
}

fn checked_handle(handle: &str) -> Result<(), Failure> {
    check_handle(handle).map_err(|e| Failure::Usage(e.said(handle)))
}

fn identity_path() -> Result<PathBuf, Failure> {
    local::path().ok_or_else(|| Failure::Usage(text::cli_no_identity_path()))
}

/// The operator's identity if they have one; a file that is there but wrong stops
/// everything (exit 2), since writing under another name would be worse.
pub fn mine_if_any() -> Result<Option<local::LocalIdentity>, Failure> {
    let Some(path) = local::path() else {
        return Ok(None);
    };
    local::load(&path).map_err(|e| Failure::Usage(e.said()))
}

/// How this run's writes are marked: `--unsigned` on purpose, else signed with the
/// operator's key (opened now: a key missing or locked, or an agent that does not
/// answer, stops the command before anything is written), else — no identity — as
/// is (written as before signing).
pub fn mark(
    mine: Option<&local::LocalIdentity>,
    unsigned: bool,
) -> Result<Option<crate::identity::Mark>, Failure> {
    if unsigned {
        return Ok(Some(crate::identity::Mark::Unsigned));
    }
    let Some(mine) = mine else {
        return Ok(Some(crate::identity::Mark::AsIs));
    };
    let signer = Signer::open(&mine.key, AGENT_PATIENCE)
        .map_err(|e| Failure::Failed(text::err_not_signed(&e.said())))?;
    Ok(Some(crate::identity::Mark::Signed {
        handle: mine.handle.clone(),
        signer,
    }))
}

/// The operator as the first member of an incident they declare.
pub fn founder(mine: &local::LocalIdentity) -> Member {
    Member {
        handle: mine.handle.clone(),
        name: mine.name.clone(),
        email: mine.email.clone(),
        roles: Vec::new(),
        access: Access::Write,
        public_key: mine.public_key.clone(),
        unix_user: crate::identity::login::my_login(),
    }
}

/// The operator's identity, or how to make one.
fn mine() -> Result<local::LocalIdentity, Failure> {
    let path = identity_path()?;
    match local::load(&path) {
        Ok(Some(mine)) => Ok(mine),
        Ok(None) => Err(Failure::Usage(text::cli_no_identity(
            &path.display().to_string(),
        ))),
        Err(e) => Err(Failure::Usage(e.said())),
    }
}

fn init(
    handle: &str,
    name: &str,
    email: Option<&str>,
    key: Option<&Path>,
    agent: Option<&str>,
    force: bool,
) -> Outcome {
    let path = identity_path()?;
    checked_handle(handle)?;
    let name = non_empty(name, &text::cli_the_name())?;
    if !force && let Ok(Some(existing)) = local::load(&path) {
        return Err(Failure::Usage(text::cli_identity_exists(
            &existing.handle,
            &path.display().to_string(),
        )));
    }
    let source = match (key, agent) {
        (Some(file), _) => KeySource::File(file.to_path_buf()),
        (None, Some(fingerprint)) => KeySource::Agent {
            fingerprint: fingerprint.trim().to_string(),
        },
        (None, None) => {
            // A key of its own, beside the identity file; kept if it is already there
            // (`--force` to change the name, not the key).
            let file = path.with_file_name("id_ed25519");
            if !file.exists() {
                crate::identity::generate(&file, &format!("{handle}@warroom"))
                    .map_err(|e| Failure::Failed(e.said()))?;
            }
            KeySource::File(file)
        }
    };
    let signer = Signer::open(&source, AGENT_PATIENCE).map_err(|e| Failure::Failed(e.said()))?;
    let identity = local::LocalIdentity {
        handle: handle.to_string(),
        name,
        email: email
            .map(|e| clean_line(e).trim().to_string())
            .filter(|e| !e.is_empty()),
        key: source,
        public_key: signer.public_key().to_string(),
    };
    local::save(&path, &identity).map_err(|e| Failure::Failed(e.said()))?;
    outln!(
        "{}",
        safe(&text::cli_identity_saved(
            &identity.handle,
            signer.fingerprint(),
            &path.display().to_string()
        ))
    );
    Ok(())
}

fn show(json: bool) -> Outcome {
    let mine = mine()?;
    let fingerprint = sshsig::fingerprint(&mine.public_key).unwrap_or_default();
    let (key_kind, key_where) = match &mine.key {
        KeySource::File(file) => ("file", file.display().to_string()),
        KeySource::Agent { fingerprint } => ("agent", fingerprint.clone()),
    };
    if json {
        let shown = json!({
            "handle": mine.handle,
            "name": mine.name,
            "email": mine.email,
            "public_key": mine.public_key,
            "fingerprint": fingerprint,
            "key": { "source": key_kind, "where": key_where },
        });
        outln!("{shown}");
        return Ok(());
    }
    let email = mine.email.clone().unwrap_or_default();
    outln!(
        "{}",
        safe(&text::cli_identity_shown(
            &mine.handle,
            &mine.name,
            &email,
            &fingerprint,
            key_kind,
            &key_where
        ))
    );
    outln!("{}", mine.public_key);
    Ok(())
}

fn list(w: &Writer, id: IncidentId, json: bool) -> Outcome {
    let roster = state(w.store, id)?.roster;
    if json {
        let rows: Vec<serde_json::Value> = roster.entries.iter().map(entry_json).collect();
        let out = crate::report::pretty_json(&rows).map_err(|e| Failure::Failed(e.to_string()))?;
        outln!("{out}");
        return Ok(());
    }
    if roster.is_empty() {
        outln!("{}", text::cli_roster_empty(id));
        return Ok(());
    }
    for entry in &roster.entries {
        let m = &entry.member;
        let fingerprint = sshsig::fingerprint(&m.public_key).unwrap_or_default();
        let line = text::cli_roster_line(
            &m.handle,
            &m.name,
            m.access.slug(),
            &m.roles.join(", "),
            &fingerprint,
            entry.revoked.as_ref().map(|r| r.reason.as_str()),
        );
        outln!("{}", safe(&line));
    }
    Ok(())
}

fn entry_json(entry: &RosterEntry) -> serde_json::Value {
    let m = &entry.member;
    json!({
        "handle": m.handle,
        "name": m.name,
        "email": m.email,
        "roles": m.roles,
        "access": m.access.slug(),
        "public_key": m.public_key,
        "fingerprint": sshsig::fingerprint(&m.public_key).ok(),
        "unix_user": m.unix_user,
        "added_at": entry.added_at,
        "added_by": entry.added_by,
        "added_in": entry.added_in,
        "revoked": entry.revoked.as_ref().map(|r| json!({
            "at": r.at,
            "by": r.by,
            "reason": r.reason,
            "event": r.event,
        })),
    })
}
