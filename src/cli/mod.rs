//! The headless twin of every dashboard action, and the dispatch from `main`.

/// `println!` for command output: a reader that went away (`| head`) ends the command
/// quietly instead of panicking on the broken pipe.
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cli::emit(format_args!("{}\n", format_args!($($arg)*))) };
}
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::emit(format_args!($($arg)*)) };
}

mod args;
mod assets;
mod attack_timeline;
mod clocks;
mod contacts;
mod drill_report;
mod exchange;
pub mod help;
mod host;
mod identity;
mod interchange;
mod items;
mod lifecycle;
mod observables;
mod playbook;
mod ready;
mod record;
mod retainer;
mod show;
mod verify;

pub use args::{
    Cli, Command, ConfigCommand, ContactsCommand, DrillCommand, PlanFormat, PlaybookCommand,
    RetainerCommand,
};

use crate::access::{Need, Reached};
use crate::app::{App, NewIncident, Start, Zone};
use crate::config::{Config, default_config_path};
use crate::domain::{Change, IncidentId};
use crate::runtime::now;
use crate::share::{RemoteStore, Role};
use crate::store::{Store, StoreError, default_data_dir};
use crate::{ops, runtime, text, ui};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[doc(hidden)]
pub fn emit(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = std::io::stdout().lock().write_fmt(args) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            // Everything this command wrote to the store is already flushed.
            std::process::exit(0);
        }
        eprintln!("warroom: cannot write the output: {e}");
        std::process::exit(1);
    }
}

/// How a command failed, which decides the exit code.
#[derive(Debug)]
pub enum Failure {
    /// Bad usage or invalid input: exit 2.
    Usage(String),
    /// The command could not be carried out: exit 1.
    Failed(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => 2,
            Failure::Failed(_) => 1,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Failure::Usage(m) | Failure::Failed(m) => m,
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure::Failed(text::store_error(&e))
    }
}

type Outcome = Result<(), Failure>;

/// Who is recorded as the author of events: the config's operator, else the login name.
/// On standard error (standard output carries what scripts read): the areas of an
/// incident's scope the retainer's contract leaves out, and whom to call for them.
fn say_contract_gap(config: &Config, scope: &crate::domain::Scope, saved: &[crate::domain::Event]) {
    let directory = crate::contacts::directory(config, saved);
    if let Some(gap) = text::contract_gap(&config.retainer, scope, &directory) {
        eprintln!("warroom: {}", ui::format::safe(&gap));
    }
}

pub fn author(config: &Config) -> String {
    config
        .operator
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "operator".into())
}

/// The config warroom uses: `--config` (or `WARROOM_CONFIG`), else the user's file if
/// it exists, else the host's, else the embedded default; user playbooks come from the
/// `playbooks/` folder beside the file (or in the user's config directory).
fn load_config(explicit: Option<&Path>) -> Result<Config, Failure> {
    let usage = |e: crate::config::ConfigError| Failure::Usage(e.to_string());
    match explicit {
        Some(path) => Config::load(path).map_err(usage),
        None => {
            let default = default_config_path();
            match crate::config::found_config_path() {
                Some(path) => Config::load(&path).map_err(usage),
                None => match default.as_deref().and_then(Path::parent) {
                    Some(dir) => Config::embedded_with_playbooks(&dir.join("playbooks")),
                    None => Config::embedded(),
                }
                .map_err(usage),
            }
        }
    }
}

fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf, Failure> {
    explicit
        .or_else(default_data_dir)
        .ok_or_else(|| Failure::Usage(text::cli_no_data_dir()))
}

pub fn run(cli: Cli) -> Outcome {
    // main has set the language already (help and value errors need it before
    // parsing); it is set again below once the config is read and checked.
    if let Some(Command::Config {
        command: ConfigCommand::Check { file },
    }) = &cli.command
    {
        return config_check(file.as_deref().or(cli.config.as_deref()));
    }
    let mut config = load_config(cli.config.as_deref())?;
    // --lang for this run (a report in English from a French team), else the config's
    // language, else the environment, else English.
    config.language = cli
        .lang
        .or(config.language)
        .or_else(|| crate::i18n::Lang::from_env(|name| std::env::var(name).ok()));
    crate::i18n::set(config.language.unwrap_or_default());
    // https://no-color.org: any non-empty NO_COLOR means no colour.
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        config.theme = crate::config::ThemeKind::Mono;
    }
    if let Some(Command::Playbook { command }) = &cli.command {
        return match command {
            PlaybookCommand::List { json } => playbook::list(&config, *json),
            PlaybookCommand::Show { name, json } => playbook::show(&config, name, *json),
            PlaybookCommand::Check { file } => playbook::check(&config, file),
        };
    }
    // The catalogue is shipped: no store to open.
    if let Some(Command::Timeline {
        command: args::TimelineCommand::Techniques { tactic, json },
    }) = &cli.command
    {
        return attack_timeline::techniques(tactic.as_deref(), *json);
    }
    // A test aid only: a value that is not an instant is an error, not ignored.
    if let Ok(pinned) = std::env::var("WARROOM_NOW")
        && DateTime::parse_from_rfc3339(pinned.trim()).is_err()
    {
        return Err(Failure::Usage(text::cli_bad_warroom_now(&pinned)));
    }
    let wall = matches!(cli.command, Some(Command::Wall));
    if cli.command.is_some()
        && !wall
        && let Some(tz) = runtime::unknown_tz_here()
    {
        eprintln!("warroom: {}", ui::format::safe(&text::cli_tz_unknown(&tz)));
    }
    // Your own identity needs no store: made before you are in the group, it is how
    // you give the commander your key.
    if let Some(Command::Identity { command }) = &cli.command
        && let Some(done) = identity::own(command)
    {
        return done;
    }
    // A shared war-room host: before any store is reached, so that what this run
    // makes is the group's and what it checks accepts the group.
    if let Some(shared) = &config.shared_host {
        host::share(shared)?;
    }
    let shared_dir = config.shared_host.as_ref().and_then(|s| s.data_dir.clone());
    let dir = data_dir(cli.data_dir.or(shared_dir))?;
    let mine = identity::mine_if_any()?;
    let author = mine
        .as_ref()
        .map_or_else(|| author(&config), |m| m.handle.clone());
    let wait = cli.wait.unwrap_or(crate::access::DEFAULT_WAIT);
    let command = match cli.command.filter(|c| !matches!(c, Command::Wall)) {
        None => {
            // The dashboard signs what it writes with the operator's key, opened now.
            let mark = identity::mark(mine.as_ref(), cli.unsigned)?;
            return dashboard(config, &dir, author, wall, wait, mark);
        }
        Some(command) => command,
    };
    // Hashing evidence can take minutes (a disk image): it is done before the store is
    // reached, and re-hashing after, so that nobody waits for the store meanwhile.
    if let Command::Evidence {
        command: args::EvidenceCommand::Verify { id },
    } = command
    {
        let items = with_store(&dir, wait, true, None, |store| {
            record::evidence_items(store, id)
        })?;
        return record::verify_items(&items);
    }
    if let Command::Repair { accept } = command {
        return repair(&dir, wait, &accept);
    }
    let only_reads = command.only_reads();
    let now = now();
    let occurred = match &cli.at {
        None => None,
        Some(_) if only_reads => return Err(Failure::Usage(text::cli_at_for_writes())),
        Some(typed) => Some(
            crate::input::when::parse(typed, now, crate::input::Zone::Local)
                .map_err(|e| Failure::Usage(text::when_error(&e)))?,
        ),
    };
    let command = record::prepare(command)?;
    let force = cli.force;
    // Writes are signed before they reach the store (or marked unsigned on purpose);
    // the key is opened once, before waiting for the store.
    let mark = if only_reads {
        None
    } else {
        identity::mark(mine.as_ref(), cli.unsigned)?
    };
    let founder = mine.as_ref().map(identity::founder);
    with_store(&dir, wait, only_reads, mark, |store| {
        if let Some(at) = occurred {
            plausible(store, &command, at, now, force)?;
        }
        run_command(
            command,
            store,
            &config,
            &author,
            ops::When::new(now, occurred),
            force,
            founder.as_ref(),
        )
    })
}

/// Refuses an `--at` in the future, or implausibly long before the incident was
/// declared (before now, for a declaration) unless `--force`.
fn plausible(
    store: &dyn Store,
    command: &Command,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    force: bool,
) -> Outcome {
    let declared = match command.incident() {
        Some(id) => store.summary(id)?.map_or(now, |s| s.declared_at),
        None => now,
    };
    crate::input::when::check(at, now, declared, force)
        .map_err(|e| Failure::Usage(text::when_error(&e)))
}

/// Runs `work` on the store in `dir`: owned by this process for the time of `work`, or
/// through the dashboard that owns it; waits at most `wait` for a busy store. Work that
/// `only_reads` is done on a private copy of a store that cannot be written.
fn with_store<T>(
    dir: &Path,
    wait: Duration,
    only_reads: bool,
    mark: Option<crate::identity::Mark>,
    work: impl FnOnce(&dyn Store) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let need = Need {
        role: Role::Client,
        seat: crate::share::Seat::default(),
        read_only_will_do: only_reads,
    };
    let mut progress = WaitLine::default();
    let reached = crate::access::reach(dir, need, wait, &mut |holder, waited| {
        progress.show(dir, holder, waited);
    });
    progress.clear();
    match reached? {
        Reached::Own(store) => {
            if let Some(why) = store.read_only() {
                let why = text::io_cause(&why.into());
                eprintln!("warroom: {}", text::cli_reading_a_copy(&why));
            }
            match mark {
                Some(mark) => work(&crate::identity::Signing::owning(&store, mark)),
                None => work(&store),
            }
        }
        Reached::Owner(connection) => {
            let remote = RemoteStore::new(dir, connection, wait);
            match mark {
                Some(mark) => work(&crate::identity::Signing::new(&remote, mark)),
                None => work(&remote),
            }
        }
    }
}

/// `warroom repair`: waits for the store to itself, then repairs it.
fn repair(dir: &Path, wait: Duration, accept: &[IncidentId]) -> Outcome {
    let mut progress = WaitLine::default();
    let lock = crate::access::lock(dir, wait, &mut |holder, waited| {
        progress.show(dir, holder, waited);
    });
    progress.clear();
    let accept = crate::store::repair::Acceptance {
        ids: accept,
        note: text::journal_accepted_note,
    };
    let repaired = crate::store::repair::repair(dir, lock?, &accept, now())?;
    if let Some(moved) = &repaired.index_moved {
        outln!(
            "{}",
            text::cli_index_rebuilt_now(&moved.display().to_string())
        );
    }
    for (id, kept, past) in &repaired.rebuilt {
        outln!(
            "{}",
            text::cli_journal_rebuilt(*id, &kept.display().to_string(), *past)
        );
    }
    for id in &repaired.accepted {
        outln!("{}", text::cli_journal_accepted(*id));
    }
    for (id, bad) in &repaired.unrepairable {
        outln!("{}", text::cli_journal_unrepairable(*id, *bad));
    }
    outln!("{}", text::cli_repaired(repaired.incidents));
    if repaired.unrepairable.is_empty() {
        Ok(())
    } else {
        Err(Failure::Failed(text::cli_repair_incomplete(
            repaired.unrepairable.len(),
        )))
    }
}

/// The dashboard (or the wall): owns the store, or follows the dashboard that does;
/// after following, `T` takes the store over once its owner has gone.
fn dashboard(
    config: Config,
    dir: &Path,
    author: String,
    wall: bool,
    wait: Duration,
    mark: Option<crate::identity::Mark>,
) -> Outcome {
    let mut mark = mark;
    let failed = |e: color_eyre::Report| Failure::Failed(format!("{e:#}"));
    loop {
        let mut progress = WaitLine::default();
        let need = Need {
            role: Role::Follower,
            seat: crate::share::Seat {
                handle: Some(author.clone()),
                wall,
            },
            read_only_will_do: true,
        };
        let reached = crate::access::reach(dir, need, wait, &mut |holder, waited| {
            progress.show(dir, holder, waited);
        });
        progress.clear();
        let reached = match reached {
            // Offered at once: the index is a cache, the journals are intact.
            Err(e @ StoreError::IndexDamaged { .. }) => {
                if !offer_repair(&e) {
                    return Err(e.into());
                }
                repair(dir, wait, &[])?;
                continue;
            }
            other => other?,
        };
        match reached {
            Reached::Own(store) => {
                return runtime::run(config, store, author, wall, mark.take()).map_err(failed);
            }
            Reached::Owner(connection) => {
                let take_over =
                    runtime::follow(config.clone(), connection, author.clone(), wall, wait)
                        .map_err(failed)?;
                if !take_over {
                    return Ok(());
                }
            }
        }
    }
}

/// Asks on the terminal whether to repair the store now (the dashboard found its index
/// damaged); false without a terminal to ask on, or when the answer is no.
fn offer_repair(e: &StoreError) -> bool {
    use std::io::{BufRead, IsTerminal, Write};
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return false;
    }
    let mut err = std::io::stderr();
    let _ = write!(
        err,
        "warroom: {}\n{} ",
        crate::ui::format::safe(&text::store_error(e)),
        text::cli_offer_repair()
    );
    let _ = err.flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    text::is_yes(answer.trim())
}

/// While a command waits for the store, a line on standard error (a terminal only)
/// says whom it waits for and since when, rewritten in place each second.
#[derive(Default)]
struct WaitLine {
    shown: Option<u64>,
}

impl WaitLine {
    fn show(&mut self, dir: &Path, holder: Option<&crate::store::lock::Holder>, waited: Duration) {
        use std::io::{IsTerminal, Write};
        let secs = waited.as_secs();
        // Quiet for the first half second: most waits end before.
        if waited < Duration::from_millis(500)
            || self.shown == Some(secs)
            || !std::io::stderr().is_terminal()
        {
            return;
        }
        self.shown = Some(secs);
        let line = text::cli_waiting(&dir.display().to_string(), holder, secs);
        let _ = write!(
            std::io::stderr(),
            "\r{}\x1b[K",
            crate::ui::format::safe(&line)
        );
    }

    fn clear(&self) {
        use std::io::Write;
        if self.shown.is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}

fn run_command(
    command: Command,
    store: &dyn Store,
    config: &Config,
    author: &str,
    when: ops::When,
    force: bool,
    founder: Option<&crate::domain::Member>,
) -> Outcome {
    let config = config.clone();
    let author = author.to_string();
    let now = when.now;
    let writer = items::Writer {
        store,
        now,
        occurred: when.occurred,
        force,
        author: &author,
    };
    match command {
        Command::New {
            title,
            severity,
            category,
            tlp,
            playbook,
            scope,
            json,
        } => {
            if let Some(id) = &playbook
                && config.catalog.playbook(id).is_none()
            {
                return Err(Failure::Usage(text::cli_unknown_playbook(
                    id,
                    &config.catalog.playbook_ids(),
                )));
            }
            let title = non_empty(&title, "--title")?;
            let new = NewIncident {
                title,
                severity,
                category,
                tlp,
                exercise: false,
                playbook,
                scope: scope.unwrap_or_default(),
            };
            let events = ops::declare(store, &config, when, &author, &new, founder)?;
            say_contract_gap(&config, &new.scope, &store.directory_events()?);
            print_new_id(&events, json)
        }
        Command::Demo => {
            let events = ops::open_demo(store, &config, now)?;
            print_new_id(&events, false)
        }
        Command::List { json, all } => show::list(store, json, all),
        Command::Ready { json } => ready::ready(store, &config, now, json),
        Command::Retainer {
            command: RetainerCommand::Review { id, json },
        } => retainer::review(store, id, json),
        Command::Retainer {
            command: RetainerCommand::Record { id, told },
        } => retainer::record(&writer, id, told),
        Command::Plan { format, output } => {
            let directory = crate::contacts::directory(&config, &store.directory_events()?);
            let plan = crate::report::plan::plan(&config, &directory);
            let body = match format {
                PlanFormat::Html => crate::report::plan_html(&plan),
                PlanFormat::Md => crate::report::plan_markdown(&plan),
            };
            // Names come from the config: a terminal gets every line made safe.
            to_file_or_out(output.as_deref(), &body, safe_lines)
        }
        Command::Drill {
            command: Some(DrillCommand::Report { id, json }),
            ..
        } => drill_report::report(store, &config, id, json),
        Command::Drill { scenario, .. } => drill(store, &config, now, &author, scenario.as_deref()),
        Command::Show { id, json } => show::show(store, &config, id, json, now),
        Command::Note { id, text } => {
            let text = non_empty(&text, &text::cli_the_note())?;
            append(store, id, when, &author, Change::NoteAdded { text })
        }
        Command::Assign {
            id,
            item_id,
            person,
        } => items::assign(&writer, id, item_id, &person),
        Command::Phase { id, target } => items::phase(&writer, id, &target),
        Command::AddItem {
            id,
            text,
            phase,
            owner,
        } => items::add_item(&writer, &config, id, &text, phase, owner),
        Command::NotApplicable {
            id,
            item_id,
            reason,
        } => items::not_applicable(&writer, id, item_id, &reason),
        Command::Flag { id, flag } => clocks::flag(&writer, id, flag, when.occurred),
        Command::Evidence { command } => record::evidence(&writer, command),
        Command::Ioc { command } => observables::ioc(&writer, &config, command),
        Command::Asset { command } => assets::asset(&writer, &config, command),
        Command::Timeline { command } => attack_timeline::timeline(&writer, command),
        Command::Identity { command } => identity::roster(&writer, &config, command),
        Command::Roster { command } => identity::export(&writer, command),
        Command::Lesson {
            id,
            kind,
            text,
            owner,
            due,
        } => record::lesson(&writer, id, kind, &text, owner, due),
        Command::Correct {
            id,
            event,
            text,
            happened,
        } => record::correct(&writer, id, event, &text, happened.as_deref()),
        Command::Retract { id, event, reason } => record::retract(&writer, id, event, &reason),
        Command::Set {
            id,
            field,
            value,
            reason,
        } => {
            lifecycle::set(&writer, id, field, &value, reason.as_deref())?;
            if field == crate::domain::Field::Scope {
                let scope = items::state(store, id)?.scope;
                say_contract_gap(&config, &scope, &store.directory_events()?);
            }
            Ok(())
        }
        Command::Close {
            id,
            resolution,
            summary,
            leave_open,
        } => lifecycle::close(&writer, id, resolution, summary.as_deref(), leave_open),
        Command::Reopen { id, reason } => lifecycle::reopen(&writer, id, &reason),
        Command::Export {
            id,
            format,
            max_tlp,
            output,
        } => match interchange::Target::of_export(format) {
            Some(target) => {
                interchange::export(store, &config, id, target, max_tlp, output.as_deref())
            }
            None if max_tlp.is_some() => {
                let name = clap::ValueEnum::to_possible_value(&format)
                    .map(|v| v.get_name().to_string())
                    .unwrap_or_default();
                Err(Failure::Usage(text::cli_max_tlp_not_here(&name)))
            }
            None => exchange::export(store, &config, id, format, output.as_deref(), now),
        },
        Command::Import { file } => exchange::import(store, &file),
        Command::Contacts {
            command,
            search,
            json,
        } => match command {
            None => contacts::list(store, &config, search.as_deref(), json),
            Some(ContactsCommand::Export { output, .. }) => {
                contacts::export_vcard(store, &config, output.as_deref())
            }
            Some(ContactsCommand::Verify { contact, on }) => {
                contacts::verify(&writer, &config, &contact, on)
            }
            Some(ContactsCommand::Save {
                name,
                id,
                role,
                roles,
                organisation,
                kind,
                phones,
                email,
                availability,
                notes,
            }) => contacts::save(
                &writer,
                &config,
                contacts::Saved {
                    name,
                    id,
                    role,
                    roles,
                    organisation,
                    kind,
                    phones,
                    email,
                    availability,
                    notes,
                },
            ),
        },
        Command::Call {
            id,
            contact,
            outcome,
            note,
        } => contacts::call(&writer, &config, id, &contact, outcome, note),
        Command::Clock {
            id,
            clock,
            action,
            reference,
            reason,
        } => clocks::clock(&writer, id, &clock, action, reference, reason),
        Command::Draft { id, kind, output } => {
            clocks::draft(&writer, &config, id, kind, output.as_deref())
        }
        Command::Check {
            id,
            item_id,
            reference,
            no_clocks,
        } => items::check(&writer, id, &item_id, reference.as_deref(), no_clocks),
        Command::Uncheck { id, item_id } => {
            if items::item(&items::state(store, id)?, &item_id)?.is_open() {
                outln!("{}", text::cli_already(id, &item_id, false));
                return Ok(());
            }
            let change = Change::ItemUnchecked { item: item_id };
            append(store, id, when, &author, change)
        }
        Command::AlertRetainer { id } => {
            let severity = items::state(store, id)?.severity;
            append(store, id, when, &author, config.retainer.alert(severity))
        }
        Command::Snapshot {
            id,
            width,
            height,
            wall,
        } => snapshot(store, config, author, id, (width, height, wall), now),
        Command::Verify {
            id: Some(id),
            event: Some(event),
            out: Some(out),
        } => verify::extract(store, id, event, &out),
        Command::Verify { id, .. } => verify::verify(store, id),
        Command::Config { .. }
        | Command::Playbook { .. }
        | Command::Wall
        | Command::Repair { .. } => Ok(()),
    }
}

/// Writes `body` to `output` (whole or not at all), saying where; or, without one, to
/// standard output as `terminal` makes it safe to show.
/// Every line of `body` made safe for a terminal (user text inside).
fn safe_lines(body: &str) -> String {
    body.lines()
        .map(|line| ui::format::safe(line) + "\n")
        .collect()
}

fn to_file_or_out(output: Option<&Path>, body: &str, shown: impl Fn(&str) -> String) -> Outcome {
    match output {
        None => {
            out!("{}", shown(body));
            Ok(())
        }
        Some(path) => {
            crate::files::write_atomically(path, body.as_bytes()).map_err(|e| {
                Failure::Failed(text::cli_cannot_write(
                    &path.display().to_string(),
                    &e.to_string(),
                ))
            })?;
            outln!("{}", ui::format::safe(&path.display().to_string()));
            Ok(())
        }
    }
}

fn non_empty(text: &str, what: &str) -> Result<String, Failure> {
    // The same rule as the dashboard's forms: one line, no control characters.
    let cleaned = crate::input::clean_line(text);
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return Err(Failure::Usage(text::cli_empty(what)));
    }
    Ok(trimmed.to_string())
}

/// Links typed on the command line as the ids their registers write
/// (`domain::links`), or a refusal naming the one that names nothing: exit 2.
fn linked(
    id: IncidentId,
    links: Result<Vec<String>, crate::domain::BadLink>,
) -> Result<Vec<String>, Failure> {
    links.map_err(|why| Failure::Usage(text::bad_link(id, &why)))
}

fn print_new_id(events: &[crate::domain::Event], json: bool) -> Outcome {
    let Some(Change::Declared(d)) = events.first().map(|e| &e.change) else {
        return Err(Failure::Failed(text::cli_no_declaration()));
    };
    if json {
        outln!(
            "{}",
            serde_json::json!({ "id": d.id.to_string(), "title": d.title })
        );
    } else {
        outln!("{}", d.id);
    }
    Ok(())
}

/// Appends one change and reports it only once it is durably stored.
fn append(
    store: &dyn Store,
    id: IncidentId,
    when: impl Into<ops::When>,
    author: &str,
    change: Change,
) -> Outcome {
    let events = ops::append(store, id, when, author, vec![change])?;
    for event in events {
        outln!("{}", text::cli_saved(id, event.id));
    }
    Ok(())
}

fn snapshot(
    store: &dyn Store,
    config: Config,
    author: String,
    id: Option<IncidentId>,
    (width, height, wall): (u16, u16, bool),
    now: DateTime<Utc>,
) -> Outcome {
    let opening = ops::opening(store, id)?;
    let mut app = App::new(Start {
        config,
        author,
        data_dir: store.location(),
        now,
        zone: Zone::Local,
        incidents: opening.incidents,
        events: opening.events,
        directory: opening.directory,
    });
    app.wall = wall;
    app.opened_with(opening.damaged, opening.problem);
    app.unknown_tz = runtime::unknown_tz_here();
    app.assess_readiness(crate::readiness::last_drill(store)?.as_slice());
    out!("{}", ui::to_text(&app, width, height));
    Ok(())
}

fn drill(
    store: &dyn Store,
    config: &Config,
    now: DateTime<Utc>,
    author: &str,
    scenario: Option<&str>,
) -> Outcome {
    let drills = &config.catalog.drills;
    let Some(wanted) = scenario else {
        for d in drills {
            outln!("{:<24} {}", d.id, crate::ui::format::content(&d.name));
        }
        return Ok(());
    };
    let Some(found) = drills.iter().find(|d| d.id == wanted) else {
        let ids: Vec<&str> = drills.iter().map(|d| d.id.as_str()).collect();
        return Err(Failure::Usage(text::cli_unknown_drill(
            wanted,
            &ids.join(", "),
        )));
    };
    let events = ops::start_drill(store, config, now, author, found)?;
    print_new_id(&events, false)
}

fn config_check(file: Option<&Path>) -> Outcome {
    load_config(file)?;
    outln!("{}", text::cli_ok());
    Ok(())
}
