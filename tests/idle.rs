//! An idle screen costs nothing: after the first frame, with no clock
//! running, taller writes nothing to the terminal (and so wakes for nothing).

mod common;

use std::time::Duration;

use common::{TAB, Tui, sessions};

#[test]
fn nothing_is_written_while_idle() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "quieta"], 120, 40);
    tui.wait_for("Plenaria de apertura");
    tui.send(TAB);
    tui.wait_for("Grupo 1 de 5");
    // Let the last frame and the save settle, then watch.
    std::thread::sleep(Duration::from_millis(500));
    let before = tui.bytes_written();
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        tui.bytes_written(),
        before,
        "bytes written while nothing happened"
    );

    // The same check can fail: a running clock does write, once a second.
    tui.send(" ");
    std::thread::sleep(Duration::from_millis(500));
    let running = tui.bytes_written();
    std::thread::sleep(Duration::from_millis(2_200));
    assert!(tui.bytes_written() > running, "a running clock redraws");
}
