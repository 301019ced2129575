//! The messages that take any displayable value (a path, a time): the
//! language's method takes `&dyn Display`, and these keep the call sites'
//! `lang.saved_at(time)` as they were.

use std::fmt::Display;

use super::{FileKind, Lang};

impl Lang {
    // Counts, titles, sessions and their files, the schedule, the command line.
    pub fn new_input_title(self, axis: impl Display) -> String {
        self.speaker().new_input_title(&axis)
    }

    pub fn saved_at(self, time: impl Display) -> String {
        self.speaker().saved_at(&time)
    }

    pub fn save_failed(self, path: impl Display, reason: impl Display) -> String {
        self.speaker().save_failed(&path, &reason)
    }

    pub fn no_sessions_in(self, dir: impl Display) -> String {
        self.speaker().no_sessions_in(&dir)
    }

    pub fn created(self, path: impl Display) -> String {
        self.speaker().created(&path)
    }

    pub fn cannot_open(self, path: impl Display, reason: impl Display) -> String {
        self.speaker().cannot_open(&path, &reason)
    }

    pub fn saved_in(self, path: impl Display) -> String {
        self.speaker().saved_in(&path)
    }

    pub fn read_only(self, holder: impl Display) -> String {
        self.speaker().read_only(&holder)
    }

    pub fn in_use(self, holder: impl Display) -> String {
        self.speaker().in_use(&holder)
    }

    pub fn holder(self, pid: impl Display, host: impl Display) -> String {
        self.speaker().holder(&pid, &host)
    }

    pub fn no_backups(self, path: impl Display) -> String {
        self.speaker().no_backups(&path)
    }

    pub fn restored_from(self, n: usize, path: impl Display) -> String {
        self.speaker().restored_from(n, &path)
    }

    pub fn unsaved_recovered(
        self,
        path: impl Display,
        reason: impl Display,
        copy: impl Display,
    ) -> String {
        self.speaker().unsaved_recovered(&path, &reason, &copy)
    }

    pub fn unsaved_lost(self, path: impl Display, reason: impl Display) -> String {
        self.speaker().unsaved_lost(&path, &reason)
    }

    pub fn crashed_saved(self, path: impl Display) -> String {
        self.speaker().crashed_saved(&path)
    }

    pub fn trashed(self, path: impl Display) -> String {
        self.speaker().trashed(&path)
    }

    pub fn cannot_write(self, path: impl Display, reason: impl Display) -> String {
        self.speaker().cannot_write(&path, &reason)
    }

    pub fn default_workshop_hint(self, title: impl Display) -> String {
        self.speaker().default_workshop_hint(&title)
    }

    pub fn not_json(self, line: usize, column: usize, reason: impl Display) -> String {
        self.speaker().not_json(line, column, &reason)
    }

    pub fn invalid_session(self, line: usize, column: usize, reason: impl Display) -> String {
        self.speaker().invalid_session(line, column, &reason)
    }

    pub fn session_exists(self, name: impl Display) -> String {
        self.speaker().session_exists(&name)
    }

    /// `serve NAME --workshop FILE` for a session that already has its workshop.
    pub fn workshop_for_new_only(self, name: impl Display) -> String {
        self.speaker().workshop_for_new_only(&name)
    }

    pub fn time_out_of_range(
        self,
        field: &str,
        value: impl Display,
        earliest: i16,
        latest: i16,
    ) -> String {
        self.speaker()
            .time_out_of_range(field, &value, earliest, latest)
    }

    pub fn expected_end(self, time: impl Display) -> String {
        self.speaker().expected_end(&time)
    }

    pub fn minutes_title(self, item: impl Display) -> String {
        self.speaker().minutes_title(&item)
    }

    /// `m` on a group's breakout: one planned length for the groups that
    /// work in parallel, so the prompt says it changes every group's.
    pub fn minutes_every_breakout_title(self, breakout: impl Display) -> String {
        self.speaker().minutes_every_breakout_title(&breakout)
    }

    pub fn time_of_day(self, time: impl Display) -> String {
        self.speaker().time_of_day(&time)
    }

    pub fn moved_to(self, group: impl Display) -> String {
        self.speaker().moved_to(&group)
    }

    /// `number` is the input's own ("4.2"), as the plan names it.
    pub fn similar_to(self, number: impl Display, group: impl Display) -> String {
        self.speaker().similar_to(&number, &group)
    }

    pub fn similar_in_plan(self, opening: &str, group: impl Display) -> String {
        self.speaker().similar_in_plan(opening, &group)
    }

    pub fn consolidated(self, inputs: usize, files: usize, dir: impl Display) -> String {
        self.speaker().consolidated(inputs, files, &dir)
    }

    pub fn skipped(self, reason: impl Display) -> String {
        self.speaker().skipped(&reason)
    }

    pub fn imported(self, added: usize, updated: usize, from: impl Display) -> String {
        self.speaker().imported(added, updated, &from)
    }

    /// A lock, backup or trash path that taller will not write through.
    pub fn unsafe_path(self, path: impl Display, kind: FileKind) -> String {
        self.speaker().unsafe_path(&path, kind)
    }

    pub fn shared_dir_refused(self, dir: impl Display, mode: u32) -> String {
        self.speaker().shared_dir_refused(&dir, mode)
    }

    pub fn shared_dir_warning(self, dir: impl Display, mode: u32) -> String {
        self.speaker().shared_dir_warning(&dir, mode)
    }

    pub fn backup_damaged(
        self,
        n: usize,
        copy: impl Display,
        reason: impl Display,
        name: &str,
    ) -> String {
        self.speaker().backup_damaged(n, &copy, &reason, name)
    }

    pub fn out_is_a_file(self, path: impl Display) -> String {
        self.speaker().out_is_a_file(&path)
    }

    /// The reason comes first after the verdict (the line may be cut at the
    /// screen's edge); an error of its own says the path, else the folder is named.
    pub fn backup_failed(self, folder: impl Display, reason: impl Display) -> String {
        self.speaker().backup_failed(&folder, &reason)
    }

    pub fn out_not_regular(self, path: impl Display, kind: FileKind) -> String {
        self.speaker().out_not_regular(&path, kind)
    }

    pub fn out_is_a_folder(self, path: impl Display) -> String {
        self.speaker().out_is_a_folder(&path)
    }

    // The offline day (issue 12): group laptops, import, the plan.
    /// What an import did, and from where.
    pub fn imported_from(self, from: impl Display, what: &str) -> String {
        self.speaker().imported_from(&from, what)
    }

    /// A folder given to import holds no session file.
    pub fn no_sessions_in_folder(self, dir: impl Display) -> String {
        self.speaker().no_sessions_in_folder(&dir)
    }

    /// "3 archivos de memoria USB/": what a folder import names.
    pub fn files_in_folder(self, n: usize, dir: impl Display) -> String {
        self.speaker().files_in_folder(n, &dir)
    }

    /// Where the plan's schedule comes from.
    pub fn schedule_from(self, file: impl Display) -> String {
        self.speaker().schedule_from(&file)
    }

    pub fn docx_written(self, path: impl Display) -> String {
        self.speaker().docx_written(&path)
    }

    pub fn docx_no_pandoc(self, md: impl Display) -> String {
        self.speaker().docx_no_pandoc(&md)
    }

    pub fn docx_failed(self, reason: impl Display) -> String {
        self.speaker().docx_failed(&reason)
    }

    // The served session's screens: who is connected, codes, how a screen closed.
    /// `--headless` on its standard error, once a signal stopped it.
    pub fn headless_stopped(
        self,
        signal: &str,
        closed: usize,
        left: usize,
        path: impl Display,
    ) -> String {
        self.speaker().headless_stopped(signal, closed, left, &path)
    }

    /// `w` on this machine: the file, its folder, what to do with it.
    pub fn where_file_lines(self, name: impl Display, dir: impl Display) -> [String; 3] {
        self.speaker().where_file_lines(&name, &dir)
    }

    // What people joining over SSH read.

    pub fn ssh_cannot_keep_codes(self, path: impl Display, reason: impl Display) -> String {
        self.speaker().ssh_cannot_keep_codes(&path, &reason)
    }

    pub fn ssh_cannot_keep_key(self, path: impl Display, reason: impl Display) -> String {
        self.speaker().ssh_cannot_keep_key(&path, &reason)
    }

    pub fn tokens_cannot_keep(self, path: impl Display, reason: impl Display) -> String {
        self.speaker().tokens_cannot_keep(&path, &reason)
    }

    pub fn cards_written(self, path: impl Display, name: impl Display, cards: usize) -> String {
        self.speaker().cards_written(&path, &name, cards)
    }

    // Workshop definitions (issue 15): the TOML file, the `workshop` commands, the printable agenda.
    pub fn def_unreadable(self, reason: impl Display) -> String {
        self.speaker().def_unreadable(&reason)
    }

    pub fn def_written(self, file: impl Display) -> String {
        self.speaker().def_written(&file)
    }

    pub fn def_exists(self, file: impl Display) -> String {
        self.speaker().def_exists(&file)
    }
}
