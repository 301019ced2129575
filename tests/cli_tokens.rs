//! `taller tokens NAME`: the ballot cards, printed one line per card (label,
//! token, link), kept private beside the session, revoked at once, written
//! for pandoc with a QR image each.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use common::{BIN, sessions};

const EXAMPLE: &str = include_str!("../sessions/ejemplo-taller-ctim.json");

fn taller(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("TALLER_SESSIONS_DIR", dir)
        .env_remove("TALLER_LANG")
        .output()
        .expect("taller runs")
}

fn lines(output: &Output) -> Vec<String> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_card_per_delegation_one_line_each_kept_private_and_replaced_on_demand() {
    let dir = sessions();
    std::fs::write(dir.path().join("ejemplo.json"), EXAMPLE).unwrap();
    let first = lines(&taller(
        dir.path(),
        &["tokens", "ejemplo", "--web", "192.0.2.7:8080"],
    ));
    // The eleven CRM members and the three countries the example invites.
    assert_eq!(first.len(), 14, "{first:?}");
    assert!(first[0].starts_with("Belize "), "{first:?}");
    assert!(first.iter().any(|l| l.starts_with("República Dominicana ")));
    for line in &first {
        let mut parts = line.rsplitn(3, ' ');
        let (link, token) = (parts.next().unwrap(), parts.next().unwrap());
        assert_eq!(token.len(), 11, "{line}");
        assert_eq!(link, format!("http://192.0.2.7:8080/v/{token}"));
    }
    let file = dir.path().join(".ejemplo.json.tokens");
    assert_eq!(mode(&file), 0o600);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("#taller-tokens 1\n")
    );
    let again = lines(&taller(
        dir.path(),
        &["tokens", "ejemplo", "--web", "192.0.2.7:8080"],
    ));
    assert_eq!(again, first);
    let renewed = lines(&taller(
        dir.path(),
        &["tokens", "ejemplo", "--new", "--web", "192.0.2.7:8080"],
    ));
    assert_eq!(renewed.len(), first.len());
    assert!(renewed.iter().zip(&first).all(|(new, old)| new != old));
}

#[test]
fn a_revoked_card_is_said_and_left_out_in_the_persons_language() {
    let dir = sessions();
    std::fs::write(dir.path().join("ejemplo.json"), EXAMPLE).unwrap();
    lines(&taller(dir.path(), &["tokens", "ejemplo", "--web", "sala"]));
    let said = lines(&taller(
        dir.path(),
        &["tokens", "ejemplo", "--revoke", "brasil"],
    ));
    assert_eq!(
        said,
        ["Tarjeta «Brasil» anulada: su clave ya no sirve para votar."]
    );
    let output = taller(
        dir.path(),
        &["--lang", "en", "tokens", "ejemplo", "--web", "sala"],
    );
    let after = lines(&output);
    assert_eq!(after.len(), 13);
    assert!(String::from_utf8_lossy(&output.stderr).contains("revoked cards, not shown: Brasil"));
    let text = std::fs::read_to_string(dir.path().join(".ejemplo.json.tokens")).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("Brasil ") && l.ends_with(" revoked"))
    );
    // --revoke goes alone: a usage error, nothing changed.
    let output = taller(
        dir.path(),
        &["tokens", "ejemplo", "--revoke", "Belize", "--new"],
    );
    assert_eq!(output.status.code(), Some(2));
    let now = std::fs::read_to_string(dir.path().join(".ejemplo.json.tokens")).unwrap();
    assert_eq!(now, text);
}

#[test]
fn cards_per_person_go_to_a_markdown_file_with_a_qr_image_each() {
    let dir = sessions();
    std::fs::write(dir.path().join("ejemplo.json"), EXAMPLE).unwrap();
    let cards = dir.path().join("tarjetas.md");
    let said = lines(&taller(
        dir.path(),
        &[
            "tokens",
            "ejemplo",
            "--count",
            "3",
            "--web",
            "sala.local",
            "--cards",
            cards.to_str().unwrap(),
        ],
    ));
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with("3 tarjetas en "), "{said:?}");
    let text = std::fs::read_to_string(&cards).unwrap();
    assert_eq!(mode(&cards), 0o600, "the tokens are in it");
    for n in 1..=3 {
        assert!(
            text.contains(&format!("# Tarjeta {n} {{.unnumbered}}")),
            "{text}"
        );
        let image = dir.path().join(format!("tarjetas-{n}.png"));
        assert!(text.contains(&format!("![](tarjetas-{n}.png)")));
        assert!(
            std::fs::read(&image)
                .unwrap()
                .starts_with(b"\x89PNG\r\n\x1a\n")
        );
        assert_eq!(mode(&image), 0o600);
    }
    assert_eq!(text.matches("<http://sala.local:8080/v/").count(), 3);
}
