//! The one writer of session files: a thread that takes snapshots in order,
//! serializes and writes them atomically, and reports each outcome. The UI
//! hands a snapshot over and goes on; it never waits on the disk, except
//! when quitting, where it must.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
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
    /// Snapshots wait to be written ([`Pending`]): said for the first of
    /// a burst only.
    Wake,
    /// Answer once every earlier save is done: with the error of the last one, if it failed.
    Flush(mpsc::Sender<Option<String>>),
}

/// The snapshots handed over and not yet taken by the writer: the newest of
/// each file. Handed over here rather than through the queue, so that a
/// burst of changes (500 ballots at once) wakes the writer's thread once,
/// not once a change: each wake was a system call and two switches of a
/// core the answers were waiting for.
#[derive(Default)]
struct Pending {
    /// In the order their files first came.
    snapshots: Vec<Snapshot>,
    /// How many were handed over in all: the writer sees whether more came
    /// while it waited for the changes to pause.
    handed: u64,
    /// The writer's thread has ended (a bug made it panic): nothing handed
    /// over will be written, and every hand-over says so.
    gone: bool,
}

/// Where snapshots are handed over, and the writer woken.
#[derive(Clone)]
struct Handover {
    pending: Arc<Mutex<Pending>>,
    jobs: mpsc::Sender<Job>,
}

impl Handover {
    /// False if the writer is gone.
    fn hand_over(&self, snapshot: Snapshot) -> bool {
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        if pending.gone {
            return false;
        }
        pending.handed += 1;
        let first = pending.snapshots.is_empty();
        let older = match pending
            .snapshots
            .iter_mut()
            .find(|waiting| waiting.path == snapshot.path)
        {
            Some(older) => Some(std::mem::replace(older, snapshot)),
            None => {
                pending.snapshots.push(snapshot);
                None
            }
        };
        drop(pending);
        // Freed out of the lock the writer takes too.
        drop(older);
        // Nothing was waiting, so the writer may be asleep: woken. Else it
        // is awake (it takes every snapshot waiting at once), or a wake is
        // queued already.
        !first || self.jobs.send(Job::Wake).is_ok()
    }
}

pub struct Saver {
    handover: Option<Handover>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the writer; outcomes arrive on `outcomes` as they happen.
    pub fn spawn(outcomes: tokio::sync::mpsc::UnboundedSender<SaveReport>) -> Saver {
        let (jobs, queue) = mpsc::channel::<Job>();
        let pending = Arc::new(Mutex::new(Pending::default()));
        let taken = Arc::clone(&pending);
        let thread = std::thread::Builder::new()
            .name("taller-saver".into())
            .spawn(move || write_loop(queue, &taken, outcomes))
            .expect("the saver thread starts");
        Saver {
            handover: Some(Handover { pending, jobs }),
            thread: Some(thread),
        }
    }

    /// Hands a snapshot to the writer; false if the writer is gone (then
    /// nothing will be written, and the caller must say so).
    pub fn save(&self, path: PathBuf, seq: u64, session: Arc<Session>) -> bool {
        self.handover
            .as_ref()
            .is_some_and(|handover| handover.hand_over(Snapshot { path, seq, session }))
    }

    /// A writer for a session's host: it hands snapshots to this thread.
    pub fn writer(&self) -> Box<dyn Writer> {
        Box::new(QueueWriter(self.handover.clone()))
    }

    /// Waits until every save sent so far is on disk (or failed).
    pub fn flush(&self) -> Option<String> {
        let (reply, answer) = mpsc::channel();
        let sent = self
            .handover
            .as_ref()
            .is_some_and(|handover| handover.jobs.send(Job::Flush(reply)).is_ok());
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
        self.handover.take();
        self.thread.take();
    }
}

/// The host's side of the writer: snapshots are handed to the writer.
struct QueueWriter(Option<Handover>);

impl Writer for QueueWriter {
    fn write(&mut self, path: &Path, seq: u64, session: Arc<Session>) -> bool {
        self.0.as_ref().is_some_and(|handover| {
            handover.hand_over(Snapshot {
                path: path.to_path_buf(),
                seq,
                session,
            })
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
    pending: &Mutex<Pending>,
    outcomes: tokio::sync::mpsc::UnboundedSender<SaveReport>,
) {
    yield_to_people();
    // However this thread ends, hand-overs say from then on that nothing
    // will be written (it would be waiting forever).
    let _gone = Gone(pending);
    let mut last_error: Option<String> = None;
    let mut generations = Generations::default();
    let handed = || pending.lock().unwrap_or_else(|p| p.into_inner()).handed;
    while let Ok(job) = queue.recv() {
        let mut flush = None;
        match job {
            Job::Flush(reply) => flush = Some(reply),
            Job::Wake => {
                // Changes that come together (a room's ballots at once, a
                // burst of keystrokes, snapshots queued behind a slow disk)
                // are one save, once they pause: only the newest of a file
                // needs writing, and it is not written on the cores still
                // answering them.
                let waited_from = Instant::now();
                let mut seen = handed();
                loop {
                    let wait = SETTLE.min(SETTLE_AT_MOST.saturating_sub(waited_from.elapsed()));
                    match queue.recv_timeout(wait) {
                        // Someone waits for the disk (leaving): written now.
                        Ok(Job::Flush(reply)) => {
                            flush = Some(reply);
                            break;
                        }
                        // A wake left behind a flush that took its snapshots
                        // already: those it says came are taken below.
                        Ok(Job::Wake) => {}
                        Err(mpsc::RecvTimeoutError::Disconnected) => break,
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            let now = handed();
                            if now == seen || waited_from.elapsed() >= SETTLE_AT_MOST {
                                break;
                            }
                            seen = now;
                        }
                    }
                }
            }
        }
        // Every snapshot waiting, each file's newest, the oldest file first;
        // its outcome reported, the last one's error kept for a flush.
        let snapshots =
            std::mem::take(&mut pending.lock().unwrap_or_else(|p| p.into_inner()).snapshots);
        for snapshot in &snapshots {
            last_error = write(snapshot, &mut generations, &outcomes);
        }
        if let Some(reply) = flush {
            let _ = reply.send(last_error.clone());
        }
    }
}

/// Marks the writer gone when its thread ends, even by a panic.
struct Gone<'a>(&'a Mutex<Pending>);

impl Drop for Gone<'_> {
    fn drop(&mut self) {
        let mut pending = self.0.lock().unwrap_or_else(|p| p.into_inner());
        pending.gone = true;
        pending.snapshots.clear();
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

    /// A burst handed over wakes the writer once, and what waits is each
    /// file's newest snapshot, the files in the order they came.
    #[test]
    fn a_burst_wakes_the_writer_once_and_keeps_each_files_newest() {
        let (jobs, queue) = mpsc::channel();
        let handover = Handover {
            pending: Arc::default(),
            jobs,
        };
        let session = Arc::new(session_named("rafaga"));
        let (plenary, group) = (PathBuf::from("plenaria.json"), PathBuf::from("grupo.json"));
        for seq in 0..500 {
            let path = if seq % 5 == 0 { &group } else { &plenary };
            assert!(handover.hand_over(Snapshot {
                path: path.clone(),
                seq,
                session: Arc::clone(&session),
            }));
        }
        let wakes = std::iter::from_fn(|| queue.try_recv().ok()).count();
        assert_eq!(wakes, 1, "one wake for the burst");
        let pending = handover.pending.lock().unwrap();
        let waiting: Vec<(&Path, u64)> = pending
            .snapshots
            .iter()
            .map(|s| (s.path.as_path(), s.seq))
            .collect();
        assert_eq!(waiting, [(group.as_path(), 495), (plenary.as_path(), 499)]);
        assert_eq!(pending.handed, 500);
    }

    /// Changes that keep coming less than `SETTLE` apart, for longer than
    /// it, are written once, after the last: the writer waits for them to
    /// pause, not a fixed time from the first. (A sleep on a busy machine
    /// may outlast the pause: tried three times, one must be clean.)
    #[test]
    fn the_writer_waits_for_the_changes_to_pause() {
        let clean = (0..3).any(|_| {
            let dir = tempfile::tempdir().unwrap();
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
            let saver = Saver::spawn(tx);
            let session = Arc::new(session_named("pausa"));
            let path = dir.path().join("pausa.json");
            let started = Instant::now();
            // Ten changes 5 ms apart: twice `SETTLE` in all.
            for seq in 0..10 {
                saver.save(path.clone(), seq, Arc::clone(&session));
                std::thread::sleep(Duration::from_millis(5));
            }
            let spread = started.elapsed();
            // Written within `SETTLE_AT_MOST` of the last change: waited
            // for far longer, so a writer that never writes fails here.
            let waiting = Instant::now();
            let first = loop {
                if let Ok(report) = rx.try_recv() {
                    break report;
                }
                assert!(waiting.elapsed() < Duration::from_secs(5), "never written");
                std::thread::sleep(Duration::from_millis(5));
            };
            assert_eq!(first.result, Ok(()));
            drop(saver);
            let more = std::iter::from_fn(|| rx.try_recv().ok()).count();
            spread < SETTLE * 3 && first.seq == 9 && more == 0
        });
        assert!(clean, "written before the changes paused, three times");
    }

    /// Once the writer's thread is gone, every save says it will not be
    /// written, not only the first.
    #[test]
    fn every_save_after_the_writer_is_gone_says_so() {
        let (jobs, queue) = mpsc::channel();
        let pending: Arc<Mutex<Pending>> = Arc::default();
        let handover = Handover {
            pending: Arc::clone(&pending),
            jobs,
        };
        let session = Arc::new(session_named("perdida"));
        let snapshot = |seq| Snapshot {
            path: PathBuf::from("perdida.json"),
            seq,
            session: Arc::clone(&session),
        };
        // The thread ends (a panic, say): its guard marks it gone.
        drop(queue);
        drop(Gone(&pending));
        for seq in 0..3 {
            assert!(!handover.hand_over(snapshot(seq)), "save {seq}");
        }
        assert!(pending.lock().unwrap().snapshots.is_empty());
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
