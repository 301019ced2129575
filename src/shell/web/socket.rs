//! The socket a ballot-page request came on, for the one route that tunes it.

use std::io;
use std::os::fd::{BorrowedFd, RawFd};
use std::time::Duration;

/// The socket a request came on, valid while the request is served.
#[derive(Clone, Copy)]
pub struct Socket(pub(super) RawFd);

impl Socket {
    /// Has the system drop this connection when its phone left the Wi-Fi or
    /// slept: probes after 20 s of silence, and what the events stream sent
    /// left unacknowledged for a minute (Linux's `TCP_USER_TIMEOUT`; a
    /// stream is never silent, it hears the keep-alive). Asked by `/events`
    /// only: the five socket options cost a ballot's connection, which
    /// lives a moment, about a tenth of its server time.
    pub fn drop_when_gone(self) -> io::Result<()> {
        // SAFETY: the connection owns the socket until it ends, and a
        // request's handler runs inside the connection's future.
        let fd = unsafe { BorrowedFd::borrow_raw(self.0) };
        let every = Duration::from_secs(20);
        let probes = socket2::TcpKeepalive::new()
            .with_time(every)
            .with_interval(every)
            .with_retries(3);
        let socket = socket2::SockRef::from(&fd);
        socket.set_tcp_keepalive(&probes)?;
        #[cfg(target_os = "linux")]
        socket.set_tcp_user_timeout(Some(every * 3))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsRawFd;
    use tokio::net::{TcpListener, TcpStream};

    #[tokio::test]
    async fn an_events_socket_is_dropped_when_its_phone_is_gone_and_only_it_pays_for_it() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let _phone = TcpStream::connect(addr).await.unwrap();
        let (stream, _) = listener.accept().await.unwrap();
        let socket = socket2::SockRef::from(&stream);
        // A new connection probes nothing: a ballot's connection lives a moment.
        assert!(!socket.keepalive().unwrap());
        Socket(stream.as_raw_fd()).drop_when_gone().unwrap();
        assert!(socket.keepalive().unwrap());
        assert_eq!(
            socket.tcp_keepalive_time().unwrap(),
            Duration::from_secs(20)
        );
        #[cfg(target_os = "linux")]
        assert_eq!(
            socket.tcp_user_timeout().unwrap(),
            Some(Duration::from_secs(60))
        );
    }
}
