//! An input's number, the one source of it: its axis, then its place in its
//! group's list ("2.3": the third input of axis 2). The room hears it, the
//! ranking lists it, and plan.md, plan.csv and `ssh … plan` print it; a
//! verdict or votes never change it, and a dropped input keeps its own.

use std::collections::HashMap;

use uuid::Uuid;

use super::session::Session;

impl Session {
    /// The number of group `g`'s axis: the workshop's, or the group's
    /// place when the workshop lost the axis.
    pub fn axis_number(&self, g: usize) -> u32 {
        self.groups
            .get(g)
            .and_then(|group| self.workshop.axis(&group.axis))
            .map_or(g as u32 + 1, |axis| axis.number)
    }

    /// The number of the input at `place` (from 0) in group `g`'s list.
    pub fn input_number(&self, g: usize, place: usize) -> String {
        format!("{}.{}", self.axis_number(g), place + 1)
    }

    /// Every input's number, by id.
    pub fn input_numbers(&self) -> HashMap<Uuid, String> {
        self.groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                group
                    .inputs
                    .iter()
                    .enumerate()
                    .map(move |(place, input)| (input.id, self.input_number(g, place)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use crate::i18n::Lang;
    use crate::model::input::Status;
    use crate::model::session::Session;
    use crate::model::workshop::Workshop;

    /// Votes and verdicts never renumber: the input the room called "1.3"
    /// is "1.3" in the ranking too, however it ranks.
    #[test]
    fn a_number_is_the_place_in_the_list_whatever_the_votes() {
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::new("sala", Workshop::default_for(Lang::Es).unwrap(), now);
        let ids: Vec<_> = ["a", "b", "c"]
            .into_iter()
            .map(|text| s.add_input(1, text.into(), now).unwrap())
            .collect();
        let last = s.input_mut(1, ids[2]).unwrap();
        last.plenary.votes = 11;
        last.plenary.status = Some(Status::Agreed);
        s.input_mut(1, ids[0]).unwrap().plenary.status = Some(Status::Dropped);
        let numbers = s.input_numbers();
        assert_eq!(numbers[&ids[0]], "2.1");
        assert_eq!(numbers[&ids[2]], "2.3");
        let ranked = s.ranking_across_axes();
        assert_eq!(ranked[0].number, "2.3");
    }
}
