//! Layers point down only. The order is the one written in docs/ARCHITECTURE.md (the
//! fenced block tagged `layers`, top first; modules on one line are one layer and may
//! not use each other); every `crate::…` path in `src/` is checked against it, so a
//! circle or an up-arrow fails here with the file and line that made it.

use std::collections::HashMap;
use std::path::Path;

/// Layer rank of each top-level module: higher ranks may use lower ones.
fn layers(architecture: &str) -> Result<HashMap<String, usize>, String> {
    let block = architecture
        .split("```layers\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .ok_or("docs/ARCHITECTURE.md has no ```layers block")?;
    let lines: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut rank = HashMap::new();
    for (n, line) in lines.iter().enumerate() {
        // Anything after `#` explains the layer.
        let names = line.split('#').next().unwrap_or("");
        for module in names.split_whitespace() {
            if rank.insert(module.to_string(), lines.len() - n).is_some() {
                return Err(format!("{module} is in two layers"));
            }
        }
    }
    Ok(rank)
}

/// The top-level modules a source file names through `crate::`, with their line numbers;
/// comments are skipped, `crate::{a::X, b}` groups give each member.
fn uses(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let mut depth = 0;
                let mut item_start = true;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => item_start = true,
                        c if item_start && (c.is_alphanumeric() || c == '_') => {
                            found.push((n + 1, ident(&group[i..])));
                            item_start = false;
                        }
                        _ => {}
                    }
                }
            } else {
                let name = ident(rest);
                // `crate::name!` is a macro exported at the root, not a module.
                if !rest[name.len()..].starts_with('!') {
                    found.push((n + 1, name));
                }
            }
        }
    }
    found
}

fn ident(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level modules a file reaches through enough `super::` to climb out of its
/// own module (`super::super::ui` in `app/forms.rs`): only names of top-level modules
/// count, since an inline `mod tests` climbs one level less than its file's depth.
fn climbs(path: &str, source: &str, modules: &HashMap<String, usize>) -> Vec<(usize, String)> {
    let file = path.trim_end_matches(".rs").trim_end_matches("/mod");
    let depth = file.split('/').count();
    let climb = "super::".repeat(depth);
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code.match_indices(&climb) {
            let name = ident(&code[at + climb.len()..]);
            if modules.contains_key(&name) {
                found.push((n + 1, name));
            }
        }
    }
    found
}

/// Every use against the order, as `file:line: a uses b`.
fn violations(rank: &HashMap<String, usize>, files: &[(String, String)]) -> Vec<String> {
    let mut bad = Vec::new();
    for (path, source) in files {
        let module = top_module(path);
        let Some(&own) = rank.get(&module) else {
            bad.push(format!("{path}: module `{module}` is in no layer"));
            continue;
        };
        let mut all = uses(source);
        all.extend(climbs(path, source, rank));
        for (line, used) in all {
            if used == module {
                continue;
            }
            match rank.get(&used) {
                None => bad.push(format!("{path}:{line}: `{used}` is in no layer")),
                Some(&other) if other >= own => {
                    let how = if other == own {
                        "its own layer"
                    } else {
                        "above"
                    };
                    bad.push(format!(
                        "{path}:{line}: {module} uses {used}, which is {how}"
                    ));
                }
                Some(_) => {}
            }
        }
    }
    bad
}

/// `cli/args.rs` → `cli`, `text.rs` → `text`.
fn top_module(path: &str) -> String {
    let first = path.split('/').next().unwrap_or(path);
    first.trim_end_matches(".rs").to_string()
}

fn sources(dir: &Path, prefix: &str, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let rel = format!("{prefix}{name}");
        if path.is_dir() {
            sources(&path, &format!("{rel}/"), out);
        } else if name.ends_with(".rs") && !matches!(rel.as_str(), "lib.rs" | "main.rs") {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            out.push((rel, text));
        }
    }
}

fn project() -> (HashMap<String, usize>, Vec<(String, String)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/ARCHITECTURE.md"))
        .unwrap_or_else(|e| panic!("docs/ARCHITECTURE.md: {e}"));
    let rank = layers(&doc).unwrap_or_else(|e| panic!("{e}"));
    let mut files = Vec::new();
    sources(&root.join("src"), "", &mut files);
    (rank, files)
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let (rank, files) = project();
    assert!(files.len() > 100, "only {} source files found", files.len());
    let bad = violations(&rank, &files);
    assert!(
        bad.is_empty(),
        "imports against the layer order:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_layer_named_in_the_order_exists() {
    let (rank, files) = project();
    let missing: Vec<&String> = rank
        .keys()
        .filter(|m| !files.iter().any(|(path, _)| top_module(path) == **m))
        .collect();
    assert!(
        missing.is_empty(),
        "layers with no module in src/: {missing:?}"
    );
}

/// The circles the review found (issue 15): each would fail the check again.
#[test]
fn the_old_circles_would_fail() {
    let (rank, _) = project();
    let old = [
        ("text/screens.rs", "use crate::app::Action;"),
        ("text/drafts.rs", "fn t(k: crate::drafts::DraftKind) {}"),
        ("runtime/mod.rs", "crate::cli::run_forwarded(line)"),
        (
            "config/mod.rs",
            "use crate::{domain::Role, app::keymap::Keymap};",
        ),
        ("config/mod.rs", "pub theme: crate::ui::theme::ThemeKind,"),
        (
            "i18n/content.rs",
            "for t in crate::config::shipped_texts() {}",
        ),
        (
            "store/sled_store/repair.rs",
            "crate::text::journal_accepted_note(1, h, 2)",
        ),
        ("report/mod.rs", "let hms = crate::ui::format::hms;"),
        ("drafts.rs", "use crate::contacts::directory;"),
        ("app/forms.rs", "use super::super::ui::theme;"),
    ];
    for (path, line) in old {
        let files = [(path.to_string(), line.to_string())];
        assert_eq!(
            violations(&rank, &files).len(),
            1,
            "{path}: `{line}` passed the layer check"
        );
    }
}

#[test]
fn uses_are_read_from_paths_and_groups_not_comments() {
    let found = uses(
        "use crate::{app::{Action, Mode}, ui};\n// crate::cli in a comment\nlet x = crate::text::hms(d);\ncrate::words!(x);",
    );
    let names: Vec<(usize, &str)> = found.iter().map(|(n, m)| (*n, m.as_str())).collect();
    assert_eq!(names, [(1, "app"), (1, "ui"), (3, "text")]);
}
