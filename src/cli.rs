//! The command line: `taller`, `new`, `open`, `list`. Help text follows the
//! interface language, like everything else a person reads.

use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::export::formats::Format;
use crate::i18n::{ArgWords, CliWords, Lang};

// What each command and argument does is said in the languages' files
// (`Language::cli_words`), not here: the comments below are for readers of
// the code, and clap shows the language's words.
#[derive(Debug, Parser)]
#[command(name = "taller", version)]
pub struct Cli {
    // Interface language: es, en or pt.
    #[arg(long, global = true, env = "TALLER_LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    // Never ring the terminal bell (timers still change look).
    #[arg(long, global = true)]
    pub no_bell: bool,
    // Folder that holds the sessions.
    #[arg(long, global = true, env = "TALLER_SESSIONS_DIR", value_name = "DIR")]
    pub sessions_dir: Option<PathBuf>,
    // Save sessions even in a folder other users can write in.
    #[arg(long, global = true)]
    pub allow_shared_dir: bool,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    // Start a new session of the default workshop.
    New {
        // Session name (default: taller-DATE, or taller-DATE-grupoN).
        #[arg(long)]
        name: Option<String>,
        // A group laptop: the session of one group only (its number or axis id).
        #[arg(long, value_name = "N")]
        group: Option<String>,
        // The workshop: a definition file (TOML), or builtin:NAME.
        #[arg(long, value_name = "FILE")]
        workshop: Option<String>,
    },
    // Write or check a workshop definition (TOML).
    Workshop {
        #[command(subcommand)]
        action: WorkshopAction,
    },
    // Open a saved session by name or by path.
    Open {
        // Name of a session in the folder, or path to a .json file.
        #[arg(value_name = "NAME|PATH")]
        target: String,
    },
    // List the saved sessions.
    List,
    // Bring other laptops' session files into a master session.
    Import {
        // The master session (name or path).
        #[arg(value_name = "MASTER")]
        master: String,
        // Session files to bring in, or folders (every session file in them).
        #[arg(value_name = "PATH", required = true)]
        files: Vec<PathBuf>,
    },
    // Merge session files of one workshop into the draft work plan.
    Consolidate {
        // Session files (from every laptop, and the plenary's), or folders.
        #[arg(value_name = "PATH", required = true)]
        files: Vec<PathBuf>,
        // Folder for plan.md, plan.csv and plan.json.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        // Leave out files that cannot be read instead of writing nothing.
        #[arg(long)]
        skip_bad: bool,
        // The plan's title (default: the one set in the sessions, or "Draft Regional Work Plan").
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        // The plan's date (default: the one set in the sessions, or the day of the workshop).
        #[arg(long, value_name = "TEXT")]
        date: Option<String>,
        // The plan's place (default: the one set in the sessions).
        #[arg(long, value_name = "TEXT")]
        place: Option<String>,
        // Also write plan.docx with pandoc, if it is installed.
        #[arg(long)]
        docx: bool,
    },
    // List a session's kept generations, or put generation N back.
    Restore {
        // Name of a session in the folder, or path to a .json file.
        #[arg(value_name = "NAME|PATH")]
        target: String,
        // Which generation to put back (1 is the newest); without it, list them.
        #[arg(value_name = "N")]
        generation: Option<usize>,
    },
    // Serve a session live: people join it with `ssh`, each on their own screen.
    Serve {
        // Name of a session (created if new), or path to a .json file.
        #[arg(value_name = "NAME|PATH")]
        target: Option<String>,
        // Where to listen for SSH (all interfaces, port 2222 by default).
        #[arg(long, value_name = "ADDR:PORT", default_value = "0.0.0.0:2222")]
        listen: std::net::SocketAddr,
        // Where the ballot page listens for phones (all interfaces, port 8080).
        #[arg(long, value_name = "ADDR:PORT", default_value = crate::shell::web::DEFAULT_WEB)]
        web: std::net::SocketAddr,
        // Serve no ballot page.
        #[arg(long, conflicts_with = "web")]
        no_web: bool,
        // Serve without a screen here; print how to join and wait for SIGTERM.
        #[arg(long)]
        headless: bool,
        // Grant roles to public keys: lines `ROLE ssh-ed25519 AAAA…`.
        #[arg(long, value_name = "FILE")]
        authorized_keys: Option<PathBuf>,
        // For a new session: its workshop, a definition file (TOML) or builtin:NAME.
        #[arg(long, value_name = "FILE")]
        workshop: Option<String>,
    },
    // Print the codes to join a served session over SSH, one line per role.
    Codes {
        // Name of a session in the folder, or path to a .json file.
        #[arg(value_name = "NAME|PATH")]
        target: String,
        // Replace every code with a new one.
        #[arg(long)]
        new: bool,
    },
    // Print the ballot cards for voting from phones, one line per card.
    Tokens {
        // Name of a session in the folder, or path to a .json file.
        #[arg(value_name = "NAME|PATH")]
        target: String,
        // Whom the cards are for: delegation (one per country) or person (numbered).
        #[arg(
            long,
            value_name = "delegation|person",
            value_parser = ["delegation", "person"],
            hide_possible_values = true
        )]
        per: Option<String>,
        // Make sure there are N cards per person (those made are kept).
        #[arg(
            long,
            value_name = "N",
            value_parser = clap::value_parser!(u16).range(1..=crate::shell::tokens::MAX_COUNT as i64)
        )]
        count: Option<u16>,
        // Replace every card with a new one (the old tokens stop working).
        #[arg(long, conflicts_with = "revoke")]
        new: bool,
        // Revoke one card at once: its token no longer votes.
        #[arg(long, value_name = "LABEL", conflicts_with_all = ["per", "count", "cards"])]
        revoke: Option<String>,
        // Write the cards as Markdown for pandoc, a QR image each beside it.
        #[arg(long, value_name = "FILE")]
        cards: Option<PathBuf>,
        // The address in the links (this computer on the room's network, port 8080).
        #[arg(long, value_name = "HOST:PORT")]
        web: Option<String>,
    },
    // Write a session in another format.
    Export {
        // Name of a session in the folder, or path to a .json file.
        #[arg(value_name = "NAME|PATH")]
        target: String,
        // What to write (the names below; the same work over `ssh … NAME`).
        #[arg(long, value_name = "FORMAT", value_parser = format_parser(Lang::En))]
        format: Format,
        // Write to this file instead of the standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum WorkshopAction {
    // Write the built-in workshop as a commented template.
    Init {
        // The file to write (never replaced).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        // Which workshop to write: ctim (the default) or another built-in.
        #[arg(long, value_name = "NAME", default_value = "ctim")]
        from: String,
    },
    // Check a definition; every problem with its line and column.
    Check {
        // The definition file (TOML), or builtin:NAME.
        #[arg(value_name = "FILE")]
        file: String,
    },
}

/// `--format`'s values: the registry's names, each with what it writes.
fn format_parser(lang: Lang) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let names = Format::ALL.map(|f| PossibleValue::new(f.name()).help(lang.format_description(f)));
    PossibleValuesParser::new(names)
        .map(|name| Format::from_name(&name).expect("a name of the registry"))
}

fn parse_lang(value: &str) -> Result<Lang, String> {
    // The usage error already quotes the value; this says what is accepted.
    Lang::parse(value).ok_or_else(|| Lang::ALL.map(Lang::code).join(" | "))
}

/// The language asked for before clap runs, so its help can be translated:
/// `--lang X` / `--lang=X`, then `TALLER_LANG`, then Spanish.
fn early_lang(args: &[String]) -> Lang {
    let flag = args.iter().enumerate().find_map(|(i, arg)| {
        arg.strip_prefix("--lang=").map(str::to_string).or_else(|| {
            (arg == "--lang")
                .then(|| args.get(i + 1).cloned())
                .flatten()
        })
    });
    flag.or_else(|| std::env::var("TALLER_LANG").ok())
        .and_then(|value| Lang::parse(&value))
        .unwrap_or_default()
}

/// Parses the process arguments; prints help or a usage error and exits as clap does.
pub fn parse() -> (Lang, Cli) {
    // Arguments as the system gives them: one that is not UTF-8 gets clap's
    // message instead of a panic.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let readable: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let lang = early_lang(&readable);
    let command = localize(Cli::command(), lang);
    let matches = command
        .try_get_matches_from(args)
        .unwrap_or_else(|error| exit_with(&error, lang));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| exit_with(&error, lang));
    (cli.lang.unwrap_or(lang), cli)
}

/// Help and version are printed by clap (their text is localized already,
/// status 0); a usage error is written in the interface's language, with
/// clap's status for it (2).
fn exit_with(error: &clap::Error, lang: Lang) -> ! {
    match usage_error(error, lang) {
        Some(text) if error.use_stderr() => {
            eprint!("{text}");
            std::process::exit(error.exit_code());
        }
        _ => error.exit(),
    }
}

/// A usage error in words of the interface's language, from the error's
/// kind and context; `None` for kinds written here in no language (help,
/// version, counts of values), which keep clap's own text.
pub fn usage_error(error: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let list = |kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut message = match (error.kind(), arg.as_deref(), value.as_deref()) {
        (ErrorKind::UnknownArgument, Some(arg), _) => lang.cli_unexpected_argument(arg),
        (ErrorKind::InvalidSubcommand, ..) => {
            lang.cli_unknown_command(&text(ContextKind::InvalidSubcommand)?)
        }
        (ErrorKind::InvalidValue, Some(arg), Some("")) => lang.cli_missing_value(arg),
        (ErrorKind::InvalidValue | ErrorKind::ValueValidation, Some(arg), Some(value)) => {
            let mut message = lang.cli_invalid_value(value, arg);
            // The reason given by the value's own parser (`--lang`: "es | en | pt").
            if let Some(source) = std::error::Error::source(error) {
                message.push_str(&format!(": {source}"));
            }
            let valid = list(ContextKind::ValidValue);
            if !valid.is_empty() {
                message.push_str(&format!(
                    "\n  {}",
                    lang.cli_possible_values(&valid.join(", "))
                ));
            }
            message
        }
        (ErrorKind::MissingRequiredArgument, ..) => {
            let missing = list(ContextKind::InvalidArg);
            let lines: Vec<String> = missing.iter().map(|m| format!("\n  {m}")).collect();
            format!("{}{}", lang.cli_missing_arguments(), lines.concat())
        }
        (ErrorKind::TooManyValues, Some(arg), Some(value)) => lang.cli_unexpected_value(value, arg),
        (ErrorKind::ArgumentConflict, Some(arg), _) => match text(ContextKind::PriorArg) {
            Some(prior) if prior == arg => lang.cli_used_twice(arg),
            Some(prior) => lang.cli_conflict(arg, &prior),
            None => return None,
        },
        (ErrorKind::NoEquals, Some(arg), _) => lang.cli_no_equals(arg),
        (ErrorKind::MissingSubcommand, ..) => {
            lang.cli_needs_command(&text(ContextKind::InvalidSubcommand)?)
        }
        (ErrorKind::InvalidUtf8, ..) => lang.cli_invalid_utf8().to_string(),
        _ => return None,
    };
    let suggestions: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(list)
    .collect();
    for suggestion in suggestions {
        message.push_str(&format!("\n\n  {}", lang.cli_did_you_mean(&suggestion)));
    }
    let error = lang
        .cli_words()
        .page
        .as_ref()
        .map_or("error", |page| page.error);
    let mut out = format!("{error}: {message}\n");
    // clap titles the usage line in English; the line itself is localized.
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        out.push_str(&format!("\n{}\n", lang.cli_usage(usage)));
    }
    out.push_str(&format!("\n{}\n", lang.cli_try_help()));
    Some(out)
}

/// The command line in the interface's language: every command's and
/// argument's help from the language's file (`Language::cli_words`), and,
/// for a language other than clap's English, the page's titles and usage
/// lines too.
fn localize(command: clap::Command, lang: Lang) -> clap::Command {
    let words = lang.cli_words();
    let command = localize_command(command, "", words, lang);
    let Some(page) = &words.page else {
        return command;
    };
    command
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(clap::ArgAction::Help)
                .help_heading(page.options)
                .help(page.help),
        )
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help_heading(page.options)
                .help(page.version),
        )
}

/// One command and, through them, its subcommands; `path` names it as the
/// tables do ("workshop init").
fn localize_command(
    mut command: clap::Command,
    path: &str,
    words: &'static CliWords,
    lang: Lang,
) -> clap::Command {
    let said = |list: &[(&'static str, &'static str)]| {
        list.iter()
            .find(|(at, _)| *at == path)
            .map(|(_, text)| *text)
    };
    if let Some(about) = said(words.about) {
        command = command.about(about);
    }
    if let Some(page) = &words.page {
        command = command
            .help_template(page.template)
            .subcommand_help_heading(page.commands)
            .subcommand_value_name(page.command)
            // clap's `help` command would speak English.
            .disable_help_subcommand(true);
        if let Some(usage) = said(page.usage) {
            command = command.override_usage(usage);
        }
    }
    // Positional arguments keep the order they are typed in under their
    // own heading (clap would sort them by name).
    let typed: Vec<String> = command
        .get_positionals()
        .map(|a| a.get_id().to_string())
        .collect();
    for words_of in words.args.iter().filter(|a| a.command == path) {
        let at = typed.iter().position(|id| id == words_of.id).unwrap_or(0);
        command = command.mut_arg(words_of.id, |arg| {
            localize_arg(arg, at, words_of, words, lang)
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let inner = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(name, |c| localize_command(c, &inner, words, lang));
    }
    command
}

fn localize_arg(
    mut arg: clap::Arg,
    typed_at: usize,
    said: &ArgWords,
    words: &CliWords,
    lang: Lang,
) -> clap::Arg {
    let codes = Lang::ALL.map(Lang::code);
    let help = said
        .help
        .replace("{languages}", &lang.one_of(&codes))
        .replace("{formats}", &lang.format_names());
    arg = arg.help(help);
    if let Some(value) = said.value {
        arg = arg.value_name(value);
    }
    if said.id == "format" {
        arg = arg
            .value_parser(format_parser(lang))
            .hide_possible_values(!words.list_formats);
    }
    if let Some(page) = &words.page {
        arg = if arg.is_positional() {
            arg.help_heading(page.arguments).display_order(typed_at)
        } else {
            // clap would add an English "[default: …]" and "[env: …]";
            // the language's help says both.
            let takes_value = arg.get_action().takes_values();
            arg.help_heading(page.options)
                .hide_default_value(takes_value)
                .hide_env(true)
        };
    }
    arg
}

/// Whether `open`'s argument is a path rather than a session name.
pub fn looks_like_path(target: &str) -> bool {
    target.contains('/') || target.contains('\\') || target.ends_with(".json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn language_is_found_before_parsing() {
        assert_eq!(
            early_lang(&args(&["taller", "--lang", "en", "list"])),
            Lang::En
        );
        assert_eq!(early_lang(&args(&["taller", "--lang=en"])), Lang::En);
    }

    #[test]
    fn every_language_builds_a_valid_command() {
        for lang in Lang::ALL {
            localize(Cli::command(), lang).debug_assert();
        }
    }

    /// Every command and argument, by path, as the tables name them.
    fn said_things(command: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.to_string(), String::new()));
        for arg in command.get_arguments() {
            out.push((path.to_string(), arg.get_id().to_string()));
        }
        for sub in command.get_subcommands() {
            let inner = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            said_things(sub, &inner, out);
        }
    }

    /// A command or argument added without its words in some language
    /// fails here, not on a person's screen.
    #[test]
    fn every_command_and_argument_is_said_in_every_language() {
        let mut things = Vec::new();
        said_things(&Cli::command(), "", &mut things);
        for lang in Lang::ALL {
            let words = lang.cli_words();
            for (path, id) in &things {
                if id.is_empty() {
                    assert!(
                        words.about.iter().any(|(at, _)| at == path),
                        "{lang:?}: no words for `taller {path}`"
                    );
                    if let Some(page) = &words.page {
                        assert!(
                            page.usage.iter().any(|(at, _)| at == path),
                            "{lang:?}: no usage line for `taller {path}`"
                        );
                    }
                } else if id != "help" && id != "version" {
                    assert!(
                        words.args.iter().any(|a| a.command == path && a.id == id),
                        "{lang:?}: no words for `taller {path}`'s {id}"
                    );
                }
            }
            let shown = localize(Cli::command(), lang)
                .render_long_help()
                .to_string();
            assert!(!shown.contains("{languages}"), "{shown}");
        }
    }

    fn error_of(lang: Lang, list: &[&str]) -> clap::Error {
        localize(Cli::command(), lang)
            .try_get_matches_from(list)
            .expect_err("a usage error")
    }

    #[test]
    fn usage_errors_are_written_in_the_interface_language() {
        let error = error_of(Lang::Es, &["taller", "--lang", "es", "--lnag", "en"]);
        let text = usage_error(&error, Lang::Es).expect("translated");
        assert!(
            text.starts_with("error: argumento inesperado «--lnag»"),
            "{text}"
        );
        assert!(text.contains("¿quiso decir «--lang»?"), "{text}");
        assert!(text.contains("\nUso: taller"), "{text}");
        let text = usage_error(&error, Lang::En).expect("written");
        assert!(text.contains("unexpected argument '--lnag'"), "{text}");
        let help = error_of(Lang::Es, &["taller", "--help"]);
        assert_eq!(
            usage_error(&help, Lang::Es),
            None,
            "help is clap's, localized"
        );
    }

    #[test]
    fn paths_and_names_are_told_apart() {
        assert!(looks_like_path("./a.json"));
        assert!(looks_like_path("/etc/x"));
        assert!(looks_like_path("copia.json"));
        assert!(!looks_like_path("Taller San José"));
    }
}
