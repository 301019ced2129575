//! The one writer of session files: a thread that takes snapshots in order,
//! serializes and writes them atomically, and reports each outcome. The UI
//! hands a snapshot over and goes on; it never waits on the disk, except
//! when quitting, where it must.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use std::collections::HashMap;

use jiff::Timestamp;

use crate::model::session::Session;
use crate::session::Writer;
use crate::store::{self, backup};

/// What happened to one save.
#[derive(Debug)]
pub struct SaveReport {
    pub path: PathBuf,
    pub seq: u64,
    pub result: Result<(), String>,
    /// The backup due before this save could not be made (the save itself
    /// may still have succeeded): said once, until a backup works again.
    pub backup: Option<std::io::Error>,
}

/// Said when the writer thread is gone, which only a bug can cause (the
/// host says it too, so it lives with the `Writer` the host talks to).
pub use crate::session::WRITER_GONE;

enum Job {
    Save {
        path: PathBuf,
        seq: u64,
        session: Arc<Session>,
    },
    /// Answer once every earlier save is done: with the error of the last one, if it failed.
    Flush(mpsc::Sender<Option<String>>),
}

pub struct Saver {
    jobs: Option<mpsc::Sender<Job>>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the writer; outcomes arrive on `outcomes` as they happen.
    pub fn spawn(outcomes: tokio::sync::mpsc::UnboundedSender<SaveReport>) -> Saver {
        let (jobs, queue) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("taller-saver".into())
            .spawn(move || write_loop(queue, outcomes))
            .expect("the saver thread starts");
        Saver {
            jobs: Some(jobs),
            thread: Some(thread),
        }
    }

    /// Hands a snapshot to the writer; false if the writer is gone (then
    /// nothing will be written, and the caller must say so).
    pub fn save(&self, path: PathBuf, seq: u64, session: Arc<Session>) -> bool {
        self.jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(Job::Save { path, seq, session }).is_ok())
    }

    /// A writer for a session's host: it hands snapshots to this thread.
    pub fn writer(&self) -> Box<dyn Writer> {
        Box::new(QueueWriter(self.jobs.clone()))
    }

    /// Waits until every save sent so far is on disk (or failed).
    pub fn flush(&self) -> Option<String> {
        let (reply, answer) = mpsc::channel();
        let sent = self
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(Job::Flush(reply)).is_ok());
        match (sent, answer.recv()) {
            (true, Ok(last_error)) => last_error,
            // A writer that died cannot have saved anything since.
            _ => Some(WRITER_GONE.to_string()),
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // Every save handed over is written before this returns. The thread
        // itself ends once the hosts holding a writer are gone too (they may
        // outlive the shell by a moment), so it is not joined here.
        let _ = self.flush();
        self.jobs.take();
        self.thread.take();
    }
}

/// The host's side of the writer: snapshots go into the writer's queue.
struct QueueWriter(Option<mpsc::Sender<Job>>);

impl Writer for QueueWriter {
    fn write(&mut self, path: &Path, seq: u64, session: Arc<Session>) -> bool {
        self.0.as_ref().is_some_and(|jobs| {
            jobs.send(Job::Save {
                path: path.to_path_buf(),
                seq,
                session,
            })
            .is_ok()
        })
    }
}

/// How long the changes must pause before the newest is written.
const SETTLE: Duration = Duration::from_millis(25);
/// Changes that never pause are still written at least this often.
const SETTLE_AT_MOST: Duration = Duration::from_millis(250);

/// One snapshot to write.
struct Snapshot {
    path: PathBuf,
    seq: u64,
    session: Arc<Session>,
}

fn write_loop(
    queue: mpsc::Receiver<Job>,
    outcomes: tokio::sync::mpsc::UnboundedSender<SaveReport>,
) {
    yield_to_people();
    let mut last_error: Option<String> = None;
    let mut generations = Generations::default();
    while let Ok(job) = queue.recv() {
        match job {
            Job::Flush(reply) => {
                let _ = reply.send(last_error.clone());
            }
            Job::Save { path, seq, session } => {
                let mut snapshot = Snapshot { path, seq, session };
                // Changes that come together (a room's ballots at once, a
                // burst of keystrokes, snapshots queued behind a slow disk)
                // are one save, once they pause: only the newest of a file
                // needs writing, and it is not written on the cores still
                // answering them.
                let mut flush = None;
                let waited_from = Instant::now();
                loop {
                    let wait = SETTLE.min(SETTLE_AT_MOST.saturating_sub(waited_from.elapsed()));
                    match queue.recv_timeout(wait) {
                        Ok(Job::Save { path, seq, session }) => {
                            let next = Snapshot { path, seq, session };
                            if next.path != snapshot.path {
                                // Its outcome is reported; the flush answers for the newest.
                                write(&snapshot, &mut generations, &outcomes);
                            }
                            snapshot = next;
                        }
                        // Someone waits for the disk (leaving): write now.
                        Ok(Job::Flush(reply)) => {
                            flush = Some(reply);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                last_error = write(&snapshot, &mut generations, &outcomes);
                if let Some(reply) = flush {
                    let _ = reply.send(last_error.clone());
                }
            }
        }
    }
}

/// The writer runs behind the people it saves for: when the two cores are
/// busy (a room's ballots at once, a rapporteur typing over SSH), the
/// answers and frames they wait on go first, and the saves, which nobody
/// watches and which keep only the newest snapshot, run a moment later.
/// A nice value of 10 still gives this thread about a tenth of a busy CPU,
/// so a save is delayed, never starved. (Linux keeps a nice value per
/// thread; elsewhere the writer keeps the process's.)
fn yield_to_people() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its arguments; gettid cannot fail.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}

/// When each file last had a generation kept, in this run, and the files
/// whose last backup failed (so the failure is said once, not every save).
#[derive(Default)]
struct Generations(
    HashMap<PathBuf, Timestamp>,
    std::collections::HashSet<PathBuf>,
);

impl Generations {
    /// Before a file is first written in a run (so the file as it was when
    /// opened survives, a migrated older one included), then every few minutes.
    /// A failed copy does not stop the save itself; it is tried again next
    /// time, and its error is returned.
    fn keep_if_due(&mut self, path: &std::path::Path) -> Option<std::io::Error> {
        let now = Timestamp::now();
        let due = self
            .0
            .get(path)
            .is_none_or(|last| now.duration_since(*last) >= backup::EVERY);
        if !due {
            return None;
        }
        match backup::take(path, now) {
            Ok(_) => {
                self.0.insert(path.to_path_buf(), now);
                self.1.remove(path);
                None
            }
            Err(error) => Some(error),
        }
    }
}

fn write(
    snapshot: &Snapshot,
    generations: &mut Generations,
    outcomes: &tokio::sync::mpsc::UnboundedSender<SaveReport>,
) -> Option<String> {
    let backup = generations.keep_if_due(&snapshot.path);
    let bytes = store::to_json(&snapshot.session);
    let result = store::write_atomic(&snapshot.path, &bytes).map_err(|error| error.to_string());
    let error = result.as_ref().err().cloned();
    // Said once, and only with a save that worked: a failed save is the
    // bigger news, and its message must not be covered.
    let backup = backup
        .filter(|_| result.is_ok())
        .filter(|_| generations.1.insert(snapshot.path.clone()));
    let _ = outcomes.send(SaveReport {
        path: snapshot.path.clone(),
        seq: snapshot.seq,
        result,
        backup,
    });
    error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::workshop::Workshop;
    use jiff::Timestamp;

    fn session_named(name: &str) -> Session {
        Session::new(
            name,
            Workshop::default_for(Lang::Es).unwrap(),
            Timestamp::UNIX_EPOCH,
        )
    }

    #[test]
    fn saves_in_order_and_flush_reports_the_last_failure() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let saver = Saver::spawn(tx);
        let mut session = session_named("orden");
        let path = dir.path().join("orden.json");
        for n in 0..20 {
            session.add_input(0, format!("insumo {n}"), Timestamp::UNIX_EPOCH);
            saver.save(path.clone(), n, Arc::new(session.clone()));
        }
        assert_eq!(saver.flush(), None);
        assert_eq!(store::load(&path).unwrap().groups[0].inputs.len(), 20);
        assert!(rx.try_recv().is_ok_and(|o| o.result.is_ok()));

        let missing = dir.path().join("no-such-folder").join("x.json");
        saver.save(missing, 99, Arc::new(session));
        assert!(saver.flush().is_some());
    }

    #[test]
    fn a_backup_that_cannot_be_made_is_reported_once_with_the_save() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.path().join(".taller-backups")).unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let saver = Saver::spawn(tx);
        let session = Arc::new(session_named("copias"));
        let path = dir.path().join("copias.json");
        // A file there already: the first save of the run keeps a copy first.
        store::write_atomic(&path, &store::to_json(&session)).unwrap();
        for seq in 0..3 {
            saver.save(path.clone(), seq, Arc::clone(&session));
            assert_eq!(saver.flush(), None);
        }
        let outcomes: Vec<SaveReport> = std::iter::from_fn(|| rx.try_recv().ok()).collect();
        assert!(outcomes.iter().all(|o| o.result.is_ok()), "{outcomes:?}");
        let warned = outcomes.iter().filter(|o| o.backup.is_some()).count();
        assert_eq!(warned, 1, "{outcomes:?}");
        assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    }

    /// A room's ballots arrive a few milliseconds apart: the snapshots they
    /// make are saved once they pause, the newest (the first was written at
    /// once before, on the cores answering the ballots). On a loaded
    /// machine a sleep may outlast the pause: then a few are saved, never
    /// the first alone.
    #[test]
    fn changes_close_together_are_saved_once_they_pause() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let saver = Saver::spawn(tx);
        let mut session = session_named("rafaga");
        let path = dir.path().join("rafaga.json");
        for n in 0..10 {
            session.add_input(0, format!("insumo {n}"), Timestamp::UNIX_EPOCH);
            saver.save(path.clone(), n, Arc::new(session.clone()));
            std::thread::sleep(Duration::from_millis(2));
        }
        assert_eq!(saver.flush(), None);
        let saved: Vec<u64> = std::iter::from_fn(|| rx.try_recv().ok())
            .map(|report| report.seq)
            .collect();
        assert_ne!(saved.first(), Some(&0), "not at once: {saved:?}");
        assert_eq!(saved.last(), Some(&9), "the newest: {saved:?}");
        assert_eq!(store::load(&path).unwrap().groups[0].inputs.len(), 10);
    }

    /// Changes that never pause are still on disk every `SETTLE_AT_MOST`;
    /// leaving (a flush) writes the newest.
    #[test]
    fn changes_that_never_pause_are_still_saved() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let saver = Saver::spawn(tx);
        let session = Arc::new(session_named("continuo"));
        let path = dir.path().join("continuo.json");
        let started = Instant::now();
        let mut seq = 0;
        while started.elapsed() < SETTLE_AT_MOST * 3 {
            saver.save(path.clone(), seq, Arc::clone(&session));
            seq += 1;
            std::thread::sleep(Duration::from_millis(5));
        }
        let saved_while_busy = std::iter::from_fn(|| rx.try_recv().ok()).count();
        assert!(saved_while_busy >= 1, "saved while the changes went on");
        saver.save(path.clone(), seq, Arc::clone(&session));
        assert_eq!(saver.flush(), None);
        let last = std::iter::from_fn(|| rx.try_recv().ok()).last().unwrap();
        assert_eq!(last.seq, seq);
    }
}
