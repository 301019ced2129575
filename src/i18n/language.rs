//! Everything a person reads, as one trait: each language's file
//! implements it whole (no default bodies), so a language that lacks a
//! string does not compile.

use std::fmt::Display;

use super::{CliWords, FileKind, KeyWords, PlanWords, PollScreenWords, PollWords, Strings};
use crate::model::patch::TextField;
use crate::model::poll::{BallotRefused, PollRefused};
use crate::model::workshop::ItemKind;

pub trait Language: Sync {
    /// The plain strings, one field each.
    fn t(&self) -> &'static Strings;

    /// A known country's name in this language, from its name as stored.
    fn country_name(&self, stored: &str) -> Option<&'static str>;

    // Counts, titles, sessions and their files, the schedule, the command line.
    fn inputs(&self, n: usize) -> String;

    fn groups(&self, n: usize) -> String;

    fn item_of(&self, i: usize, n: usize) -> String;

    fn group_of(&self, i: usize, n: usize) -> String;

    fn part_of(&self, i: usize, n: usize) -> String;

    fn report_of(&self, i: usize, n: usize) -> String;

    fn axis_label(&self, number: u32) -> String;

    fn new_input_title(&self, axis: &dyn Display) -> String;

    fn edit_input_title(&self, n: usize) -> String;

    fn role_title(&self, role: &str, group: usize) -> String;

    fn saved_at(&self, time: &dyn Display) -> String;

    fn save_failed(&self, path: &dyn Display, reason: &dyn Display) -> String;

    fn too_small(&self, w: u16, h: u16, min_w: u16, min_h: u16) -> String;

    fn no_sessions_in(&self, dir: &dyn Display) -> String;

    fn created(&self, path: &dyn Display) -> String;

    fn cannot_open(&self, path: &dyn Display, reason: &dyn Display) -> String;

    fn saved_in(&self, path: &dyn Display) -> String;

    fn read_only(&self, holder: &dyn Display) -> String;

    fn too_large(&self, bytes: u64, max: u64) -> String;

    /// A write refused because taller could not open the file after it.
    fn too_large_to_write(&self, bytes: u64, max: u64) -> String;

    fn in_use(&self, holder: &dyn Display) -> String;

    fn holder(&self, pid: &dyn Display, host: &dyn Display) -> String;

    fn backups_hint(&self, n: usize, when: &str, name: &str) -> String;

    fn no_backups(&self, path: &dyn Display) -> String;

    fn no_such_backup(&self, n: usize, count: usize) -> String;

    fn restored_from(&self, n: usize, path: &dyn Display) -> String;

    fn unsaved_recovered(
        &self,
        path: &dyn Display,
        reason: &dyn Display,
        copy: &dyn Display,
    ) -> String;

    fn unsaved_lost(&self, path: &dyn Display, reason: &dyn Display) -> String;

    fn crashed_saved(&self, path: &dyn Display) -> String;

    fn trashed(&self, path: &dyn Display) -> String;

    fn cannot_write(&self, path: &dyn Display, reason: &dyn Display) -> String;

    fn default_workshop_hint(&self, title: &dyn Display) -> String;

    fn not_json(&self, line: usize, column: usize, reason: &dyn Display) -> String;

    fn invalid_session(&self, line: usize, column: usize, reason: &dyn Display) -> String;

    fn newer_schema(&self, found: u64, supported: u32) -> String;

    fn session_exists(&self, name: &dyn Display) -> String;

    /// `serve NAME --workshop FILE` for a session that already has its workshop.
    fn workshop_for_new_only(&self, name: &dyn Display) -> String;

    fn duration_out_of_range(&self, field: &str, value: u64, max: u64) -> String;

    fn time_out_of_range(
        &self,
        field: &str,
        value: &dyn Display,
        earliest: i16,
        latest: i16,
    ) -> String;

    fn renewed_ids(&self, n: usize) -> String;

    fn minutes_refused(&self, text: &str, max: u32) -> String;

    /// The schedule's drift, as the header says it.
    fn drift(&self, minutes: i64) -> String;

    /// The drift of a past day, after its date: a session reopened later
    /// shows where that day stood when its clocks stopped.
    fn drift_on(&self, day: jiff::civil::Date, minutes: i64) -> String;

    fn expected_end(&self, time: &dyn Display) -> String;

    fn minutes_title(&self, item: &dyn Display) -> String;

    /// `m` on a group's breakout: one planned length for the groups that
    /// work in parallel, so the prompt says it changes every group's.
    fn minutes_every_breakout_title(&self, breakout: &dyn Display) -> String;

    /// `m` on a report-back: every group's slot has the planned length.
    fn minutes_every_report_title(&self) -> String;

    fn time_of_day(&self, time: &dyn Display) -> String;

    fn cannot_listen(&self, address: &str, reason: &str) -> String;

    fn bad_authorized_key(&self, file: &str, line: &str) -> String;

    /// Why an authorized-keys file was not read, said after its name
    /// (`Lang::keys_unread`): it does not exist, is not a regular file, or
    /// is too large.
    fn keys_missing(&self) -> &'static str;
    fn keys_not_regular(&self) -> &'static str;
    fn keys_too_large(&self, max_kib: u64) -> String;

    fn serving_held(&self, holder: &str) -> String;

    fn join_addresses(&self, addresses: &str) -> String;

    fn join_fingerprint(&self, fingerprint: &str) -> String;

    /// Where phones open the ballot page.
    fn join_web(&self, link: &str) -> String;

    fn settings_line(&self, bell: bool) -> String;

    fn time_refused(&self, text: &str) -> String;

    fn moved_to(&self, group: &dyn Display) -> String;

    /// `number` is the input's own ("4.2"), as the plan names it.
    fn similar_to(&self, number: &dyn Display, group: &dyn Display) -> String;

    fn more_text(&self, bytes: usize) -> String;

    fn participants_title(&self, group: usize) -> String;

    fn other_workshop(&self, file: &str, workshop: &str, expected: &str) -> String;

    fn similar_in_plan(&self, opening: &str, group: &dyn Display) -> String;

    fn consolidated(&self, inputs: usize, files: usize, dir: &dyn Display) -> String;

    fn skipped(&self, reason: &dyn Display) -> String;

    fn votes(&self, n: u32) -> String;

    fn imported(&self, added: usize, updated: usize, from: &dyn Display) -> String;

    fn name_too_long(&self, max: usize) -> String;

    fn cli_unexpected_argument(&self, arg: &str) -> String;

    fn cli_unknown_command(&self, name: &str) -> String;

    fn cli_missing_value(&self, arg: &str) -> String;

    fn cli_invalid_value(&self, value: &str, arg: &str) -> String;

    fn cli_possible_values(&self, values: &str) -> String;

    fn cli_missing_arguments(&self) -> &'static str;

    fn cli_unexpected_value(&self, value: &str, arg: &str) -> String;

    fn cli_conflict(&self, arg: &str, other: &str) -> String;

    fn cli_used_twice(&self, arg: &str) -> String;

    fn cli_no_equals(&self, arg: &str) -> String;

    fn cli_needs_command(&self, name: &str) -> String;

    fn cli_invalid_utf8(&self) -> &'static str;

    fn cli_did_you_mean(&self, suggestion: &str) -> String;

    fn cli_usage(&self, usage: &str) -> String;

    fn cli_try_help(&self) -> &'static str;

    /// "a named pipe (FIFO)", "a device", … for a file that is not a plain one.
    fn file_kind(&self, kind: FileKind) -> &'static str;

    fn not_regular(&self, kind: FileKind) -> String;

    /// A lock, backup or trash path that taller will not write through.
    fn unsafe_path(&self, path: &dyn Display, kind: FileKind) -> String;

    fn shared_dir_refused(&self, dir: &dyn Display, mode: u32) -> String;

    fn shared_dir_warning(&self, dir: &dyn Display, mode: u32) -> String;

    fn backup_damaged(
        &self,
        n: usize,
        copy: &dyn Display,
        reason: &dyn Display,
        name: &str,
    ) -> String;

    fn out_is_a_file(&self, path: &dyn Display) -> String;

    /// The reason comes first after the verdict (the line may be cut at the
    /// screen's edge); an error of its own says the path, else the folder is named.
    fn backup_failed(&self, folder: &dyn Display, reason: &dyn Display) -> String;

    fn out_not_regular(&self, path: &dyn Display, kind: FileKind) -> String;

    fn out_is_a_folder(&self, path: &dyn Display) -> String;

    // The agenda changed on the day (issue 15): prompts, questions, refusals and help of the agenda keys.
    fn refused_no_item(&self) -> &'static str;

    fn refused_empty_title(&self) -> &'static str;

    fn refused_last_group(&self) -> &'static str;

    fn refused_last_item(&self) -> &'static str;

    fn refused_group_has_inputs(&self, count: usize) -> String;

    /// The title a new break is offered with.
    fn break_title(&self) -> &'static str;

    fn new_item_title(&self, kind: ItemKind) -> &'static str;

    fn item_title_prompt(&self, n: usize) -> String;

    fn new_group_title(&self) -> &'static str;

    fn group_title_prompt(&self, n: usize) -> String;

    /// Finishing an editor or form was refused (`reason`): the words stay.
    fn refused_text_stays(&self, reason: &str) -> String;

    /// Words left in an editor that could not be kept, saved for the person.
    fn draft_kept(&self) -> &'static str;

    /// The words of a person who may write in no group any more (their
    /// group removed), shown so they can copy them.
    fn draft_kept_nowhere(&self, text: &str) -> String;

    fn draft_back(&self) -> &'static str;

    /// Said when a prompt's item or group was removed by someone meanwhile.
    fn prompt_gone(&self) -> &'static str;

    fn group_added(&self, short: &str) -> String;

    fn item_removed(&self, title: &str) -> String;

    /// `into`: the number of the group the inputs went to.
    fn group_removed(&self, title: &str, inputs: usize, into: Option<usize>) -> String;

    fn confirm_remove_item(&self) -> &'static str;

    fn confirm_remove_group(&self) -> &'static str;

    /// The question for a group with inputs: they go to another group,
    /// named below it.
    fn remove_group_into(&self, title: &str, inputs: usize) -> String;

    fn remove_group_keys(&self) -> &'static str;

    fn key_add_item(&self) -> &'static str;

    fn key_add_break(&self) -> &'static str;

    fn key_rename_item(&self) -> &'static str;

    fn key_move_item(&self) -> &'static str;

    fn key_remove_item(&self) -> &'static str;

    fn key_add_group(&self) -> &'static str;

    fn key_rename_group(&self) -> &'static str;

    fn key_remove_group(&self) -> &'static str;

    // The footer's words.
    fn key_words(&self) -> &'static KeyWords;

    // Two people's edits of one text merged (issue 21).
    /// "Insumo 2.3 (texto)": which text of which input.
    fn input_field(&self, number: &str, field: TextField) -> String;

    /// "Participantes de «Eje 2»": the list of a group.
    fn participants_of(&self, group: &str) -> String;

    /// "Relator/a de «Eje 2»": a name of a group's roster.
    fn roster_of(&self, role: crate::model::session::RosterRole, group: &str) -> String;

    /// Your edit of `what` met changes someone made meanwhile, elsewhere in it.
    fn merged_with_others(&self, what: &str) -> String;

    /// Your edit and someone else's changed the same words.
    fn overlapped_yours_kept(&self, what: &str) -> String;

    /// Someone else's edit changed the same words as yours.
    fn overlapped_yours_marked(&self, what: &str) -> String;

    // The offline day (issue 12): group laptops, import, the plan.
    /// "Grupo 2: 3 nuevos, 1 actualizado, 1 eliminado; relatoría actualizada".
    fn merge_group_report(
        &self,
        number: &str,
        added: usize,
        updated: usize,
        deleted: usize,
        roster: bool,
    ) -> String;

    fn merge_nothing_new(&self) -> &'static str;

    fn merge_clocks(&self, n: usize) -> String;

    /// A group laptop's changes to other groups, left out.
    fn merge_outside(&self, n: usize) -> String;

    /// A group laptop's file tried to change the plenary's say.
    fn merge_verdicts_refused(&self, n: usize) -> String;

    /// Changes dated ahead of this machine's clock: named, and they did not win.
    fn merge_future(&self, n: usize, latest: jiff::Timestamp) -> String;

    /// Texts changed on both computers since the laptop took the room's,
    /// merged word by word; where both changed the same words, both kept.
    fn merge_words(&self, merged: &[String], overlapped: &[String]) -> String;

    /// Two texts of one input at one time: both kept, the other marked.
    fn merge_versions(&self, n: usize) -> String;

    /// What an import did, and from where.
    fn imported_from(&self, from: &dyn Display, what: &str) -> String;

    /// A folder given to import holds no session file.
    fn no_sessions_in_folder(&self, dir: &dyn Display) -> String;

    /// "3 archivos de memoria USB/": what a folder import names.
    fn files_in_folder(&self, n: usize, dir: &dyn Display) -> String;

    fn plan_words(&self) -> &'static PlanWords;

    /// The words of phone polls' results (plan.md, plan.csv, polls-csv).
    fn poll_words(&self) -> &'static PollWords;

    /// "9 de 14 votaron": how many cards voted of those that could.
    fn poll_turnout(&self, voted: usize, could: usize) -> String;

    /// "12 puntos": a points poll's result for one input.
    fn poll_points(&self, n: u32) -> String;

    /// The poll screens' words in the terminal (chooser, room).
    fn poll_screen(&self) -> &'static PollScreenWords;

    /// "Votos: 9 de 14": the room's count while a poll is open.
    fn poll_votes(&self, cast: usize, entitled: usize) -> String;

    /// The chooser's points line: each card's points and the cap on one input.
    fn poll_points_rule(&self, points: u32, max_per_input: u32) -> String;

    /// The chooser's yes/no line, on the input numbered `number` ("2.3").
    fn poll_yes_no_on(&self, number: &str) -> String;

    /// "Sobre 6 insumos": what the chooser's poll covers.
    fn poll_over(&self, inputs: usize) -> String;

    /// No ballot cards made yet: how to make them (the session's name).
    fn poll_no_cards(&self, name: &str) -> String;

    /// "14 tarjetas pueden votar": the cards a poll opened now is for.
    fn poll_cards(&self, n: usize) -> String;

    /// The cards file could not be read: why.
    fn poll_cards_unread(&self, why: &str) -> String;

    /// Told once a card is marked as voted on paper.
    fn poll_card_on_paper(&self, card: &str) -> String;

    /// Told once a card is revoked: its token opens nothing from now on.
    fn poll_card_revoked(&self, card: &str) -> String;

    /// On the standard error when no file carries the plenary's decisions.
    fn no_plenary_decisions(&self) -> &'static str;

    /// Where the plan's schedule comes from.
    fn schedule_from(&self, file: &dyn Display) -> String;

    /// "Datos de 2.3": what parts an input's pasted list from its fields.
    fn plan_fields_of(&self, number: &str) -> String;

    /// "4 de diciembre de 2026", "4 December 2026": a date in words, as a
    /// plan written in the language reads it.
    fn date_in_words(&self, date: jiff::civil::Date) -> String;

    /// "2.3 (Eje 2)": an input named in a plan.
    fn numbered(&self, number: &str, axis: u32) -> String;

    fn docx_written(&self, path: &dyn Display) -> String;

    fn docx_no_pandoc(&self, md: &dyn Display) -> String;

    fn docx_failed(&self, reason: &dyn Display) -> String;

    /// `taller new --group 9` when the workshop has no such group.
    fn unknown_group(&self, named: &str, known: &str) -> String;

    /// The end of a group laptop's file name: "grupo3".
    fn group_file_suffix(&self, number: u32) -> String;

    /// The header of a group laptop: "Computadora del grupo 3 · Soluciones…".
    fn group_laptop(&self, number: u32, title: &str) -> String;

    /// A key that would leave the group, on a group laptop.
    fn group_laptop_stays(&self, number: u32) -> String;

    /// `w`: where the session's file is (to copy it to the USB stick):
    /// the file's name first, which a narrow screen must not cut.
    fn key_where_file(&self) -> &'static str;

    /// The start screen's prompt for a group laptop.
    fn group_prompt(&self) -> &'static str;

    fn key_new_group(&self) -> &'static str;

    // Output formats (`export::formats`).
    /// What each format writes, in a few words (`taller export --help`;
    /// `Lang::format_description`, beside the registry, picks one).
    fn format_plan(&self) -> &'static str;
    fn format_csv(&self) -> &'static str;
    fn format_json(&self) -> &'static str;
    fn format_status(&self) -> &'static str;
    fn format_schedule_csv(&self) -> &'static str;
    fn format_agenda_md(&self) -> &'static str;
    fn format_polls_csv(&self) -> &'static str;

    /// A choice among names: "es, en o pt".
    fn one_of(&self, names: &[&str]) -> String;

    /// The command line's help: every command and argument.
    fn cli_words(&self) -> &'static CliWords;

    // Presence (issue 21): who is editing an input now.
    /// "Ana y grupo2": the people named, in order.
    fn people(&self, names: &[String]) -> String;

    /// "grupo1 está editando", beside the input.
    fn is_editing(&self, names: &[String]) -> String;

    /// Told when opening an input someone else is editing: nothing is
    /// blocked, and nobody's words are lost.
    fn also_editing(&self, names: &[String]) -> String;

    // Why a role's change is refused (issue 20): whose the change is, one
    // message per `session::Why` (`Lang::refused_because` picks it).
    fn refused_clock(&self) -> &'static str;
    fn refused_schedule(&self) -> &'static str;
    fn refused_room_message(&self) -> &'static str;
    fn refused_import(&self) -> &'static str;
    fn refused_agenda(&self) -> &'static str;
    fn refused_verdict(&self) -> &'static str;
    fn refused_other_group(&self) -> &'static str;
    fn refused_move_to_other_group(&self) -> &'static str;
    fn refused_screen_only(&self) -> &'static str;
    fn refused_poll(&self) -> &'static str;
    fn refused_ballot(&self) -> &'static str;
    fn refused_ballot_only(&self) -> &'static str;

    // Phone ballots (issue 23): why a ballot or a poll edit was refused.
    /// Why a card's ballot was not counted, as the card's person reads it.
    fn ballot_refused(&self, why: BallotRefused) -> String;
    /// Why the facilitator's poll edit was not made.
    fn poll_refused(&self, why: PollRefused) -> &'static str;

    /// A rapporteur whose group the facilitator removed, told when it happens.
    fn group_gone(&self) -> &'static str;

    // The served session's screens: who is connected, codes, how a screen closed.
    /// A screen closed by the facilitator, on the main screen after it.
    fn ssh_closed_by_facilitator(&self) -> &'static str;

    /// One screen too many of one role from one address.
    fn ssh_too_many_screens(&self, most: usize) -> String;

    /// `--headless` on its standard error, once a signal stopped it.
    fn headless_stopped(
        &self,
        signal: &str,
        closed: usize,
        left: usize,
        path: &dyn Display,
    ) -> String;

    /// The join screen's line that leads to the facilitator's code.
    fn join_facilitator_apart(&self, key: &str) -> String;

    /// The join screen's keys, with how many screens are connected now.
    fn join_keys(&self, connected: usize) -> String;

    fn facilitator_code_title(&self) -> &'static str;

    /// The facilitator's code, shown on purpose.
    fn facilitator_code_lines(&self, command: &str, code: &str) -> [String; 3];

    fn connections_title(&self) -> &'static str;

    fn connections_none(&self) -> &'static str;

    /// The columns of the connections list.
    fn connections_header(&self) -> [&'static str; 4];

    fn connections_keys(&self) -> &'static str;

    /// Asked before a connection is closed.
    fn connections_confirm(&self, who: &str) -> String;

    fn connection_gone(&self) -> &'static str;

    fn connection_closed(&self, who: &str) -> String;

    /// `w` on a screen joined over ssh: the serving machine's folders are
    /// not the person's; a copy comes over ssh.
    fn remote_copy_lines(&self) -> [&'static str; 3];

    fn any_key_closes(&self) -> &'static str;

    fn where_file_title(&self) -> &'static str;

    /// `w` on this machine: the file, its folder, what to do with it.
    fn where_file_lines(&self, name: &dyn Display, dir: &dyn Display) -> [String; 3];

    // What people joining over SSH read.
    /// The keyboard-interactive prompt: `Codigo de grupo3: ` (ASCII).
    fn ssh_code_prompt(&self, name: &str) -> String;

    /// Shown when the user name is no role, before any code is asked (ASCII).
    fn ssh_unknown_user(&self, user: &str, names: &str) -> String;

    /// Before a code from an address with many wrong ones is checked
    /// (ASCII): in the prompt's instructions, and the banner.
    fn ssh_wait_for_turn(&self, seconds: u64) -> String;

    fn ssh_unknown_user_prompt(&self) -> &'static str;

    /// A client that asked for no terminal (`ssh -T`, or a command).
    fn ssh_no_pty(&self, user: &str, formats: &str) -> String;

    fn ssh_exec_refused(&self, command: &dyn Display, formats: &str) -> String;

    fn ssh_session_ended(&self) -> &'static str;

    fn ssh_too_slow(&self) -> &'static str;

    fn ssh_paste_too_large(&self, max_mib: usize) -> String;

    fn ssh_cannot_keep_codes(&self, path: &dyn Display, reason: &dyn Display) -> String;

    /// After a group's code on the join screen: its axis works as the user
    /// name too, and stays when groups are removed or reordered.
    fn join_also_as(&self, axis: &str) -> String;

    /// A codes file with a line taller cannot read: left as it is.
    fn ssh_codes_damaged(&self, line: usize) -> String;

    /// A codes file written by a newer taller: left as it is.
    fn ssh_codes_newer(&self, version: u32) -> String;

    fn ssh_cannot_keep_key(&self, path: &dyn Display, reason: &dyn Display) -> String;

    // Ballot cards (issue 23): `taller tokens` and the cards file.
    fn tokens_cannot_keep(&self, path: &dyn Display, reason: &dyn Display) -> String;

    /// A tokens file with a line taller cannot read: left as it is.
    fn tokens_damaged(&self, line: usize) -> String;

    /// A tokens file written by a newer taller: left as it is.
    fn tokens_newer(&self, version: u32) -> String;

    /// `--revoke` naming no card; `known`: the cards' labels.
    fn tokens_no_such_card(&self, label: &str, known: &str) -> String;

    /// `--revoke` with no cards made yet.
    fn tokens_none(&self) -> &'static str;

    /// `--revoke` done: the card's token opens nothing from now on.
    fn tokens_revoked(&self, label: &str) -> String;

    /// Revoked cards, left out of the cards printed (on the standard error).
    fn tokens_left_out(&self, labels: &str) -> String;

    /// `--count` asked of cards per delegation (one per country).
    fn tokens_count_per_delegation(&self) -> &'static str;

    /// `--per person` with no cards yet and no `--count`.
    fn tokens_person_needs_count(&self) -> &'static str;

    /// Cards of the other kind are kept; `--new` replaces them.
    fn tokens_kept_other_kind(&self, kept_per_delegation: bool) -> String;

    /// A session that names no country: no cards per delegation.
    fn tokens_no_countries(&self) -> &'static str;

    /// No address on the room's network was found: the links use `host`.
    fn tokens_no_address(&self, host: &str) -> String;

    /// `--web` that is no HOST:PORT.
    fn tokens_bad_web(&self, value: &str) -> String;

    /// The cards file's title.
    fn cards_title(&self, session: &str) -> String;

    /// A card per person's heading: `Tarjeta 7`.
    fn cards_numbered(&self, label: &str) -> String;

    /// What a delegate does with the card.
    fn cards_how(&self) -> &'static str;

    /// What stands before the token in big letters.
    fn cards_token(&self) -> &'static str;

    /// `--cards FILE` written, with a QR image per card beside it; `name`
    /// is the file's name, for pandoc run in its folder (where it finds
    /// the images).
    fn cards_written(&self, path: &dyn Display, name: &dyn Display, cards: usize) -> String;

    /// A link too long for a QR code.
    fn cards_no_qr(&self, link: &str) -> String;

    // Workshop definitions (issue 15): the TOML file, the `workshop` commands, the printable agenda.
    fn def_missing_title(&self) -> String;

    fn def_empty_title(&self) -> String;

    fn def_zero_minutes(&self) -> String;

    fn def_too_many_minutes(&self, max: u32) -> String;

    fn def_percent(&self) -> String;

    fn def_duplicate_id(&self, id: &str) -> String;

    fn def_unknown_key(&self, key: &str) -> String;

    fn def_missing_key(&self, key: &str) -> String;

    fn def_unreadable(&self, reason: &dyn Display) -> String;

    /// A workshop's `language` none of `known` (the languages' codes).
    fn def_language(&self, language: &str, known: &str) -> String;

    fn def_no_groups(&self) -> String;

    fn def_bad_short(&self, short: &str) -> String;

    fn def_role_short(&self, short: &str) -> String;

    fn def_not_utf8(&self) -> String;

    fn def_not_a_file(&self, file: &str) -> String;

    fn def_too_big(&self, file: &str, max_kib: u64) -> String;

    fn def_duplicate_short(&self, short: &str) -> String;

    fn def_final_break(&self) -> String;

    fn def_unknown_builtin(&self, name: &str, known: &str) -> String;

    fn def_cannot_read(&self, file: &str, error: &std::io::Error) -> String;

    fn def_invalid(&self, file: &str, problems: usize) -> String;

    /// `taller workshop check`: the file is good.
    fn def_valid(&self, file: &str, title: &str, groups: usize, items: usize) -> String;

    fn def_written(&self, file: &dyn Display) -> String;

    fn def_exists(&self, file: &dyn Display) -> String;

    /// The start screen, on "new session" when there are several workshops.
    fn workshop_choice(&self, title: &str, at: usize, of: usize) -> String;

    /// What a break shows on the room's screen instead of text.
    fn break_text(&self, lunch: bool) -> &'static str;

    fn agenda_heading(&self) -> &'static str;

    fn agenda_columns(&self) -> [&'static str; 3];

    fn agenda_planned_from(&self, start: &str) -> String;

    fn agenda_groups_heading(&self) -> &'static str;

    fn agenda_principles(&self) -> &'static str;

    fn agenda_final_product(&self) -> &'static str;

    fn agenda_examples(&self) -> &'static str;
}
