//! A client's outbox: what waits is at most a few frames, appended while
//! small and replaced by a whole screen past that, so a client that stops
//! reading never grows the server's memory or slows anyone else. A writer task sends through the SSH channel's window
//! (backpressure), and gives up on a client that takes no bytes for a while.

use std::sync::Mutex;
use std::time::Duration;

use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::sync::Notify;

#[derive(Default)]
pub struct Outbox {
    state: Mutex<State>,
    ready: Notify,
}

#[derive(Default)]
struct State {
    waiting: Option<Vec<u8>>,
    closed: bool,
}

/// Why the writer stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum Stopped {
    /// Everything was sent and the outbox closed.
    Done,
    /// The client took no bytes for the whole grace period.
    Stuck,
    /// The channel is gone.
    Gone,
}

impl Outbox {
    /// Whether a frame still waits (it has not reached the writer yet).
    pub fn is_waiting(&self) -> bool {
        self.state
            .lock()
            .map(|s| s.waiting.is_some())
            .unwrap_or(false)
    }

    /// Puts bytes out to send, replacing any that still wait.
    pub fn put(&self, bytes: Vec<u8>) {
        if bytes.is_empty() {
            return;
        }
        if let Ok(mut state) = self.state.lock() {
            state.waiting = Some(bytes);
        }
        self.ready.notify_one();
    }

    /// Appends bytes after any that still wait (a frame drawn on the one
    /// before it), unless that would make more than `cap` bytes wait: then
    /// nothing is put, and false says the caller should [`put`](Self::put)
    /// a whole screen instead.
    pub fn append(&self, bytes: Vec<u8>, cap: usize) -> bool {
        if bytes.is_empty() {
            return true;
        }
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        match &mut state.waiting {
            Some(waiting) if waiting.len() + bytes.len() > cap => return false,
            Some(waiting) => waiting.extend_from_slice(&bytes),
            None => state.waiting = Some(bytes),
        }
        drop(state);
        self.ready.notify_one();
        true
    }

    /// Nothing more will be put: the writer stops once what waits is sent.
    pub fn close(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.closed = true;
        }
        self.ready.notify_one();
    }

    fn take(&self) -> Option<Option<Vec<u8>>> {
        let mut state = self.state.lock().ok()?;
        match state.waiting.take() {
            Some(bytes) => Some(Some(bytes)),
            None if state.closed => None,
            None => Some(None),
        }
    }

    /// Sends what is put, in order, until closed; `stuck_after` without any
    /// byte taken by the client ends it.
    pub async fn write_to(
        &self,
        mut writer: impl AsyncWrite + Unpin,
        stuck_after: Duration,
    ) -> Stopped {
        loop {
            let bytes = match self.take() {
                None => return Stopped::Done,
                Some(None) => {
                    self.ready.notified().await;
                    continue;
                }
                Some(Some(bytes)) => bytes,
            };
            let mut sent = 0;
            while sent < bytes.len() {
                match tokio::time::timeout(stuck_after, writer.write(&bytes[sent..])).await {
                    Err(_) => return Stopped::Stuck,
                    Ok(Ok(0) | Err(_)) => return Stopped::Gone,
                    Ok(Ok(n)) => sent += n,
                }
            }
            if writer.flush().await.is_err() {
                return Stopped::Gone;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_newest_frame_wins_and_a_stuck_reader_is_given_up() {
        let outbox = Outbox::default();
        outbox.put(b"old".to_vec());
        outbox.put(b"new".to_vec());
        assert!(outbox.is_waiting());
        outbox.close();
        let mut sent = Vec::new();
        assert_eq!(
            outbox.write_to(&mut sent, Duration::from_secs(1)).await,
            Stopped::Done
        );
        assert_eq!(sent, b"new");

        // Small frames wait one after another; past the cap, nothing is put.
        let outbox = Outbox::default();
        assert!(outbox.append(b"one".to_vec(), 8));
        assert!(outbox.append(b"two".to_vec(), 8));
        assert!(!outbox.append(b"three".to_vec(), 8));
        outbox.close();
        let mut sent = Vec::new();
        outbox.write_to(&mut sent, Duration::from_secs(1)).await;
        assert_eq!(sent, b"onetwo");

        // A reader that takes 4 bytes and then nothing.
        let (writer, _reader) = tokio::io::duplex(4);
        let outbox = Outbox::default();
        outbox.put(vec![b'x'; 1000]);
        let started = std::time::Instant::now();
        let stopped = outbox.write_to(writer, Duration::from_millis(100)).await;
        assert_eq!(stopped, Stopped::Stuck);
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
