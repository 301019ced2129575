//! English: every word a person reads, in this one file.

use std::fmt::Display;

use super::cli_words::{CliWords, arg};
use super::offline::count;
use super::ssh::ascii;
use super::workshop::ascii_short;
use super::{FileKind, KeyWords, Language, PlanWords, PollScreenWords, PollWords, Strings};
use crate::model::patch::TextField;
use crate::model::poll::{BallotFault, BallotRefused, MAX_REASON_CHARS, PollRefused};
use crate::model::workshop::ItemKind;

pub struct En;

impl Language for En {
    fn t(&self) -> &'static Strings {
        &STRINGS
    }

    fn country_name(&self, stored: &str) -> Option<&'static str> {
        Some(match stored {
            "Belize" => "Belize",
            "Brasil" => "Brazil",
            "Canadá" => "Canada",
            "Colombia" => "Colombia",
            "Ecuador" => "Ecuador",
            "Estados Unidos" => "United States",
            "México" => "Mexico",
            "Nicaragua" => "Nicaragua",
            "Panamá" => "Panama",
            "República Dominicana" => "Dominican Republic",
            _ => return None,
        })
    }

    // Counts, titles, sessions and their files, the schedule, the command line.
    fn inputs(&self, n: usize) -> String {
        match n {
            1 => "1 input".into(),
            n => format!("{n} inputs"),
        }
    }

    fn groups(&self, n: usize) -> String {
        match n {
            1 => "1 group".into(),
            n => format!("{n} groups"),
        }
    }

    fn item_of(&self, i: usize, n: usize) -> String {
        format!("Item {i} of {n}")
    }

    fn group_of(&self, i: usize, n: usize) -> String {
        format!("Group {i} of {n}")
    }

    fn part_of(&self, i: usize, n: usize) -> String {
        format!("Part {i} of {n}")
    }

    fn report_of(&self, i: usize, n: usize) -> String {
        format!("Group {i} of {n} reports back")
    }

    fn axis_label(&self, number: u32) -> String {
        format!("Axis {number}")
    }

    fn new_input_title(&self, axis: &dyn Display) -> String {
        format!(" New input — {axis} ")
    }

    fn edit_input_title(&self, n: usize) -> String {
        format!(" Edit input {n} ")
    }

    fn role_title(&self, role: &str, group: usize) -> String {
        format!(" {role} of group {group} ")
    }

    fn saved_at(&self, time: &dyn Display) -> String {
        format!("Saved {time}")
    }

    fn save_failed(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("Could not save {path}: {reason}! Your text is still in memory; Ctrl+S retries.")
    }

    fn too_small(&self, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
        format!("Window too small ({w}×{h}). At least {min_w}×{min_h} is needed.")
    }

    fn no_sessions_in(&self, dir: &dyn Display) -> String {
        format!("No saved sessions yet in {dir}")
    }

    fn created(&self, path: &dyn Display) -> String {
        format!("Session created: {path}")
    }

    fn cannot_open(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("Cannot open {path}: {reason}")
    }

    fn saved_in(&self, path: &dyn Display) -> String {
        format!("Session saved in {path}")
    }

    fn read_only(&self, holder: &dyn Display) -> String {
        format!("Read-only: in use by {holder}")
    }

    fn too_large(&self, bytes: u64, max: u64) -> String {
        let mb = |b: u64| b / (1024 * 1024);
        format!(
            "it is too large to be a session ({} MB; the limit is {} MB)",
            mb(bytes),
            mb(max)
        )
    }

    fn too_large_to_write(&self, bytes: u64, max: u64) -> String {
        let mb = |b: u64| b.div_ceil(1024 * 1024);
        format!(
            "not written: it would be {} MB and taller opens sessions of at most {} MB; the file there is left as it was",
            mb(bytes),
            mb(max)
        )
    }

    fn in_use(&self, holder: &dyn Display) -> String {
        format!("cannot change it: the session is open by {holder}; close it there first")
    }

    fn holder(&self, pid: &dyn Display, host: &dyn Display) -> String {
        format!("process {pid} on {host}")
    }

    fn backups_hint(&self, n: usize, when: &str, name: &str) -> String {
        format!(
            ". Newest good backup: number {n}, from {when}. To bring it back: taller restore \"{name}\" {n}"
        )
    }

    fn no_backups(&self, path: &dyn Display) -> String {
        format!("There are no backups of {path}")
    }

    fn no_such_backup(&self, n: usize, count: usize) -> String {
        format!("there is no backup number {n}: there are {count}")
    }

    fn restored_from(&self, n: usize, path: &dyn Display) -> String {
        format!("Restored backup {n} to {path}; the previous file is now backup 1.")
    }

    fn unsaved_recovered(
        &self,
        path: &dyn Display,
        reason: &dyn Display,
        copy: &dyn Display,
    ) -> String {
        format!(
            "could not save {path} ({reason}); the session, with everything typed, is in {copy}, which \"taller open\" opens"
        )
    }

    fn unsaved_lost(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!(
            "could not save {path} ({reason}) nor write a recovery file in any folder: what was unsaved is lost"
        )
    }

    fn crashed_saved(&self, path: &dyn Display) -> String {
        format!(
            "taller failed, but nothing was lost: the session, with what was in the editor, is in {path}"
        )
    }

    fn trashed(&self, path: &dyn Display) -> String {
        format!("Moved to the trash: {path}")
    }

    fn cannot_write(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("Cannot write {path}: {reason}")
    }

    fn default_workshop_hint(&self, title: &dyn Display) -> String {
        format!("default workshop: {title}")
    }

    fn not_json(&self, line: usize, column: usize, reason: &dyn Display) -> String {
        format!("not valid JSON (line {line}, column {column}: {reason})")
    }

    fn invalid_session(&self, line: usize, column: usize, reason: &dyn Display) -> String {
        format!("the session has invalid data (line {line}, column {column}: {reason})")
    }

    fn newer_schema(&self, found: u64, supported: u32) -> String {
        format!(
            "it was written by a newer taller (schema {found}; this version reads up to {supported}). Update taller; the file was not changed."
        )
    }

    fn session_exists(&self, name: &dyn Display) -> String {
        format!(
            "a session named \"{name}\" already exists; pick another name or use \"taller open {name}\""
        )
    }

    fn workshop_for_new_only(&self, name: &dyn Display) -> String {
        format!(
            "the session \"{name}\" already exists with its workshop; --workshop is only for a new session: \"taller serve {name}\" serves it as it is"
        )
    }

    fn duration_out_of_range(&self, field: &str, value: u64, max: u64) -> String {
        format!("the field {field} is out of range ({value}; the most allowed is {max})")
    }

    fn time_out_of_range(
        &self,
        field: &str,
        value: &dyn Display,
        earliest: i16,
        latest: i16,
    ) -> String {
        format!(
            "the field {field} has a date out of range ({value}; years {earliest} to {latest} are accepted)"
        )
    }

    fn renewed_ids(&self, n: usize) -> String {
        match n {
            1 => "1 input with a repeated id was given a new id".into(),
            n => format!("{n} inputs with a repeated id were given new ids"),
        }
    }

    fn minutes_refused(&self, text: &str, max: u32) -> String {
        format!("\"{text}\" is not a valid length: type the minutes, 1 to {max}")
    }

    fn drift(&self, minutes: i64) -> String {
        match minutes {
            0 => "on schedule".into(),
            m if m > 0 => format!("+{m} min behind"),
            m => format!("{} min ahead", -m),
        }
    }

    fn drift_on(&self, day: jiff::civil::Date, minutes: i64) -> String {
        let date = day.strftime("%d %b %Y");
        format!("{date}: {}", self.drift(minutes))
    }

    fn expected_end(&self, time: &dyn Display) -> String {
        format!("expected end {time}")
    }

    fn minutes_title(&self, item: &dyn Display) -> String {
        format!(" Planned minutes — {item} ")
    }

    fn minutes_every_breakout_title(&self, breakout: &dyn Display) -> String {
        format!(" Planned minutes of every group — {breakout} ")
    }

    fn minutes_every_report_title(&self) -> String {
        " Planned minutes of every group — report-back ".to_string()
    }

    fn time_of_day(&self, time: &dyn Display) -> String {
        format!("time {time}")
    }

    fn cannot_listen(&self, address: &str, reason: &str) -> String {
        format!(
            "Cannot listen on {address}: {reason} (is another taller serving there? use --listen)"
        )
    }

    fn bad_authorized_key(&self, file: &str, line: &str) -> String {
        format!("{file}: invalid line ({line}); each line is `ROLE ssh-ed25519 AAAA…`")
    }

    fn keys_missing(&self) -> &'static str {
        "it does not exist"
    }

    fn keys_not_regular(&self) -> &'static str {
        "not a regular file (a pipe, a device?)"
    }

    fn keys_too_large(&self, max_kib: u64) -> String {
        format!("too large for authorized keys (over {max_kib} KiB)")
    }

    fn serving_held(&self, holder: &str) -> String {
        format!("Cannot serve this session: {holder}. Close it there first.")
    }

    fn join_addresses(&self, addresses: &str) -> String {
        format!("If it does not connect, try another address of this computer: {addresses}")
    }

    fn join_fingerprint(&self, fingerprint: &str) -> String {
        format!("The first time, ssh shows a fingerprint: it must be {fingerprint}")
    }

    fn join_web(&self, link: &str) -> String {
        format!("Phones vote at {link}")
    }

    fn settings_line(&self, bell: bool) -> String {
        let yes_no = |on: bool| match on {
            true => "on",
            false => "off",
        };
        format!(
            "b  bell: {} · i  planned start · n  next item · Esc goes back",
            yes_no(bell)
        )
    }

    fn time_refused(&self, text: &str) -> String {
        format!("\"{text}\" is not a time: type HH:MM, for example 09:30")
    }

    fn moved_to(&self, group: &dyn Display) -> String {
        format!("Input moved to \"{group}\". \"u\" moves it back.")
    }

    fn similar_to(&self, number: &dyn Display, group: &dyn Display) -> String {
        format!("possible duplicate of input {number} in \"{group}\" (g to go there)")
    }

    fn more_text(&self, bytes: usize) -> String {
        let kb = bytes.div_ceil(1024);
        format!("… continues ({kb} KB more; Enter to see all of it)")
    }

    fn participants_title(&self, group: usize) -> String {
        format!(" Participants of group {group} ")
    }

    fn other_workshop(&self, file: &str, workshop: &str, expected: &str) -> String {
        format!("{file} is from another workshop (\"{workshop}\", not \"{expected}\")")
    }

    fn similar_in_plan(&self, opening: &str, group: &dyn Display) -> String {
        format!("possible duplicate of \"{opening}\", in \"{group}\"")
    }

    fn consolidated(&self, inputs: usize, files: usize, dir: &dyn Display) -> String {
        format!(
            "{} from {} consolidated in {dir}: plan.md, plan.csv, plan.json",
            count(inputs, "input", "inputs"),
            count(files, "file", "files")
        )
    }

    fn skipped(&self, reason: &dyn Display) -> String {
        format!("skipped — {reason}")
    }

    fn votes(&self, n: u32) -> String {
        match n {
            1 => "1 vote".into(),
            n => format!("{n} votes"),
        }
    }

    fn imported(&self, added: usize, updated: usize, from: &dyn Display) -> String {
        format!(
            "{added} new and {updated} updated {}, brought from {from}",
            if added + updated == 1 {
                "input"
            } else {
                "inputs"
            }
        )
    }

    fn name_too_long(&self, max: usize) -> String {
        format!(
            "the name is too long: at most {max} characters (fewer with emoji or non-Latin scripts)"
        )
    }

    fn cli_unexpected_argument(&self, arg: &str) -> String {
        format!("unexpected argument '{arg}' found")
    }

    fn cli_unknown_command(&self, name: &str) -> String {
        format!("unrecognized subcommand '{name}'")
    }

    fn cli_missing_value(&self, arg: &str) -> String {
        format!("a value is required for '{arg}' but none was supplied")
    }

    fn cli_invalid_value(&self, value: &str, arg: &str) -> String {
        format!("invalid value '{value}' for '{arg}'")
    }

    fn cli_possible_values(&self, values: &str) -> String {
        format!("possible values: {values}")
    }

    fn cli_missing_arguments(&self) -> &'static str {
        "the following required arguments were not provided:"
    }

    fn cli_unexpected_value(&self, value: &str, arg: &str) -> String {
        format!("unexpected value '{value}' for '{arg}' found; no more were expected")
    }

    fn cli_conflict(&self, arg: &str, other: &str) -> String {
        format!("the argument '{arg}' cannot be used with '{other}'")
    }

    fn cli_used_twice(&self, arg: &str) -> String {
        format!("the argument '{arg}' cannot be used multiple times")
    }

    fn cli_no_equals(&self, arg: &str) -> String {
        format!("equal sign is needed when assigning values to '{arg}'")
    }

    fn cli_needs_command(&self, name: &str) -> String {
        format!("'{name}' requires a subcommand but one was not provided")
    }

    fn cli_invalid_utf8(&self) -> &'static str {
        "invalid UTF-8 was detected in one or more arguments"
    }

    fn cli_did_you_mean(&self, suggestion: &str) -> String {
        format!("tip: did you mean '{suggestion}'?")
    }

    fn cli_usage(&self, usage: &str) -> String {
        format!("Usage: {usage}")
    }

    fn cli_try_help(&self) -> &'static str {
        "For more information, try '--help'."
    }

    fn file_kind(&self, kind: FileKind) -> &'static str {
        match kind {
            FileKind::Fifo => "a named pipe (FIFO)",
            FileKind::Device => "a device",
            FileKind::Socket => "a socket",
            FileKind::Symlink => "a symbolic link",
            FileKind::Folder => "a folder",
            FileKind::HardLinked => "a file with other names (a hard link)",
            FileKind::Other => "something other than a file",
        }
    }

    fn not_regular(&self, kind: FileKind) -> String {
        let what = self.file_kind(kind);
        format!("it is not a regular file but {what}; it is not read")
    }

    fn unsafe_path(&self, path: &dyn Display, kind: FileKind) -> String {
        let what = self.file_kind(kind);
        match kind {
            FileKind::Symlink => format!(
                "{path} is a symbolic link; taller does not write through one. If you did not make it, someone else can write in this folder: check it and remove the link"
            ),
            FileKind::HardLinked => format!(
                "{path} is a hard link to another file; taller does not write to it, as that would change the other file. If you did not make it, someone else can write in this folder: check it and remove {path}"
            ),
            FileKind::Other => {
                format!("{path} belongs to another user; taller does not use it. Check the folder")
            }
            _ => format!("{path} is {what}, not what taller expects there; remove or move it"),
        }
    }

    fn shared_dir_refused(&self, dir: &dyn Display, mode: u32) -> String {
        format!(
            "other users can write in the folder {dir} (mode {mode:o}): they could read, change or replace the sessions. Use a private folder (chmod 700 {dir}) or, if you know and accept it, add --allow-shared-dir"
        )
    }

    fn shared_dir_warning(&self, dir: &dyn Display, mode: u32) -> String {
        format!(
            "warning: other users can write in the folder {dir} (mode {mode:o}); taller will not save sessions there without --allow-shared-dir"
        )
    }

    fn backup_damaged(
        &self,
        n: usize,
        copy: &dyn Display,
        reason: &dyn Display,
        name: &str,
    ) -> String {
        format!(
            "backup {n} is damaged and was not restored ({copy}: {reason}). The session is unchanged; taller restore \"{name}\" lists the other backups"
        )
    }

    fn out_is_a_file(&self, path: &dyn Display) -> String {
        format!(
            "{path} already exists and is a file, not a folder: --out needs a folder (new or existing) for plan.md, plan.csv and plan.json. Choose another path"
        )
    }

    fn backup_failed(&self, folder: &dyn Display, reason: &dyn Display) -> String {
        format!("Saved without a backup: {reason} (folder {folder})")
    }

    fn out_not_regular(&self, path: &dyn Display, kind: FileKind) -> String {
        let what = self.file_kind(kind);
        format!(
            "{path} already exists and is {what}: --out only replaces a regular file, and taller does not write through {what}. Choose another path"
        )
    }

    fn out_is_a_folder(&self, path: &dyn Display) -> String {
        format!(
            "{path} is a folder: --out needs the path of a file, for example {path}/schedule.csv"
        )
    }

    // The agenda changed on the day (issue 15): prompts, questions, refusals and help of the agenda keys.
    fn refused_no_item(&self) -> &'static str {
        "That agenda item is no longer there (someone removed it)"
    }

    fn refused_empty_title(&self) -> &'static str {
        "The title cannot be empty"
    }

    fn refused_last_group(&self) -> &'static str {
        "The day needs at least one group: this is the last one"
    }

    fn refused_last_item(&self) -> &'static str {
        "The agenda needs at least one item: this is the last one"
    }

    fn refused_group_has_inputs(&self, count: usize) -> String {
        format!(
            "The group has {}: say which group they go to before removing it",
            self.inputs(count)
        )
    }

    fn break_title(&self) -> &'static str {
        "Break"
    }

    fn new_item_title(&self, kind: ItemKind) -> &'static str {
        match kind {
            ItemKind::Item => " New agenda item: title ",
            ItemKind::Break | ItemKind::Lunch => " New break: title ",
        }
    }

    fn item_title_prompt(&self, n: usize) -> String {
        format!(" Title of item {n} ")
    }

    fn new_group_title(&self) -> &'static str {
        " New group: name "
    }

    fn group_title_prompt(&self, n: usize) -> String {
        format!(" Name of group {n} ")
    }

    fn refused_text_stays(&self, reason: &str) -> String {
        format!("{reason} · your text is still here: Esc again keeps it as a draft")
    }

    fn draft_kept(&self) -> &'static str {
        "Your text is kept as a draft: press a in a group you may write to and it comes back in the editor"
    }

    fn draft_kept_nowhere(&self, text: &str) -> String {
        let text = text.replace('\n', " / ");
        format!("Your group is gone and you may write in no other; your text, to copy it: «{text}»")
    }

    fn draft_back(&self) -> &'static str {
        "Your kept draft is back in the editor"
    }

    fn prompt_gone(&self) -> &'static str {
        " (no longer on the agenda) "
    }

    fn group_added(&self, short: &str) -> String {
        format!("Group added · short name: {short}")
    }

    fn item_removed(&self, title: &str) -> String {
        format!("Removed: {title} · u brings it back")
    }

    fn group_removed(&self, title: &str, inputs: usize, into: Option<usize>) -> String {
        match into {
            Some(into) => format!(
                "Group removed; {} to group {into} · u brings it back",
                self.inputs(inputs)
            ),
            None => format!("Group removed: {title} · u brings it back"),
        }
    }

    fn confirm_remove_item(&self) -> &'static str {
        "Take this item off the agenda? Its clock stops; u brings it back with its time."
    }

    fn confirm_remove_group(&self) -> &'static str {
        "Remove this group? Its clock stops; u brings it back."
    }

    fn remove_group_into(&self, title: &str, inputs: usize) -> String {
        format!("Remove the group \"{title}\"? Its inputs ({inputs}) go to the group:")
    }

    fn remove_group_keys(&self) -> &'static str {
        "← →: choose the group · y / Enter: remove · n / Esc: no"
    }

    fn key_add_item(&self) -> &'static str {
        "add an item after the selected one (title, minutes)"
    }

    fn key_add_break(&self) -> &'static str {
        "add a break after the selected one"
    }

    fn key_rename_item(&self) -> &'static str {
        "rename the item"
    }

    fn key_move_item(&self) -> &'static str {
        "move the item up / down the agenda"
    }

    fn key_remove_item(&self) -> &'static str {
        "take the item off the agenda (asks first)"
    }

    fn key_add_group(&self) -> &'static str {
        "add a group (its name)"
    }

    fn key_rename_group(&self) -> &'static str {
        "rename the group"
    }

    fn key_remove_group(&self) -> &'static str {
        "remove the group (asks first; its inputs go to another)"
    }

    // The footer's words.
    fn key_words(&self) -> &'static KeyWords {
        &KEY_WORDS
    }

    // Two people's edits of one text merged (issue 21).
    fn input_field(&self, number: &str, field: TextField) -> String {
        let field = match field {
            TextField::Text => "text",
            TextField::Observations => "observations",
        };
        format!("Input {number} ({field})")
    }

    fn participants_of(&self, group: &str) -> String {
        format!("Participants of \"{group}\"")
    }

    fn roster_of(&self, role: crate::model::session::RosterRole, group: &str) -> String {
        use crate::model::session::RosterRole;
        match role {
            RosterRole::Facilitator => format!("Facilitator of \"{group}\""),
            RosterRole::Rapporteur => format!("Rapporteur of \"{group}\""),
        }
    }

    fn merged_with_others(&self, what: &str) -> String {
        format!("{what}: someone else changed it while you typed; both your changes are kept")
    }

    fn overlapped_yours_kept(&self, what: &str) -> String {
        format!(
            "{what}: someone else changed the same words while you typed; yours stay and theirs follow, marked \"⟦other version: …⟧\". Please check it"
        )
    }

    fn overlapped_yours_marked(&self, what: &str) -> String {
        format!(
            "{what}: someone else changed the same words as you; theirs stay and yours follow, marked \"⟦other version: …⟧\". Please check it"
        )
    }

    // The offline day (issue 12): group laptops, import, the plan.
    fn merge_group_report(
        &self,
        number: &str,
        added: usize,
        updated: usize,
        deleted: usize,
        roster: bool,
    ) -> String {
        let group = format!("Group {number}");
        let (new, upd, del) = (
            ("new", "new"),
            ("updated", "updated"),
            ("deleted", "deleted"),
        );
        let ros = "roster updated";
        let mut counts = Vec::new();
        for (n, (one, many)) in [(added, new), (updated, upd), (deleted, del)] {
            if n > 0 {
                counts.push(count(n, one, many));
            }
        }
        let mut text = format!("{group}: {}", counts.join(", "));
        if roster {
            if !counts.is_empty() {
                text.push_str("; ");
            }
            text.push_str(ros);
        }
        text
    }

    fn merge_nothing_new(&self) -> &'static str {
        "nothing new"
    }

    fn merge_clocks(&self, n: usize) -> String {
        count(n, "clock updated", "clocks updated")
    }

    fn merge_outside(&self, n: usize) -> String {
        format!(
            "{} outside its group not taken: a group laptop's file changes only its group",
            count(n, "change", "changes")
        )
    }

    fn merge_verdicts_refused(&self, n: usize) -> String {
        format!(
            "{} of the plenary (verdict, votes, observations) not taken: they come only from the plenary's session",
            count(n, "decision", "decisions")
        )
    }

    fn merge_future(&self, n: usize, latest: jiff::Timestamp) -> String {
        // In words, as the rest of the sentence: "1 de enero de 2999, 00:00 UTC".
        let at = latest.to_zoned(jiff::tz::TimeZone::UTC);
        let latest = format!(
            "{}, {} UTC",
            self.date_in_words(at.date()),
            at.strftime("%H:%M")
        );
        format!(
            "{} dated in the future (up to {latest}) did not win: is that computer's clock ahead? What is here stays; what is new comes dated now",
            count(n, "change", "changes")
        )
    }

    fn merge_words(&self, merged: &[String], overlapped: &[String]) -> String {
        let (merged, overlapped) = (merged.join(", "), overlapped.join(", "));
        let mut text = format!("changed on both computers, merged word by word: {merged}");
        if !overlapped.is_empty() {
            text.push_str(&format!(
                    " (in {overlapped} the same words changed: both kept, the other marked \"⟦other version: …⟧\")"
                ));
        }
        text
    }

    fn merge_versions(&self, n: usize) -> String {
        format!(
            "{} with two different texts: both kept, the other marked \"⟦other version: …⟧\"",
            count(n, "input", "inputs")
        )
    }

    fn imported_from(&self, from: &dyn Display, what: &str) -> String {
        format!("Brought from {from}: {what}")
    }

    fn no_sessions_in_folder(&self, dir: &dyn Display) -> String {
        format!("{dir} holds no session files (.json)")
    }

    fn files_in_folder(&self, n: usize, dir: &dyn Display) -> String {
        format!("{} in {dir}", count(n, "file", "files"))
    }

    fn plan_words(&self) -> &'static PlanWords {
        &PLAN_WORDS
    }

    fn poll_words(&self) -> &'static PollWords {
        &POLL_WORDS
    }

    fn poll_turnout(&self, voted: usize, could: usize) -> String {
        format!("{voted} of {could} voted")
    }

    fn poll_points(&self, n: u32) -> String {
        match n {
            1 => "1 point".into(),
            n => format!("{n} points"),
        }
    }

    fn poll_screen(&self) -> &'static PollScreenWords {
        &POLL_SCREEN
    }

    fn poll_votes(&self, cast: usize, entitled: usize) -> String {
        format!("Votes: {cast} of {entitled}")
    }

    fn poll_points_rule(&self, points: u32, max_per_input: u32) -> String {
        format!("Points: {points} per card, at most {max_per_input} on one input")
    }

    fn poll_yes_no_on(&self, number: &str) -> String {
        format!("Yes / no / abstain on input {number}")
    }

    fn poll_over(&self, inputs: usize) -> String {
        match inputs {
            1 => "Over 1 input".into(),
            n => format!("Over {n} inputs"),
        }
    }

    fn poll_no_cards(&self, name: &str) -> String {
        format!("No ballot cards yet: make them with “taller tokens {name}” and press V again")
    }

    fn poll_cards(&self, n: usize) -> String {
        match n {
            1 => "1 card may vote".into(),
            n => format!("{n} cards may vote"),
        }
    }

    fn poll_cards_unread(&self, why: &str) -> String {
        format!("Could not read the ballot cards: {why}")
    }

    fn poll_card_on_paper(&self, card: &str) -> String {
        format!("{card}: voted on paper; its phone ballot is refused")
    }

    fn poll_card_revoked(&self, card: &str) -> String {
        format!("Card {card} revoked: it no longer opens the poll")
    }

    fn no_plenary_decisions(&self) -> &'static str {
        "no file carries the plenary's decisions: the plan shows every action undecided; pass the plenary's session as well"
    }

    fn schedule_from(&self, file: &dyn Display) -> String {
        format!("schedule taken from {file} (the plenary's session)")
    }

    fn plan_fields_of(&self, number: &str) -> String {
        format!("Details of {number}:")
    }

    fn date_in_words(&self, date: jiff::civil::Date) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = (date.month() as usize).clamp(1, 12) - 1;
        format!("{} {} {}", date.day(), MONTHS[month], date.year())
    }

    fn numbered(&self, number: &str, axis: u32) -> String {
        format!("{number} (Axis {axis})")
    }

    fn docx_written(&self, path: &dyn Display) -> String {
        format!("plan.docx written in {path}")
    }

    fn docx_no_pandoc(&self, md: &dyn Display) -> String {
        format!(
            "pandoc is not installed: plan.docx was not written. Install it (https://pandoc.org, or \"apt install pandoc\") and run: pandoc {md} -o plan.docx"
        )
    }

    fn docx_failed(&self, reason: &dyn Display) -> String {
        format!("pandoc could not write plan.docx: {reason}")
    }

    fn unknown_group(&self, named: &str, known: &str) -> String {
        format!("there is no group \"{named}\"; the groups are: {known}")
    }

    fn group_file_suffix(&self, number: u32) -> String {
        format!("group{number}")
    }

    fn group_laptop(&self, number: u32, title: &str) -> String {
        format!("Group {number} laptop · {title}")
    }

    fn group_laptop_stays(&self, number: u32) -> String {
        format!("This is group {number}'s laptop: it shows that group only")
    }

    fn key_where_file(&self) -> &'static str {
        "where the file is"
    }

    fn group_prompt(&self) -> &'static str {
        " Group laptop: the group's number (1–5) or its axis "
    }

    fn key_new_group(&self) -> &'static str {
        "new session for a group laptop"
    }

    // Output formats (`export::formats`).
    fn format_plan(&self) -> &'static str {
        "the draft work plan, as Markdown"
    }

    fn format_csv(&self) -> &'static str {
        "the plan's inputs, one per row, as CSV"
    }

    fn format_json(&self) -> &'static str {
        "the whole session, a file taller opens"
    }

    fn format_status(&self) -> &'static str {
        "where the day stands: each agenda row, planned and actual, as CSV"
    }

    fn format_schedule_csv(&self) -> &'static str {
        "planned against actual times of every agenda row, as CSV"
    }

    fn format_agenda_md(&self) -> &'static str {
        "the printable agenda, as Markdown"
    }

    fn format_polls_csv(&self) -> &'static str {
        "the phone polls, one row per poll and input, as CSV"
    }

    fn one_of(&self, names: &[&str]) -> String {
        match names.split_last() {
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    fn cli_words(&self) -> &'static CliWords {
        &CLI_WORDS
    }

    // Presence (issue 21): who is editing an input now.
    fn people(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    fn is_editing(&self, names: &[String]) -> String {
        let who = self.people(names);
        if names.len() > 1 {
            format!("{who} are editing")
        } else {
            format!("{who} is editing")
        }
    }

    fn also_editing(&self, names: &[String]) -> String {
        let who = self.people(names);
        let verb = if names.len() > 1 { "are" } else { "is" };
        format!("{who} {verb} editing this input too; changes merge when kept")
    }

    // Why a role's change is refused (issue 20).
    fn refused_clock(&self) -> &'static str {
        "The clocks are the facilitator's"
    }

    fn refused_schedule(&self) -> &'static str {
        "The start time and the bell are the facilitator's"
    }

    fn refused_room_message(&self) -> &'static str {
        "The message to the room is the facilitator's"
    }

    fn refused_import(&self) -> &'static str {
        "Importing a file is the facilitator's"
    }

    fn refused_agenda(&self) -> &'static str {
        "The agenda and the groups are the facilitator's"
    }

    fn refused_verdict(&self) -> &'static str {
        "Status, observations and votes are the plenary's"
    }

    fn refused_other_group(&self) -> &'static str {
        "That is another group's: you change only yours"
    }

    fn refused_move_to_other_group(&self) -> &'static str {
        "Moving an input to another group is the facilitator's"
    }

    fn refused_screen_only(&self) -> &'static str {
        "This screen only shows the session"
    }

    fn refused_poll(&self) -> &'static str {
        "Polls are the facilitator's"
    }

    fn refused_ballot(&self) -> &'static str {
        "A ballot is cast from a ballot card, not from a screen"
    }

    fn refused_ballot_only(&self) -> &'static str {
        "A ballot card's page only casts ballots"
    }

    fn ballot_refused(&self, why: BallotRefused) -> String {
        match why {
            BallotRefused::NoSuchPoll => "There is no such poll".into(),
            BallotRefused::Closed => "The poll is closed".into(),
            BallotRefused::NotEntitled => "This card may not vote in this poll".into(),
            BallotRefused::AlreadyVoted => "This card already voted".into(),
            BallotRefused::OnPaper => "This card's vote was counted on paper".into(),
            BallotRefused::Invalid(fault) => match fault {
                BallotFault::WrongKind => "That ballot is not for this poll".into(),
                BallotFault::NotInPoll => "An input is not in this poll".into(),
                BallotFault::OverBudget { given, budget } => {
                    format!("{given} points: the card has {budget}")
                }
                BallotFault::OverCap { given, cap } => {
                    format!("{given} points on one input: at most {cap}")
                }
                BallotFault::Empty => "The ballot is empty".into(),
                BallotFault::ReasonTooLong { chars } => {
                    format!("The reason has {chars} characters: at most {MAX_REASON_CHARS}")
                }
            },
        }
    }

    fn poll_refused(&self, why: PollRefused) -> &'static str {
        match why {
            PollRefused::NoSuchPoll => "There is no such poll",
            PollRefused::AnotherOpen => "A poll is already open: close it first",
            PollRefused::NoInputs => "A poll needs inputs that are in the session",
            PollRefused::OneInputOnly => "Yes / no / abstain is voted on one input",
            PollRefused::NoPoints => "The points and the cap on one input are at least 1",
            PollRefused::TakenId => "A poll with that id already exists",
            PollRefused::StillOpen => "The poll is still open: close it first",
            PollRefused::AlreadyClosed => "The poll is already closed",
            PollRefused::NoCards => "No card may vote: make the cards first",
            PollRefused::VotedByPhone => "This card already voted by phone",
        }
    }

    fn group_gone(&self) -> &'static str {
        "The facilitator removed your group from this session"
    }

    // The served session's screens: who is connected, codes, how a screen closed.
    fn ssh_closed_by_facilitator(&self) -> &'static str {
        "The facilitator closed this connection."
    }

    fn ssh_too_many_screens(&self, most: usize) -> String {
        format!(
            "{most} screens of this role are already open from your computer: close one and connect again."
        )
    }

    fn headless_stopped(
        &self,
        signal: &str,
        closed: usize,
        left: usize,
        path: &dyn Display,
    ) -> String {
        let left = match left {
            0 => String::new(),
            1 => " 1 screen did not close in time and was cut;".to_string(),
            n => format!(" {n} screens did not close in time and were cut;"),
        };
        format!(
            "taller: {signal} received: {closed} screen(s) told and closed with their terminal restored;{left} session saved to {path}."
        )
    }

    fn join_facilitator_apart(&self, key: &str) -> String {
        format!("The facilitator's code is not projected: {key} shows it on this screen.")
    }

    fn join_keys(&self, connected: usize) -> String {
        format!("F facilitator's code · C connections ({connected}) · any other key closes")
    }

    fn facilitator_code_title(&self) -> &'static str {
        " Facilitator's code "
    }

    fn facilitator_code_lines(&self, command: &str, code: &str) -> [String; 3] {
        [
            "For the facilitator only: do not leave it projected.".to_string(),
            format!("{command}   code {code}"),
            "Any key hides it.".to_string(),
        ]
    }

    fn connections_title(&self) -> &'static str {
        " Connections "
    }

    fn connections_none(&self) -> &'static str {
        "Nobody is connected over ssh."
    }

    fn connections_header(&self) -> [&'static str; 4] {
        ["Role", "Address", "Since", "Size"]
    }

    fn connections_keys(&self) -> &'static str {
        "↑↓ choose · x close the connection · Esc closes"
    }

    fn connections_confirm(&self, who: &str) -> String {
        format!("Close {who}'s connection? y yes · n no")
    }

    fn connection_gone(&self) -> &'static str {
        "That connection had already closed: no other was closed."
    }

    fn connection_closed(&self, who: &str) -> String {
        format!("{who}'s connection closed.")
    }

    fn remote_copy_lines(&self) -> [&'static str; 3] {
        [
            "This session is saved on the facilitator's computer.",
            "For a copy on yours, type in another terminal the same ssh you joined with, with json at the end:",
            "ssh -p PORT USER@ADDRESS json > copy.json",
        ]
    }

    fn any_key_closes(&self) -> &'static str {
        "Any key closes."
    }

    fn where_file_title(&self) -> &'static str {
        " Where the file is "
    }

    fn where_file_lines(&self, name: &dyn Display, dir: &dyn Display) -> [String; 3] {
        [
            format!("File: {name}"),
            format!("Folder: {dir}"),
            "Copy it to the USB stick. Any key closes.".to_string(),
        ]
    }

    // What people joining over SSH read.
    fn ssh_code_prompt(&self, name: &str) -> String {
        format!("Code for {name}: ")
    }

    fn ssh_unknown_user(&self, user: &str, names: &str) -> String {
        let user = ascii(user);
        format!("\"{user}\" is not a name of this workshop. Use one of: {names}.")
    }

    fn ssh_wait_for_turn(&self, seconds: u64) -> String {
        format!(
            "Too many wrong codes from this computer: wait {seconds} seconds; the code you type is checked then."
        )
    }

    fn ssh_unknown_user_prompt(&self) -> &'static str {
        "Press Enter to leave: "
    }

    fn ssh_no_pty(&self, user: &str, formats: &str) -> String {
        format!(
            "taller needs a terminal: connect with  ssh -t -p PORT {user}@HOST  (or add {formats} for a document)."
        )
    }

    fn ssh_exec_refused(&self, command: &dyn Display, formats: &str) -> String {
        format!("taller: \"{command}\" is not run here; only {formats}.")
    }

    fn ssh_session_ended(&self) -> &'static str {
        "The live session has ended. Thank you."
    }

    fn ssh_too_slow(&self) -> &'static str {
        "The connection was not receiving the screen: connect again."
    }

    fn ssh_paste_too_large(&self, max_mib: usize) -> String {
        format!("Pasted text too large (over {max_mib} MiB): not inserted.")
    }

    fn ssh_cannot_keep_codes(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("cannot keep the codes in {path}: {reason}")
    }

    fn join_also_as(&self, axis: &str) -> String {
        format!("also: {axis}")
    }

    fn ssh_codes_damaged(&self, line: usize) -> String {
        format!(
            "line {line} is damaged (not written over: fix it or run `taller codes NAME --new`)"
        )
    }

    fn ssh_codes_newer(&self, version: u32) -> String {
        format!("it is from a newer taller (format {version}); update taller")
    }

    fn ssh_cannot_keep_key(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("cannot use the server key in {path}: {reason}")
    }

    // Ballot cards (issue 23): `taller tokens` and the cards file.
    fn tokens_cannot_keep(&self, path: &dyn Display, reason: &dyn Display) -> String {
        format!("cannot keep the ballot tokens in {path}: {reason}")
    }

    fn tokens_damaged(&self, line: usize) -> String {
        format!(
            "line {line} is damaged (not rewritten: fix it or use \"taller tokens NAME --new\")"
        )
    }

    fn tokens_newer(&self, version: u32) -> String {
        format!("it is from a newer taller (format {version}); update taller")
    }

    fn tokens_no_such_card(&self, label: &str, known: &str) -> String {
        format!("no card is called \"{label}\"; the cards are: {known}")
    }

    fn tokens_none(&self) -> &'static str {
        "this session has no ballot cards yet: \"taller tokens NAME\" makes them"
    }

    fn tokens_revoked(&self, label: &str) -> String {
        format!("Card \"{label}\" revoked: its token no longer votes.")
    }

    fn tokens_left_out(&self, labels: &str) -> String {
        format!("revoked cards, not shown: {labels}")
    }

    fn tokens_count_per_delegation(&self) -> &'static str {
        "--count is for cards per person (--per person); per delegation there is one per country"
    }

    fn tokens_person_needs_count(&self) -> &'static str {
        "say how many cards per person with --count N"
    }

    fn tokens_kept_other_kind(&self, kept_per_delegation: bool) -> String {
        let kept = if kept_per_delegation {
            "per delegation"
        } else {
            "per person"
        };
        format!(
            "this session's cards are {kept}; to replace them all use --new (the old tokens will stop working)"
        )
    }

    fn tokens_no_countries(&self) -> &'static str {
        "this session's workshop names no countries: use --per person --count N"
    }

    fn tokens_no_address(&self, host: &str) -> String {
        format!(
            "found no address of this computer on the room's network; the links use \"{host}\": give the right one with --web ADDRESS:PORT"
        )
    }

    fn tokens_bad_web(&self, value: &str) -> String {
        format!("\"{value}\" is not an address: write ADDRESS:PORT, for example 192.168.1.20:8080")
    }

    fn cards_title(&self, session: &str) -> String {
        format!("Ballot cards: {session}")
    }

    fn cards_numbered(&self, label: &str) -> String {
        format!("Card {label}")
    }

    fn cards_how(&self) -> &'static str {
        "To vote, scan the code with your phone's camera. Or open the address in the browser and type your token. The token is secret: do not show it."
    }

    fn cards_token(&self) -> &'static str {
        "Ballot token"
    }

    fn cards_written(&self, path: &dyn Display, name: &dyn Display, cards: usize) -> String {
        let each = if cards == 1 {
            "1 card".to_string()
        } else {
            format!("{cards} cards")
        };
        format!(
            "{each} in {path}, with their QR codes beside it; to print them, in that folder: pandoc {name} -o cards.docx"
        )
    }

    fn cards_no_qr(&self, link: &str) -> String {
        format!("the address \"{link}\" is too long for a QR code")
    }

    // Workshop definitions (issue 15): the TOML file, the `workshop` commands, the printable agenda.
    fn def_missing_title(&self) -> String {
        "the title is missing (title)".to_string()
    }

    fn def_empty_title(&self) -> String {
        "the title is empty".to_string()
    }

    fn def_zero_minutes(&self) -> String {
        "minutes must be more than 0".to_string()
    }

    fn def_too_many_minutes(&self, max: u32) -> String {
        format!("minutes cannot exceed {max} (a week)")
    }

    fn def_percent(&self) -> String {
        "a percentage goes from 0 to 100".to_string()
    }

    fn def_duplicate_id(&self, id: &str) -> String {
        format!("the id '{id}' is empty or used twice")
    }

    fn def_unknown_key(&self, key: &str) -> String {
        format!("unknown key '{key}'")
    }

    fn def_missing_key(&self, key: &str) -> String {
        format!("the key '{key}' is missing")
    }

    fn def_unreadable(&self, reason: &dyn Display) -> String {
        format!("cannot be read: {reason}")
    }

    fn def_language(&self, language: &str, known: &str) -> String {
        format!("unknown language '{language}': {known}")
    }

    fn def_no_groups(&self) -> String {
        "there are no groups ([[groups]])".to_string()
    }

    fn def_bad_short(&self, short: &str) -> String {
        let said = format!(
            "invalid short name '{short}': one word of letters a-z without accents, \
                 digits and dashes, with a letter in it"
        );
        // A name that was fine before ids became ASCII (`niñez`) gets the
        // spelling to use instead.
        match ascii_short(short) {
            Some(ascii) => format!("{said} (write '{ascii}')"),
            None => said,
        }
    }

    fn def_role_short(&self, short: &str) -> String {
        format!(
            "the short name '{short}' is the name of a role when joining \
                 (groupN, room, reader, facilitator…): choose another"
        )
    }

    fn def_not_utf8(&self) -> String {
        "the file is not UTF-8 text from here (save it as UTF-8)".to_string()
    }

    fn def_not_a_file(&self, file: &str) -> String {
        format!("{file}: not a regular file (a pipe, a device?)")
    }

    fn def_too_big(&self, file: &str, max_kib: u64) -> String {
        format!("{file}: too large for a definition (over {max_kib} KiB)")
    }

    fn def_duplicate_short(&self, short: &str) -> String {
        format!("the short name '{short}' is used by another group")
    }

    fn def_final_break(&self) -> String {
        "the final step cannot be a break".to_string()
    }

    fn def_unknown_builtin(&self, name: &str, known: &str) -> String {
        format!("there is no built-in workshop '{name}'; built in: {known}")
    }

    fn def_cannot_read(&self, file: &str, error: &std::io::Error) -> String {
        if error.kind() == std::io::ErrorKind::NotFound {
            return format!("{file}: {}", self.t().err_not_found);
        }
        format!("cannot read {file}: {error}")
    }

    fn def_invalid(&self, file: &str, problems: usize) -> String {
        match problems {
            1 => format!("{file}: the workshop definition has 1 problem:"),
            n => format!("{file}: the workshop definition has {n} problems:"),
        }
    }

    fn def_valid(&self, file: &str, title: &str, groups: usize, items: usize) -> String {
        format!("{file}: valid — '{title}', {groups} groups, {items} agenda items")
    }

    fn def_written(&self, file: &dyn Display) -> String {
        format!("Workshop template written to {file}")
    }

    fn def_exists(&self, file: &dyn Display) -> String {
        format!("{file} exists already; it is not replaced")
    }

    fn workshop_choice(&self, title: &str, at: usize, of: usize) -> String {
        format!("workshop ({at}/{of}, ←/→ changes): {title}")
    }

    fn break_text(&self, lunch: bool) -> &'static str {
        match lunch {
            false => "Break.",
            true => "Lunch.",
        }
    }

    fn agenda_heading(&self) -> &'static str {
        "Agenda"
    }

    fn agenda_columns(&self) -> [&'static str; 3] {
        ["Time", "Item", "Minutes"]
    }

    fn agenda_planned_from(&self, start: &str) -> String {
        format!("Times as planned from {start}.")
    }

    fn agenda_groups_heading(&self) -> &'static str {
        "Working groups"
    }

    fn agenda_principles(&self) -> &'static str {
        "Principles"
    }

    fn agenda_final_product(&self) -> &'static str {
        "Final product"
    }

    fn agenda_examples(&self) -> &'static str {
        "Examples"
    }
}

static STRINGS: Strings = Strings {
    new_session: "New session",
    saved_sessions: "Saved sessions",
    start_title: " taller — running in-person workshops ",
    name_prompt: " Name of the new session ",
    name_prompt_keys: "Enter accepts · Esc cancels",
    rename_prompt: " New name of the session ",
    planned_start_title: " Planned start of the day (HH:MM) ",
    template_prompt: " New session of the same workshop ",
    last_change: "last change",
    agenda: "Agenda",
    examples: "Guiding examples",
    instructions: "Task",
    principles: "Principles",
    facilitator: "Facilitator",
    rapporteur: "Rapporteur",
    unassigned: "(not assigned)",
    group_inputs: "Group inputs",
    no_inputs: "No inputs yet. Press \"a\" to add the first one.",
    no_inputs_report: "This group has no inputs to present yet.",
    presents: "Presented by",
    next_up: "Next",
    final_product: "Final product",
    summary_by_group: "Inputs per group",
    total: "Total",
    more_above: "▲ more above (PgUp)",
    more_below: "▼ continues (PgDn)",
    more_above_keys: "▲ more keys above (↑)",
    more_below_keys: "▼ more keys below (↓)",
    editor_keys: "Esc finishes and saves · Enter new line · Ctrl+S saves now · F1 help",
    line_editor_keys: "Enter accepts · Esc cancels · typing replaces; ←→ edits",
    confirm_delete: "Delete this input?",
    confirm_keys: "y / Enter: yes · n / Esc: no",
    confirm_quit: "Could not save. Quit anyway? Unsaved changes will go to a recovery file.",
    deleted: "Input deleted. \"u\" brings it back.",
    restored: "Input restored.",
    nothing_to_undo: "No changes to undo.",
    nothing_to_redo: "No changes to redo.",
    undone: "Change undone. Ctrl+R redoes it.",
    redone: "Change redone.",
    emptied_deleted: "The input was left empty and was deleted. \"u\" brings it back.",
    empty_not_added: "Empty input: nothing was added.",
    not_set: "—",
    ranking: "Priorities by the room's votes",
    import_title: " Bring in from another laptop: file or folder (Tab completes the path) ",
    key_import: "bring in another laptop's inputs (session file)",
    status_agreed: "agreed",
    status_revise: "to revise",
    status_dropped: "dropped",
    field_status: "Plenary status",
    field_observations: "Observations",
    field_votes: "Votes",
    plan_to_revise: "Actions to revise",
    plan_agreed: "Agreed actions",
    plan_title: "Draft Regional Work Plan",
    plan_context: "Context and principles",
    plan_actions: "Proposed actions (no plenary decision yet)",
    plan_agreements: "Agreements",
    plan_questions: "Open questions",
    plan_parking: "Parking lot",
    plan_annex: "Annex: groups and schedule",
    csv_axis: "axis",
    csv_origin: "origin file",
    csv_duplicate_of: "possible duplicate of",
    nothing_to_consolidate: "there are no sessions to consolidate",
    err_output_is_input: "the output folder holds one of the input files; choose another",
    participants_keys: "One person per line: Name; Country; Role (Prosecutor, Director of Migration, Director of Migration Police, Lead Investigator, Regional Coalition representative, or other) · Esc keeps",
    participants: "Participants",
    key_participants: "the group's participants (name; country; role)",
    add_country: "add an invited country (Enter, type, Enter)",
    country_prompt: "Invited country: ",
    form_country_keys: "↑↓ move · Space ticks · t members · Tab next · Esc keeps, closes",
    form_adding_keys: "Type the country · Enter adds it · Tab adds it, goes on · Esc cancels",
    form_timeframe_keys: "←→ a term or «date or period», then type it · Tab next · Esc keeps, closes",
    flag_national: "national scope: actions must be regional, not local",
    form_keys: "Tab field · ←→ choose · 0-9 votes · Esc keeps, closes",
    field_kind: "Kind",
    field_text: "Text",
    field_scope: "Scope",
    field_countries: "Countries",
    field_lead: "Lead institution",
    field_partners: "Partners / coordination",
    field_timeframe: "Timeframe",
    timeframe_date: "date or period",
    field_indicator: "Indicator",
    field_priority: "Priority",
    text_kept: "The text cannot be left empty: the previous one was kept (to delete the input, \"d\").",
    read_only_badge: "READ-ONLY",
    renamed: "Session renamed.",
    confirm_trash: "Move this session to the trash? It can be recovered from the .taller-trash folder.",
    key_rename: "rename the selected session",
    key_template: "new session of the same workshop (as a template)",
    key_trash: "move the session to the trash (asks first)",
    crashed: "taller failed. What was saved up to the last second is in the session file.",
    recovered: "recovered",
    paste_needs_group: "The paste was not kept: paste on a group's page (Tab) or inside the editor.",
    help_title: " Keys ",
    help_close: "Any key closes this help",
    footer_start: "Enter open · n new · r rename · c template · q quit · d trash · ? help",
    opening_session: "Opening the session…",
    key_parts: "next / previous part",
    key_groups: "previous / next group",
    key_select: "select",
    key_scroll: "read further down / up",
    key_add: "add an input",
    key_edit: "edit the input (form)",
    key_delete: "delete the input (asks first)",
    key_undo: "undo (Ctrl+R redoes)",
    key_reorder: "move the input up / down the list",
    key_back: "back to the part's screen",
    key_auto_start: "next: stops what runs and starts what comes next in the day",
    key_bell: "bell: on / off",
    key_planned_start: "planned start of the day",
    part_opening: "Opening plenary",
    part_groups: "Working groups",
    part_closing: "Closing plenary",
    key_duplicate: "go to the input's possible duplicate",
    key_move_group: "move the input to another group",
    key_facilitator: "facilitator's name",
    key_rapporteur: "rapporteur's name",
    key_examples: "show / hide task and examples",
    key_help: "this help",
    key_save: "save now",
    key_quit: "save and quit",
    key_open: "open the selected session",
    key_new: "new session of the default workshop",
    key_start_quit: "quit",
    key_editor_finish: "finish and keep the text",
    key_editor_newline: "new line",
    key_editor_save: "save without leaving the editor",
    key_editor_paste: "paste (arrives as one block)",
    key_prompt_accept: "accept",
    key_prompt_cancel: "cancel and leave the old value",
    key_prompt_replace: "the first character typed replaces the highlighted value",
    key_prompt_edit: "keep the value to edit it",
    key_form_fields: "next / previous field",
    key_form_choose: "choose: kind, scope, timeframe, priority, status, votes",
    key_form_countries: "countries: move / tick or untick",
    keys_form_countries: "↑ ↓ · Space",
    key_form_all: "countries: tick or untick every member country of the workshop",
    key_form_add: "on «add an invited country»: type it (Enter or Tab adds it, Esc cancels)",
    key_form_date: "timeframe on «date or period»: type the date",
    key_form_keep: "keep and close the form",
    key_editor_fields: "go on to the input's other fields",
    phase_idle: "not started",
    phase_normal: "on time",
    phase_warning: "time running low",
    phase_danger: "last minute",
    phase_overtime: "OVERTIME",
    paused: "paused",
    confirm_reset: "Reset this timer? The time counted will be lost.",
    schedule_title: "Schedule",
    col_item: "Item",
    col_planned: "Planned",
    col_actual: "Actual",
    col_expected: "Expected",
    col_state: "State",
    csv_item: "item",
    csv_planned_start: "planned start",
    csv_planned_end: "planned end",
    csv_planned_minutes: "planned minutes",
    csv_actual_start: "actual start",
    csv_actual_end: "actual end",
    csv_actual_minutes: "actual minutes",
    csv_difference: "difference (min)",
    err_output_is_session: "the output file is a taller session; it is not overwritten",
    state_done: "done",
    state_running: "▶ running",
    state_ahead: "ahead",
    kind_action: "Action",
    kind_agreement: "Agreement",
    kind_question: "Open question",
    kind_parking: "Parking lot",
    scope_regional: "regional",
    scope_multilateral: "multilateral",
    scope_bilateral: "bilateral",
    scope_national: "national",
    priority_high: "high",
    priority_medium: "medium",
    priority_low: "low",
    timeframe_short: "short term",
    timeframe_medium: "medium term",
    timeframe_long: "long term",
    state_paused: "⏸ paused",
    state_skipped: "skipped",
    key_timer: "start / pause the clock",
    key_all_groups: "start / pause every group",
    key_plus_minus: "one minute more / less",
    key_reset: "reset the clock (asks first)",
    key_minutes: "type the planned minutes",
    key_room: "room view (big clock)",
    key_room_message: "message for the room (M again takes it down)",
    refused_gone: "That input is gone: someone else deleted it",
    refused_no_group: "That group is no longer in the session",
    refused_changed_since: "Not undone: someone else changed it since",
    selected_deleted_elsewhere: "Someone else deleted the selected input: the selection moved to the next one",
    editing_deleted_elsewhere: "Someone else deleted this input: your text is kept and will be added again when you finish",
    moved_on: "Next item running",
    import_only_here: "Files are imported on the computer serving the session",
    plenary_is_the_facilitators: "The input was kept; its status, observations and votes are the facilitator's to record",
    join_title: " Join the live session ",
    join_intro: "For the board: each person types their line in a terminal, then their code",
    join_web_in_clear: "In clear: use a WPA2 Wi-Fi or this laptop's own hotspot.",
    join_code: "code",
    key_join: "how to join the live session (commands and codes)",
    day_over: "Nothing left to start: the day is over",
    room_message_title: "Message for the room (Enter shows it, Esc cancels)",
    room_message_cleared: "Message taken down from the room screens",
    key_schedule: "the day's schedule",
    keys_scroll: "PgDn PgUp",
    key_space: "Space",
    keys_delete: "d / Del",
    err_not_found: "the file does not exist",
    err_not_a_session: "it is not a taller session (\"format\": \"taller-session\" is missing)",
    err_no_schema_version: "it has no valid version number (\"schema_version\"), so it cannot be read safely",
    err_name_empty: "the session name is empty",
    err_name_separator: "the name cannot contain \"/\" or \"\\\": a session always lives in the sessions folder",
    err_name_control: "the name contains control characters",
    err_name_whitespace: "the name contains a special space (no-break, wide, ideographic…) or a line or paragraph separator: it would look like another. Use plain spaces only",
    err_name_invisible: "the name contains invisible characters (zero-width, format or text-direction controls): it would look like another",
    err_name_dot: "the name cannot start with \".\"",
    err_is_directory: "it is a folder, not a session file",
    err_not_a_terminal: "taller needs an interactive terminal; without one, see \"taller list\" and \"taller --help\"",
    err_no_data_dir: "no user data folder was found; name one with --sessions-dir DIR or TALLER_SESSIONS_DIR",
    col_name: "NAME",
    col_workshop: "WORKSHOP",
    col_last_change: "LAST CHANGE",
    col_inputs: "INPUTS",
    damaged: "cannot be opened",
};

static KEY_WORDS: KeyWords = KeyWords {
    read_only: "READ-ONLY",
    clock: "clock",
    next: "next",
    add: "add",
    edit: "edit",
    delete: "delete",
    group: "group",
    item: "item",
    input: "input",
    bell: "bell",
    start_time: "start time",
    back: "back",
    room: "room",
    schedule: "schedule",
    part: "part",
    quit: "quit",
    help: "help",
    redo: "redo what was undone",
};

static PLAN_WORDS: PlanWords = PlanWords {
    date: "Date",
    place: "Place",
    axis: "Axis",
    agreed: "Agreed actions",
    to_revise: "Actions to revise",
    undecided: "Proposed actions (no plenary decision yet)",
    agreements: "Agreements",
    agreements_to_revise: "Agreements to revise",
    questions: "Open questions",
    pending: "Parking lot",
    observations: "Plenary observations",
    votes: "Votes",
    status: "Status",
    duplicate: "Possible duplicate of",
    annex: "Annex",
    annex_dropped: "inputs the plenary dropped",
    annex_people: "participants by country",
    annex_schedule: "the day's schedule",
    no_country: "Country not given",
    leads: "Facilitation and reporting",
    facilitates: "facilitated by",
    reports: "rapporteur",
    planned: "planned",
    actual: "actual",
    number: "number",
    no_decisions: "No file carries decisions of the plenary (agreements, observations or votes): every action is shown undecided. Pass the plenary's session (the facilitator's) to taller consolidate as well.",
    no_decisions_yet: "The plenary has not decided yet (agreements, observations or votes): every action is shown undecided.",
    nothing_here: "No inputs.",
    ranking_note: "The inputs voted for, most votes first; each with its number in its axis's list.",
};

static CLI_WORDS: CliWords = CliWords {
    // clap's own page, titles and usage lines are English.
    page: None,
    about: &[
        (
            "",
            "Run a live, in-person workshop from a projected terminal.",
        ),
        ("new", "Start a new session of the default workshop"),
        ("workshop", "Write or check a workshop definition (TOML)"),
        (
            "workshop init",
            "Write the built-in workshop as a commented template",
        ),
        (
            "workshop check",
            "Check a definition; every problem with its line and column",
        ),
        ("open", "Open a saved session by name or by path"),
        ("list", "List the saved sessions"),
        (
            "import",
            "Bring other laptops' session files into a master session",
        ),
        (
            "consolidate",
            "Merge session files of one workshop into the draft work plan",
        ),
        (
            "restore",
            "List a session's kept generations, or put generation N back",
        ),
        (
            "serve",
            "Serve a session live: people join it with `ssh`, each on their own screen",
        ),
        (
            "codes",
            "Print the codes to join a served session over SSH, one line per role",
        ),
        (
            "tokens",
            "Print the cards for voting from phones, one line per card: label, token and link",
        ),
        ("export", "Write a session in another format"),
    ],
    args: &[
        arg("", "lang", "Interface language: {languages}", None),
        arg(
            "",
            "no_bell",
            "Never ring the terminal bell (timers still change look)",
            None,
        ),
        arg("", "sessions_dir", "Folder that holds the sessions", None),
        arg(
            "",
            "allow_shared_dir",
            "Save sessions even in a folder other users can write in",
            None,
        ),
        arg(
            "new",
            "name",
            "Session name (default: taller-DATE, or taller-DATE-grupoN)",
            None,
        ),
        arg(
            "new",
            "group",
            "A group laptop: the session of one group only (its number or axis id)",
            None,
        ),
        arg(
            "new",
            "workshop",
            "The workshop: a definition file (TOML), or builtin:NAME",
            None,
        ),
        arg(
            "workshop init",
            "file",
            "The file to write (never replaced)",
            None,
        ),
        arg(
            "workshop init",
            "from",
            "Which workshop to write: ctim (the default) or another built-in",
            None,
        ),
        arg(
            "workshop check",
            "file",
            "The definition file (TOML), or builtin:NAME",
            None,
        ),
        arg(
            "open",
            "target",
            "Name of a session in the folder, or path to a .json file",
            None,
        ),
        arg(
            "import",
            "master",
            "The master session (name or path)",
            None,
        ),
        arg(
            "import",
            "files",
            "Session files to bring in, or folders (every session file in them)",
            None,
        ),
        arg(
            "consolidate",
            "files",
            "Session files (from every laptop, and the plenary's), or folders",
            None,
        ),
        arg(
            "consolidate",
            "out",
            "Folder for plan.md, plan.csv and plan.json",
            None,
        ),
        arg(
            "consolidate",
            "skip_bad",
            "Leave out files that cannot be read instead of writing nothing",
            None,
        ),
        arg(
            "consolidate",
            "title",
            "The plan's title (default: the one set in the sessions, or \"Draft Regional Work Plan\")",
            None,
        ),
        arg(
            "consolidate",
            "date",
            "The plan's date (default: the one set in the sessions, or the day of the workshop)",
            None,
        ),
        arg(
            "consolidate",
            "place",
            "The plan's place (default: the one set in the sessions)",
            None,
        ),
        arg(
            "consolidate",
            "docx",
            "Also write plan.docx with pandoc, if it is installed",
            None,
        ),
        arg(
            "restore",
            "target",
            "Name of a session in the folder, or path to a .json file",
            None,
        ),
        arg(
            "restore",
            "generation",
            "Which generation to put back (1 is the newest); without it, list them",
            None,
        ),
        arg(
            "serve",
            "target",
            "Name of a session (created if new), or path to a .json file",
            None,
        ),
        arg(
            "serve",
            "listen",
            "Where to listen for SSH (all interfaces, port 2222 by default)",
            None,
        ),
        arg(
            "serve",
            "web",
            "Where the ballot page listens for phones (all interfaces, port 8080)",
            None,
        ),
        arg(
            "serve",
            "no_web",
            "Serve no ballot page (phones cannot vote)",
            None,
        ),
        arg(
            "serve",
            "headless",
            "Serve without a screen here; print how to join and wait for SIGTERM",
            None,
        ),
        arg(
            "serve",
            "authorized_keys",
            "Grant roles to public keys: lines `ROLE ssh-ed25519 AAAA…`",
            None,
        ),
        arg(
            "serve",
            "workshop",
            "For a new session: its workshop, a definition file (TOML) or builtin:NAME",
            None,
        ),
        arg(
            "codes",
            "target",
            "Name of a session in the folder, or path to a .json file",
            None,
        ),
        arg("codes", "new", "Replace every code with a new one", None),
        arg(
            "tokens",
            "target",
            "Name of a session in the folder, or path to a .json file",
            None,
        ),
        arg(
            "tokens",
            "per",
            "Whom the cards are for: delegation (one per country, the default) or person (numbered)",
            None,
        ),
        arg(
            "tokens",
            "count",
            "Make sure there are N cards per person (those made are kept)",
            None,
        ),
        arg(
            "tokens",
            "new",
            "Replace every card with a new one (the old tokens stop working)",
            None,
        ),
        arg(
            "tokens",
            "revoke",
            "Revoke one card at once: its token no longer votes",
            None,
        ),
        arg(
            "tokens",
            "cards",
            "Write the cards as Markdown for pandoc, a QR image each beside it",
            None,
        ),
        arg(
            "tokens",
            "web",
            "The address in the links (by default this computer on the room's network, port 8080)",
            None,
        ),
        arg(
            "export",
            "target",
            "Name of a session in the folder, or path to a .json file",
            None,
        ),
        arg(
            "export",
            "format",
            "What to write (the names below; the same work over `ssh … NAME`)",
            None,
        ),
        arg(
            "export",
            "out",
            "Write to this file instead of the standard output",
            None,
        ),
    ],
    list_formats: true,
};

static POLL_WORDS: PollWords = PollWords {
    poll: "Poll",
    kind_points: "points",
    kind_consent: "consent",
    kind_yes_no: "yes / no / abstain",
    agree: "agree",
    live_with: "can live with it",
    reserve: "reservation",
    yes: "yes",
    no: "no",
    abstain: "abstain",
    still_open: "poll open, no result yet",
    secret: "secret",
    named: "named",
    col_poll: "Poll (id)",
    col_kind: "Poll kind",
    col_ballot: "Ballot",
    col_opened: "Opened",
    col_closed: "Closed",
    col_entitled: "Could vote",
    col_voted: "Voted",
    col_result: "Result",
    col_points: "Points",
    col_reasons: "Reasons",
    col_card: "Card",
    col_answer: "Ballot cast",
    col_reason: "Reason",
};

static POLL_SCREEN: PollScreenWords = PollScreenWords {
    chooser_title: "New poll",
    consent_line: "Consent per input: agree / can live with it / reservation",
    named_line: "Named: each ballot keeps its card",
    secret_line: "Secret: no ballot keeps its card",
    chooser_keys: "↑↓ kind · + − points · < > cap · s secret · Enter open · Esc cancel",
    reading_cards: "Reading the ballot cards…",
    no_inputs: "No inputs to vote on at this step",
    card_keys: "P voted on paper · R revoke a card",
    paper_title: "Card that voted on paper (its name or number)",
    revoke_title: "Card to revoke (its name or number)",
    unknown_card: "No card of this poll has that name",
    close_question: "Close the poll?",
    close_detail: "Cards that have not voted will not be able to.",
    closed_title: "Poll closed",
    closed_keys: "V reveal results · N new poll · Esc back",
    closed_keys_named: "S make it secret (forget what each card voted)",
    results_hidden: "Results show once the poll is closed and revealed",
    closed_hidden: "Poll closed · results still hidden",
    opened: "Poll open",
    closed: "Poll closed",
    revealed: "Results revealed",
    made_secret: "The poll is secret now: what each card voted is forgotten",
    vote_here: "Vote from your phone",
    web_page: "Voting page",
    key_poll: "poll: open, close, reveal",
};
