//! Words of presence (issue 21): who is editing an input now, shown beside
//! it on every other screen, and told to whoever opens it too.

use super::Lang;

impl Lang {
    /// The user name a role joins with, as the join screen lists it
    /// (`grupo3`, `facilitador`): what a person is called when the roster
    /// has no name for them. The same in both languages, as typed.
    pub fn user_name(self, group_number: Option<usize>) -> String {
        match group_number {
            Some(number) => format!("grupo{number}"),
            None => "facilitador".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_two_and_three_people_read_as_a_sentence() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            Lang::Es.is_editing(&names(&["grupo1"])),
            "grupo1 está editando"
        );
        assert_eq!(
            Lang::En.is_editing(&names(&["Ana", "facilitador"])),
            "Ana and facilitador are editing"
        );
        assert_eq!(
            Lang::Es.is_editing(&names(&["Ana", "Luis", "grupo2"])),
            "Ana, Luis y grupo2 están editando"
        );
    }
}
