//! Command-line usage errors in the interface's language: Spanish by
//! default, with `--lang es` or `TALLER_LANG=es`; English with `--lang en`;
//! Portuguese with `--lang pt`.
//! Usage errors keep status 2; help and version still print and exit 0.

mod common;

use std::process::{Command, Output};

use common::{BIN, sessions};

fn taller(lang_env: Option<&str>, args: &[&str]) -> Output {
    let dir = sessions();
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env("TALLER_SESSIONS_DIR", dir.path())
        .env("TZ", "UTC")
        .env_remove("TALLER_LANG");
    if let Some(lang) = lang_env {
        command.env("TALLER_LANG", lang);
    }
    command.output().expect("taller runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A usage error: status 2, nothing on stdout, the message on stderr.
fn usage_error(lang_env: Option<&str>, args: &[&str]) -> String {
    let output = taller(lang_env, args);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {text}");
    assert!(output.stdout.is_empty(), "{args:?}");
    text
}

#[test]
fn an_unknown_argument_is_explained_in_spanish_by_default() {
    for (env, args) in [
        (None, &["--desconocido"][..]),
        (Some("es"), &["--desconocido"][..]),
        (None, &["--lang", "es", "--desconocido"][..]),
        (Some("en"), &["--lang=es", "--desconocido"][..]),
    ] {
        let text = usage_error(env, args);
        assert!(
            text.starts_with("error: argumento inesperado «--desconocido»"),
            "{env:?} {args:?}: {text}"
        );
        assert!(text.contains("Uso: taller"), "{text}");
        assert!(
            text.contains("Para más información, pruebe «--help»."),
            "{text}"
        );
        assert!(!text.contains("unexpected"), "{text}");
        assert!(!text.contains("Usage"), "{text}");
    }
}

#[test]
fn a_misspelt_command_suggests_the_right_one() {
    let text = usage_error(None, &["opne", "sala-1"]);
    assert!(text.contains("no existe el comando «opne»"), "{text}");
    assert!(text.contains("¿quiso decir «open»?"), "{text}");
    let text = usage_error(None, &["--no-bel"]);
    assert!(text.contains("¿quiso decir «--no-bell»?"), "{text}");
}

#[test]
fn missing_and_wrong_values_are_explained_in_spanish() {
    let text = usage_error(None, &["new", "--name"]);
    assert!(text.contains("falta el valor de «--name"), "{text}");
    let text = usage_error(None, &["export", "sala-1"]);
    assert!(
        text.contains("faltan estos argumentos obligatorios:") && text.contains("--format"),
        "{text}"
    );
    let text = usage_error(None, &["export", "sala-1", "--format", "pdf"]);
    assert!(
        text.contains("valor no válido «pdf» para «--format"),
        "{text}"
    );
    assert!(
        text.contains(
            "valores posibles: plan, csv, json, status, schedule-csv, agenda-md, polls-csv"
        ),
        "{text}"
    );
    let text = usage_error(None, &["--lang", "fr", "list"]);
    assert!(text.contains("valor no válido «fr» para «--lang"), "{text}");
    let text = usage_error(None, &["open"]);
    assert!(
        text.contains("faltan estos argumentos obligatorios:"),
        "{text}"
    );
    let text = usage_error(None, &["restore", "a", "1", "2"]);
    assert!(text.contains("argumento inesperado «2»"), "{text}");
}

#[test]
fn english_asks_for_english() {
    for (env, args) in [
        (Some("en"), &["--desconocido"][..]),
        (None, &["--lang", "en", "--desconocido"][..]),
    ] {
        let text = usage_error(env, args);
        assert!(
            text.starts_with("error: unexpected argument '--desconocido' found"),
            "{text}"
        );
        assert!(text.contains("Usage: taller"), "{text}");
        assert!(
            text.contains("For more information, try '--help'."),
            "{text}"
        );
    }
    let text = usage_error(Some("en"), &["new", "--name"]);
    assert!(text.contains("a value is required for '--name"), "{text}");
}

#[test]
fn help_and_version_are_not_errors() {
    let help = taller(None, &["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("Uso: taller"));
    let version = taller(None, &["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&version.stdout).contains("taller"));
}

/// Portuguese, by flag, by environment or by a Brazilian locale's code:
/// the help page, every command's help and the usage errors.
#[test]
fn portuguese_asks_for_portuguese() {
    for (env, args) in [
        (None, &["--lang", "pt", "--help"][..]),
        (Some("pt"), &["--help"][..]),
        (Some("pt_BR.UTF-8"), &["--help"][..]),
    ] {
        let help = taller(env, args);
        assert_eq!(help.status.code(), Some(0));
        let text = String::from_utf8_lossy(&help.stdout);
        assert!(text.contains("Uso: taller [OPÇÕES] [COMANDO]"), "{text}");
        assert!(text.contains("Conduza uma oficina presencial"), "{text}");
        assert!(text.contains("Idioma da interface: es, en ou pt"), "{text}");
        assert!(!text.contains("Usage"), "{text}");
        // clap's own English notes are said in the help's words instead.
        assert!(!text.contains("[env:"), "{text}");
        assert!(text.contains("<IDIOMA>"), "{text}");
    }
    let export = taller(Some("pt"), &["export", "--help"]);
    let text = String::from_utf8_lossy(&export.stdout);
    assert!(
        text.contains(
            "O que gravar: plan, csv, json, status, schedule-csv, agenda-md ou polls-csv"
        ),
        "{text}"
    );
    let serve = taller(Some("pt"), &["serve", "--help"]);
    let text = String::from_utf8_lossy(&serve.stdout);
    assert!(!text.contains("[default:"), "{text}");
    assert!(text.contains("porta 2222"), "{text}");
    let text = usage_error(Some("pt"), &["opne", "sala-1"]);
    assert!(text.starts_with("erro: "), "{text}");
    assert!(text.contains("não existe o comando “opne”"), "{text}");
    assert!(text.contains("quis dizer “open”?"), "{text}");
    assert!(
        text.contains("Para mais informações, experimente “--help”."),
        "{text}"
    );
    let text = usage_error(None, &["--lang", "fr", "list"]);
    assert!(text.contains("es | en | pt"), "{text}");
}
