//! One event loop for every screen, the local terminal's and each SSH
//! client's: it sleeps until input comes, the screen asks to be woken (a
//! clock's next second, a draft to keep), or the session has a new
//! revision; hands what happened to the screen; and draws a frame when
//! something did. Where input comes from and where frames go are the
//! shell's ([`Input`], [`Output`]); with nothing due, it costs nothing.

use std::future::Future;
use std::io;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use ratatui::layout::Size;
use tokio::sync::watch;

use super::live::{Flow, Screen};
use crate::app::Msg;

/// Something from the person's terminal, in order.
pub enum Incoming {
    Msg(Msg),
    /// The window has a new size: frames are drawn at it from now on.
    Resize(Size),
    /// A word from the shell itself (a paste too large), shown for a while.
    Notice(String),
}

/// What the input says next.
pub enum Event<E> {
    Input(Vec<Incoming>),
    /// Draw a frame though the screen did not change (someone new watches it).
    Redraw,
    /// No more input: the shell says why.
    End(E),
}

/// Where a screen's input comes from.
pub trait InputSource {
    /// Why input can end (the connection went, the server stopped).
    type End;
    /// Waits for the next input; it must be cancel-safe (the loop may
    /// drop it when a timer or a revision comes first).
    fn next(&mut self) -> impl Future<Output = Event<Self::End>> + Send;
}

/// Where a screen's frames go.
pub trait Output {
    fn resize(&mut self, size: Size) -> io::Result<()>;
    /// Draws the screen (and the shell's notice, if any).
    fn draw(&mut self, screen: &mut dyn Screen) -> io::Result<()>;
    /// The terminal's bell, with the next frame or now.
    fn ring(&mut self);
    /// A notice of the shell's own, drawn with the next frames.
    fn notice(&mut self, _text: String) {}
    /// When the shell's notice goes, if one shows.
    fn notice_until(&self) -> Option<Instant> {
        None
    }
    /// The shell's notice has had its time.
    fn notice_gone(&mut self) {}
    /// The screen took a batch of input.
    fn handled(&mut self) {}
    /// Asked after each frame: the shell takes the terminal back (a room
    /// screen goes back on the shared drawing).
    fn hand_back(&mut self) -> bool {
        false
    }
}

/// Why the loop stopped.
pub enum Stop<E> {
    /// The person left (`q`, `Ctrl+D`).
    Left,
    /// The input ended.
    Ended(E),
    /// A frame could not be made or written.
    Failed(io::Error),
    /// The shell took the terminal back ([`Output::hand_back`]).
    HandedBack,
}

/// Drives `screen` with what `input` brings, drawing to `output`, until
/// the person leaves, the input ends, or the shell takes the terminal back.
/// The first frame is drawn at once.
pub async fn drive<I: InputSource>(
    screen: &mut dyn Screen,
    input: &mut I,
    output: &mut impl Output,
) -> Stop<I::End> {
    let mut dirty = true;
    // A session that stopped publishing: not waited on again.
    let mut closed: Option<watch::Receiver<u64>> = None;
    let mut revisions: Option<watch::Receiver<u64>> = None;
    let mut alarm = Alarm::default();
    loop {
        if dirty {
            if let Err(error) = output.draw(screen) {
                return Stop::Failed(error);
            }
            dirty = false;
            if output.hand_back() {
                return Stop::HandedBack;
            }
        }
        let wake = screen.wake_at();
        // The screen's own receiver, as it has seen it (no wake for its own
        // change); the loop's, if the screen has not marked what it took.
        revisions = match (revisions.take(), screen.revisions()) {
            (Some(kept), Some(fresh))
                if kept.same_channel(&fresh) && fresh.has_changed().unwrap_or(true) =>
            {
                Some(kept)
            }
            (_, fresh) => fresh,
        };
        let waited = revisions
            .as_mut()
            .filter(|r| !closed.as_ref().is_some_and(|c| c.same_channel(r)));
        let notice_until = output.notice_until();
        let mut incoming = Vec::new();
        tokio::select! {
            event = input.next() => match event {
                Event::Input(input) => incoming = input,
                Event::Redraw => dirty = true,
                Event::End(end) => return Stop::Ended(end),
            },
            () = alarm.sleep_until(wake) => incoming.push(Incoming::Msg(Msg::Tick)),
            changed = changed(waited) => match changed {
                // The screen takes the new revision, then is drawn.
                true => incoming.push(Incoming::Msg(Msg::Changed)),
                // Nothing more will change by itself.
                false => closed = revisions.clone(),
            },
            () = sleep_until(notice_until) => {
                output.notice_gone();
                dirty = true;
            }
        }
        for came in incoming {
            dirty = true;
            let msg = match came {
                Incoming::Msg(msg) => msg,
                Incoming::Resize(size) => {
                    if let Err(error) = output.resize(size) {
                        return Stop::Failed(error);
                    }
                    Msg::Resize
                }
                Incoming::Notice(text) => {
                    output.notice(text);
                    continue;
                }
            };
            match screen.handle(msg, Timestamp::now()) {
                Flow::Continue => {}
                Flow::Ring => output.ring(),
                Flow::Leave => return Stop::Left,
            }
        }
        output.handled();
    }
}

/// Whether a new revision came (false: the session stopped publishing).
async fn changed(revisions: Option<&mut watch::Receiver<u64>>) -> bool {
    match revisions {
        Some(revisions) => revisions.changed().await.is_ok(),
        None => std::future::pending().await,
    }
}

pub async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at.into()).await,
        None => std::future::pending().await,
    }
}

/// Until a wall-clock instant (at once if it has passed), or never.
pub async fn sleep_until_timestamp(at: Option<Timestamp>) {
    Alarm::default().sleep_until(at).await
}

/// A screen's wake-ups, on one timer (a `timerfd`) made at its first sleep
/// and set again for each: a sleep wakes the thread once, at its end.
/// tokio's timer wheel wakes a one-second sleep twice (at its coarse slot,
/// up to 64 ms early, then at the deadline), and a ticking clock's cost is
/// mostly its wake-ups (`bench/versus-termdown.sh`); a timer made for each
/// second cost three more system calls a tick (register, deregister,
/// close). If the timer cannot be made, tokio's sleep.
#[derive(Default)]
pub struct Alarm {
    timer: Option<tokio::io::unix::AsyncFd<Timer>>,
    /// Set for a time not yet waited out (a sleep given up for input).
    armed: bool,
}

impl Alarm {
    /// Until a wall-clock instant (at once if it has passed), or never (a
    /// timer set before is stopped, so an idle screen is never woken).
    /// Cancel-safe: a sleep given up is set again by the next.
    pub async fn sleep_until(&mut self, at: Option<Timestamp>) {
        let Some(at) = at else {
            if self.armed
                && let Some(timer) = &self.timer
            {
                let _ = timer.get_ref().set(Duration::ZERO);
                self.armed = false;
            }
            return std::future::pending().await;
        };
        let duration = until(at);
        if duration.is_zero() {
            return;
        }
        if self.timer.is_none() {
            self.timer = Timer::new()
                .and_then(|timer| {
                    // SAFETY: the timer owns its descriptor, open until it
                    // is dropped with the `AsyncFd`, and always answers
                    // the same one.
                    unsafe {
                        tokio::io::unix::AsyncFd::register_with_interest(
                            timer,
                            tokio::io::Interest::READABLE,
                        )
                    }
                    .map_err(io::Error::from)
                })
                .ok();
        }
        let Some(timer) = &self.timer else {
            return tokio::time::sleep(duration).await;
        };
        // Setting it again forgets any expiry not read (a sleep given up).
        if timer.get_ref().set(duration).is_err() {
            return tokio::time::sleep(duration).await;
        }
        self.armed = true;
        loop {
            let Ok(mut ready) = timer.readable().await else {
                return tokio::time::sleep(until(at)).await;
            };
            // Readable from an expiry set before and forgotten: not this
            // one's, the readiness cleared (`WouldBlock`), waited again.
            match ready.try_io(|timer| timer.get_ref().expired()) {
                Ok(Ok(())) => {
                    // Read: not readable again before its next expiry.
                    // Said now, the next sleep waits at once, where tokio
                    // would first read again to learn it (`EAGAIN`).
                    ready.clear_ready();
                    break;
                }
                Ok(Err(_)) => return tokio::time::sleep(until(at)).await,
                Err(_) => continue,
            }
        }
        self.armed = false;
    }
}

/// A monotonic `timerfd`, set for one expiry at a time.
struct Timer(std::os::fd::OwnedFd);

impl Timer {
    fn new() -> io::Result<Timer> {
        use std::os::fd::FromRawFd;
        // SAFETY: plain system calls; the descriptor is owned from here on.
        let fd = unsafe {
            libc::timerfd_create(
                libc::CLOCK_MONOTONIC,
                libc::TFD_NONBLOCK | libc::TFD_CLOEXEC,
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` was just made and nothing else owns it.
        Ok(Timer(unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) }))
    }

    /// Expires once, `after` from now (zero: stopped). Any expiry not read
    /// yet is forgotten.
    fn set(&self, after: Duration) -> io::Result<()> {
        use std::os::fd::AsRawFd;
        let spec = libc::itimerspec {
            it_interval: libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            },
            it_value: libc::timespec {
                tv_sec: libc::time_t::try_from(after.as_secs()).unwrap_or(libc::time_t::MAX),
                tv_nsec: libc::c_long::from(after.subsec_nanos() as i32),
            },
        };
        // SAFETY: `spec` is a valid itimerspec; the old value is not asked for.
        if unsafe { libc::timerfd_settime(self.0.as_raw_fd(), 0, &spec, std::ptr::null_mut()) } < 0
        {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Reads the expiry: `WouldBlock` when there is none.
    fn expired(&self) -> io::Result<()> {
        use std::os::fd::AsRawFd;
        let mut count = [0u8; 8];
        // SAFETY: reads at most 8 bytes into `count`, which has them.
        let read = unsafe { libc::read(self.0.as_raw_fd(), count.as_mut_ptr().cast(), 8) };
        if read < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}

impl std::os::fd::AsRawFd for Timer {
    fn as_raw_fd(&self) -> std::os::fd::RawFd {
        self.0.as_raw_fd()
    }
}

/// How long until a wall-clock instant (zero if it has passed).
pub fn until(at: Timestamp) -> Duration {
    let nanos = at.duration_since(Timestamp::now()).as_nanos().max(0);
    Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The thread's voluntary context switches: each time it slept.
    fn sleeps() -> u64 {
        std::fs::read_to_string("/proc/thread-self/status")
            .unwrap_or_default()
            .lines()
            .find_map(|line| line.strip_prefix("voluntary_ctxt_switches:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    }

    /// A clock's next second is waited for in one sleep: the thread wakes
    /// once, at the deadline, not also early at the timer wheel's slot.
    #[tokio::test(flavor = "current_thread")]
    async fn each_second_of_a_clock_is_one_wake_up_at_its_deadline() {
        // A clock's seconds, as the loop sleeps them: each from wherever
        // the last frame ended.
        tokio::time::sleep(Duration::from_millis(37)).await;
        let before = sleeps();
        let start = Instant::now();
        let mut alarm = Alarm::default();
        for _ in 0..3 {
            let at = Timestamp::now() + jiff::SignedDuration::from_millis(977);
            alarm.sleep_until(Some(at)).await;
        }
        let slept = start.elapsed();
        let woken = sleeps() - before;
        assert!(slept >= Duration::from_millis(3 * 975), "{slept:?}");
        assert!(slept < Duration::from_millis(4_500), "{slept:?}");
        assert!(woken <= 3, "woken {woken} times in three seconds");
    }

    /// A sleep given up for input, its deadline passed unread, does not
    /// end the next one early; and a screen with nothing due stops it.
    #[tokio::test(flavor = "current_thread")]
    async fn a_sleep_given_up_neither_ends_the_next_early_nor_wakes_an_idle_screen() {
        let soon = |ms| Some(Timestamp::now() + jiff::SignedDuration::from_millis(ms));
        let mut alarm = Alarm::default();
        let given_up =
            tokio::time::timeout(Duration::from_millis(20), alarm.sleep_until(soon(60))).await;
        assert!(given_up.is_err());
        // The runtime sees the old deadline pass, with nobody waiting.
        tokio::time::sleep(Duration::from_millis(100)).await;
        let start = Instant::now();
        alarm.sleep_until(soon(200)).await;
        assert!(
            start.elapsed() >= Duration::from_millis(190),
            "{:?}",
            start.elapsed()
        );
        // Set again, given up, then nothing due: the timer is stopped.
        let _ = tokio::time::timeout(Duration::from_millis(10), alarm.sleep_until(soon(80))).await;
        assert!(alarm.armed);
        let _ = tokio::time::timeout(Duration::from_millis(10), alarm.sleep_until(None)).await;
        assert!(!alarm.armed);
        let timer = alarm.timer.as_ref().unwrap().get_ref();
        let mut left = libc::itimerspec {
            it_interval: libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            },
            it_value: libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            },
        };
        use std::os::fd::AsRawFd;
        // SAFETY: `left` is a valid itimerspec to fill.
        assert_eq!(
            unsafe { libc::timerfd_gettime(timer.as_raw_fd(), &mut left) },
            0
        );
        assert_eq!((left.it_value.tv_sec, left.it_value.tv_nsec), (0, 0));
    }
}
