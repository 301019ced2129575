//! The SSH client of the tests and benchmarks of `taller serve`: russh's,
//! on loopback, trusting the server's key (each test makes its own), joining
//! with a code through keyboard-interactive, as a rapporteur's laptop does.
//!
//! Included by path (`#[path = "support/ssh_client.rs"] mod ssh_client;`),
//! so each test and bench builds it with its own; not every one uses every
//! part.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use russh::client::{self, KeyboardInteractiveAuthResponse};
use tokio::io::{AsyncRead, AsyncWrite};

/// Connecting and joining never take longer than this.
pub const JOIN_WITHIN: Duration = Duration::from_secs(20);

/// A client that takes the server's key (made by the test itself).
pub struct Client;

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// Connects to `addr` (loopback only).
pub async fn connect(addr: SocketAddr, config: client::Config) -> client::Handle<Client> {
    assert!(addr.ip().is_loopback(), "loopback only");
    tokio::time::timeout(JOIN_WITHIN, client::connect(Arc::new(config), addr, Client))
        .await
        .expect("connected in time")
        .expect("connected")
}

/// Connects over a stream already open (one that counts its bytes, say).
pub async fn connect_over<S>(stream: S, config: client::Config) -> client::Handle<Client>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let connected = client::connect_stream(Arc::new(config), stream, Client);
    tokio::time::timeout(JOIN_WITHIN, connected)
        .await
        .expect("connected in time")
        .expect("connected")
}

/// Types `code` at the server's prompt: the prompt it showed, and whether
/// the code was taken.
pub async fn sign_in(
    handle: &mut client::Handle<Client>,
    user: &str,
    code: &str,
) -> (Option<String>, bool) {
    let asked = handle
        .authenticate_keyboard_interactive_start(user, None)
        .await
        .unwrap();
    let prompt = match asked {
        KeyboardInteractiveAuthResponse::InfoRequest { prompts, .. } => {
            prompts.first().map(|p| p.prompt.clone())
        }
        _ => None,
    };
    let answer = handle
        .authenticate_keyboard_interactive_respond(vec![code.to_string()])
        .await
        .unwrap();
    (
        prompt,
        matches!(answer, KeyboardInteractiveAuthResponse::Success),
    )
}

/// A terminal of `cols` × `rows` (`xterm-256color`) with the shell started:
/// the person's screen comes on it.
pub async fn terminal(
    handle: &client::Handle<Client>,
    cols: u32,
    rows: u32,
) -> russh::Channel<client::Msg> {
    let channel = handle.channel_open_session().await.unwrap();
    channel
        .request_pty(false, "xterm-256color", cols, rows, 0, 0, &[])
        .await
        .unwrap();
    channel.request_shell(false).await.unwrap();
    channel
}

/// Connects, joins as `user` with `code`, and opens a terminal.
pub async fn join(
    addr: SocketAddr,
    user: &str,
    code: &str,
    cols: u32,
    rows: u32,
) -> (client::Handle<Client>, russh::Channel<client::Msg>) {
    let mut handle = connect(addr, client::Config::default()).await;
    let (_, taken) = sign_in(&mut handle, user, code).await;
    assert!(taken, "{user} joins");
    let channel = terminal(&handle, cols, rows).await;
    (handle, channel)
}
