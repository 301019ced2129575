//! The ballot page in a real browser (issue 23): Debian's headless Chromium,
//! driven over WebDriver at a phone's size (390×844), opens a card's link,
//! gives its points with the + buttons, votes, reads "Voto registrado", sees
//! the room's count change when another card votes, and a second ballot
//! from the same card is told it already voted.
//!
//! Skipped, saying so, when Chromium or its driver is not installed; CI
//! installs both and sets `TALLER_REQUIRE_BROWSER=1`, which makes their
//! absence a failure. `TALLER_UPDATE_SCREENSHOT=1` writes the README's
//! picture, docs/phone-ballot.png.

#[path = "support/ballot_room.rs"]
mod ballot_room;
#[path = "support/http_client.rs"]
mod http_client;
#[path = "support/webdriver.rs"]
mod webdriver;

use std::time::Duration;

use ballot_room::Room;
use taller::model::poll::PollKind;
use webdriver::Browser;

const WITHIN: Duration = Duration::from_secs(20);

#[tokio::test]
async fn a_phone_votes_from_its_card_link_and_a_second_ballot_is_refused() {
    let Some((chromium, chromedriver)) = webdriver::installed() else {
        let required = std::env::var("TALLER_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "TALLER_REQUIRE_BROWSER=1 but chromium or chromedriver is not installed"
        );
        eprintln!(
            "skipped: the browser test needs Debian's chromium and chromium-driver \
             (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let room = Room::start(Room::delegations(), |_| {}).await;
    let poll = room.open_poll(PollKind::points(), room.inputs.clone(), &[]);
    let link = format!("http://{}/v/{}", room.addr, room.token_of("Guatemala"));
    let addr = room.addr;
    let brasil = serde_json::json!({
        "token": room.token_of("Brasil"),
        "poll": poll,
        "points": { room.inputs[1].to_string(): 2 },
    })
    .to_string();

    // The browser is driven from a blocking thread; the server goes on
    // serving on this one meanwhile.
    let picture = tokio::task::spawn_blocking(move || {
        let browser = Browser::start(&chromium, &chromedriver, 390, 844, "es-ES");
        browser.open(&link);
        browser.wait_until(
            "return !document.getElementById('poll-card').classList.contains('hidden')",
            WITHIN,
            "the poll on the page",
        );
        assert_eq!(browser.text("#poll-title"), "Reparta sus puntos");
        assert_eq!(browser.text("#count"), "Votos: 0 de 5");
        let legend = browser.text("#fields fieldset legend");
        assert!(legend.starts_with("1.1"), "the room's numbers: {legend}");
        // Three points on the first input, two on the third: the budget spent.
        for _ in 0..4 {
            browser.click(".step[data-step='1']", 0);
        }
        assert_eq!(
            browser.text("#budget"),
            "Le quedan 2 puntos",
            "at most 3 on one"
        );
        browser.click(".step[data-step='1']", 2);
        browser.click(".step[data-step='1']", 2);
        assert_eq!(browser.text("#budget"), "Le quedan 0 puntos");
        let width =
            browser.script("return [window.innerWidth, document.documentElement.scrollWidth]");
        let phone = serde_json::json!([390, 390]);
        assert_eq!(width, phone, "a phone's width, no sideways scroll");
        let picture = browser.screenshot();
        assert!(picture.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
        browser.click("#send", 0);
        browser.wait_until(
            "return document.getElementById('status').textContent === 'Voto registrado'",
            WITHIN,
            "voto registrado",
        );
        assert_eq!(browser.text("#count"), "Votos: 1 de 5");

        // Another card votes: the room's count changes on this phone.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let other = runtime.block_on(http_client::post(addr, "/api/ballot", &brasil));
        assert_eq!(other.status, 201);
        browser.wait_until(
            "return document.getElementById('count').textContent === 'Votos: 2 de 5'",
            WITHIN,
            "the count to change",
        );

        // The same card again, from a page opened afresh.
        browser.open(&link);
        browser.wait_until(
            "return !document.getElementById('ballot').classList.contains('hidden')",
            WITHIN,
            "the form again",
        );
        browser.click(".step[data-step='1']", 1);
        browser.click("#send", 0);
        browser.wait_until(
            "return document.getElementById('status').textContent.indexOf('ya votó') >= 0",
            WITHIN,
            "ya votó",
        );
        picture
    })
    .await
    .expect("the phone's steps");

    let session = room.session();
    let voted: Vec<&str> = session.polls[0].voted.iter().map(String::as_str).collect();
    assert_eq!(voted, ["Brasil", "Guatemala"]);
    let points = &session.polls[0].tally.points;
    assert_eq!(points.get(&room.inputs[0]), Some(&3));
    assert_eq!(points.get(&room.inputs[1]), Some(&2));
    assert_eq!(points.get(&room.inputs[2]), Some(&2));
    if std::env::var("TALLER_UPDATE_SCREENSHOT").is_ok_and(|v| v == "1") {
        let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join("phone-ballot.png"), picture).unwrap();
    }
    room.stop().await;
}
