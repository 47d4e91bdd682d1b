//! Reports, exchange files and drafts written to files in the data directory.

use crate::config::Config;
use crate::domain::IncidentId;
use crate::failure::Failure;
use crate::store::Store;
use chrono::{DateTime, Utc};
use std::path::PathBuf;

/// The path an operator typed in the dashboard, where no shell expands `~/`: the home
/// directory's, when it starts so.
pub fn typed_path(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(typed),
    }
}

/// Writes a draft to `drafts/` in the data directory (created private), replacing an
/// older draft of the same kind; returns its path.
pub fn save_draft(
    dir: &std::path::Path,
    file: &str,
    text: &str,
) -> Result<std::path::PathBuf, Failure> {
    let folder = dir.join("drafts");
    save_in(&folder, file, text).map_err(|e| Failure::writing(folder.join(file), e))
}

/// Writes `text` to `file` in `folder`, creating the folder private (0700) first; on a
/// shared host, the folder (2770) and the file (0660) are the group's too.
fn save_in(
    folder: &std::path::Path,
    file: &str,
    text: &str,
) -> std::io::Result<std::path::PathBuf> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let sharing = crate::store::sharing();
    std::fs::create_dir_all(folder)?;
    // Made private (or the group's) again if it was not; one another member made is
    // theirs to set, and the store's own check has passed for the data directory.
    if std::fs::metadata(folder)?.uid() == rustix::process::geteuid().as_raw() {
        std::fs::set_permissions(
            folder,
            std::fs::Permissions::from_mode(sharing.directory_mode()),
        )?;
    }
    let path = folder.join(file);
    crate::files::write_atomically(&path, text.as_bytes())?;
    if let crate::store::Sharing::Group { .. } = sharing {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660))?;
    }
    Ok(path)
}

/// Writes the incident's exchange files into `reports/` of the data directory (created
/// private), beside its report: `<ID>-misp.json`, `<ID>-stix.json`,
/// `<ID>-timesketch.jsonl`, `<ID>-observables.csv`, `<ID>-assets.csv`, each whole or
/// not at all. Nothing is left out: this is the team's own copy (`--max-tlp` is for
/// what goes out, from the command line). Returns the paths, or the names it would
/// have written for a store not on disk. The same `formats::export` as the command line.
pub fn export_exchange(
    store: &dyn Store,
    config: &Config,
    id: IncidentId,
) -> Result<Vec<PathBuf>, Failure> {
    let events = store.events(id)?;
    let state = crate::domain::fold(&events)?;
    let source = crate::formats::Source {
        state: &state,
        events: &events,
        organisation: &config.organisation,
    };
    let everyone = crate::formats::Audience::new(None);
    let files: Vec<(String, String)> = crate::formats::Target::TEAM_COPY
        .into_iter()
        .map(|target| {
            let name = target.file_name(&id.to_string());
            (name, crate::formats::export(&source, everyone, target).body)
        })
        .collect();
    let Some(dir) = store.directory() else {
        return Ok(files.into_iter().map(|(name, _)| name.into()).collect());
    };
    let reports = dir.join("reports");
    let mut paths = Vec::new();
    for (name, body) in files {
        let path = save_in(&reports, &name, &body)
            .map_err(|e| Failure::writing(reports.join(&name), e))?;
        paths.push(path);
    }
    Ok(paths)
}

/// Writes the incident's report as Markdown, HTML and JSON into `reports/` of the data
/// directory (created private); returns the paths, or where it would have written them
/// for a store not on disk.
pub fn export_reports(
    store: &dyn Store,
    config: &Config,
    id: IncidentId,
    now: DateTime<Utc>,
) -> Result<Vec<String>, Failure> {
    let events = store.events(id)?;
    let state = crate::domain::fold(&events)?;
    let head = store.summary(id)?.map(|s| s.head.hash).unwrap_or_default();
    let report = crate::report::build(&state, &events, config, &head, now);
    let files = [
        (format!("{id}.md"), crate::report::markdown(&report)),
        (format!("{id}.html"), crate::report::html(&report)),
        (format!("{id}.json"), crate::report::json(&report)),
    ];
    let Some(dir) = store.directory() else {
        return Ok(files.into_iter().map(|(name, _)| name).collect());
    };
    let reports = dir.join("reports");
    let mut paths = Vec::new();
    for (name, body) in files {
        let path = save_in(&reports, &name, &body)
            .map_err(|e| Failure::writing(reports.join(&name), e))?;
        paths.push(path.display().to_string());
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::typed_path;
    use std::path::Path;

    #[test]
    fn a_typed_path_starting_with_the_home_sign_is_under_the_home_directory() {
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        if let Some(home) = home {
            assert_eq!(typed_path("~/in/feed.json"), home.join("in/feed.json"));
        }
        // Only `~/`: another user's home, or a name with `~` in it, stay as typed.
        assert_eq!(typed_path("~ops/feed.json"), Path::new("~ops/feed.json"));
        assert_eq!(typed_path("/tmp/~/x"), Path::new("/tmp/~/x"));
        assert_eq!(typed_path("feed.json"), Path::new("feed.json"));
    }
}
