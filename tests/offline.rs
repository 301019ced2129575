//! A day without network (issue 12), as its users run it: group laptops,
//! a USB stick, import into the facilitator's session, the plenary, and
//! the plan to circulate.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{BIN, ENTER, ESC, RIGHT, TAB, Tui, read_json, sessions};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/offline");

fn taller(dir: &Path, args: &[&str]) -> Output {
    taller_with(dir, args, None)
}

fn taller_with(dir: &Path, args: &[&str], path: Option<&str>) -> Output {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env("TALLER_SESSIONS_DIR", dir)
        .env("TZ", "UTC")
        .env_remove("TALLER_LANG");
    if let Some(path) = path {
        command.env("PATH", path);
    }
    command.output().expect("taller runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The three laptops' files on a "USB stick", with a file that is no session.
fn usb_stick(dir: &Path) -> PathBuf {
    let usb = dir.join("MEMORIA USB");
    std::fs::create_dir(&usb).unwrap();
    for name in ["grupo1.json", "grupo3.json", "grupo5.json"] {
        std::fs::copy(Path::new(FIXTURES).join(name), usb.join(name)).unwrap();
    }
    std::fs::write(usb.join("inventario.json"), "{\"sillas\": 40}").unwrap();
    usb
}

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

#[test]
fn import_takes_a_usb_folder_and_reports_per_group_what_it_did() {
    let dir = sessions();
    let master = dir.path().join("plenaria.json");
    std::fs::copy(fixture("plenaria.json"), &master).unwrap();
    let usb = usb_stick(dir.path());
    let output = taller(
        dir.path(),
        &["import", master.to_str().unwrap(), usb.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains(
            "grupo1.json: Grupo 1: 1 nuevo, 2 actualizados, 1 eliminado; relatoría actualizada"
        ),
        "{out}"
    );
    assert!(out.contains("grupo3.json: Grupo 3: 1 nuevo"), "{out}");
    assert!(
        stderr(&output).contains("se omite") && stderr(&output).contains("inventario.json"),
        "the file that is no session is named: {}",
        stderr(&output)
    );
    let json = read_json(&master);
    assert_eq!(
        json["schema_version"],
        taller::model::session::SCHEMA_VERSION
    );
    // The roster came along (rehearsal: "Presenta: (sin asignar)").
    assert_eq!(json["groups"][0]["rapporteur"], "Lic. Carlos Benítez");
    assert_eq!(
        json["groups"][0]["participants"].as_array().unwrap().len(),
        4
    );
    // The deleted input is gone, and its tombstone kept.
    let texts = json["groups"][0]["inputs"].to_string();
    assert!(!texts.contains("Reunión anual"), "{texts}");
    assert!(json["deleted"].to_string().contains("00000004-1111"));
    // The plenary's say, kept with its own time.
    assert_eq!(json["groups"][0]["inputs"][0]["plenary"]["votes"], 9);
    let mode = std::fs::metadata(&master).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let again = taller(
        dir.path(),
        &["import", master.to_str().unwrap(), usb.to_str().unwrap()],
    );
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        stdout(&again).matches(": nada nuevo").count(),
        3,
        "twice changes nothing: {}",
        stdout(&again)
    );
}

#[test]
fn an_older_schema_imports_its_roster_too() {
    let dir = sessions();
    let master = dir.path().join("maestra.json");
    let mut fresh: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("plenaria.json")).unwrap()).unwrap();
    for group in fresh["groups"].as_array_mut().unwrap() {
        group["inputs"] = serde_json::json!([]);
        group["facilitator"] = serde_json::json!("");
        group.as_object_mut().unwrap().remove("roster_updated_at");
    }
    fresh.as_object_mut().unwrap().remove("deleted");
    std::fs::write(&master, serde_json::to_string(&fresh).unwrap()).unwrap();
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session-v2.json");
    let output = taller(
        dir.path(),
        &["import", master.to_str().unwrap(), old.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("relatoría actualizada"),
        "{}",
        stdout(&output)
    );
    let json = read_json(&master);
    let v2 = read_json(&old);
    assert_eq!(
        json["groups"][0]["facilitator"],
        v2["groups"][0]["facilitator"]
    );
    assert_eq!(
        json["groups"][0]["rapporteur"],
        v2["groups"][0]["rapporteur"]
    );
}

fn consolidate(
    dir: &Path,
    files: &[&Path],
    extra: &[&str],
    path: Option<&str>,
) -> (Output, PathBuf) {
    let out = dir.join("plan");
    let mut args = vec!["consolidate".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(["--out".into(), out.display().to_string()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    (taller_with(dir, &args, path), out)
}

#[test]
fn consolidating_the_laptops_alone_says_the_plenary_is_missing() {
    let dir = sessions();
    let usb = usb_stick(dir.path());
    std::fs::remove_file(usb.join("inventario.json")).unwrap();
    let (output, out) = consolidate(dir.path(), &[&usb], &[], None);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("ningún archivo trae decisiones de la plenaria"),
        "{}",
        stderr(&output)
    );
    let md = std::fs::read_to_string(out.join("plan.md")).unwrap();
    assert!(md.contains("Pase también la sesión de la plenaria"), "{md}");
}

#[test]
fn the_plan_takes_date_place_and_language_from_the_command_line() {
    let dir = sessions();
    let (output, out) = consolidate(
        dir.path(),
        &[&fixture("grupo1.json"), &fixture("plenaria.json")],
        &[
            "--date",
            "21 de febrero de 2018",
            "--place",
            "Ciudad de Panamá",
            "--lang",
            "en",
        ],
        None,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let md = std::fs::read_to_string(out.join("plan.md")).unwrap();
    assert!(md.starts_with("# Draft Regional Work Plan"), "{md}");
    assert!(md.contains("**Date:** 21 de febrero de 2018"), "{md}");
    assert!(md.contains("**Place:** Ciudad de Panamá"), "{md}");
    assert!(
        stderr(&output).contains("plenaria.json"),
        "{}",
        stderr(&output)
    );
    // Without --lang: the plenary session's language (Spanish here).
    let (output, out) = consolidate(dir.path(), &[&fixture("plenaria.json")], &[], None);
    assert!(output.status.success());
    let md = std::fs::read_to_string(out.join("plan.md")).unwrap();
    assert!(md.contains("**Lugar:** San José, Costa Rica"), "{md}");
}

#[test]
fn docx_without_pandoc_says_how_and_writes_the_rest() {
    let dir = sessions();
    let (output, out) = consolidate(
        dir.path(),
        &[&fixture("plenaria.json")],
        &["--docx"],
        Some("/nonexistent"),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("pandoc no está instalado")
            && stderr(&output).contains("-o plan.docx"),
        "{}",
        stderr(&output)
    );
    assert!(out.join("plan.md").exists());
    assert!(!out.join("plan.docx").exists());
    assert!(!out.join("plan.docx.partial").exists());
}

/// The plan as a reader gets it: converted to .docx, every action reads
/// whole (checked by converting it back to text). Needs pandoc; skipped,
/// saying so, where it is not installed.
#[test]
fn every_action_reads_whole_in_the_docx() {
    if Command::new("pandoc").arg("--version").output().is_err() {
        eprintln!("skipped: pandoc is not installed (apt-get install pandoc)");
        return;
    }
    let dir = sessions();
    let files: Vec<PathBuf> = ["grupo1.json", "grupo3.json", "grupo5.json", "plenaria.json"]
        .iter()
        .map(|f| fixture(f))
        .collect();
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (output, out) = consolidate(dir.path(), &refs, &["--docx"], None);
    assert!(output.status.success(), "{}", stderr(&output));
    let docx = out.join("plan.docx");
    let mode = std::fs::metadata(&docx).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the document is private like the rest");
    let plain = Command::new("pandoc")
        .arg(&docx)
        .args(["-t", "plain", "--wrap=none"])
        .output()
        .unwrap();
    assert!(plain.status.success());
    // pandoc makes quotes typographic; the words are what must be whole.
    let text = String::from_utf8(plain.stdout)
        .unwrap()
        .replace(['“', '”'], "\"");
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = flat(&text);
    let plan = read_json(&out.join("plan.json"));
    for group in plan["groups"].as_array().unwrap() {
        for input in group["inputs"].as_array().unwrap() {
            for line in input["text"].as_str().unwrap().lines() {
                // A pasted list item loses its marker, not its words.
                let words =
                    line.trim_start_matches(|c: char| c.is_ascii_digit() || ".)-• ".contains(c));
                assert!(text.contains(&flat(words)), "{words:?} whole in:\n{text}");
            }
        }
    }
    assert!(text.contains("Observaciones de la plenaria: Incluir a Brasil como observador."));
    assert!(text.contains("Posible duplicado de: 5.1 (Eje 5)"));
}

#[test]
fn a_group_laptop_opens_on_its_group_stays_there_and_says_where_its_file_is() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--group", "3"], 120, 30);
    tui.wait_for("Computadora del grupo 3");
    tui.wait_for("Detención Administrativa");
    tui.send(TAB);
    tui.wait_for("muestra solo ese grupo");
    tui.send(RIGHT);
    tui.wait_for("muestra solo ese grupo");
    tui.send("a");
    tui.wait_for("Nuevo insumo");
    tui.type_text("Alternativas a la detención para familias");
    tui.send(ESC);
    tui.wait_for("1 insumo");
    tui.send("w");
    let screen = tui.wait_for("-grupo3.json");
    assert!(screen.contains("Archivo: taller-"), "{screen}");
    assert!(screen.contains("Carpeta: /"), "{screen}");
    // Any key closes it; then `q` leaves.
    tui.send(ESC);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while tui.screen().contains("Carpeta: /") {
        assert!(std::time::Instant::now() < deadline, "{}", tui.screen());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    tui.send("q");
    assert!(tui.wait_exit());

    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("-grupo3.json"))
        .expect("the file name says the group");
    let json = read_json(&file);
    assert_eq!(json["only_group"], "detencion");
    assert_eq!(
        json["groups"][2]["inputs"][0]["text"],
        "Alternativas a la detención para familias"
    );

    // Reopened, it is still group 3's laptop.
    let name = file.file_stem().unwrap().to_string_lossy().into_owned();
    let mut tui = Tui::start(dir.path(), &["open", &name], 120, 30);
    tui.wait_for("Computadora del grupo 3");
    tui.wait_for("Alternativas a la detención para familias");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn an_unknown_group_is_refused_naming_the_groups() {
    let dir = sessions();
    let output = taller(dir.path(), &["new", "--group", "9"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no hay grupo «9»"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("3 (detencion)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_import_prompt_completes_a_folder_with_tab_and_imports_it() {
    let dir = sessions();
    let usb = usb_stick(dir.path());
    std::fs::remove_file(usb.join("inventario.json")).unwrap();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "sala"], 120, 30);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.wait_for("Grupo 1 de 5");
    tui.send("i");
    tui.type_text(&format!("{}/MEMO", dir.path().display()));
    tui.send(TAB);
    tui.wait_for("MEMORIA USB/");
    tui.send(ENTER);
    let screen = tui.wait_for("3 archivos de");
    assert!(screen.contains("Grupo 1: 3 nuevos"), "{screen}");
    tui.send("q");
    assert!(tui.wait_exit());
}

#[test]
fn the_start_screen_makes_a_group_laptop_too() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &[], 100, 30);
    tui.wait_for("Nueva sesión");
    tui.send("g");
    tui.wait_for("Computadora de grupo: número del grupo");
    tui.type_text("9");
    tui.send(ENTER);
    tui.wait_for("no hay grupo «9»");
    tui.send("\x7f");
    tui.type_text("prevencion");
    tui.send(ENTER);
    tui.wait_for("Computadora del grupo 5");
    tui.send("q");
    assert!(tui.wait_exit());
    let made = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().ends_with("-grupo5.json"));
    assert!(made, "the file name says the group");
}

fn write_json(path: &Path, json: &serde_json::Value) {
    std::fs::write(path, serde_json::to_string_pretty(json).unwrap()).unwrap();
}

/// Issue 20, item 3, as the day ran it: online, group 3 had a facilitator
/// and participants; its offline laptop set only the rapporteur (a file of
/// the schema as written today: one roster time). `taller import` either
/// way round keeps all of it.
#[test]
fn a_laptop_that_set_only_the_rapporteur_keeps_the_rooms_roster_both_ways() {
    let dir = sessions();
    let mut room = read_json(&fixture("plenaria.json"));
    let group = &mut room["groups"][2];
    group["facilitator"] = "Dra. Elena Quirós (OIM)".into();
    group["participants"] = serde_json::json!([
        {"name": "Sofía Castillo", "country": "México", "role": "Procuradora"},
        {"name": "Pedro Ramírez", "country": "Honduras", "role": ""},
        {"name": "Ana Mora", "country": "Costa Rica", "role": ""}
    ]);
    group["roster_updated_at"] = "2018-02-20T15:05:00Z".into();
    let mut laptop = read_json(&fixture("grupo3.json"));
    let group = &mut laptop["groups"][2];
    group["facilitator"] = "".into();
    group["participants"] = serde_json::json!([]);
    group["rapporteur"] = "Mtra. Sofía Castillo".into();
    group["roster_updated_at"] = "2018-02-20T15:30:00Z".into();
    for (into, from) in [("sala", "grupo3"), ("grupo3", "sala")] {
        let (sala, grupo3) = (dir.path().join("sala.json"), dir.path().join("grupo3.json"));
        write_json(&sala, &room);
        write_json(&grupo3, &laptop);
        let (master, file) = (
            dir.path().join(format!("{into}.json")),
            dir.path().join(format!("{from}.json")),
        );
        let output = taller(
            dir.path(),
            &["import", master.to_str().unwrap(), file.to_str().unwrap()],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        let group = read_json(&master)["groups"][2].clone();
        assert_eq!(
            group["facilitator"], "Dra. Elena Quirós (OIM)",
            "into {into}"
        );
        assert_eq!(group["rapporteur"], "Mtra. Sofía Castillo", "into {into}");
        assert_eq!(
            group["participants"].as_array().unwrap().len(),
            3,
            "into {into}"
        );
    }
}

/// Issue 20, item 24, at the command line: a file marked for group 3 that
/// deletes group 1's input (dated 2999), rewrites group 5's and gives a
/// verdict changes none of it, and the report says so in words.
#[test]
fn a_group_laptops_file_changes_only_its_group_and_says_what_it_left_out() {
    let dir = sessions();
    let master = dir.path().join("plenaria.json");
    std::fs::copy(fixture("plenaria.json"), &master).unwrap();
    let room = read_json(&master);
    let mut forged = room.clone();
    forged["only_group"] = "detencion".into();
    let theirs = room["groups"][0]["inputs"][0].clone();
    forged["deleted"] = serde_json::json!([{
        "id": theirs["id"], "at": "2999-01-01T00:00:00Z", "axis": "detencion"
    }]);
    forged["groups"][0]["inputs"] = serde_json::json!([]);
    forged["groups"][4]["inputs"][0]["text"] = "reescrito".into();
    forged["groups"][4]["inputs"][0]["updated_at"] = "2018-02-20T18:00:00Z".into();
    let verdict = &mut forged["groups"][2]["inputs"][0]["plenary"];
    verdict["status"] = "dropped".into();
    verdict["votes"] = 0.into();
    verdict["updated_at"] = "2018-02-20T18:00:00Z".into();
    let file = dir.path().join("grupo3.json");
    write_json(&file, &forged);
    let output = taller(
        dir.path(),
        &["import", master.to_str().unwrap(), file.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("fuera de su grupo no se tom"), "{out}");
    assert!(out.contains("1 decisión de la plenaria"), "{out}");
    let after = read_json(&master);
    assert_eq!(
        after["groups"][0]["inputs"][0],
        room["groups"][0]["inputs"][0]
    );
    assert_eq!(after["groups"][4]["inputs"], room["groups"][4]["inputs"]);
    assert_eq!(
        after["groups"][2]["inputs"][0]["plenary"],
        room["groups"][2]["inputs"][0]["plenary"]
    );
}

/// Issue 20, item 24: a laptop whose clock ran ahead does not beat the
/// room's text; its own is kept beside it, and the date is named.
#[test]
fn a_laptop_clock_ahead_is_named_and_loses_nothing() {
    let dir = sessions();
    let master = dir.path().join("plenaria.json");
    std::fs::copy(fixture("plenaria.json"), &master).unwrap();
    let room = read_json(&master);
    let mut ahead = room.clone();
    ahead["only_group"] = "detencion".into();
    let input = &mut ahead["groups"][2]["inputs"][0];
    input["text"] = "escrito con el reloj adelantado".into();
    input["updated_at"] = "2999-01-01T00:00:00Z".into();
    let file = dir.path().join("grupo3.json");
    write_json(&file, &ahead);
    let output = taller(
        dir.path(),
        &["import", master.to_str().unwrap(), file.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("1 cambio con fecha futura (hasta 1 de enero de 2999, 00:00 UTC) no ganó"),
        "{out}"
    );
    let text = read_json(&master)["groups"][2]["inputs"][0]["text"].clone();
    let was = room["groups"][2]["inputs"][0]["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        text,
        format!("{was} ⟦otra versión: escrito con el reloj adelantado⟧")
    );
}

/// The room's session and group 3's laptop each add a sentence to input
/// 3.1 (`at` the times they kept it); `taller import` of the laptop into
/// the room. `synced`: the laptop took the room's file in first (`taller
/// import` the other way), so it knows the text both started from.
fn both_add_a_sentence(synced: bool) -> (String, String, String) {
    let dir = sessions();
    let master = dir.path().join("plenaria.json");
    std::fs::copy(fixture("plenaria.json"), &master).unwrap();
    let room = read_json(&master);
    let laptop = dir.path().join("grupo3.json");
    let mut fresh = room.clone();
    fresh["only_group"] = "detencion".into();
    if synced {
        // A laptop made with `--group 3` that takes the room's inputs in.
        for group in fresh["groups"].as_array_mut().unwrap() {
            group["inputs"] = serde_json::json!([]);
        }
        write_json(&laptop, &fresh);
        let output = taller(
            dir.path(),
            &["import", laptop.to_str().unwrap(), master.to_str().unwrap()],
        );
        assert!(output.status.success(), "{}", stderr(&output));
    } else {
        write_json(&laptop, &fresh);
    }
    let was = room["groups"][2]["inputs"][0]["text"]
        .as_str()
        .unwrap()
        .to_string();
    for (path, sentence, at) in [
        (&master, "Con fondos propios.", "2018-02-20T16:00:00Z"),
        (&laptop, "Liderada por Costa Rica.", "2018-02-20T16:05:00Z"),
    ] {
        let mut json = read_json(path);
        let input = &mut json["groups"][2]["inputs"][0];
        input["text"] = format!("{was} {sentence}").into();
        input["updated_at"] = at.into();
        write_json(path, &json);
    }
    let output = taller(
        dir.path(),
        &["import", master.to_str().unwrap(), laptop.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = read_json(&master)["groups"][2]["inputs"][0]["text"]
        .as_str()
        .unwrap()
        .to_string();
    let again = taller(
        dir.path(),
        &["import", master.to_str().unwrap(), laptop.to_str().unwrap()],
    );
    assert!(again.status.success(), "{}", stderr(&again));
    (text, stdout(&output), stdout(&again))
}

/// Issue 21, item 2: offline import uses the same word merge where the
/// base is known, and says which input merged; twice changes nothing.
#[test]
fn a_sentence_added_on_the_laptop_and_one_in_the_room_both_survive_import() {
    let (text, said, again) = both_add_a_sentence(true);
    assert!(text.contains("Con fondos propios."), "{text}");
    assert!(text.contains("Liderada por Costa Rica."), "{text}");
    assert!(
        !text.contains('⟦'),
        "different places, nothing marked: {text}"
    );
    assert!(
        said.contains("combinado palabra por palabra: 3.1"),
        "{said}"
    );
    assert!(again.contains("nada nuevo"), "{again}");
}

/// Without the base (a laptop's file from before), the text changed last
/// wins, as it always did, and no merge is claimed.
#[test]
fn without_the_base_the_text_kept_last_wins_as_before() {
    let (text, said, again) = both_add_a_sentence(false);
    assert!(text.contains("Liderada por Costa Rica."), "{text}");
    assert!(!text.contains("Con fondos propios."), "{text}");
    assert!(!said.contains("combinado"), "{said}");
    assert!(again.contains("nada nuevo"), "{again}");
}
