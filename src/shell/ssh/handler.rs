//! One SSH connection as russh sees it: who it is (codes, keys), and which
//! of its requests are answered yes. Everything but a terminal, the four
//! documents, and the language and terminal variables is refused.

use std::borrow::Cow;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use russh::server::{Auth, Handler, Msg, PublicKeyOffer, Response, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, MethodKind, MethodSet};
use tokio::sync::watch;

use super::Shared;
use super::channel::{self, Opened};
use super::cut::Cutter;
use super::roles::{self, Joining};

/// Wrong codes one connection may try before it is refused outright.
const TRIES_PER_CONNECTION: u32 = 3;
/// Session channels open at once on one connection.
const CHANNELS_PER_CONNECTION: usize = 4;

pub struct Connection {
    pub shared: Arc<Shared>,
    pub address: IpAddr,
    pub shutdown: watch::Receiver<bool>,
    pub cutter: Arc<Cutter>,
    pub joined: Option<(Joining, String)>,
    pub wrong: u32,
    pub channels: Arc<AtomicUsize>,
    /// Set once the connection has joined (it is then never timed out).
    pub joined_flag: Arc<AtomicBool>,
    /// Set once the client has reached authentication (the code prompt).
    pub asked: Arc<AtomicBool>,
}

impl Connection {
    fn joining(&self, user: &str) -> Option<Joining> {
        roles::from_user_name(user, &self.shared.live.groups())
    }

    /// The wait in force for this address, in words, when there is one.
    fn wait_in_words(&self) -> Option<String> {
        let wait = self.shared.backoff.waiting(self.address, Instant::now());
        (!wait.is_zero()).then(|| self.shared.lang.ssh_wait_for_turn(whole_seconds(wait)))
    }

    /// Checks a typed code at this address's next turn; `Err` with the wait
    /// in words when other tries hold the turns (nothing is checked then),
    /// unless `patient`: then it waits for a turn to come within reach.
    async fn check_code(&mut self, user: &str, typed: &str, patient: bool) -> Result<Auth, String> {
        if self.wrong >= TRIES_PER_CONNECTION {
            self.cutter.cut();
            return Ok(no_more());
        }
        let turn = if patient {
            self.shared.backoff.next_turn(self.address).await
        } else {
            self.shared
                .backoff
                .take_turn(self.address, Instant::now())
                .map_err(|wait| self.shared.lang.ssh_wait_for_turn(whole_seconds(wait)))?
        };
        tokio::time::sleep_until(turn.into()).await;
        Ok(match self.joining(user) {
            Some(joining) if self.shared.codes.accepts(&joining.key, typed) => {
                self.shared.backoff.succeeded(self.address);
                self.joined = Some((joining, user.to_string()));
                self.joined_flag.store(true, Ordering::SeqCst);
                self.shared.admission.joined(self.address);
                Auth::Accept
            }
            _ => {
                self.wrong += 1;
                if self.wrong >= TRIES_PER_CONNECTION {
                    no_more()
                } else {
                    Auth::reject()
                }
            }
        })
    }

    /// Asks for the code (or says the name is unknown), saying the wait in
    /// force first, if any.
    fn ask(&self, user: &str, wait: Option<String>) -> Auth {
        let lang = self.shared.lang;
        let (instructions, prompt) = match self.joining(user) {
            Some(joining) => (
                wait.unwrap_or_default(),
                lang.ssh_code_prompt(&joining.code_name),
            ),
            None => {
                let names = roles::code_names(&self.shared.live.groups()).join(", ");
                let shown: String = user.chars().take(40).collect();
                (
                    lang.ssh_unknown_user(&shown, &names),
                    lang.ssh_unknown_user_prompt().to_string(),
                )
            }
        };
        Auth::Partial {
            name: Cow::Borrowed("taller"),
            instructions: Cow::Owned(instructions),
            prompts: Cow::Owned(vec![(Cow::Owned(prompt), false)]),
        }
    }
}

/// A connection that had joined tells admission it has ended, so its
/// address may again have a few connections waiting at the prompt.
impl Drop for Connection {
    fn drop(&mut self) {
        if self.joined_flag.load(Ordering::SeqCst) {
            self.shared.admission.left(self.address);
        }
    }
}

/// Seconds as a person is told them: rounded up, at least one.
fn whole_seconds(wait: std::time::Duration) -> u64 {
    wait.as_secs_f64().ceil().max(1.0) as u64
}

fn no_more() -> Auth {
    Auth::Reject {
        proceed_with_methods: Some(MethodSet::empty()),
        partial_success: false,
    }
}

/// The methods offered: codes always, keys when some are authorized.
pub fn methods(with_keys: bool) -> MethodSet {
    let mut methods = MethodSet::empty();
    if with_keys {
        methods.push(MethodKind::PublicKey);
    }
    methods.push(MethodKind::KeyboardInteractive);
    methods.push(MethodKind::Password);
    methods
}

impl Handler for Connection {
    type Error = russh::Error;

    /// Shown by OpenSSH before any prompt, its own password prompt too:
    /// the wait in force for this address, if any.
    async fn authentication_banner(&mut self) -> Result<Option<String>, Self::Error> {
        // Called when the client asks to authenticate: it is at the prompt.
        self.asked.store(true, Ordering::SeqCst);
        Ok(self.wait_in_words().map(|words| format!("{words}\r\n")))
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        response: Option<Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        match response {
            None => Ok(self.ask(user, self.wait_in_words())),
            Some(mut answers) => {
                let typed = answers.next().unwrap_or_default();
                let typed = String::from_utf8_lossy(&typed).into_owned();
                // Turns held by other tries: asked again, told how long to wait.
                Ok(match self.check_code(user, &typed, false).await {
                    Ok(auth) => auth,
                    Err(wait) => self.ask(user, Some(wait)),
                })
            }
        }
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        // OpenSSH's password prompt carries no words of ours (the banner
        // said the wait): the code waits for its turn and is checked then.
        // (Patient, it is never refused unchecked.)
        Ok(self
            .check_code(user, password, true)
            .await
            .unwrap_or_else(|_| Auth::reject()))
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        // Only spares the signature for a key that would be refused anyway:
        // nothing is granted here.
        let known = self
            .joining(user)
            .is_some_and(|j| self.shared.authorized_keys.grants(&j.key, offer.public_key));
        Ok(if known { Auth::Accept } else { Auth::reject() })
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        match self.joining(user) {
            Some(joining)
                if self
                    .shared
                    .authorized_keys
                    .grants(&joining.key, key.public_key) =>
            {
                self.joined = Some((joining, user.to_string()));
                self.joined_flag.store(true, Ordering::SeqCst);
                self.shared.admission.joined(self.address);
                Ok(Auth::Accept)
            }
            _ => Ok(Auth::reject()),
        }
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some((joining, user)) = self.joined.clone() else {
            return Ok(());
        };
        if self.channels.fetch_add(1, Ordering::SeqCst) >= CHANNELS_PER_CONNECTION {
            self.channels.fetch_sub(1, Ordering::SeqCst);
            return Ok(());
        }
        reply.accept().await;
        let opened = Opened {
            shared: Arc::clone(&self.shared),
            role: joining.role,
            user,
            address: self.address,
            shutdown: self.shutdown.clone(),
            cutter: Arc::clone(&self.cutter),
        };
        let channels = Arc::clone(&self.channels);
        let cutter = Arc::clone(&self.cutter);
        let task = tokio::spawn(channel::run(channel, opened));
        // A screen that panics ends its connection, never the server.
        tokio::spawn(async move {
            if task.await.is_err() {
                cutter.cut();
            }
            channels.fetch_sub(1, Ordering::SeqCst);
        });
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        _cols: u32,
        _rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        _value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if channel::env_allowed(name) {
            session.channel_success(channel)
        } else {
            session.channel_failure(channel)
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_success(channel)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _command: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Accepted so the refusal can be said in words, with exit status 1.
        session.channel_success(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }
}
