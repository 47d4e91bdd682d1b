//! The command line's help in the operator's language. The English help is written on
//! the argument definitions (`args.rs`); the French lives in `assets/locales/fr-cli.ftl`,
//! one message per command (`cli-evidence-add`, with a `.long` attribute for the long
//! description) and per argument (`cli-evidence-add--file`). The language is the one
//! the rest of the tool would use: `--lang`, else the config's, else the environment.

use super::Cli;
use crate::i18n::Lang;
use clap::{Arg, ArgAction, Command, CommandFactory};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::ffi::OsString;
use std::path::PathBuf;

const FR_CLI: &str = include_str!("../../assets/locales/fr-cli.ftl");

/// The clap command with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Fr => {
            let bundle = bundle();
            let cmd = translate(cmd, "cli", &bundle)
                .disable_help_flag(true)
                .disable_version_flag(true)
                .arg(
                    Arg::new("help")
                        .short('h')
                        .long("help")
                        .global(true)
                        .action(ArgAction::Help)
                        .help(message(&bundle, "cli-help", None).unwrap_or_default()),
                )
                .arg(
                    Arg::new("version")
                        .short('V')
                        .long("version")
                        .action(ArgAction::Version)
                        .help(message(&bundle, "cli-version", None).unwrap_or_default()),
                );
            headings(cmd, &bundle)
        }
    }
}

/// The language for the help, read before clap parses: `--lang`, else the `language`
/// of the config (`--config` or `WARROOM_CONFIG`, else the default path), else the
/// environment, else English.
pub fn language(args: &[OsString]) -> Lang {
    let value_of = |flag: &str| {
        let mut it = args.iter().filter_map(|a| a.to_str());
        while let Some(a) = it.next() {
            if a == flag {
                return it.next().map(str::to_string);
            }
            if let Some(v) = a.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
                return Some(v.to_string());
            }
        }
        None
    };
    if let Some(lang) = value_of("--lang").and_then(|v| v.parse().ok()) {
        return lang;
    }
    let config = value_of("--config")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("WARROOM_CONFIG").map(PathBuf::from))
        .or_else(crate::config::found_config_path);
    // Only the `language` key: the full config is read (and checked) once, by the
    // command itself; a broken file is reported there.
    let configured = config
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|text| crate::config::language_of(&text));
    configured
        .or_else(|| Lang::from_env(|name| std::env::var(name).ok()))
        .unwrap_or_default()
}

type Bundle = FluentBundle<FluentResource>;

fn bundle() -> Bundle {
    let resource =
        FluentResource::try_new(FR_CLI.to_string()).unwrap_or_else(|(partial, _)| partial);
    let mut bundle =
        FluentBundle::new_concurrent(vec![Lang::Fr.code().parse().unwrap_or_default()]);
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

fn message(bundle: &Bundle, id: &str, attribute: Option<&str>) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

fn translate(mut cmd: Command, key: &str, bundle: &Bundle) -> Command {
    if let Some(about) = message(bundle, key, None) {
        cmd = cmd.about(about);
    }
    if let Some(long) = message(bundle, key, Some("long")) {
        cmd = cmd.long_about(long);
    }
    // `mut_arg` takes an argument out and puts it back last: a positional given its
    // French help would move behind the others (`correct ID EVENT TEXT` read TEXT as
    // the event). Each positional keeps its place by its index, set before.
    let positionals: Vec<String> = cmd
        .get_positionals()
        .map(|a| a.get_id().to_string())
        .collect();
    for (index, id) in positionals.iter().enumerate() {
        cmd = cmd.mut_arg(id.as_str(), |a| a.index(index + 1));
    }
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in args {
        if let Some(help) = message(bundle, &format!("{key}--{id}"), None) {
            cmd = cmd.mut_arg(id.as_str(), |a| a.help(help));
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_key = format!("{key}-{name}");
        cmd = cmd.mut_subcommand(name.as_str(), |s| translate(s, &sub_key, bundle));
    }
    cmd
}

fn headings(cmd: Command, bundle: &Bundle) -> Command {
    let commands = message(bundle, "cli-heading-commands", None).unwrap_or_default();
    let usage = message(bundle, "cli-heading-usage", None).unwrap_or_default();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
    );
    let mut cmd = cmd
        .subcommand_help_heading(commands.clone())
        .help_template(template.clone());
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name.as_str(), |s| headings(s, bundle));
    }
    cmd
}

/// (key, English help) for every command and argument that has help, in tree order.
pub fn help_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(&Cli::command(), "cli", &mut out);
    out
}

fn walk(cmd: &Command, key: &str, out: &mut Vec<(String, String)>) {
    if let Some(about) = cmd.get_about() {
        out.push((key.to_string(), about.to_string()));
    }
    if let Some(long) = cmd.get_long_about() {
        out.push((format!("{key}.long"), long.to_string()));
    }
    for arg in cmd.get_arguments() {
        if let Some(help) = arg.get_help() {
            out.push((format!("{key}--{}", arg.get_id()), help.to_string()));
        }
    }
    for sub in cmd.get_subcommands() {
        walk(sub, &format!("{key}-{}", sub.get_name()), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id and attribute of the French file, as `id` or `id.attribute`.
    fn french_keys() -> Vec<String> {
        let resource = FluentResource::try_new(FR_CLI.to_string()).unwrap_or_else(|(p, _)| p);
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m),
                _ => None,
            })
            .flat_map(|m| {
                let id = m.id.name.to_string();
                let attributes: Vec<String> = m
                    .attributes
                    .iter()
                    .map(|a| format!("{id}.{}", a.id.name))
                    .collect();
                std::iter::once(id).chain(attributes)
            })
            .collect()
    }

    #[test]
    fn the_french_help_file_parses() {
        assert!(FluentResource::try_new(FR_CLI.to_string()).is_ok());
    }

    #[test]
    fn every_command_and_argument_has_french_help_and_nothing_else() {
        const OWN: [&str; 4] = [
            "cli-help",
            "cli-version",
            "cli-heading-commands",
            "cli-heading-usage",
        ];
        let english: Vec<String> = help_texts().into_iter().map(|(k, _)| k).collect();
        let french = french_keys();
        let missing: Vec<&String> = english.iter().filter(|k| !french.contains(k)).collect();
        let extra: Vec<&String> = french
            .iter()
            .filter(|k| !english.contains(k) && !OWN.contains(&k.as_str()))
            .collect();
        assert!(missing.is_empty(), "missing in fr-cli.ftl: {missing:?}");
        assert!(extra.is_empty(), "not in the command line: {extra:?}");
    }

    #[test]
    fn the_help_is_printed_in_french() {
        let help = command(Lang::Fr).render_long_help().to_string();
        assert!(help.contains("Utilisation :"), "{help}");
        assert!(help.contains("Commandes"), "{help}");
        let sub = command(Lang::Fr)
            .find_subcommand_mut("new")
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        assert!(sub.contains("Déclarer"), "{sub}");
        assert!(
            !command(Lang::En)
                .render_help()
                .to_string()
                .contains("Utilisation")
        );
    }

    #[test]
    fn lang_on_the_command_line_wins() {
        let args: Vec<OsString> = ["warroom", "--lang", "fr", "--help"]
            .map(OsString::from)
            .into();
        assert_eq!(language(&args), Lang::Fr);
        let args: Vec<OsString> = ["warroom", "--lang=en"].map(OsString::from).into();
        assert_eq!(language(&args), Lang::En);
    }
}
