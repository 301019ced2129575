//! Who a person is, from the user name they join with: the role, and whose
//! join code opens it. A group's number is its place now (`grupo3`: the
//! group third now), so the code checked is the code of that group's axis,
//! which does not move when groups are removed or reordered.

use crate::shell::live::Role;

/// Whose code: a role as it stays when the groups change.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RoleKey {
    Facilitator,
    /// A group, by its axis id (`inteligencia`), never by its place.
    Group(String),
    Room,
    Reader,
}

/// The groups of the live session: (axis, number from 1, title).
pub type Groups = [(String, usize, String)];

/// A role, whose code opens it, and the name it is asked for by
/// (`grupo3`, the group's place now).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joining {
    pub role: Role,
    pub key: RoleKey,
    pub code_name: String,
}

/// The role a user name asks for, in Spanish or English, any case;
/// `None` for a name no role has.
pub fn from_user_name(user: &str, groups: &Groups) -> Option<Joining> {
    let user = user.trim().to_lowercase();
    let joining = |role, key, name: &str| Joining {
        role,
        key,
        code_name: name.to_string(),
    };
    match user.as_str() {
        "facilitador" | "facilitator" => {
            return Some(joining(
                Role::Facilitator,
                RoleKey::Facilitator,
                "facilitador",
            ));
        }
        "sala" | "room" => return Some(joining(Role::Room, RoleKey::Room, "sala")),
        "lectura" | "reader" => return Some(joining(Role::Reader, RoleKey::Reader, "lectura")),
        _ => {}
    }
    let number = user
        .strip_prefix("grupo")
        .or_else(|| user.strip_prefix("group"))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<usize>().ok());
    let group = groups
        .iter()
        .find(|(axis, n, _)| Some(*n) == number || axis.to_lowercase() == user)?;
    Some(joining(
        Role::Rapporteur {
            axis: group.0.clone(),
        },
        RoleKey::Group(group.0.clone()),
        &group_name(group.1),
    ))
}

/// `grupo3`: the user name a group's code is listed under.
pub fn group_name(number: usize) -> String {
    format!("grupo{number}")
}

/// Every user name a role is joined by now, in the order they are printed.
pub fn code_names(groups: &Groups) -> Vec<String> {
    let mut names = vec!["facilitador".to_string()];
    let mut numbers: Vec<usize> = groups.iter().map(|(_, n, _)| *n).collect();
    numbers.sort_unstable();
    numbers.dedup();
    names.extend(numbers.into_iter().map(group_name));
    names.push("sala".into());
    names.push("lectura".into());
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Vec<(String, usize, String)> {
        vec![
            ("inteligencia".into(), 1, "Inteligencia".into()),
            ("operaciones".into(), 2, "Operaciones".into()),
            ("detencion".into(), 3, "Detención".into()),
        ]
    }

    #[test]
    fn names_in_either_language_give_the_role() {
        let g = groups();
        let role = |u: &str| from_user_name(u, &g).map(|j| j.role);
        assert_eq!(role("facilitador"), Some(Role::Facilitator));
        assert_eq!(role("Facilitator"), Some(Role::Facilitator));
        assert_eq!(role("sala"), Some(Role::Room));
        assert_eq!(role("room"), Some(Role::Room));
        assert_eq!(role("lectura"), Some(Role::Reader));
        assert_eq!(role("reader"), Some(Role::Reader));
        let third = Some(Role::Rapporteur {
            axis: "detencion".into(),
        });
        assert_eq!(role("grupo3"), third);
        assert_eq!(role("GROUP3"), third);
        assert_eq!(role("detencion"), third);
        assert_eq!(from_user_name("detencion", &g).unwrap().code_name, "grupo3");
        assert_eq!(
            from_user_name("grupo3", &g).unwrap().key,
            RoleKey::Group("detencion".into())
        );
    }

    #[test]
    fn a_number_is_the_groups_place_now_and_its_code_the_axis_one() {
        // Group 2 removed: `grupo2` is the group now second, with its own
        // code's key; the removed group's axis is no role at all.
        let after: Vec<_> = [("inteligencia", "Inteligencia"), ("detencion", "Detención")]
            .iter()
            .enumerate()
            .map(|(i, (axis, title))| (axis.to_string(), i + 1, title.to_string()))
            .collect();
        let second = from_user_name("grupo2", &after).unwrap();
        assert_eq!(second.key, RoleKey::Group("detencion".into()));
        assert_eq!(second.code_name, "grupo2");
        assert_eq!(from_user_name("operaciones", &after), None);
        assert_eq!(from_user_name("grupo3", &after), None);
    }

    #[test]
    fn unknown_names_are_refused() {
        let g = groups();
        for user in [
            "root", "grupo4", "grupo", "grupo-1", "grupo 1", "", "admin", "grupo03x",
        ] {
            assert_eq!(from_user_name(user, &g), None, "{user}");
        }
    }

    #[test]
    fn codes_are_kept_for_every_role() {
        assert_eq!(
            code_names(&groups()),
            [
                "facilitador",
                "grupo1",
                "grupo2",
                "grupo3",
                "sala",
                "lectura"
            ]
        );
    }
}
