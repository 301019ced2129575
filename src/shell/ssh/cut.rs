//! A connection the server can cut: russh runs each session in a task of
//! its own, so the socket is wrapped, and once cut every read and write
//! fails at once (waking whatever waits on them), which ends that session
//! wherever it was stuck.

use std::io;
use std::pin::Pin;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Waker};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::Notify;

/// Cuts one connection; shared by its handler and its screens.
#[derive(Default)]
pub struct Cutter {
    cut: AtomicBool,
    wakers: Mutex<[Option<Waker>; 2]>,
    done: Notify,
}

impl Cutter {
    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        if let Ok(mut wakers) = self.wakers.lock() {
            for waker in wakers.iter_mut().filter_map(Option::take) {
                waker.wake();
            }
        }
        self.done.notify_waiters();
        self.done.notify_one();
    }

    pub fn is_cut(&self) -> bool {
        self.cut.load(Ordering::SeqCst)
    }

    /// Once the connection is cut.
    pub async fn cut_off(&self) {
        while !self.is_cut() {
            self.done.notified().await;
        }
    }

    fn check(&self, slot: usize, cx: &Context<'_>) -> io::Result<()> {
        if let Ok(mut wakers) = self.wakers.lock() {
            wakers[slot] = Some(cx.waker().clone());
        }
        if self.is_cut() {
            Err(io::ErrorKind::ConnectionAborted.into())
        } else {
            Ok(())
        }
    }
}

/// A stream that fails once its cutter has cut it.
pub struct Cuttable<S> {
    inner: S,
    cutter: std::sync::Arc<Cutter>,
}

impl<S> Cuttable<S> {
    pub fn new(inner: S, cutter: std::sync::Arc<Cutter>) -> Cuttable<S> {
        Cuttable { inner, cutter }
    }
}

const READ: usize = 0;
const WRITE: usize = 1;

impl<S: AsyncRead + Unpin> AsyncRead for Cuttable<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.cutter.check(READ, cx)?;
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Cuttable<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.cutter.check(WRITE, cx)?;
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.cutter.check(WRITE, cx)?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use tokio::io::AsyncReadExt;

    #[tokio::test]
    async fn a_read_waiting_forever_fails_once_cut() {
        let (_other_end, stream) = tokio::io::duplex(64);
        let cutter = Arc::new(Cutter::default());
        let mut stream = Cuttable::new(stream, Arc::clone(&cutter));
        let reading = tokio::spawn(async move {
            let mut buf = [0u8; 8];
            stream.read(&mut buf).await
        });
        tokio::task::yield_now().await;
        cutter.cut();
        let result = tokio::time::timeout(std::time::Duration::from_secs(5), reading)
            .await
            .unwrap()
            .unwrap();
        assert!(result.is_err());
        cutter.cut_off().await;
    }
}
