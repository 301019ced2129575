//! Who is connected: every screen open on the server, with its role, the
//! address it came from, since when and its size, for the facilitator to
//! see (a stranger who joined shows) and to close one. Screens of one role
//! from one address are capped, so one code cannot buy the server's memory
//! screen after screen; and the memory a closed screen held is handed back
//! to the system, not kept by the allocator for a screen that never comes.

use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use jiff::Timestamp;
use ratatui::layout::Size;
use tokio::sync::watch;

use crate::session::Role;

/// Screens of one role open at once from one address: a facilitator's
/// laptop with a second window, two projectors on one machine; never a
/// hundred.
pub const PER_ROLE_AND_ADDRESS: usize = 4;

/// One screen as the facilitator sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedScreen {
    pub id: u64,
    pub role: Role,
    /// The name typed (`grupo3`, or a group's axis).
    pub user: String,
    pub address: IpAddr,
    pub since: Timestamp,
    pub size: Size,
}

/// Every screen open on a server.
#[derive(Default)]
pub struct Present {
    list: Mutex<Vec<(ListedScreen, watch::Sender<bool>)>>,
    next: AtomicU64,
    giving_back: AtomicBool,
}

/// A screen counted as open; it is taken off the list when dropped.
pub struct OpenScreen {
    present: Arc<Present>,
    id: u64,
    /// Turns true when the facilitator closes this screen.
    pub closed: watch::Receiver<bool>,
}

impl Present {
    /// Counts a new screen in, unless its role already has
    /// [`PER_ROLE_AND_ADDRESS`] screens open from its address.
    pub fn open(
        self: &Arc<Self>,
        role: Role,
        user: &str,
        address: IpAddr,
        size: Size,
    ) -> Option<OpenScreen> {
        let mut list = lock(&self.list);
        let same = list
            .iter()
            .filter(|(c, _)| c.role == role && c.address == address)
            .count();
        if same >= PER_ROLE_AND_ADDRESS {
            return None;
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let (close, closed) = watch::channel(false);
        list.push((
            ListedScreen {
                id,
                role,
                user: user.to_string(),
                address,
                since: Timestamp::now(),
                size,
            },
            close,
        ));
        Some(OpenScreen {
            present: Arc::clone(self),
            id,
            closed,
        })
    }

    /// The screens open now, oldest first.
    pub fn now(&self) -> Vec<ListedScreen> {
        lock(&self.list).iter().map(|(c, _)| c.clone()).collect()
    }

    pub fn len(&self) -> usize {
        lock(&self.list).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Asks a screen to close (it says goodbye to its person); whether it
    /// was still open.
    pub fn close(&self, id: u64) -> bool {
        lock(&self.list)
            .iter()
            .find(|(c, _)| c.id == id)
            .map(|(_, close)| close.send_replace(true))
            .is_some()
    }

    /// A while after screens close, the memory they held goes back to the
    /// system (once for many closing together).
    fn give_back_soon(self: &Arc<Self>) {
        if self.giving_back.swap(true, Ordering::SeqCst) {
            return;
        }
        let present = Arc::clone(self);
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            present.giving_back.store(false, Ordering::SeqCst);
            give_back();
            return;
        };
        runtime.spawn(async move {
            tokio::time::sleep(Duration::from_millis(300)).await;
            present.giving_back.store(false, Ordering::SeqCst);
            let _ = tokio::task::spawn_blocking(give_back).await;
        });
    }
}

impl OpenScreen {
    pub fn resized(&self, size: Size) {
        if let Some((c, _)) = lock(&self.present.list)
            .iter_mut()
            .find(|(c, _)| c.id == self.id)
        {
            c.size = size;
        }
    }
}

impl Drop for OpenScreen {
    fn drop(&mut self) {
        lock(&self.present.list).retain(|(c, _)| c.id != self.id);
        self.present.give_back_soon();
    }
}

/// Hands the allocator's free memory back to the system. glibc keeps what
/// a screen freed for later (its buffers are too small to be mapped apart
/// once a few were freed), so a server that had eighty screens kept their
/// memory for good.
fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_are_listed_capped_per_role_and_address_and_closed() {
        let present = Arc::new(Present::default());
        let here: IpAddr = "192.168.1.7".parse().unwrap();
        let there: IpAddr = "192.168.1.8".parse().unwrap();
        let size = Size::new(80, 24);
        let mut open: Vec<OpenScreen> = (0..PER_ROLE_AND_ADDRESS)
            .map(|_| present.open(Role::Reader, "lectura", here, size).unwrap())
            .collect();
        assert!(present.open(Role::Reader, "lectura", here, size).is_none());
        // Another role, another address: each its own count.
        let room = present.open(Role::Room, "sala", here, size).unwrap();
        assert!(present.open(Role::Reader, "lectura", there, size).is_some());
        room.resized(Size::new(200, 60));
        let listed = present.now();
        assert_eq!(listed.len(), PER_ROLE_AND_ADDRESS + 1);
        let shown = listed.iter().find(|c| c.role == Role::Room).unwrap();
        assert_eq!((shown.size, shown.address), (Size::new(200, 60), here));
        // Closing one tells that screen; once it goes, the list forgets it.
        assert!(present.close(shown.id));
        assert!(*room.closed.borrow());
        drop(room);
        assert!(!present.close(shown.id));
        open.pop();
        assert!(present.open(Role::Reader, "lectura", here, size).is_some());
        assert_eq!(present.len(), PER_ROLE_AND_ADDRESS - 1);
    }
}
