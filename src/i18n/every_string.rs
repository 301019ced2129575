//! Every language says every message. A language lacking a message or a
//! table's field does not compile; here each message, rendered with sample
//! arguments, must not be empty, and must not read the same as another
//! language's (a message left untranslated) unless it is listed in
//! [`SHARED`], words the languages share.

use super::{FileKind, Lang, Language};
use crate::model::patch::TextField;
use crate::model::session::RosterRole;
use crate::model::workshop::ItemKind;

fn names(n: usize) -> Vec<String> {
    ["Ana", "Luis"][..n].iter().map(|s| s.to_string()).collect()
}

/// Everything `l` says, each with the message's name (`#1` and so on: the
/// same message with other arguments).
fn said_by(l: &dyn Language) -> Vec<(String, String)> {
    let mut said = Vec::new();
    let mut say = |name: &str, text: String| said.push((name.to_string(), text));
    say("inputs", l.inputs(1));
    say("inputs#1", l.inputs(3));
    say("groups", l.groups(1));
    say("groups#1", l.groups(3));
    say("item_of", l.item_of(1, 1));
    say("item_of#1", l.item_of(3, 1));
    say("item_of#2", l.item_of(1, 3));
    say("group_of", l.group_of(1, 1));
    say("group_of#1", l.group_of(3, 1));
    say("group_of#2", l.group_of(1, 3));
    say("part_of", l.part_of(1, 1));
    say("part_of#1", l.part_of(3, 1));
    say("part_of#2", l.part_of(1, 3));
    say("report_of", l.report_of(1, 1));
    say("report_of#1", l.report_of(3, 1));
    say("report_of#2", l.report_of(1, 3));
    say("axis_label", l.axis_label(1));
    say("axis_label#1", l.axis_label(3));
    say("new_input_title", l.new_input_title(&"sala-1.json"));
    say("edit_input_title", l.edit_input_title(1));
    say("edit_input_title#1", l.edit_input_title(3));
    say("role_title", l.role_title("grupo3", 1));
    say("role_title#1", l.role_title("grupo3", 3));
    say("saved_at", l.saved_at(&"sala-1.json"));
    say("save_failed", l.save_failed(&"sala-1.json", &"sala-1.json"));
    say("too_small", l.too_small(40, 40, 40, 40));
    say("no_sessions_in", l.no_sessions_in(&"sala-1.json"));
    say("created", l.created(&"sala-1.json"));
    say("cannot_open", l.cannot_open(&"sala-1.json", &"sala-1.json"));
    say("saved_in", l.saved_in(&"sala-1.json"));
    say("read_only", l.read_only(&"sala-1.json"));
    say("too_large", l.too_large(3 * 1024 * 1024, 3 * 1024 * 1024));
    say(
        "too_large_to_write",
        l.too_large_to_write(3 * 1024 * 1024, 3 * 1024 * 1024),
    );
    say("in_use", l.in_use(&"sala-1.json"));
    say("holder", l.holder(&"sala-1.json", &"sala-1.json"));
    say("backups_hint", l.backups_hint(1, "grupo3", "grupo3"));
    say("backups_hint#1", l.backups_hint(3, "grupo3", "grupo3"));
    say("no_backups", l.no_backups(&"sala-1.json"));
    say("no_such_backup", l.no_such_backup(1, 1));
    say("no_such_backup#1", l.no_such_backup(3, 1));
    say("no_such_backup#2", l.no_such_backup(1, 3));
    say("restored_from", l.restored_from(1, &"sala-1.json"));
    say("restored_from#1", l.restored_from(3, &"sala-1.json"));
    say(
        "unsaved_recovered",
        l.unsaved_recovered(&"sala-1.json", &"sala-1.json", &"sala-1.json"),
    );
    say(
        "unsaved_lost",
        l.unsaved_lost(&"sala-1.json", &"sala-1.json"),
    );
    say("crashed_saved", l.crashed_saved(&"sala-1.json"));
    say("trashed", l.trashed(&"sala-1.json"));
    say(
        "cannot_write",
        l.cannot_write(&"sala-1.json", &"sala-1.json"),
    );
    say(
        "default_workshop_hint",
        l.default_workshop_hint(&"sala-1.json"),
    );
    say("not_json", l.not_json(1, 1, &"sala-1.json"));
    say("not_json#1", l.not_json(3, 1, &"sala-1.json"));
    say("not_json#2", l.not_json(1, 3, &"sala-1.json"));
    say("invalid_session", l.invalid_session(1, 1, &"sala-1.json"));
    say("invalid_session#1", l.invalid_session(3, 1, &"sala-1.json"));
    say("invalid_session#2", l.invalid_session(1, 3, &"sala-1.json"));
    say("newer_schema", l.newer_schema(3 * 1024 * 1024, 1));
    say("newer_schema#1", l.newer_schema(3 * 1024 * 1024, 3));
    say("session_exists", l.session_exists(&"sala-1.json"));
    say(
        "workshop_for_new_only",
        l.workshop_for_new_only(&"sala-1.json"),
    );
    say(
        "duration_out_of_range",
        l.duration_out_of_range("grupo3", 3 * 1024 * 1024, 3 * 1024 * 1024),
    );
    say(
        "time_out_of_range",
        l.time_out_of_range("grupo3", &"sala-1.json", 1990, 1990),
    );
    say("renewed_ids", l.renewed_ids(1));
    say("renewed_ids#1", l.renewed_ids(3));
    say("minutes_refused", l.minutes_refused("grupo3", 1));
    say("minutes_refused#1", l.minutes_refused("grupo3", 3));
    say("drift", l.drift(0));
    say("drift#1", l.drift(7));
    say("drift#2", l.drift(-4));
    say("drift_on", l.drift_on(jiff::civil::date(2018, 2, 20), 0));
    say("drift_on#1", l.drift_on(jiff::civil::date(2018, 2, 20), 7));
    say("drift_on#2", l.drift_on(jiff::civil::date(2018, 2, 20), -4));
    say("expected_end", l.expected_end(&"sala-1.json"));
    say("minutes_title", l.minutes_title(&"sala-1.json"));
    say(
        "minutes_every_breakout_title",
        l.minutes_every_breakout_title(&"sala-1.json"),
    );
    say("minutes_every_report_title", l.minutes_every_report_title());
    say("time_of_day", l.time_of_day(&"sala-1.json"));
    say("cannot_listen", l.cannot_listen("grupo3", "grupo3"));
    say(
        "bad_authorized_key",
        l.bad_authorized_key("grupo3", "grupo3"),
    );
    say("keys_missing", l.keys_missing().to_string());
    say("keys_not_regular", l.keys_not_regular().to_string());
    say("keys_too_large", l.keys_too_large(3 * 1024 * 1024));
    say("serving_held", l.serving_held("grupo3"));
    say("join_addresses", l.join_addresses("grupo3"));
    say("join_fingerprint", l.join_fingerprint("grupo3"));
    say("join_web", l.join_web("grupo3"));
    say("settings_line", l.settings_line(true));
    say("settings_line#1", l.settings_line(false));
    say("time_refused", l.time_refused("grupo3"));
    say("moved_to", l.moved_to(&"sala-1.json"));
    say("similar_to", l.similar_to(&"sala-1.json", &"sala-1.json"));
    say("more_text", l.more_text(1));
    say("more_text#1", l.more_text(3));
    say("participants_title", l.participants_title(1));
    say("participants_title#1", l.participants_title(3));
    say(
        "other_workshop",
        l.other_workshop("grupo3", "grupo3", "grupo3"),
    );
    say(
        "similar_in_plan",
        l.similar_in_plan("grupo3", &"sala-1.json"),
    );
    say("consolidated", l.consolidated(1, 1, &"sala-1.json"));
    say("consolidated#1", l.consolidated(3, 1, &"sala-1.json"));
    say("consolidated#2", l.consolidated(1, 3, &"sala-1.json"));
    say("skipped", l.skipped(&"sala-1.json"));
    say("votes", l.votes(1));
    say("votes#1", l.votes(3));
    say("imported", l.imported(1, 1, &"sala-1.json"));
    say("imported#1", l.imported(3, 1, &"sala-1.json"));
    say("imported#2", l.imported(1, 3, &"sala-1.json"));
    say("name_too_long", l.name_too_long(1));
    say("name_too_long#1", l.name_too_long(3));
    say(
        "cli_unexpected_argument",
        l.cli_unexpected_argument("grupo3"),
    );
    say("cli_unknown_command", l.cli_unknown_command("grupo3"));
    say("cli_missing_value", l.cli_missing_value("grupo3"));
    say("cli_invalid_value", l.cli_invalid_value("grupo3", "grupo3"));
    say("cli_possible_values", l.cli_possible_values("grupo3"));
    say(
        "cli_missing_arguments",
        l.cli_missing_arguments().to_string(),
    );
    say(
        "cli_unexpected_value",
        l.cli_unexpected_value("grupo3", "grupo3"),
    );
    say("cli_conflict", l.cli_conflict("grupo3", "grupo3"));
    say("cli_used_twice", l.cli_used_twice("grupo3"));
    say("cli_no_equals", l.cli_no_equals("grupo3"));
    say("cli_needs_command", l.cli_needs_command("grupo3"));
    say("cli_invalid_utf8", l.cli_invalid_utf8().to_string());
    say("cli_did_you_mean", l.cli_did_you_mean("grupo3"));
    say("cli_usage", l.cli_usage("grupo3"));
    say("cli_try_help", l.cli_try_help().to_string());
    say("file_kind", l.file_kind(FileKind::Fifo).to_string());
    say("file_kind#1", l.file_kind(FileKind::Device).to_string());
    say("file_kind#2", l.file_kind(FileKind::Socket).to_string());
    say("file_kind#3", l.file_kind(FileKind::Symlink).to_string());
    say("file_kind#4", l.file_kind(FileKind::Folder).to_string());
    say("file_kind#5", l.file_kind(FileKind::HardLinked).to_string());
    say("file_kind#6", l.file_kind(FileKind::Other).to_string());
    say("not_regular", l.not_regular(FileKind::Fifo));
    say("not_regular#1", l.not_regular(FileKind::Device));
    say("not_regular#2", l.not_regular(FileKind::Socket));
    say("not_regular#3", l.not_regular(FileKind::Symlink));
    say("not_regular#4", l.not_regular(FileKind::Folder));
    say("not_regular#5", l.not_regular(FileKind::HardLinked));
    say("not_regular#6", l.not_regular(FileKind::Other));
    say("unsafe_path", l.unsafe_path(&"sala-1.json", FileKind::Fifo));
    say(
        "unsafe_path#1",
        l.unsafe_path(&"sala-1.json", FileKind::Device),
    );
    say(
        "unsafe_path#2",
        l.unsafe_path(&"sala-1.json", FileKind::Socket),
    );
    say(
        "unsafe_path#3",
        l.unsafe_path(&"sala-1.json", FileKind::Symlink),
    );
    say(
        "unsafe_path#4",
        l.unsafe_path(&"sala-1.json", FileKind::Folder),
    );
    say(
        "unsafe_path#5",
        l.unsafe_path(&"sala-1.json", FileKind::HardLinked),
    );
    say(
        "unsafe_path#6",
        l.unsafe_path(&"sala-1.json", FileKind::Other),
    );
    say(
        "shared_dir_refused",
        l.shared_dir_refused(&"sala-1.json", 1),
    );
    say(
        "shared_dir_refused#1",
        l.shared_dir_refused(&"sala-1.json", 3),
    );
    say(
        "shared_dir_warning",
        l.shared_dir_warning(&"sala-1.json", 1),
    );
    say(
        "shared_dir_warning#1",
        l.shared_dir_warning(&"sala-1.json", 3),
    );
    say(
        "backup_damaged",
        l.backup_damaged(1, &"sala-1.json", &"sala-1.json", "grupo3"),
    );
    say(
        "backup_damaged#1",
        l.backup_damaged(3, &"sala-1.json", &"sala-1.json", "grupo3"),
    );
    say("out_is_a_file", l.out_is_a_file(&"sala-1.json"));
    say(
        "backup_failed",
        l.backup_failed(&"sala-1.json", &"sala-1.json"),
    );
    say(
        "out_not_regular",
        l.out_not_regular(&"sala-1.json", FileKind::Fifo),
    );
    say(
        "out_not_regular#1",
        l.out_not_regular(&"sala-1.json", FileKind::Device),
    );
    say(
        "out_not_regular#2",
        l.out_not_regular(&"sala-1.json", FileKind::Socket),
    );
    say(
        "out_not_regular#3",
        l.out_not_regular(&"sala-1.json", FileKind::Symlink),
    );
    say(
        "out_not_regular#4",
        l.out_not_regular(&"sala-1.json", FileKind::Folder),
    );
    say(
        "out_not_regular#5",
        l.out_not_regular(&"sala-1.json", FileKind::HardLinked),
    );
    say(
        "out_not_regular#6",
        l.out_not_regular(&"sala-1.json", FileKind::Other),
    );
    say("out_is_a_folder", l.out_is_a_folder(&"sala-1.json"));
    say("refused_no_item", l.refused_no_item().to_string());
    say("refused_empty_title", l.refused_empty_title().to_string());
    say("refused_last_group", l.refused_last_group().to_string());
    say("refused_last_item", l.refused_last_item().to_string());
    say("refused_group_has_inputs", l.refused_group_has_inputs(1));
    say("refused_group_has_inputs#1", l.refused_group_has_inputs(3));
    say("break_title", l.break_title().to_string());
    say(
        "new_item_title",
        l.new_item_title(ItemKind::Item).to_string(),
    );
    say(
        "new_item_title#1",
        l.new_item_title(ItemKind::Break).to_string(),
    );
    say("item_title_prompt", l.item_title_prompt(1));
    say("item_title_prompt#1", l.item_title_prompt(3));
    say("new_group_title", l.new_group_title().to_string());
    say("group_title_prompt", l.group_title_prompt(1));
    say("group_title_prompt#1", l.group_title_prompt(3));
    say("refused_text_stays", l.refused_text_stays("grupo3"));
    say("draft_kept", l.draft_kept().to_string());
    say("draft_kept_nowhere", l.draft_kept_nowhere("grupo3"));
    say("draft_back", l.draft_back().to_string());
    say("prompt_gone", l.prompt_gone().to_string());
    say("group_added", l.group_added("grupo3"));
    say("item_removed", l.item_removed("grupo3"));
    say("group_removed", l.group_removed("grupo3", 1, Some(2)));
    say("group_removed#1", l.group_removed("grupo3", 3, Some(2)));
    say("group_removed#2", l.group_removed("grupo3", 1, None));
    say("confirm_remove_item", l.confirm_remove_item().to_string());
    say("confirm_remove_group", l.confirm_remove_group().to_string());
    say("remove_group_into", l.remove_group_into("grupo3", 1));
    say("remove_group_into#1", l.remove_group_into("grupo3", 3));
    say("remove_group_keys", l.remove_group_keys().to_string());
    say("key_add_item", l.key_add_item().to_string());
    say("key_add_break", l.key_add_break().to_string());
    say("key_rename_item", l.key_rename_item().to_string());
    say("key_move_item", l.key_move_item().to_string());
    say("key_remove_item", l.key_remove_item().to_string());
    say("key_add_group", l.key_add_group().to_string());
    say("key_rename_group", l.key_rename_group().to_string());
    say("key_remove_group", l.key_remove_group().to_string());
    say("input_field", l.input_field("grupo3", TextField::Text));
    say(
        "input_field#1",
        l.input_field("grupo3", TextField::Observations),
    );
    say("participants_of", l.participants_of("grupo3"));
    say("roster_of", l.roster_of(RosterRole::Facilitator, "grupo3"));
    say("roster_of#1", l.roster_of(RosterRole::Rapporteur, "grupo3"));
    say("merged_with_others", l.merged_with_others("grupo3"));
    say("overlapped_yours_kept", l.overlapped_yours_kept("grupo3"));
    say(
        "overlapped_yours_marked",
        l.overlapped_yours_marked("grupo3"),
    );
    say(
        "merge_group_report",
        l.merge_group_report("grupo3", 1, 1, 1, true),
    );
    say(
        "merge_group_report#1",
        l.merge_group_report("grupo3", 3, 1, 1, true),
    );
    say(
        "merge_group_report#2",
        l.merge_group_report("grupo3", 1, 3, 1, true),
    );
    say(
        "merge_group_report#3",
        l.merge_group_report("grupo3", 1, 1, 3, true),
    );
    say(
        "merge_group_report#4",
        l.merge_group_report("grupo3", 1, 1, 1, false),
    );
    say("merge_nothing_new", l.merge_nothing_new().to_string());
    say("merge_clocks", l.merge_clocks(1));
    say("merge_clocks#1", l.merge_clocks(3));
    say("merge_outside", l.merge_outside(1));
    say("merge_outside#1", l.merge_outside(3));
    say("merge_verdicts_refused", l.merge_verdicts_refused(1));
    say("merge_verdicts_refused#1", l.merge_verdicts_refused(3));
    say(
        "merge_future",
        l.merge_future(1, jiff::Timestamp::from_second(32503680000).unwrap()),
    );
    say(
        "merge_future#1",
        l.merge_future(3, jiff::Timestamp::from_second(32503680000).unwrap()),
    );
    say("merge_words", l.merge_words(&names(1), &names(1)));
    say("merge_words#1", l.merge_words(&names(2), &names(1)));
    say("merge_words#2", l.merge_words(&names(1), &names(2)));
    say("merge_versions", l.merge_versions(1));
    say("merge_versions#1", l.merge_versions(3));
    say("imported_from", l.imported_from(&"sala-1.json", "grupo3"));
    say(
        "no_sessions_in_folder",
        l.no_sessions_in_folder(&"sala-1.json"),
    );
    say("files_in_folder", l.files_in_folder(1, &"sala-1.json"));
    say("files_in_folder#1", l.files_in_folder(3, &"sala-1.json"));
    say("no_plenary_decisions", l.no_plenary_decisions().to_string());
    say("schedule_from", l.schedule_from(&"sala-1.json"));
    say("plan_fields_of", l.plan_fields_of("grupo3"));
    say(
        "date_in_words",
        l.date_in_words(jiff::civil::date(2018, 2, 20)),
    );
    say("numbered", l.numbered("grupo3", 1));
    say("numbered#1", l.numbered("grupo3", 3));
    say("docx_written", l.docx_written(&"sala-1.json"));
    say("docx_no_pandoc", l.docx_no_pandoc(&"sala-1.json"));
    say("docx_failed", l.docx_failed(&"sala-1.json"));
    say("unknown_group", l.unknown_group("grupo3", "grupo3"));
    say("group_file_suffix", l.group_file_suffix(1));
    say("group_file_suffix#1", l.group_file_suffix(3));
    say("group_laptop", l.group_laptop(1, "grupo3"));
    say("group_laptop#1", l.group_laptop(3, "grupo3"));
    say("group_laptop_stays", l.group_laptop_stays(1));
    say("group_laptop_stays#1", l.group_laptop_stays(3));
    say("key_where_file", l.key_where_file().to_string());
    say("group_prompt", l.group_prompt().to_string());
    say("key_new_group", l.key_new_group().to_string());
    say("format_plan", l.format_plan().to_string());
    say("format_csv", l.format_csv().to_string());
    say("format_json", l.format_json().to_string());
    say("format_status", l.format_status().to_string());
    say("format_schedule_csv", l.format_schedule_csv().to_string());
    say("format_agenda_md", l.format_agenda_md().to_string());
    say("format_polls_csv", l.format_polls_csv().to_string());
    say("one_of", l.one_of(&["es", "en"]));
    say("people", l.people(&names(1)));
    say("people#1", l.people(&names(2)));
    say("is_editing", l.is_editing(&names(1)));
    say("is_editing#1", l.is_editing(&names(2)));
    say("also_editing", l.also_editing(&names(1)));
    say("also_editing#1", l.also_editing(&names(2)));
    say("refused_clock", l.refused_clock().to_string());
    say("refused_schedule", l.refused_schedule().to_string());
    say("refused_room_message", l.refused_room_message().to_string());
    say("refused_import", l.refused_import().to_string());
    say("refused_agenda", l.refused_agenda().to_string());
    say("refused_verdict", l.refused_verdict().to_string());
    say("refused_other_group", l.refused_other_group().to_string());
    say(
        "refused_move_to_other_group",
        l.refused_move_to_other_group().to_string(),
    );
    say("refused_screen_only", l.refused_screen_only().to_string());
    say("refused_poll", l.refused_poll().to_string());
    say("refused_ballot", l.refused_ballot().to_string());
    say("refused_ballot_only", l.refused_ballot_only().to_string());
    {
        use crate::model::poll::{BallotFault, BallotRefused, PollRefused};
        let faults = [
            BallotFault::WrongKind,
            BallotFault::NotInPoll,
            BallotFault::OverBudget {
                given: 6,
                budget: 5,
            },
            BallotFault::OverCap { given: 4, cap: 3 },
            BallotFault::Empty,
            BallotFault::ReasonTooLong { chars: 281 },
        ];
        let refusals = [
            BallotRefused::NoSuchPoll,
            BallotRefused::Closed,
            BallotRefused::NotEntitled,
            BallotRefused::AlreadyVoted,
            BallotRefused::OnPaper,
        ]
        .into_iter()
        .chain(faults.map(BallotRefused::Invalid));
        for (n, why) in refusals.enumerate() {
            say(&format!("ballot_refused#{n}"), l.ballot_refused(why));
        }
        let polls = [
            PollRefused::NoSuchPoll,
            PollRefused::AnotherOpen,
            PollRefused::NoInputs,
            PollRefused::OneInputOnly,
            PollRefused::NoPoints,
            PollRefused::TakenId,
            PollRefused::StillOpen,
            PollRefused::AlreadyClosed,
            PollRefused::NoCards,
            PollRefused::VotedByPhone,
        ];
        for (n, why) in polls.into_iter().enumerate() {
            say(
                &format!("poll_refused#{n}"),
                l.poll_refused(why).to_string(),
            );
        }
    }
    say("group_gone", l.group_gone().to_string());
    say(
        "ssh_closed_by_facilitator",
        l.ssh_closed_by_facilitator().to_string(),
    );
    say("ssh_too_many_screens", l.ssh_too_many_screens(1));
    say("ssh_too_many_screens#1", l.ssh_too_many_screens(3));
    say(
        "headless_stopped",
        l.headless_stopped("grupo3", 1, 1, &"sala-1.json"),
    );
    say(
        "headless_stopped#1",
        l.headless_stopped("grupo3", 3, 1, &"sala-1.json"),
    );
    say(
        "headless_stopped#2",
        l.headless_stopped("grupo3", 1, 3, &"sala-1.json"),
    );
    say("join_facilitator_apart", l.join_facilitator_apart("grupo3"));
    say("join_keys", l.join_keys(1));
    say("join_keys#1", l.join_keys(3));
    say(
        "facilitator_code_title",
        l.facilitator_code_title().to_string(),
    );
    say(
        "facilitator_code_lines",
        l.facilitator_code_lines("grupo3", "grupo3").join("\n"),
    );
    say("connections_title", l.connections_title().to_string());
    say("connections_none", l.connections_none().to_string());
    say("connections_header", l.connections_header().join("\n"));
    say("connections_keys", l.connections_keys().to_string());
    say("connections_confirm", l.connections_confirm("grupo3"));
    say("connection_gone", l.connection_gone().to_string());
    say("connection_closed", l.connection_closed("grupo3"));
    say("remote_copy_lines", l.remote_copy_lines().join("\n"));
    say("any_key_closes", l.any_key_closes().to_string());
    say("where_file_title", l.where_file_title().to_string());
    say(
        "where_file_lines",
        l.where_file_lines(&"sala-1.json", &"sala-1.json")
            .join("\n"),
    );
    say("ssh_code_prompt", l.ssh_code_prompt("grupo3"));
    say("ssh_unknown_user", l.ssh_unknown_user("grupo3", "grupo3"));
    say("ssh_wait_for_turn", l.ssh_wait_for_turn(3 * 1024 * 1024));
    say(
        "ssh_unknown_user_prompt",
        l.ssh_unknown_user_prompt().to_string(),
    );
    say("ssh_no_pty", l.ssh_no_pty("grupo3", "plan o csv"));
    say(
        "ssh_exec_refused",
        l.ssh_exec_refused(&"sala-1.json", "plan o csv"),
    );
    say("ssh_session_ended", l.ssh_session_ended().to_string());
    say("ssh_too_slow", l.ssh_too_slow().to_string());
    say("ssh_paste_too_large", l.ssh_paste_too_large(1));
    say("ssh_paste_too_large#1", l.ssh_paste_too_large(3));
    say(
        "ssh_cannot_keep_codes",
        l.ssh_cannot_keep_codes(&"sala-1.json", &"sala-1.json"),
    );
    say("join_also_as", l.join_also_as("grupo3"));
    say("ssh_codes_damaged", l.ssh_codes_damaged(1));
    say("ssh_codes_damaged#1", l.ssh_codes_damaged(3));
    say("ssh_codes_newer", l.ssh_codes_newer(1));
    say("ssh_codes_newer#1", l.ssh_codes_newer(3));
    say(
        "ssh_cannot_keep_key",
        l.ssh_cannot_keep_key(&"sala-1.json", &"sala-1.json"),
    );
    say(
        "tokens_cannot_keep",
        l.tokens_cannot_keep(&"sala-1.json", &"sala-1.json"),
    );
    say("tokens_damaged", l.tokens_damaged(1));
    say("tokens_damaged#1", l.tokens_damaged(3));
    say("tokens_newer", l.tokens_newer(3));
    say(
        "tokens_no_such_card",
        l.tokens_no_such_card("Brasil", "México, Panamá"),
    );
    say("tokens_none", l.tokens_none().to_string());
    say("tokens_revoked", l.tokens_revoked("México"));
    say("tokens_left_out", l.tokens_left_out("México, Panamá"));
    say(
        "tokens_count_per_delegation",
        l.tokens_count_per_delegation().to_string(),
    );
    say(
        "tokens_person_needs_count",
        l.tokens_person_needs_count().to_string(),
    );
    say("tokens_kept_other_kind", l.tokens_kept_other_kind(true));
    say("tokens_kept_other_kind#1", l.tokens_kept_other_kind(false));
    say("tokens_no_countries", l.tokens_no_countries().to_string());
    say("tokens_no_address", l.tokens_no_address("portatil"));
    say("tokens_bad_web", l.tokens_bad_web("sala:"));
    say("cards_title", l.cards_title("sala-1"));
    say("cards_numbered", l.cards_numbered("7"));
    say("cards_how", l.cards_how().to_string());
    say("cards_token", l.cards_token().to_string());
    say(
        "cards_written",
        l.cards_written(&"sala/tarjetas.md", &"tarjetas.md", 1),
    );
    say(
        "cards_written#1",
        l.cards_written(&"sala/tarjetas.md", &"tarjetas.md", 3),
    );
    say(
        "cards_no_qr",
        l.cards_no_qr("http://sala:8080/v/K7QM2-XD9AB"),
    );
    say("def_missing_title", l.def_missing_title());
    say("def_empty_title", l.def_empty_title());
    say("def_zero_minutes", l.def_zero_minutes());
    say("def_too_many_minutes", l.def_too_many_minutes(1));
    say("def_too_many_minutes#1", l.def_too_many_minutes(3));
    say("def_percent", l.def_percent());
    say("def_duplicate_id", l.def_duplicate_id("grupo3"));
    say("def_unknown_key", l.def_unknown_key("grupo3"));
    say("def_missing_key", l.def_missing_key("grupo3"));
    say("def_unreadable", l.def_unreadable(&"sala-1.json"));
    say("def_language", l.def_language("grupo3", "grupo3"));
    say("def_no_groups", l.def_no_groups());
    say("def_bad_short", l.def_bad_short("grupo3"));
    say("def_role_short", l.def_role_short("grupo3"));
    say("def_not_utf8", l.def_not_utf8());
    say("def_not_a_file", l.def_not_a_file("grupo3"));
    say("def_too_big", l.def_too_big("grupo3", 3 * 1024 * 1024));
    say("def_duplicate_short", l.def_duplicate_short("grupo3"));
    say("def_final_break", l.def_final_break());
    say(
        "def_unknown_builtin",
        l.def_unknown_builtin("grupo3", "grupo3"),
    );
    say(
        "def_cannot_read",
        l.def_cannot_read("grupo3", &std::io::Error::other("disco lleno")),
    );
    say(
        "def_cannot_read#1",
        l.def_cannot_read(
            "grupo3",
            &std::io::Error::from(std::io::ErrorKind::NotFound),
        ),
    );
    say("def_invalid", l.def_invalid("grupo3", 1));
    say("def_invalid#1", l.def_invalid("grupo3", 3));
    say("def_valid", l.def_valid("grupo3", "grupo3", 1, 1));
    say("def_valid#1", l.def_valid("grupo3", "grupo3", 3, 1));
    say("def_valid#2", l.def_valid("grupo3", "grupo3", 1, 3));
    say("def_written", l.def_written(&"sala-1.json"));
    say("def_exists", l.def_exists(&"sala-1.json"));
    say("workshop_choice", l.workshop_choice("grupo3", 1, 1));
    say("workshop_choice#1", l.workshop_choice("grupo3", 3, 1));
    say("workshop_choice#2", l.workshop_choice("grupo3", 1, 3));
    say("break_text", l.break_text(true).to_string());
    say("break_text#1", l.break_text(false).to_string());
    say("agenda_heading", l.agenda_heading().to_string());
    say("agenda_columns", l.agenda_columns().join("\n"));
    say("agenda_planned_from", l.agenda_planned_from("grupo3"));
    say(
        "agenda_groups_heading",
        l.agenda_groups_heading().to_string(),
    );
    say("agenda_principles", l.agenda_principles().to_string());
    say("agenda_final_product", l.agenda_final_product().to_string());
    say("agenda_examples", l.agenda_examples().to_string());
    let t = l.t();
    say("t.new_session", t.new_session.to_string());
    say("t.saved_sessions", t.saved_sessions.to_string());
    say("t.start_title", t.start_title.to_string());
    say("t.name_prompt", t.name_prompt.to_string());
    say("t.name_prompt_keys", t.name_prompt_keys.to_string());
    say("t.rename_prompt", t.rename_prompt.to_string());
    say("t.planned_start_title", t.planned_start_title.to_string());
    say("t.template_prompt", t.template_prompt.to_string());
    say("t.last_change", t.last_change.to_string());
    say("t.agenda", t.agenda.to_string());
    say("t.examples", t.examples.to_string());
    say("t.instructions", t.instructions.to_string());
    say("t.principles", t.principles.to_string());
    say("t.facilitator", t.facilitator.to_string());
    say("t.rapporteur", t.rapporteur.to_string());
    say("t.unassigned", t.unassigned.to_string());
    say("t.group_inputs", t.group_inputs.to_string());
    say("t.no_inputs", t.no_inputs.to_string());
    say("t.no_inputs_report", t.no_inputs_report.to_string());
    say("t.presents", t.presents.to_string());
    say("t.next_up", t.next_up.to_string());
    say("t.final_product", t.final_product.to_string());
    say("t.summary_by_group", t.summary_by_group.to_string());
    say("t.total", t.total.to_string());
    say("t.more_above", t.more_above.to_string());
    say("t.more_below", t.more_below.to_string());
    say("t.more_above_keys", t.more_above_keys.to_string());
    say("t.more_below_keys", t.more_below_keys.to_string());
    say("t.editor_keys", t.editor_keys.to_string());
    say("t.line_editor_keys", t.line_editor_keys.to_string());
    say("t.confirm_delete", t.confirm_delete.to_string());
    say("t.confirm_keys", t.confirm_keys.to_string());
    say("t.confirm_quit", t.confirm_quit.to_string());
    say("t.deleted", t.deleted.to_string());
    say("t.restored", t.restored.to_string());
    say("t.nothing_to_undo", t.nothing_to_undo.to_string());
    say("t.nothing_to_redo", t.nothing_to_redo.to_string());
    say("t.undone", t.undone.to_string());
    say("t.redone", t.redone.to_string());
    say("t.emptied_deleted", t.emptied_deleted.to_string());
    say("t.empty_not_added", t.empty_not_added.to_string());
    say("t.not_set", t.not_set.to_string());
    say("t.import_title", t.import_title.to_string());
    say("t.ranking", t.ranking.to_string());
    say("t.key_import", t.key_import.to_string());
    say("t.status_agreed", t.status_agreed.to_string());
    say("t.status_revise", t.status_revise.to_string());
    say("t.status_dropped", t.status_dropped.to_string());
    say("t.field_status", t.field_status.to_string());
    say("t.field_observations", t.field_observations.to_string());
    say("t.field_votes", t.field_votes.to_string());
    say("t.plan_to_revise", t.plan_to_revise.to_string());
    say("t.plan_agreed", t.plan_agreed.to_string());
    say("t.plan_title", t.plan_title.to_string());
    say("t.plan_context", t.plan_context.to_string());
    say("t.plan_actions", t.plan_actions.to_string());
    say("t.plan_agreements", t.plan_agreements.to_string());
    say("t.plan_questions", t.plan_questions.to_string());
    say("t.plan_parking", t.plan_parking.to_string());
    say("t.plan_annex", t.plan_annex.to_string());
    say("t.csv_axis", t.csv_axis.to_string());
    say("t.csv_origin", t.csv_origin.to_string());
    say("t.csv_duplicate_of", t.csv_duplicate_of.to_string());
    say(
        "t.nothing_to_consolidate",
        t.nothing_to_consolidate.to_string(),
    );
    say("t.err_output_is_input", t.err_output_is_input.to_string());
    say("t.participants_keys", t.participants_keys.to_string());
    say("t.participants", t.participants.to_string());
    say("t.key_participants", t.key_participants.to_string());
    say("t.add_country", t.add_country.to_string());
    say("t.country_prompt", t.country_prompt.to_string());
    say("t.form_country_keys", t.form_country_keys.to_string());
    say("t.form_adding_keys", t.form_adding_keys.to_string());
    say("t.form_timeframe_keys", t.form_timeframe_keys.to_string());
    say("t.flag_national", t.flag_national.to_string());
    say("t.form_keys", t.form_keys.to_string());
    say("t.field_kind", t.field_kind.to_string());
    say("t.field_text", t.field_text.to_string());
    say("t.field_scope", t.field_scope.to_string());
    say("t.field_countries", t.field_countries.to_string());
    say("t.field_lead", t.field_lead.to_string());
    say("t.field_partners", t.field_partners.to_string());
    say("t.field_timeframe", t.field_timeframe.to_string());
    say("t.timeframe_date", t.timeframe_date.to_string());
    say("t.field_indicator", t.field_indicator.to_string());
    say("t.field_priority", t.field_priority.to_string());
    say("t.text_kept", t.text_kept.to_string());
    say("t.paste_needs_group", t.paste_needs_group.to_string());
    say("t.read_only_badge", t.read_only_badge.to_string());
    say("t.renamed", t.renamed.to_string());
    say("t.confirm_trash", t.confirm_trash.to_string());
    say("t.key_rename", t.key_rename.to_string());
    say("t.key_template", t.key_template.to_string());
    say("t.key_trash", t.key_trash.to_string());
    say("t.crashed", t.crashed.to_string());
    say("t.recovered", t.recovered.to_string());
    say("t.help_title", t.help_title.to_string());
    say("t.help_close", t.help_close.to_string());
    say("t.footer_start", t.footer_start.to_string());
    say("t.opening_session", t.opening_session.to_string());
    say("t.key_parts", t.key_parts.to_string());
    say("t.key_groups", t.key_groups.to_string());
    say("t.key_select", t.key_select.to_string());
    say("t.key_scroll", t.key_scroll.to_string());
    say("t.key_add", t.key_add.to_string());
    say("t.key_edit", t.key_edit.to_string());
    say("t.key_delete", t.key_delete.to_string());
    say("t.key_undo", t.key_undo.to_string());
    say("t.key_reorder", t.key_reorder.to_string());
    say("t.key_back", t.key_back.to_string());
    say("t.key_auto_start", t.key_auto_start.to_string());
    say("t.key_bell", t.key_bell.to_string());
    say("t.key_planned_start", t.key_planned_start.to_string());
    say("t.part_opening", t.part_opening.to_string());
    say("t.part_groups", t.part_groups.to_string());
    say("t.part_closing", t.part_closing.to_string());
    say("t.key_duplicate", t.key_duplicate.to_string());
    say("t.key_move_group", t.key_move_group.to_string());
    say("t.key_facilitator", t.key_facilitator.to_string());
    say("t.key_rapporteur", t.key_rapporteur.to_string());
    say("t.key_examples", t.key_examples.to_string());
    say("t.key_help", t.key_help.to_string());
    say("t.key_save", t.key_save.to_string());
    say("t.key_quit", t.key_quit.to_string());
    say("t.key_open", t.key_open.to_string());
    say("t.key_new", t.key_new.to_string());
    say("t.key_start_quit", t.key_start_quit.to_string());
    say("t.key_editor_finish", t.key_editor_finish.to_string());
    say("t.key_editor_newline", t.key_editor_newline.to_string());
    say("t.key_editor_save", t.key_editor_save.to_string());
    say("t.key_editor_paste", t.key_editor_paste.to_string());
    say("t.key_prompt_accept", t.key_prompt_accept.to_string());
    say("t.key_prompt_cancel", t.key_prompt_cancel.to_string());
    say("t.key_prompt_replace", t.key_prompt_replace.to_string());
    say("t.key_prompt_edit", t.key_prompt_edit.to_string());
    say("t.key_form_fields", t.key_form_fields.to_string());
    say("t.key_form_choose", t.key_form_choose.to_string());
    say("t.key_form_countries", t.key_form_countries.to_string());
    say("t.keys_form_countries", t.keys_form_countries.to_string());
    say("t.key_form_all", t.key_form_all.to_string());
    say("t.key_form_add", t.key_form_add.to_string());
    say("t.key_form_date", t.key_form_date.to_string());
    say("t.key_form_keep", t.key_form_keep.to_string());
    say("t.key_editor_fields", t.key_editor_fields.to_string());
    say("t.phase_idle", t.phase_idle.to_string());
    say("t.phase_normal", t.phase_normal.to_string());
    say("t.phase_warning", t.phase_warning.to_string());
    say("t.phase_danger", t.phase_danger.to_string());
    say("t.phase_overtime", t.phase_overtime.to_string());
    say("t.paused", t.paused.to_string());
    say("t.confirm_reset", t.confirm_reset.to_string());
    say("t.schedule_title", t.schedule_title.to_string());
    say("t.col_item", t.col_item.to_string());
    say("t.col_planned", t.col_planned.to_string());
    say("t.col_actual", t.col_actual.to_string());
    say("t.col_expected", t.col_expected.to_string());
    say("t.col_state", t.col_state.to_string());
    say("t.csv_item", t.csv_item.to_string());
    say("t.csv_planned_start", t.csv_planned_start.to_string());
    say("t.csv_planned_end", t.csv_planned_end.to_string());
    say("t.csv_planned_minutes", t.csv_planned_minutes.to_string());
    say("t.csv_actual_start", t.csv_actual_start.to_string());
    say("t.csv_actual_end", t.csv_actual_end.to_string());
    say("t.csv_actual_minutes", t.csv_actual_minutes.to_string());
    say("t.csv_difference", t.csv_difference.to_string());
    say(
        "t.err_output_is_session",
        t.err_output_is_session.to_string(),
    );
    say("t.state_done", t.state_done.to_string());
    say("t.state_running", t.state_running.to_string());
    say("t.state_ahead", t.state_ahead.to_string());
    say("t.kind_action", t.kind_action.to_string());
    say("t.kind_agreement", t.kind_agreement.to_string());
    say("t.kind_question", t.kind_question.to_string());
    say("t.kind_parking", t.kind_parking.to_string());
    say("t.scope_regional", t.scope_regional.to_string());
    say("t.scope_multilateral", t.scope_multilateral.to_string());
    say("t.scope_bilateral", t.scope_bilateral.to_string());
    say("t.scope_national", t.scope_national.to_string());
    say("t.priority_high", t.priority_high.to_string());
    say("t.priority_medium", t.priority_medium.to_string());
    say("t.priority_low", t.priority_low.to_string());
    say("t.timeframe_short", t.timeframe_short.to_string());
    say("t.timeframe_medium", t.timeframe_medium.to_string());
    say("t.timeframe_long", t.timeframe_long.to_string());
    say("t.state_paused", t.state_paused.to_string());
    say("t.state_skipped", t.state_skipped.to_string());
    say("t.key_timer", t.key_timer.to_string());
    say("t.key_all_groups", t.key_all_groups.to_string());
    say("t.key_plus_minus", t.key_plus_minus.to_string());
    say("t.key_reset", t.key_reset.to_string());
    say("t.key_minutes", t.key_minutes.to_string());
    say("t.key_room", t.key_room.to_string());
    say("t.key_room_message", t.key_room_message.to_string());
    say("t.refused_gone", t.refused_gone.to_string());
    say("t.refused_no_group", t.refused_no_group.to_string());
    say(
        "t.refused_changed_since",
        t.refused_changed_since.to_string(),
    );
    say(
        "t.selected_deleted_elsewhere",
        t.selected_deleted_elsewhere.to_string(),
    );
    say(
        "t.editing_deleted_elsewhere",
        t.editing_deleted_elsewhere.to_string(),
    );
    say("t.moved_on", t.moved_on.to_string());
    say("t.import_only_here", t.import_only_here.to_string());
    say(
        "t.plenary_is_the_facilitators",
        t.plenary_is_the_facilitators.to_string(),
    );
    say("t.join_title", t.join_title.to_string());
    say("t.join_intro", t.join_intro.to_string());
    say("t.join_web_in_clear", t.join_web_in_clear.to_string());
    say("t.join_code", t.join_code.to_string());
    say("t.key_join", t.key_join.to_string());
    say("t.day_over", t.day_over.to_string());
    say("t.room_message_title", t.room_message_title.to_string());
    say("t.room_message_cleared", t.room_message_cleared.to_string());
    say("t.key_schedule", t.key_schedule.to_string());
    say("t.keys_scroll", t.keys_scroll.to_string());
    say("t.key_space", t.key_space.to_string());
    say("t.keys_delete", t.keys_delete.to_string());
    say("t.err_not_found", t.err_not_found.to_string());
    say("t.err_not_a_session", t.err_not_a_session.to_string());
    say(
        "t.err_no_schema_version",
        t.err_no_schema_version.to_string(),
    );
    say("t.err_name_empty", t.err_name_empty.to_string());
    say("t.err_name_separator", t.err_name_separator.to_string());
    say("t.err_name_control", t.err_name_control.to_string());
    say("t.err_name_invisible", t.err_name_invisible.to_string());
    say("t.err_name_whitespace", t.err_name_whitespace.to_string());
    say("t.err_name_dot", t.err_name_dot.to_string());
    say("t.err_is_directory", t.err_is_directory.to_string());
    say("t.err_no_data_dir", t.err_no_data_dir.to_string());
    say("t.err_not_a_terminal", t.err_not_a_terminal.to_string());
    say("t.col_name", t.col_name.to_string());
    say("t.col_workshop", t.col_workshop.to_string());
    say("t.col_last_change", t.col_last_change.to_string());
    say("t.col_inputs", t.col_inputs.to_string());
    say("t.damaged", t.damaged.to_string());
    let k = l.key_words();
    say("key_words.read_only", k.read_only.to_string());
    say("key_words.clock", k.clock.to_string());
    say("key_words.next", k.next.to_string());
    say("key_words.add", k.add.to_string());
    say("key_words.edit", k.edit.to_string());
    say("key_words.delete", k.delete.to_string());
    say("key_words.group", k.group.to_string());
    say("key_words.item", k.item.to_string());
    say("key_words.input", k.input.to_string());
    say("key_words.bell", k.bell.to_string());
    say("key_words.start_time", k.start_time.to_string());
    say("key_words.back", k.back.to_string());
    say("key_words.room", k.room.to_string());
    say("key_words.schedule", k.schedule.to_string());
    say("key_words.part", k.part.to_string());
    say("key_words.quit", k.quit.to_string());
    say("key_words.help", k.help.to_string());
    say("key_words.redo", k.redo.to_string());
    let pw = l.poll_words();
    say("poll_words.poll", pw.poll.to_string());
    say("poll_words.kind_points", pw.kind_points.to_string());
    say("poll_words.kind_consent", pw.kind_consent.to_string());
    say("poll_words.kind_yes_no", pw.kind_yes_no.to_string());
    say("poll_words.agree", pw.agree.to_string());
    say("poll_words.live_with", pw.live_with.to_string());
    say("poll_words.reserve", pw.reserve.to_string());
    say("poll_words.yes", pw.yes.to_string());
    say("poll_words.no", pw.no.to_string());
    say("poll_words.abstain", pw.abstain.to_string());
    say("poll_words.still_open", pw.still_open.to_string());
    say("poll_words.secret", pw.secret.to_string());
    say("poll_words.named", pw.named.to_string());
    say("poll_words.col_poll", pw.col_poll.to_string());
    say("poll_words.col_kind", pw.col_kind.to_string());
    say("poll_words.col_ballot", pw.col_ballot.to_string());
    say("poll_words.col_opened", pw.col_opened.to_string());
    say("poll_words.col_closed", pw.col_closed.to_string());
    say("poll_words.col_entitled", pw.col_entitled.to_string());
    say("poll_words.col_voted", pw.col_voted.to_string());
    say("poll_words.col_result", pw.col_result.to_string());
    say("poll_words.col_points", pw.col_points.to_string());
    say("poll_words.col_reasons", pw.col_reasons.to_string());
    say("poll_words.col_card", pw.col_card.to_string());
    say("poll_words.col_answer", pw.col_answer.to_string());
    say("poll_words.col_reason", pw.col_reason.to_string());
    say("poll_turnout", l.poll_turnout(1, 3));
    say("poll_turnout#1", l.poll_turnout(3, 3));
    say("poll_points", l.poll_points(1));
    say("poll_points#1", l.poll_points(3));
    let ps = l.poll_screen();
    for (name, text) in [
        ("chooser_title", ps.chooser_title),
        ("consent_line", ps.consent_line),
        ("named_line", ps.named_line),
        ("secret_line", ps.secret_line),
        ("chooser_keys", ps.chooser_keys),
        ("reading_cards", ps.reading_cards),
        ("no_inputs", ps.no_inputs),
        ("close_question", ps.close_question),
        ("close_detail", ps.close_detail),
        ("closed_title", ps.closed_title),
        ("closed_keys", ps.closed_keys),
        ("closed_keys_named", ps.closed_keys_named),
        ("results_hidden", ps.results_hidden),
        ("closed_hidden", ps.closed_hidden),
        ("opened", ps.opened),
        ("closed", ps.closed),
        ("revealed", ps.revealed),
        ("made_secret", ps.made_secret),
        ("vote_here", ps.vote_here),
        ("web_page", ps.web_page),
        ("key_poll", ps.key_poll),
        ("card_keys", ps.card_keys),
        ("paper_title", ps.paper_title),
        ("revoke_title", ps.revoke_title),
        ("unknown_card", ps.unknown_card),
    ] {
        say(&format!("poll_screen.{name}"), text.to_string());
    }
    say("poll_votes", l.poll_votes(9, 14));
    say("poll_points_rule", l.poll_points_rule(5, 3));
    say("poll_yes_no_on", l.poll_yes_no_on("2.3"));
    say("poll_over", l.poll_over(1));
    say("poll_over#1", l.poll_over(6));
    say("poll_no_cards", l.poll_no_cards("sala"));
    say("poll_cards_unread", l.poll_cards_unread("sala"));
    say("poll_cards", l.poll_cards(1));
    say("poll_card_on_paper", l.poll_card_on_paper("Brasil"));
    say("poll_card_revoked", l.poll_card_revoked("Brasil"));
    say("poll_cards#1", l.poll_cards(14));
    let p = l.plan_words();
    say("plan_words.date", p.date.to_string());
    say("plan_words.place", p.place.to_string());
    say("plan_words.axis", p.axis.to_string());
    say("plan_words.agreed", p.agreed.to_string());
    say("plan_words.to_revise", p.to_revise.to_string());
    say("plan_words.undecided", p.undecided.to_string());
    say("plan_words.agreements", p.agreements.to_string());
    say(
        "plan_words.agreements_to_revise",
        p.agreements_to_revise.to_string(),
    );
    say("plan_words.questions", p.questions.to_string());
    say("plan_words.pending", p.pending.to_string());
    say("plan_words.observations", p.observations.to_string());
    say("plan_words.votes", p.votes.to_string());
    say("plan_words.status", p.status.to_string());
    say("plan_words.duplicate", p.duplicate.to_string());
    say("plan_words.annex", p.annex.to_string());
    say("plan_words.annex_dropped", p.annex_dropped.to_string());
    say("plan_words.annex_people", p.annex_people.to_string());
    say("plan_words.annex_schedule", p.annex_schedule.to_string());
    say("plan_words.no_country", p.no_country.to_string());
    say("plan_words.leads", p.leads.to_string());
    say("plan_words.facilitates", p.facilitates.to_string());
    say("plan_words.reports", p.reports.to_string());
    say("plan_words.planned", p.planned.to_string());
    say("plan_words.actual", p.actual.to_string());
    say("plan_words.number", p.number.to_string());
    say("plan_words.no_decisions", p.no_decisions.to_string());
    say(
        "plan_words.no_decisions_yet",
        p.no_decisions_yet.to_string(),
    );
    say("plan_words.nothing_here", p.nothing_here.to_string());
    say("plan_words.ranking_note", p.ranking_note.to_string());
    let cli = l.cli_words();
    for (path, about) in cli.about {
        say(&format!("cli about `{path}`"), about.to_string());
    }
    for a in cli.args {
        say(&format!("cli `{}` {}", a.command, a.id), a.help.to_string());
    }
    said
}

/// Messages that may read the same in two languages, and which two
/// ("es=pt"; "all": every language): names and codes, numbers, and words
/// the languages share. Kept by pair, so that a word Spanish and Portuguese
/// spell alike does not also let an English string stay in Spanish.
const SHARED: &[(&str, &str)] = &[
    // Names, codes and numbers in a frame the languages share.
    ("cli_usage", "es=pt"),
    ("group_file_suffix", "es=pt"),
    ("group_file_suffix#1", "es=pt"),
    ("minutes_title", "es=pt"),
    ("people", "all"),
    ("ssh_code_prompt", "es=pt"),
    ("t.keys_delete", "en=pt"),
    ("t.keys_scroll", "en=pt"),
    ("t.not_set", "all"),
    ("time_of_day", "es=pt"),
    // Words Spanish and Portuguese (or English) spell alike.
    ("agenda_heading", "es=en"),
    ("group_of", "es=pt"),
    ("group_of#1", "es=pt"),
    ("group_of#2", "es=pt"),
    ("groups", "es=pt"),
    ("groups#1", "es=pt"),
    ("is_editing", "es=pt"),
    ("key_words.edit", "es=pt"),
    ("key_words.group", "es=pt"),
    ("key_words.item", "en=pt"),
    ("key_words.room", "es=pt"),
    ("key_words.schedule", "es=pt"),
    ("plan_words.actual", "es=pt"),
    ("plan_words.annex", "es=pt"),
    ("plan_words.annex_people", "es=pt"),
    ("plan_words.facilitates", "es=pt"),
    ("plan_words.number", "es=pt"),
    ("plan_words.planned", "es=pt"),
    ("plan_words.reports", "es=pt"),
    ("plan_words.status", "en=pt"),
    ("plan_words.votes", "es=pt"),
    ("poll_over", "es=pt"),
    ("poll_over#1", "es=pt"),
    ("poll_screen.revealed", "es=pt"),
    ("poll_votes", "es=pt"),
    ("poll_words.col_ballot", "es=pt"),
    ("poll_words.col_reason", "es=pt"),
    ("poll_words.col_reasons", "es=pt"),
    ("poll_words.col_result", "es=pt"),
    ("poll_words.named", "es=pt"),
    ("poll_words.no", "es=en"),
    ("poll_words.secret", "es=pt"),
    ("t.agenda", "es=en"),
    ("t.col_actual", "es=pt"),
    ("t.col_item", "en=pt"),
    ("t.col_planned", "es=pt"),
    ("t.csv_item", "en=pt"),
    ("t.csv_planned_minutes", "es=pt"),
    ("t.facilitator", "es=pt"),
    ("t.field_countries", "es=pt"),
    ("t.field_indicator", "es=pt"),
    ("t.field_kind", "es=pt"),
    ("t.field_scope", "es=pt"),
    ("t.field_text", "es=pt"),
    ("t.field_votes", "es=pt"),
    ("t.help_title", "es=pt"),
    ("t.join_code", "es=pt"),
    ("t.key_minutes", "es=pt"),
    ("t.participants", "es=pt"),
    ("t.phase_danger", "es=pt"),
    ("t.priority_high", "es=pt"),
    ("t.rapporteur", "es=pt"),
    ("t.recovered", "es=pt"),
    ("t.schedule_title", "es=pt"),
    ("t.scope_bilateral", "all"),
    ("t.scope_multilateral", "all"),
    ("t.scope_national", "es=pt"),
    ("t.scope_regional", "all"),
    ("t.state_skipped", "es=pt"),
    ("t.status_dropped", "es=pt"),
    ("t.status_revise", "es=pt"),
    ("t.total", "all"),
    ("votes", "es=pt"),
    ("votes#1", "es=pt"),
];

/// Whether `name` may read alike in `a` and `b`.
fn shared(name: &str, a: Lang, b: Lang) -> bool {
    let pair = format!("{}={}", a.code(), b.code());
    SHARED.iter().any(|(shared, pairs)| {
        *shared == name && (*pairs == "all" || pairs.split(',').any(|p| p == pair))
    })
}

#[test]
fn every_language_says_every_message_in_its_own_words() {
    let said: Vec<(Lang, Vec<(String, String)>)> = Lang::ALL
        .iter()
        .map(|lang| (*lang, said_by(lang.speaker())))
        .collect();
    let mut wrong = Vec::new();
    for (lang, messages) in &said {
        for (name, text) in messages {
            if text.trim().is_empty() {
                wrong.push(format!("{lang:?}: {name} is empty"));
            }
        }
    }
    for (i, (a, of_a)) in said.iter().enumerate() {
        for (b, of_b) in &said[i + 1..] {
            assert_eq!(of_a.len(), of_b.len());
            for ((name, x), (_, y)) in of_a.iter().zip(of_b) {
                if x == y && !shared(name, *a, *b) {
                    wrong.push(format!("{a:?} and {b:?} say {name} alike: {x:?}"));
                }
            }
        }
    }
    // An exemption names a message there is (a renamed one is not left
    // exempting nothing, or a new one by the old name).
    for (name, _) in SHARED {
        if !said[0].1.iter().any(|(said, _)| said == name) {
            wrong.push(format!("SHARED names no message: {name}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A workshop file may be written in each language the interface speaks.
#[test]
fn workshops_are_written_in_the_interface_languages() {
    let codes = Lang::ALL.map(Lang::code);
    assert_eq!(codes, crate::model::workshop::LANGUAGES);
    for code in codes {
        assert_eq!(Lang::parse(code).map(Lang::code), Some(code));
    }
}

/// A country one language translates, every language does: the CRM's
/// members and the corridor's countries the concept note invites.
#[test]
fn every_language_names_the_same_countries() {
    let corridor = ["Brasil", "Colombia", "Ecuador"];
    for stored in crate::model::workshop::CRM_MEMBERS.iter().chain(&corridor) {
        let known = Lang::ALL.map(|lang| lang.country_name(stored).is_some());
        assert!(known.iter().all(|k| *k == known[0]), "{stored}: {known:?}");
    }
    for stored in corridor {
        assert!(Lang::Pt.country_name(stored).is_some(), "{stored}");
    }
}
