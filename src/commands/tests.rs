//! The subcommands called as functions, no binary in between: what they
//! write in a temporary sessions folder, and what they say.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::test_support::{Heard, setup};
use super::*;
use crate::export::formats::Format;
use crate::model::workshop::Workshop;

/// A session file in `dir`, as a laptop would have saved it.
fn saved(dir: &Path, name: &str, session: &Session) -> PathBuf {
    let path = dir.join(format!("{name}.json"));
    store::write_atomic(&path, &store::to_json(session)).unwrap();
    path
}

fn empty(name: &str) -> Session {
    let workshop = Workshop::default_for(Lang::Es).unwrap();
    Session::new(
        name,
        workshop,
        Timestamp::from_second(1_519_135_200).unwrap(),
    )
}

fn first_input(session: &Session) -> String {
    session.groups[0].inputs[0].text.clone()
}

#[test]
fn export_writes_a_file_and_never_replaces_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let session = crate::sample::session(10, 1);
    let path = saved(dir.path(), "muestra", &session);
    let setup = setup(dir.path());
    let mut heard = Heard::default();

    let csv = dir.path().join("inputs.csv");
    export::run(&setup, &mut heard.out(), "muestra", Format::Csv, Some(&csv)).unwrap();
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.contains(&first_input(&session)), "{written}");
    assert_eq!(heard.said(), "", "a file export says nothing");

    // Over a session file (even the one exported): refused, untouched.
    let before = std::fs::read(&path).unwrap();
    let refused = export::run(
        &setup,
        &mut heard.out(),
        "muestra",
        Format::Plan,
        Some(&path),
    );
    assert!(refused.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // No file: the document on the standard output, as it is.
    export::run(&setup, &mut heard.out(), "muestra", Format::Csv, None).unwrap();
    assert!(heard.said().contains(&first_input(&session)));
}

#[test]
fn import_brings_a_folders_sessions_once_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let master = saved(dir.path(), "plenaria", &empty("plenaria"));
    let stick = dir.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let laptop = crate::sample::session(6, 2);
    saved(&stick, "grupo", &laptop);
    std::fs::write(stick.join("roto.json"), "{").unwrap();
    let setup = setup(dir.path());
    let mut heard = Heard::default();

    import::run(
        &setup,
        &mut heard.out(),
        "plenaria",
        std::slice::from_ref(&stick),
    )
    .unwrap();
    let merged = store::load(&master).unwrap();
    assert_eq!(merged.input_count(), 6);
    assert!(
        merged.groups[0]
            .inputs
            .iter()
            .any(|i| i.text == first_input(&laptop))
    );
    assert!(heard.said().contains("grupo.json"), "{}", heard.said());
    // The damaged file of the folder is skipped, saying so.
    assert!(
        heard.complained().contains("roto.json"),
        "{}",
        heard.complained()
    );

    // Again: nothing new, nothing doubled.
    import::run(&setup, &mut heard.out(), "plenaria", &[stick]).unwrap();
    assert_eq!(store::load(&master).unwrap().input_count(), 6);

    // The master as it was before the import is a generation to go back to.
    let mut listed = Heard::default();
    restore::run(&setup, &mut listed.out(), "plenaria", None).unwrap();
    assert_eq!(listed.said().lines().count(), 1, "{}", listed.said());
    restore::run(&setup, &mut listed.out(), "plenaria", Some(1)).unwrap();
    assert_eq!(store::load(&master).unwrap().input_count(), 0);
}

#[test]
fn import_without_a_backup_still_merges_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let master = saved(dir.path(), "plenaria", &empty("plenaria"));
    let laptop = crate::sample::session(3, 1);
    let file = saved(dir.path(), "grupo", &laptop);
    // A file where the backups' folder goes: no backup can be made.
    std::fs::write(dir.path().join(".taller-backups"), "").unwrap();
    let setup = setup(dir.path());
    let mut heard = Heard::default();
    import::run(&setup, &mut heard.out(), "plenaria", &[file]).unwrap();
    assert_eq!(store::load(&master).unwrap().input_count(), 3);
    let folder = store::backup::folder_for(&master);
    assert!(
        heard.complained().contains(&folder.display().to_string()),
        "{}",
        heard.complained()
    );
}

#[test]
fn import_refuses_a_file_of_another_workshop_named_on_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let master = saved(dir.path(), "plenaria", &empty("plenaria"));
    let mut other = crate::sample::session(3, 3);
    other.workshop.id = "otro-taller".into();
    let foreign = saved(dir.path(), "ajeno", &other);
    let setup = setup(dir.path());
    let mut heard = Heard::default();

    let refused = import::run(&setup, &mut heard.out(), "plenaria", &[foreign]).unwrap_err();
    assert!(refused.contains("otro-taller"), "{refused}");
    assert_eq!(store::load(&master).unwrap().input_count(), 0);
}

#[test]
fn a_folder_others_can_write_in_is_refused_unless_allowed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), "plenaria", &empty("plenaria"));
    let stick = dir.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    saved(&stick, "grupo", &crate::sample::session(2, 4));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let mut setup = setup(dir.path());
    let mut heard = Heard::default();

    assert!(
        import::run(
            &setup,
            &mut heard.out(),
            "plenaria",
            std::slice::from_ref(&stick)
        )
        .is_err()
    );
    setup.allow_shared = true;
    import::run(&setup, &mut heard.out(), "plenaria", &[stick]).unwrap();
}

#[test]
fn list_says_every_session_and_names_a_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let setup = setup(dir.path());
    let mut heard = Heard::default();
    list::run(&setup, &mut heard.out()).unwrap();
    assert_eq!(
        heard.said().lines().count(),
        1,
        "none yet: {}",
        heard.said()
    );

    saved(dir.path(), "plenaria", &empty("plenaria"));
    std::fs::write(dir.path().join("roto.json"), "{").unwrap();
    let mut heard = Heard::default();
    list::run(&setup, &mut heard.out()).unwrap();
    let said = heard.said();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 3, "a header and two sessions: {said}");
    let damaged = setup.lang.t().damaged;
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("roto") && l.contains(damaged))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("plenaria") && !l.contains(damaged))
    );
}

#[test]
fn list_columns_stand_under_their_headings_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), "plenaria", &empty("plenaria"));
    for lang in Lang::ALL {
        let setup = Setup {
            lang,
            ..setup(dir.path())
        };
        let mut heard = Heard::default();
        list::run(&setup, &mut heard.out()).unwrap();
        let said = heard.said();
        let lines: Vec<&str> = said.lines().collect();
        let t = lang.t();
        // The workshop's title starts where its heading does.
        let column = |line: &str, text: &str| line.find(text).map(|at| line[..at].chars().count());
        let workshop = empty("plenaria").workshop.title.clone();
        assert_eq!(
            column(lines[0], t.col_workshop),
            column(lines[1], &workshop[..10]),
            "{lang:?}: {said}"
        );
    }
}

#[test]
fn consolidate_writes_the_plan_and_never_over_its_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = crate::sample::session(8, 5);
    let file = saved(dir.path(), "grupo", &laptop);
    let setup = setup(dir.path());
    let mut heard = Heard::default();
    let plan = consolidate::PlanAsked {
        title: Some("Plan de prueba".into()),
        ..Default::default()
    };

    let folder = dir.path().join("plan");
    consolidate::run(
        &setup,
        &mut heard.out(),
        std::slice::from_ref(&file),
        &folder,
        false,
        &plan,
    )
    .unwrap();
    let md = std::fs::read_to_string(folder.join("plan.md")).unwrap();
    assert!(md.contains("Plan de prueba"), "{md}");
    let merged = store::load(&folder.join("plan.json")).unwrap();
    assert_eq!(merged.input_count(), 8);
    assert!(folder.join("plan.csv").exists());

    // An input among the outputs: nothing written.
    let json = folder.join("plan.json");
    let before = std::fs::read(&json).unwrap();
    let refused = consolidate::run(
        &setup,
        &mut heard.out(),
        std::slice::from_ref(&json),
        &folder,
        false,
        &plan,
    );
    assert!(refused.is_err());
    assert_eq!(std::fs::read(&json).unwrap(), before);
}

#[test]
fn consolidate_keeps_a_session_that_was_called_plan_json() {
    let dir = tempfile::tempdir().unwrap();
    let laptop = crate::sample::session(4, 1);
    let file = saved(dir.path(), "grupo", &laptop);
    // Someone's session, named plan, where the plan goes.
    let folder = dir.path().join("salida");
    std::fs::create_dir(&folder).unwrap();
    let mine = saved(&folder, "plan", &crate::sample::session(2, 7));
    let theirs = std::fs::read(&mine).unwrap();
    let setup = setup(dir.path());
    let mut heard = Heard::default();
    consolidate::run(
        &setup,
        &mut heard.out(),
        &[file],
        &folder,
        false,
        &consolidate::PlanAsked::default(),
    )
    .unwrap();
    assert_eq!(
        store::load(&mine).unwrap().input_count(),
        4,
        "the plan is written"
    );
    let kept: Vec<Vec<u8>> = std::fs::read_dir(store::backup::folder_for(&mine))
        .unwrap()
        .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
        .collect();
    assert_eq!(kept, [theirs], "and the session that was there kept whole");
}

#[test]
fn workshop_init_writes_a_definition_check_reads_and_init_never_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("taller.toml");
    let mut heard = Heard::default();

    workshop::init(Lang::En, &mut heard.out(), &file, "ctim").unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    workshop::check(Lang::En, &mut heard.out(), file.to_str().unwrap()).unwrap();
    assert_eq!(heard.said().lines().count(), 2, "{}", heard.said());

    std::fs::write(&file, "mine").unwrap();
    assert!(workshop::init(Lang::En, &mut heard.out(), &file, "ctim").is_err());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    assert!(workshop::check(Lang::En, &mut heard.out(), file.to_str().unwrap()).is_err());
    assert!(!text.is_empty());
}

#[test]
fn what_a_command_says_is_escaped() {
    let mut heard = Heard::default();
    heard.out().say("name\u{1b}]0;title\u{7}");
    heard.out().complain("\u{1b}[2J");
    assert!(!heard.said().contains('\u{1b}'), "{:?}", heard.said());
    assert!(heard.complained().starts_with("taller: "));
    assert!(!heard.complained().contains('\u{1b}'));
}

/// A standard output that fails as a full disk, or as a reader gone.
struct Failing(std::io::ErrorKind);

impl std::io::Write for Failing {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(self.0.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn an_answer_that_could_not_be_written_is_a_failure_but_a_closed_pipe_is_not() {
    let mut complained = Vec::new();
    let mut full = Failing(std::io::ErrorKind::StorageFull);
    let mut out = Out::new(&mut full, &mut complained);
    out.say("GRUPO1 ABCD-EFGH");
    out.say("SALA IJKL-MNOP");
    assert_eq!(
        out.failed().map(|e| e.kind()),
        Some(std::io::ErrorKind::StorageFull)
    );
    let mut gone = Failing(std::io::ErrorKind::BrokenPipe);
    let mut out = Out::new(&mut gone, &mut complained);
    out.say("plenaria");
    assert!(out.failed().is_none(), "`taller list | head` did its job");
}
