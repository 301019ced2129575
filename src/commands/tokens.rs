//! `taller tokens NAME [--per delegation|person] [--count N] [--new]
//! [--revoke LABEL] [--cards FILE] [--web HOST:PORT]`: the ballot cards of
//! a session, one line per card: its label, a space, its token, a space,
//! the link a phone opens (`http://HOST:8080/v/TOKEN`). Made the first
//! time, kept after (`--count N` makes sure N exist), all replaced with
//! `--new`; `--revoke LABEL` stops one card's token at once (a served
//! session reads the file again). `--cards FILE` writes them for pandoc
//! instead, a QR image each beside the file.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use crate::export::{self, cards::PrintedCard};
use crate::i18n::Lang;
use crate::model::session::Session;
use crate::qr::Qr;
use crate::shell::access;
use crate::shell::ssh::lan;
use crate::shell::tokens::{self, CardLabel, Per, Tokens};

use super::{Out, Setup, check_out, noted};

/// The web page's port when none is given: `taller serve`'s.
pub const DEFAULT_PORT: u16 = 8080;
/// Pixels a module in a card's QR image: about 300 px for a link.
const PNG_SCALE: usize = 8;
/// The standard's quiet zone around a printed code.
const PNG_QUIET: usize = 4;

/// What was asked on the command line.
#[derive(Debug, Default)]
pub struct Asked {
    pub per: Option<Per>,
    pub count: Option<usize>,
    pub renew: bool,
    pub revoke: Option<String>,
    pub cards: Option<PathBuf>,
    /// `HOST:PORT` of the links, as typed.
    pub web: Option<String>,
}

pub fn run(setup: &Setup, out: &mut Out, target: &str, asked: &Asked) -> Result<(), String> {
    let lang = setup.lang;
    let path = setup.resolve(target)?;
    setup.guard_file(&path)?;
    let session = noted(access::load(&path, lang)?, &path, lang, out);
    let unkept = |error: std::io::Error| {
        lang.tokens_cannot_keep(
            Tokens::path(&path).display(),
            tokens::describe(&error, lang),
        )
    };
    let mut kept = Tokens::load(&path).map_err(unkept)?;
    if let Some(named) = &asked.revoke {
        let label = revoked_label(&kept, named, lang)?;
        kept.revoke(&label);
        kept.save(&path).map_err(unkept)?;
        out.say(lang.tokens_revoked(&label));
        return Ok(());
    }
    let base = web_base(asked.web.as_deref(), lang, out)?;
    let labels = wanted(&session, &kept, asked, lang)?;
    let kept = if asked.renew {
        Tokens::renew(&path, &labels)
    } else {
        Tokens::load_or_create(&path, &labels)
    }
    .map_err(unkept)?;
    let revoked: Vec<&str> = kept
        .cards()
        .iter()
        .filter(|c| c.revoked)
        .map(|c| c.label.as_str())
        .collect();
    if !revoked.is_empty() {
        out.complain(lang.tokens_left_out(&revoked.join(", ")));
    }
    let valid: Vec<(&str, &str, String)> = kept
        .cards()
        .iter()
        .filter(|c| !c.revoked)
        .map(|c| {
            (
                c.label.as_str(),
                c.token.as_str(),
                format!("{base}/v/{}", c.token),
            )
        })
        .collect();
    match &asked.cards {
        Some(file) => write_cards(file, &valid, kept.per(), lang, out),
        None => {
            for (label, token, link) in &valid {
                out.say(format_args!("{label} {token} {link}"));
            }
            Ok(())
        }
    }
}

/// The card `--revoke` names, in any case and without accents.
fn revoked_label(kept: &Tokens, named: &str, lang: Lang) -> Result<CardLabel, String> {
    if kept.is_empty() {
        return Err(lang.tokens_none().into());
    }
    kept.find_label(named).cloned().ok_or_else(|| {
        let known: Vec<&str> = kept.cards().iter().map(|c| c.label.as_str()).collect();
        lang.tokens_no_such_card(named, &known.join(", "))
    })
}

/// The labels the cards must have: one per country of the session, or
/// "1" to N. Asked for nothing, the cards kept are of the kind they are
/// (cards per delegation the first time); a kind other than the one kept
/// is refused unless `--new` replaces them all.
fn wanted(
    session: &Session,
    kept: &Tokens,
    asked: &Asked,
    lang: Lang,
) -> Result<Vec<CardLabel>, String> {
    if asked.per == Some(Per::Delegation) && asked.count.is_some() {
        return Err(lang.tokens_count_per_delegation().into());
    }
    let per = asked
        .per
        .or(asked.count.map(|_| Per::Person))
        .or(kept.per())
        .unwrap_or(Per::Delegation);
    if let Some(was) = kept.per()
        && was != per
        && !asked.renew
    {
        return Err(lang.tokens_kept_other_kind(was == Per::Delegation));
    }
    match (per, asked.count) {
        (Per::Delegation, _) => {
            let labels = tokens::delegations(session);
            if labels.is_empty() {
                return Err(lang.tokens_no_countries().into());
            }
            Ok(labels)
        }
        (Per::Person, Some(count)) => Ok(tokens::people(count)),
        // As many as there are: replaced one for one with `--new`.
        (Per::Person, None) if kept.per() == Some(Per::Person) => {
            Ok(kept.cards().iter().map(|c| c.label.clone()).collect())
        }
        (Per::Person, None) => Err(lang.tokens_person_needs_count().into()),
    }
}

/// `http://HOST:PORT`, the links' start: the host given, or this machine's
/// first address on the room's network (its name, said, when it has none).
fn web_base(web: Option<&str>, lang: Lang, out: &mut Out) -> Result<String, String> {
    let (host, port) = match web {
        Some(value) => parse_web(value).ok_or_else(|| lang.tokens_bad_web(value))?,
        None => (None, DEFAULT_PORT),
    };
    let host = match host {
        Some(host) => host,
        None => match lan::addresses().first() {
            Some(ip) => host_of(*ip),
            None => {
                let name = crate::store::lock::host_name();
                out.complain(lang.tokens_no_address(&name));
                name
            }
        },
    };
    Ok(format!("http://{host}:{port}"))
}

fn host_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// `--web`'s value: `HOST:PORT`, `HOST` (port 8080), or an address to
/// listen on such as `0.0.0.0:8080` (then the host is this machine's on
/// the room's network: `None`). A host is a name or an address, nothing
/// that could break the link or the Markdown it goes into.
fn parse_web(value: &str) -> Option<(Option<String>, u16)> {
    let value = value.trim();
    if let Ok(at) = value.parse::<SocketAddr>() {
        let host = (!at.ip().is_unspecified()).then(|| host_of(at.ip()));
        return (at.port() != 0).then_some((host, at.port()));
    }
    let (host, port) = match value.rsplit_once(':') {
        Some((host, port)) => (host, port.parse::<u16>().ok().filter(|p| *p != 0)?),
        None => (value, DEFAULT_PORT),
    };
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.';
    let named = !host.is_empty() && host.chars().all(plain) && !host.starts_with(['-', '.']);
    named.then(|| (Some(host.to_string()), port))
}

/// The rule of every file `export` writes: a new path or a regular file
/// replaced whole, never a folder, a link or a session.
fn writable(path: &Path, lang: Lang) -> Result<(), String> {
    if path.is_dir() {
        return Err(lang.out_is_a_folder(path.display()));
    }
    check_out(path, lang)?;
    if super::export::says_it_is_a_session(path) {
        return Err(lang.cannot_write(path.display(), lang.t().err_output_is_session));
    }
    Ok(())
}

/// The cards as Markdown in `file`, each one's QR code as a PNG beside it
/// (`STEM-LABEL.png`), every file private: they hold the tokens.
fn write_cards(
    file: &Path,
    valid: &[(&str, &str, String)],
    per: Option<Per>,
    lang: Lang,
    out: &mut Out,
) -> Result<(), String> {
    writable(file, lang)?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = file.parent().unwrap_or(Path::new(""));
    let labels: Vec<&str> = valid.iter().map(|(label, ..)| *label).collect();
    let names = export::cards::image_names(&stem, &labels);
    let mut printed = Vec::with_capacity(valid.len());
    for ((label, token, link), image) in valid.iter().zip(&names) {
        let qr = Qr::new(link, PNG_QUIET).ok_or_else(|| lang.cards_no_qr(link))?;
        let at = folder.join(image);
        writable(&at, lang)?;
        crate::store::write_atomic(&at, &export::qr::png(&qr, PNG_SCALE))
            .map_err(|e| lang.cannot_write(at.display(), crate::store::describe_io(&e, lang)))?;
        let heading = match per {
            Some(Per::Person) => lang.cards_numbered(label),
            _ => lang.country_name(label).unwrap_or(label).to_string(),
        };
        printed.push(PrintedCard {
            heading,
            token,
            link,
            image,
        });
    }
    let text = export::cards::markdown(&printed, lang);
    crate::store::write_atomic(file, text.as_bytes())
        .map_err(|e| lang.cannot_write(file.display(), crate::store::describe_io(&e, lang)))?;
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    out.say(lang.cards_written(file.display(), name, printed.len()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{Heard, setup};
    use crate::model::workshop::Workshop;
    use crate::store;

    /// A session of the default workshop, Brasil invited, saved in `dir`.
    fn saved(dir: &Path, name: &str) -> PathBuf {
        let workshop = Workshop::default_for("es").unwrap();
        let mut session = Session::new(name, workshop, jiff::Timestamp::UNIX_EPOCH);
        session.invited_countries = vec!["Brasil".into()];
        let path = dir.join(format!("{name}.json"));
        store::write_atomic(&path, &store::to_json(&session)).unwrap();
        path
    }

    fn asked() -> Asked {
        Asked {
            web: Some("sala.local:9000".into()),
            ..Asked::default()
        }
    }

    /// The lines said, split into label, token and link.
    fn cards(said: &str) -> Vec<(String, String, String)> {
        said.lines()
            .map(|line| {
                let mut parts = line.rsplitn(3, ' ');
                let link = parts.next().unwrap().to_string();
                let token = parts.next().unwrap().to_string();
                (parts.next().unwrap().to_string(), token, link)
            })
            .collect()
    }

    #[test]
    fn a_card_per_country_kept_and_completed_one_line_each() {
        let dir = tempfile::tempdir().unwrap();
        let path = saved(dir.path(), "plenaria");
        let setup = setup(dir.path());
        let mut heard = Heard::default();
        run(&setup, &mut heard.out(), "plenaria", &asked()).unwrap();
        let first = cards(&heard.said());
        assert_eq!(first.len(), 12, "11 members and Brasil");
        assert_eq!(first[2].0, "Costa Rica");
        assert_eq!(first[11].0, "Brasil");
        for (_, token, link) in &first {
            assert_eq!(link, &format!("http://sala.local:9000/v/{token}"));
        }
        let kept = Tokens::load(&path).unwrap();
        assert_eq!(kept.card_of(&first[5].1).as_deref(), Some("Guatemala"));

        // Colombia invited since: one card more, every other one the same.
        let mut session = store::load(&path).unwrap();
        session.invited_countries.push("Colombia".into());
        store::write_atomic(&path, &store::to_json(&session)).unwrap();
        let mut again = Heard::default();
        run(&setup, &mut again.out(), "plenaria", &asked()).unwrap();
        let again = cards(&again.said());
        assert_eq!(again[..12], first[..]);
        assert_eq!(again[12].0, "Colombia");
    }

    #[test]
    fn cards_per_person_are_counted_replaced_and_never_mixed() {
        let dir = tempfile::tempdir().unwrap();
        let path = saved(dir.path(), "plenaria");
        let setup = setup(dir.path());
        let person = |count, renew| Asked {
            per: Some(Per::Person),
            count,
            renew,
            ..asked()
        };
        let refused = run(
            &setup,
            &mut Heard::default().out(),
            "plenaria",
            &person(None, false),
        );
        assert_eq!(refused, Err(Lang::En.tokens_person_needs_count().into()));
        assert!(!Tokens::path(&path).exists());

        let mut heard = Heard::default();
        run(
            &setup,
            &mut heard.out(),
            "plenaria",
            &person(Some(3), false),
        )
        .unwrap();
        let three = cards(&heard.said());
        let labels: Vec<&str> = three.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3"]);
        // Five: the three kept, two more; two: all five still.
        let mut heard = Heard::default();
        run(
            &setup,
            &mut heard.out(),
            "plenaria",
            &person(Some(5), false),
        )
        .unwrap();
        assert_eq!(cards(&heard.said())[..3], three[..]);
        let mut heard = Heard::default();
        let count_only = Asked {
            count: Some(2),
            ..asked()
        };
        run(&setup, &mut heard.out(), "plenaria", &count_only).unwrap();
        assert_eq!(cards(&heard.said()).len(), 5);

        // Per delegation over them: refused; with --new, they are replaced.
        let delegation = Asked {
            per: Some(Per::Delegation),
            ..asked()
        };
        let refused = run(&setup, &mut Heard::default().out(), "plenaria", &delegation);
        assert_eq!(refused, Err(Lang::En.tokens_kept_other_kind(false)));
        let with_count = Asked {
            count: Some(3),
            ..delegation
        };
        let refused = run(&setup, &mut Heard::default().out(), "plenaria", &with_count);
        assert_eq!(refused, Err(Lang::En.tokens_count_per_delegation().into()));

        let mut heard = Heard::default();
        run(&setup, &mut heard.out(), "plenaria", &person(None, true)).unwrap();
        let renewed = cards(&heard.said());
        assert_eq!(renewed.len(), 5);
        let kept = Tokens::load(&path).unwrap();
        for ((label, old, _), (again, new, _)) in three.iter().zip(&renewed) {
            assert_eq!(label, again);
            assert_ne!(old, new);
            assert_eq!(kept.card_of(old), None, "an old token opens nothing");
        }
    }

    #[test]
    fn a_revoked_card_stops_at_once_and_is_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = saved(dir.path(), "plenaria");
        let setup = setup(dir.path());
        let revoke = |named: &str| Asked {
            revoke: Some(named.into()),
            ..Asked::default()
        };
        let none = run(
            &setup,
            &mut Heard::default().out(),
            "plenaria",
            &revoke("Brasil"),
        );
        assert_eq!(none, Err(Lang::En.tokens_none().into()));

        let mut heard = Heard::default();
        run(&setup, &mut heard.out(), "plenaria", &asked()).unwrap();
        let first = cards(&heard.said());
        let mexico = &first.iter().find(|c| c.0 == "México").unwrap().1;
        let mut heard = Heard::default();
        run(&setup, &mut heard.out(), "plenaria", &revoke("mexico")).unwrap();
        assert_eq!(
            heard.said(),
            format!("{}\n", Lang::En.tokens_revoked("México"))
        );
        assert_eq!(Tokens::load(&path).unwrap().card_of(mexico), None);

        let mut heard = Heard::default();
        run(&setup, &mut heard.out(), "plenaria", &asked()).unwrap();
        let after = cards(&heard.said());
        assert_eq!(after.len(), first.len() - 1);
        assert!(after.iter().all(|c| c.0 != "México"));
        assert!(
            heard.complained().contains("México"),
            "{}",
            heard.complained()
        );

        let unknown = run(
            &setup,
            &mut Heard::default().out(),
            "plenaria",
            &revoke("Perú"),
        );
        assert!(unknown.unwrap_err().contains("Costa Rica, "));
    }

    #[test]
    fn the_cards_file_holds_each_card_with_its_qr_image_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = saved(dir.path(), "plenaria");
        let setup = setup(dir.path());
        let file = dir.path().join("tarjetas.md");
        let with_cards = Asked {
            cards: Some(file.clone()),
            ..asked()
        };
        let mut heard = Heard::default();
        run(&setup, &mut heard.out(), "plenaria", &with_cards).unwrap();
        assert_eq!(heard.said().lines().count(), 1, "{}", heard.said());
        let text = std::fs::read_to_string(&file).unwrap();
        let kept = Tokens::load(&path).unwrap();
        let names = export::cards::image_names("tarjetas", &["Belize"]);
        assert_eq!(names, ["tarjetas-belize.png"]);
        for card in kept.cards() {
            assert!(text.contains(&format!("## {} ", card.token)), "{text}");
            assert!(text.contains(&format!("<http://sala.local:9000/v/{}>", card.token)));
        }
        assert!(
            text.contains("# Dominican Republic {.unnumbered}"),
            "{text}"
        );
        assert!(text.contains("![](tarjetas-republica-dominicana.png)"));
        let image = std::fs::read(dir.path().join("tarjetas-republica-dominicana.png")).unwrap();
        assert_eq!(image[1..4], *b"PNG");
        let pngs = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension() == Some("png".as_ref()))
            .count();
        assert_eq!(pngs, kept.cards().len());

        // Never over the session itself.
        let before = std::fs::read(&path).unwrap();
        let over = Asked {
            cards: Some(path.clone()),
            ..asked()
        };
        assert!(run(&setup, &mut Heard::default().out(), "plenaria", &over).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_wrong_address_for_the_links_is_said_before_anything_is_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = saved(dir.path(), "plenaria");
        let setup = setup(dir.path());
        let bad = Asked {
            web: Some("sala:".into()),
            ..Asked::default()
        };
        let said = run(&setup, &mut Heard::default().out(), "plenaria", &bad);
        assert_eq!(said, Err(Lang::En.tokens_bad_web("sala:")));
        assert!(!Tokens::path(&path).exists());
    }

    #[test]
    fn the_links_address_is_a_host_and_a_port_or_this_machine() {
        let host = |v: &str| parse_web(v);
        assert_eq!(
            host("192.168.1.20:9000"),
            Some((Some("192.168.1.20".into()), 9000))
        );
        assert_eq!(host("sala.local"), Some((Some("sala.local".into()), 8080)));
        assert_eq!(host("sala:81"), Some((Some("sala".into()), 81)));
        assert_eq!(host("0.0.0.0:8081"), Some((None, 8081)));
        assert_eq!(host("[::1]:8080"), Some((Some("[::1]".into()), 8080)));
        for bad in [
            "",
            "sala:",
            "sala:0",
            "sala:99999",
            "a b:80",
            "x](y)",
            "-x",
            ":80",
        ] {
            assert_eq!(host(bad), None, "{bad}");
        }
    }
}
