//! The formats other tools read: `warroom ioc export|import`, `warroom asset export`
//! and `warroom export --format misp|stix|timesketch-*` (built by `formats::export`),
//! with what the audience's TLP left out said on standard error.

use super::args::{ExportFormat, IocFormat, IocImportFormat};
use super::items::{Writer, state};
use super::{Failure, Outcome};
use crate::config::Config;
use crate::domain::{Change, IncidentId, Tlp};
pub use crate::formats::Target;
use crate::formats::{self, Audience, Export, Item, Source, Tally};
use crate::store::Store;
use crate::text;
use std::io::IsTerminal;
use std::path::Path;

// Which exchange file an argument names: the arguments are the command line's, the
// files `formats`'.
impl Target {
    /// The file `ioc export --format` names.
    pub fn of_ioc(format: IocFormat) -> Self {
        match format {
            IocFormat::Misp => Target::Misp,
            IocFormat::Stix => Target::Stix,
            IocFormat::Csv => Target::ObservablesCsv,
        }
    }

    /// The file an `export --format` names, if it is one.
    pub fn of_export(format: ExportFormat) -> Option<Self> {
        Some(match format {
            ExportFormat::Misp => Target::Misp,
            ExportFormat::Stix => Target::Stix,
            ExportFormat::TimesketchCsv => Target::TimesketchCsv,
            ExportFormat::TimesketchJsonl => Target::TimesketchJsonl,
            ExportFormat::Md | ExportFormat::Html | ExportFormat::Json | ExportFormat::Journal => {
                return None;
            }
        })
    }
}

pub fn export(
    store: &dyn Store,
    config: &Config,
    id: IncidentId,
    target: Target,
    max_tlp: Option<Tlp>,
    output: Option<&Path>,
) -> Outcome {
    let events = store.events(id)?;
    let state = crate::domain::fold(&events)
        .map_err(|e| Failure::Failed(format!("{id}: {}", text::fold_error(&e))))?;
    let source = Source {
        state: &state,
        events: &events,
        organisation: &config.organisation,
    };
    let audience = Audience::new(max_tlp);
    let Export { body, tally } = formats::export(&source, audience, target);
    say_left_out(&tally);
    let terminal = output.is_none() && std::io::stdout().is_terminal();
    super::to_file_or_out(output, &body, |body| {
        // Titles and notes are people's text: a terminal must not act on any of it.
        if terminal {
            body.lines()
                .map(|line| crate::ui::format::safe(line).into_owned() + "\n")
                .collect()
        } else {
            body.to_string()
        }
    })
}

/// One line on standard error per kind of item and TLP left out.
fn say_left_out(tally: &Tally) {
    for (item, tlp, count) in tally.left_out() {
        let line = match item {
            Item::Observable => text::cli_left_out_observables(count, tlp.label()),
            Item::JournalEvent => text::cli_left_out_events(count, tlp.label()),
            Item::Asset => text::cli_left_out_assets(count, tlp.label()),
            Item::AttackStep => text::cli_left_out_attack_steps(count, tlp.label()),
            Item::Title => text::cli_left_out_title(tlp.label()),
        };
        eprintln!("warroom: {line}");
    }
}

pub fn import(
    w: &Writer,
    id: IncidentId,
    file: &Path,
    format: Option<IocImportFormat>,
    json: bool,
) -> Outcome {
    let name = file.display().to_string();
    let content = std::fs::read_to_string(file)
        .map_err(|e| Failure::Usage(text::cli_cannot_read(&name, &e.to_string())))?;
    let before = state(w.store, id)?;
    let format = format.map(|f| match f {
        IocImportFormat::Misp => formats::Format::Misp,
        IocImportFormat::Stix => formats::Format::Stix,
    });
    let (format, imported) = formats::read(&content, format, before.tlp)
        .map_err(|e| Failure::Usage(crate::ui::format::safe(&e.said(&name)).into_owned()))?;
    let (merged, added) = imported.merged_and_added(&before.observables);
    let changes: Vec<Change> = imported
        .observables
        .into_iter()
        .map(|observable| Change::ObservableReported { observable })
        .collect();
    let saved = if changes.is_empty() {
        Vec::new()
    } else {
        crate::ops::append(w.store, id, w.when(), w.author, changes)?
    };
    let format = match format {
        formats::Format::Misp => "misp",
        formats::Format::Stix => "stix",
    };
    if json {
        let summary = serde_json::json!({
            "incident": id.to_string(),
            "format": format,
            "added": added,
            "merged": merged,
            "skipped": imported.skipped,
            "events": saved.iter().map(|e| e.id).collect::<Vec<_>>(),
        });
        outln!("{summary}");
    } else {
        if let (Some(first), Some(last)) = (saved.first(), saved.last()) {
            outln!("{}", text::cli_saved_events(id, first.id, last.id));
        }
        outln!(
            "{}",
            text::cli_observables_imported(added, merged, imported.skipped)
        );
    }
    Ok(())
}
