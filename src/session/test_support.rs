//! What the host's tests share: their clock and the input they add.

use jiff::Timestamp;
use uuid::Uuid;

use super::{Command, Host, PersonId, Role};

/// `minute` minutes into the test's day.
pub fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + minute * 60).unwrap()
}

/// `who`, as `role`, adds an input saying `text` to group `group` at
/// minute 1; its id.
pub fn add(host: &mut Host, who: PersonId, role: &Role, group: usize, text: &str) -> Uuid {
    let id = Uuid::new_v4();
    host.submit(
        who,
        role,
        Command::AddInput {
            axis: host
                .session()
                .groups
                .get(group)
                .map(|g| g.axis.clone())
                .unwrap_or_default(),
            id,
            text: text.into(),
        },
        at(1),
    )
    .unwrap();
    id
}
