//! `warroom playbook list | show | check`: no store needed, only the configuration.

use super::{Failure, Outcome};
use crate::config::{Config, Source, parse_playbook};
use crate::domain::{Playbook, Stage};
use crate::text;
use crate::ui::format::{content, safe};
use serde_json::json;
use std::path::Path;

fn to_json(value: &serde_json::Value) -> Outcome {
    let out = crate::report::pretty_json(value).map_err(|e| Failure::Failed(e.to_string()))?;
    outln!("{out}");
    Ok(())
}

pub fn list(config: &Config, as_json: bool) -> Outcome {
    let books = &config.catalog.playbooks;
    if as_json {
        let all: Vec<_> = books
            .iter()
            .map(|p| {
                json!({
                    "id": p.id, "name": p.name, "description": p.description,
                    "categories": p.categories, "items": p.items.len(), "source": p.source,
                })
            })
            .collect();
        return to_json(&json!(all));
    }
    for p in books {
        let categories: Vec<&str> = p.categories.iter().map(|c| c.slug()).collect();
        let picks = if categories.is_empty() {
            text::playbook_fallback()
        } else {
            categories.join(", ")
        };
        outln!(
            "{:<22} {:<40} {:>3} {}  {}: {picks}  ({})",
            p.id,
            content(&p.name),
            p.items.len(),
            text::playbook_items(),
            text::playbook_picked_by(),
            if p.source == crate::config::SHIPPED {
                text::playbook_shipped()
            } else {
                safe(&p.source).into_owned()
            }
        );
    }
    Ok(())
}

pub fn show(config: &Config, name: &str, as_json: bool) -> Outcome {
    let catalog = &config.catalog;
    let Some(playbook) = catalog.playbook(name) else {
        return Err(Failure::Usage(text::cli_unknown_playbook(
            name,
            &catalog.playbook_ids(),
        )));
    };
    let model = &catalog.model;
    let checklist = playbook.checklist(model);
    if as_json {
        return to_json(&json!({
            "id": playbook.id, "name": playbook.name, "description": playbook.description,
            "categories": playbook.categories, "source": playbook.source,
            "phase_model": model.id, "phases": model.phase_specs(), "items": checklist,
        }));
    }
    outln!("{} — {}", playbook.id, content(&playbook.name));
    if !playbook.description.is_empty() {
        outln!("{}", content(&playbook.description));
    }
    for phase in &model.phases {
        outln!("");
        outln!("{}", content(&phase.name));
        for item in checklist.iter().filter(|i| i.phase == phase.id) {
            let owner = item.owner.as_deref().map_or("", |o| config.role_name(o));
            outln!(
                "  {:<26} {:<20} {}",
                item.id,
                content(owner),
                content(&item.text)
            );
            let h = &item.hints;
            let mut hints = Vec::new();
            if let Some(call) = &h.call {
                hints.push(format!(
                    "{}: {}",
                    text::hint_call(),
                    content(config.role_name(call))
                ));
            }
            if let Some(keep) = &h.evidence {
                hints.push(format!("{}: {}", text::hint_keep(), safe(keep)));
            }
            if !h.starts.is_empty() {
                hints.push(format!("{}: {}", text::hint_starts(), h.starts.join(", ")));
            }
            if !h.stops.is_empty() {
                hints.push(format!("{}: {}", text::hint_stops(), h.stops.join(", ")));
            }
            if !hints.is_empty() {
                outln!("  {:<26} {:<20} {}", "", "", hints.join(" · "));
            }
        }
    }
    Ok(())
}

pub fn check(config: &Config, file: &Path) -> Outcome {
    let name = file.display().to_string();
    let content = std::fs::read_to_string(file)
        .map_err(|e| Failure::Usage(format!("{name}:1:1: cannot read the file: {e}")))?;
    let playbook = parse_playbook(Source::new(&name, &content), config.vocabulary())
        .map_err(|e| Failure::Usage(e.to_string()))?;
    outln!(
        "{}",
        text::cli_playbook_ok(&playbook.id, &stage_counts(&playbook))
    );
    Ok(())
}

/// `detect 5, analyse 12, …`: how the items spread over the stages.
fn stage_counts(playbook: &Playbook) -> String {
    Stage::ALL
        .iter()
        .map(|s| {
            let n = playbook.items.iter().filter(|i| i.stage == *s).count();
            format!("{} {n}", s.slug())
        })
        .collect::<Vec<_>>()
        .join(", ")
}
