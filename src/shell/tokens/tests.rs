use std::os::unix::fs::PermissionsExt;

use super::*;

fn labels(list: &[&str]) -> Vec<CardLabel> {
    list.iter().map(|s| s.to_string()).collect()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_token_is_fifty_bits_in_two_halves() {
    let mut seen = BTreeSet::new();
    for _ in 0..200 {
        let token = generate().unwrap();
        assert_eq!(token.len(), 11, "{token}");
        assert_eq!(&token[5..6], "-");
        let spelled = normalize(&token);
        assert_eq!(spelled.len(), TOKEN_CHARS);
        assert!(spelled.bytes().all(|b| ALPHABET.contains(&b)), "{token}");
        seen.insert(token);
    }
    assert_eq!(seen.len(), 200, "tokens repeat");
}

#[test]
fn a_token_is_found_however_it_is_typed_and_never_when_revoked() {
    let mut tokens = Tokens {
        cards: vec![
            Card {
                label: "Guatemala".into(),
                token: "K7QM0-XD91A".into(),
                revoked: false,
            },
            Card {
                label: "Costa Rica".into(),
                token: "ABCDE-FGH11".into(),
                revoked: false,
            },
        ],
    };
    for typed in [
        "K7QM0-XD91A",
        "k7qm0xd91a",
        "k7qmo xd9la",
        " K7QM0-XD9IA ",
        "K7QM0 - XD91A",
    ] {
        assert_eq!(
            tokens.card_of(typed).as_deref(),
            Some("Guatemala"),
            "{typed}"
        );
    }
    assert_eq!(tokens.card_of("abcde-fghil").as_deref(), Some("Costa Rica"));
    for typed in ["K7QM0-XD91B", "K7QM0-XD91", "K7QM0-XD91AA", "", "Guatemala"] {
        assert_eq!(tokens.card_of(typed), None, "{typed}");
    }
    assert_eq!(tokens.card_of(&"K".repeat(10_000)), None);
    assert!(tokens.revoke("Guatemala"));
    assert!(!tokens.revoke("Brasil"));
    assert_eq!(tokens.card_of("K7QM0-XD91A"), None);
    assert_eq!(
        tokens.entitled(),
        BTreeSet::from(["Costa Rica".to_string()])
    );
}

#[test]
fn cards_are_kept_private_completed_revoked_and_renewed() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("plenaria.json");
    assert!(Tokens::load(&session).unwrap().is_empty());
    let first = Tokens::load_or_create(&session, &labels(&["México", "Panamá"])).unwrap();
    let path = dir.path().join(".plenaria.json.tokens");
    assert_eq!(Tokens::path(&session), path);
    assert_eq!(mode(&path), 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("#taller-tokens 1\nMéxico "), "{text}");
    assert!(text.ends_with(" ok\n"), "{text}");
    assert_eq!(Tokens::load(&session).unwrap(), first);
    assert_eq!(first.per(), Some(Per::Delegation));

    // Brasil invited later: a card more, the others kept.
    let stamp = Tokens::stamp(&session);
    let more = Tokens::load_or_create(&session, &labels(&["México", "Panamá", "Brasil"])).unwrap();
    assert_eq!(&more.cards()[..2], first.cards());
    assert_eq!(more.cards()[2].label, "Brasil");
    assert_ne!(Tokens::stamp(&session), stamp, "a write is seen");

    // Revoked on disk: read back revoked, and not made again.
    let mut kept = Tokens::load(&session).unwrap();
    let mexico = kept.cards()[0].token.clone();
    assert_eq!(kept.card_of(&mexico).as_deref(), Some("México"));
    kept.revoke("México");
    kept.save(&session).unwrap();
    let again = Tokens::load_or_create(&session, &labels(&["México"])).unwrap();
    assert_eq!(again.card_of(&mexico), None);
    assert!(again.cards()[0].revoked);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains(" revoked\n")
    );

    let renewed = Tokens::renew(&session, &people(3)).unwrap();
    assert_eq!(renewed.per(), Some(Per::Person));
    assert_eq!(renewed.entitled().len(), 3);
    let old = &more.cards()[1].token;
    assert_eq!(Tokens::load(&session).unwrap().card_of(old), None);
}

#[test]
fn a_damaged_or_newer_file_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let path = Tokens::path(&session);
    for (text, line) in [
        (
            "#taller-tokens 1\nGuatemala K7QM0-XD91A ok\nbasura\n",
            Some(3),
        ),
        ("#taller-tokens 1\nGuatemala K7QM0-XD91A quizás\n", Some(2)),
        ("#taller-tokens 1\nGuatemala K7QM0-XD9 ok\n", Some(2)),
        (
            "#taller-tokens 1\nA K7QM0-XD91A ok\nA ABCDE-FGH11 ok\n",
            Some(3),
        ),
        ("Guatemala K7QM0-XD91A ok\n", Some(1)),
        ("#taller-tokens 9\n", None),
    ] {
        store::write_atomic(&path, text.as_bytes()).unwrap();
        let error = Tokens::load_or_create(&session, &labels(&["Brasil"])).unwrap_err();
        let said = describe(&error, Lang::En);
        match line {
            Some(line) => assert_eq!(said, Lang::En.tokens_damaged(line), "{text}"),
            None => assert_eq!(said, Lang::En.tokens_newer(9)),
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
    // Others may read it: not a secret of ours any more, not read.
    store::write_atomic(&path, b"#taller-tokens 1\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(Tokens::load(&session).is_err());
}

#[test]
fn a_label_of_any_text_keeps_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let odd = labels(&[
        "República Dominicana",
        "a%b",
        "línea\nnueva",
        "tab\there",
        "x ok",
    ]);
    let made = Tokens::load_or_create(&session, &odd).unwrap();
    let text = std::fs::read_to_string(Tokens::path(&session)).unwrap();
    assert_eq!(text.lines().count(), 1 + odd.len(), "{text}");
    let read = Tokens::load(&session).unwrap();
    assert_eq!(read, made);
    let read: Vec<_> = read.cards().iter().map(|c| c.label.clone()).collect();
    assert_eq!(read, odd);
}

#[test]
fn a_card_is_named_without_its_accents_or_case() {
    let tokens = Tokens {
        cards: ["México", "Panamá", "1"]
            .map(|label| Card {
                label: label.into(),
                token: generate().unwrap(),
                revoked: false,
            })
            .to_vec(),
    };
    assert_eq!(
        tokens.find_label("mexico").map(String::as_str),
        Some("México")
    );
    assert_eq!(
        tokens.find_label(" PANAMÁ ").map(String::as_str),
        Some("Panamá")
    );
    assert_eq!(tokens.find_label("1").map(String::as_str), Some("1"));
    assert_eq!(tokens.find_label("Brasil"), None);
}

#[test]
fn delegations_are_the_members_then_the_invited_once_each() {
    let workshop = crate::model::workshop::Workshop::default_for(Lang::Es).unwrap();
    let mut session = Session::new("s", workshop, jiff::Timestamp::UNIX_EPOCH);
    session.invited_countries = labels(&["Brasil", "México", " "]);
    let found = delegations(&session);
    assert_eq!(found.len(), session.workshop.countries.members.len() + 1);
    assert_eq!(found.last().map(String::as_str), Some("Brasil"));
    assert_eq!(found.iter().filter(|l| *l == "México").count(), 1);
    assert_eq!(people(3), ["1", "2", "3"]);
}

#[test]
fn the_facilitators_screen_revokes_a_card_in_the_file_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("plenaria.json");
    let made = Tokens::load_or_create(&session, &labels(&["Guatemala", "Panamá"])).unwrap();
    let token = made.cards()[1].token.clone();
    let unknown = revoke_now(&session, "Atlántida", Lang::Es).unwrap_err();
    assert!(unknown.contains("Ninguna tarjeta"), "{unknown}");
    revoke_now(&session, "Panamá", Lang::Es).unwrap();
    let now = Tokens::load(&session).unwrap();
    assert_eq!(now.card_of(&token), None);
    assert_eq!(mode(&Tokens::path(&session)), 0o600);
    // No tokens file: why, in words, and nothing made.
    let other = dir.path().join("otra.json");
    assert!(revoke_now(&other, "Panamá", Lang::Es).is_err());
    assert!(!Tokens::path(&other).exists());
}
