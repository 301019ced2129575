//! The ballot cards as Markdown for pandoc (`taller tokens NAME --cards
//! FILE`): one card a page, its heading (the country, or "Tarjeta 7"), the
//! QR code of its link as an image beside the file, the token in big
//! letters, the link, and what to do with it, in the person's language.

use crate::i18n::Lang;

use super::plan::inline;

/// One card as printed.
pub struct PrintedCard<'a> {
    /// The card's heading: a country's name, or "Tarjeta 7".
    pub heading: String,
    pub token: &'a str,
    /// `http://192.168.1.20:8080/v/K7QM2-XD9AB`.
    pub link: &'a str,
    /// The QR image's file name, beside the Markdown file.
    pub image: &'a str,
}

/// The cards, each a section of its own page. The link and the image's
/// name are made by taller (an address checked, a slug): they go in as
/// they are; the heading is escaped as any text typed in the room.
pub fn markdown(cards: &[PrintedCard], lang: Lang) -> String {
    let mut out = String::new();
    for (i, card) in cards.iter().enumerate() {
        if i > 0 {
            // A page break for pandoc's LaTeX and PDF; other outputs drop it.
            out.push_str("\\newpage\n\n");
        }
        out.push_str(&format!(
            "# {} {{.unnumbered}}\n\n\
             ![]({}){{width=6cm}}\n\n\
             {}\n\n\
             ## {} {{.unnumbered}}\n\n\
             <{}>\n\n\
             {}\n\n",
            inline(&card.heading),
            card.image,
            inline(lang.cards_token()),
            card.token,
            card.link,
            inline(lang.cards_how()),
        ));
    }
    out
}

/// The images' names: `STEM-LABEL.png` from a slug of each label (no
/// spaces or accents, so the Markdown links them as they are), each one
/// different, in the order of the labels.
pub fn image_names(stem: &str, labels: &[&str]) -> Vec<String> {
    let stem = crate::model::definition::slug(stem);
    let stem = if stem.is_empty() { "card".into() } else { stem };
    let mut names: Vec<String> = Vec::with_capacity(labels.len());
    for (i, label) in labels.iter().enumerate() {
        let slug = crate::model::definition::slug(label);
        let slug = if slug.is_empty() {
            (i + 1).to_string()
        } else {
            slug
        };
        let mut name = format!("{stem}-{slug}.png");
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{stem}-{slug}-{n}.png");
            n += 1;
        }
        names.push(name);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_named_by_label_plainly_and_never_twice() {
        let names = image_names(
            "Tarjetas plenaria",
            &["República Dominicana", "México", "Mexico", "1", "東京"],
        );
        assert_eq!(
            names,
            [
                "tarjetas-plenaria-republica-dominicana.png",
                "tarjetas-plenaria-mexico.png",
                "tarjetas-plenaria-mexico-2.png",
                "tarjetas-plenaria-1.png",
                "tarjetas-plenaria-5.png",
            ]
        );
    }

    #[test]
    fn each_card_is_a_page_with_its_image_token_link_and_what_to_do() {
        let cards = [
            PrintedCard {
                heading: "Costa Rica".into(),
                token: "K7QM2-XD9AB",
                link: "http://192.168.1.20:8080/v/K7QM2-XD9AB",
                image: "tarjetas-costa-rica.png",
            },
            PrintedCard {
                heading: "*raro* #1".into(),
                token: "ABCDE-FGH12",
                link: "http://192.168.1.20:8080/v/ABCDE-FGH12",
                image: "tarjetas-raro-1.png",
            },
        ];
        let text = markdown(&cards, Lang::Es);
        assert!(text.starts_with("# Costa Rica {.unnumbered}\n\n"), "{text}");
        assert!(text.contains("![](tarjetas-costa-rica.png){width=6cm}"));
        assert!(text.contains("\n## K7QM2-XD9AB {.unnumbered}\n"));
        assert!(text.contains("\n<http://192.168.1.20:8080/v/K7QM2-XD9AB>\n"));
        assert!(text.contains("escanee el código"), "{text}");
        assert_eq!(text.matches("\\newpage").count(), 1);
        assert!(text.contains("# \\*raro\\* \\#1 {.unnumbered}"), "{text}");
    }
}
