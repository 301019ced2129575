//! The shape of the command line's words (`cli::localize` applies them):
//! every command's line of help and every argument's, one table per
//! language in the language's file. A test walks the commands and finds
//! each one said in every language.

/// What `taller --help` and every command's `--help` say.
pub struct CliWords {
    /// The page's layout and titles. `None` keeps clap's own, which is
    /// English.
    pub page: Option<HelpPage>,
    /// What each command does, by its path: `""` is taller itself,
    /// `"workshop init"` a nested command.
    pub about: &'static [(&'static str, &'static str)],
    /// Each argument: its command's path, its id (the field of `cli::Cli`),
    /// its help, and the name its value is shown with (`None` keeps
    /// the declared one). `--format`'s help may say `{formats}`: the
    /// formats' names.
    pub args: &'static [ArgWords],
    /// Whether `--format`'s help lists each format with what it writes
    /// (else the names are in the help's own sentence).
    pub list_formats: bool,
}

/// The help page of a language other than clap's own.
pub struct HelpPage {
    /// The layout, with the title of the usage line:
    /// `"{about-with-newline}\nUso: {usage}\n\n{all-args}{after-help}"`.
    pub template: &'static str,
    pub options: &'static str,
    pub arguments: &'static str,
    pub commands: &'static str,
    /// What stands for a command in a usage line (`COMANDO`).
    pub command: &'static str,
    /// The usage line of each command, by its path: clap writes its own
    /// with English words (`[OPTIONS]`).
    pub usage: &'static [(&'static str, &'static str)],
    /// `-h` and `-V`.
    pub help: &'static str,
    pub version: &'static str,
    /// What a usage error starts with (`error:`).
    pub error: &'static str,
}

/// One argument's words.
pub struct ArgWords {
    pub command: &'static str,
    pub id: &'static str,
    pub help: &'static str,
    pub value: Option<&'static str>,
}

/// `ArgWords` in one line each, as the tables list them.
pub const fn arg(
    command: &'static str,
    id: &'static str,
    help: &'static str,
    value: Option<&'static str>,
) -> ArgWords {
    ArgWords {
        command,
        id,
        help,
        value,
    }
}
