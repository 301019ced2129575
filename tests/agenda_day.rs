//! Editing the agenda during a running day keeps the clocks and the
//! schedule true (issue 15): the facilitator adds an item before the one
//! that runs, moves it, changes its minutes, removes another and renames the
//! running one; later, during the report-backs, removes a group. Through
//! the host, as every screen sends it, with a second screen following.

mod common;

use common::{ENTER, ESC, Tui, read_json, session_file, sessions};
use jiff::{SignedDuration, Timestamp};
use taller::model::schedule::{RowState, TimerId};
use taller::model::session::Session;
use taller::model::workshop::{ItemKind, Workshop};
use taller::session::{AgendaEdit, ClockAction, Command, Host, PersonId, Recorder, Role, new_item};

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + minute * 60).unwrap()
}

fn mins(m: i64) -> SignedDuration {
    SignedDuration::from_mins(m)
}

struct Day {
    host: Host,
    facilitator: PersonId,
}

impl Day {
    fn send(&mut self, command: Command, minute: i64) {
        self.host
            .submit(self.facilitator, &Role::Facilitator, command, at(minute))
            .unwrap_or_else(|refused| panic!("{refused:?}"));
    }

    fn edit(&mut self, edit: AgendaEdit, minute: i64) {
        self.send(Command::Agenda(edit), minute);
    }

    fn clock(&mut self, timer: TimerId, action: ClockAction, minute: i64) {
        self.send(Command::Clock { timer, action }, minute);
    }

    fn session(&self) -> &Session {
        self.host.session()
    }

    fn item_id(&self, title_start: &str) -> String {
        self.session()
            .workshop
            .opening
            .items
            .iter()
            .find(|i| i.title.starts_with(title_start))
            .unwrap_or_else(|| panic!("no item {title_start}"))
            .id
            .clone()
    }

    /// Every clock running now, by its item's id or group's axis.
    fn running(&self) -> Vec<String> {
        let s = self.session();
        s.timer_ids()
            .into_iter()
            .filter(|id| s.is_running(id))
            .filter_map(|id| s.timer_key(&id))
            .collect()
    }

    /// The running item's clock: (its key, its elapsed minutes).
    fn running_item(&self, minute: i64) -> (String, u64) {
        let s = self.session();
        let id = s
            .timer_ids()
            .into_iter()
            .find(|id| matches!(id, TimerId::Opening(_)) && s.is_running(id))
            .expect("an item runs");
        (
            s.timer_key(&id).unwrap(),
            s.timer(&id).elapsed_ms(at(minute)) / 60_000,
        )
    }

    fn report_row_start(&self, minute: i64) -> Timestamp {
        let plan = self.session().plan(at(minute));
        plan.rows
            .iter()
            .find(|row| matches!(row.timers.first(), Some(TimerId::Report(_))))
            .unwrap()
            .expected_start
    }
}

#[test]
fn editing_the_agenda_during_a_running_day_keeps_the_clocks_and_the_schedule_true() {
    let workshop = Workshop::default_for("es").unwrap();
    let mut session = Session::new("jornada", workshop, at(0));
    session.schedule.planned_start = Some(at(0));
    let mut host = Host::new(
        "jornada.json".into(),
        session,
        None,
        Box::new(Recorder::default()),
        at(0),
    );
    let facilitator = host.join();
    let mut day = Day { host, facilitator };
    // Planned: items of 20, 15, 15 and 10 minutes, breakouts 90, five
    // report-backs of 10, the final step 15: 215 minutes.
    assert_eq!(day.session().plan(at(0)).planned_end, at(215));

    // The first item on time, then the second runs from minute 20.
    let first = day.session().item_clock(0).unwrap();
    day.clock(first, ClockAction::Start, 0);
    day.clock(TimerId::Final, ClockAction::Next, 20);
    let objectives = day.item_id("Objetivos");
    assert_eq!(day.running(), [format!("opening/{objectives}")]);
    let reports_at = day.report_row_start(25);
    assert_eq!(reports_at, at(150));

    // 9:05, the minister arrives: an item before the running one. The
    // clock that runs goes on, with its five minutes; the new item is in
    // the plan (planned end +10) but behind the room, passed over.
    let minister = new_item(day.session(), "Llegada del ministro", 10, ItemKind::Item);
    let minister_id = minister.id.clone();
    day.edit(
        AgendaEdit::AddItem {
            index: 1,
            item: Box::new(minister),
        },
        25,
    );
    assert_eq!(
        day.running_item(25),
        (format!("opening/{objectives}"), 5),
        "the same clock runs, with its time"
    );
    let plan = day.session().plan(at(25));
    assert_eq!(plan.planned_end, at(225));
    assert_eq!(plan.rows[1].label, "Llegada del ministro");
    assert_eq!(plan.rows[1].state, RowState::Skipped);
    assert_eq!(plan.expected_end, at(215));

    // Moved after the running item: it is ahead now, and the day's end and
    // the report-backs move ten minutes.
    day.edit(
        AgendaEdit::MoveItem {
            id: minister_id.clone(),
            index: 2,
        },
        26,
    );
    assert_eq!(day.running_item(26), (format!("opening/{objectives}"), 6));
    let plan = day.session().plan(at(26));
    assert_eq!(plan.rows[2].state, RowState::Ahead);
    assert_eq!(plan.rows[2].expected_start, at(35), "after the running one");
    assert_eq!(plan.expected_end, at(225));
    assert_eq!(
        plan.drift_minutes(),
        0,
        "planned and expected moved together"
    );
    assert_eq!(day.report_row_start(26), reports_at + mins(10));

    // The minister speaks longer: 15 minutes.
    day.edit(
        AgendaEdit::ItemMinutes {
            id: minister_id.clone(),
            minutes: 15,
            clock_secs: None,
        },
        27,
    );
    assert_eq!(day.session().plan(at(27)).expected_end, at(230));
    assert_eq!(day.report_row_start(27), reports_at + mins(15));

    // The methodology goes (its 15 minutes with it).
    let method = day.item_id("Metodología");
    day.edit(AgendaEdit::RemoveItem { id: method.clone() }, 28);
    let plan = day.session().plan(at(28));
    assert_eq!(plan.expected_end, at(215));
    assert_eq!(plan.planned_end, at(215));
    assert!(
        plan.rows
            .iter()
            .all(|row| !row.label.starts_with("Metodología"))
    );

    // The running item renamed: the same clock, a new title everywhere.
    day.edit(
        AgendaEdit::RenameItem {
            id: objectives.clone(),
            title: "Objetivos (con el ministro)".into(),
        },
        29,
    );
    assert_eq!(day.running_item(29), (format!("opening/{objectives}"), 9));
    let plan = day.session().plan(at(29));
    let running = plan
        .rows
        .iter()
        .find(|row| row.state == RowState::Running)
        .unwrap();
    assert_eq!(running.label, "Objetivos (con el ministro)");
    assert_eq!(running.actual_start, Some(at(20)));

    // Undo, one by one, brings each back exactly; the clock runs on.
    for minute in 30..35 {
        day.host
            .undo(day.facilitator, &Role::Facilitator, at(minute))
            .unwrap();
        assert_eq!(day.running(), [format!("opening/{objectives}")]);
    }
    let plan = day.session().plan(at(35));
    assert_eq!(plan.planned_end, at(215), "the day as planned again");
    assert_eq!(
        day.session()
            .timer(&TimerId::Opening(objectives.clone()))
            .elapsed_ms(at(35)),
        15 * 60_000
    );

    // The rest of the morning, the breakouts, the first report-back.
    for minute in [35, 50, 60, 150] {
        day.clock(TimerId::Final, ClockAction::Next, minute);
    }
    assert_eq!(day.running(), ["report/inteligencia"]);
    let group = day.session().groups[1].axis.clone();
    let into = day.session().groups[2].axis.clone();
    day.send(
        Command::AddInput {
            axis: group.clone(),
            id: uuid::Uuid::new_v4(),
            text: "una acción".into(),
        },
        151,
    );
    // The first group reports long: 35 minutes. The four still to report
    // share what is left of the plan before the final step's 15.
    let first = day.session().report_clock(0).unwrap();
    day.clock(first, ClockAction::Pause, 185);
    let slot = |day: &Day, g: usize| {
        let id = day.session().report_clock(g).unwrap();
        day.session().timer(&id).planned_secs / 60
    };
    assert_eq!(slot(&day, 1), 3, "(215 - 185 - 15) / 4");

    // A group removed now (its input goes to the next group): its planned
    // ten minutes leave the plan, and three groups share the rest at once.
    day.edit(
        AgendaEdit::RemoveGroup {
            axis: group.clone(),
            inputs_to: Some(into.clone()),
        },
        185,
    );
    assert_eq!(day.session().groups.len(), 4);
    assert_eq!(day.session().groups[1].axis, into);
    assert_eq!(day.session().groups[1].inputs[0].text, "una acción");
    assert_eq!(
        slot(&day, 1),
        1,
        "(205 - 185 - 15) / 3, never below a minute"
    );
    let plan = day.session().plan(at(185));
    assert_eq!(plan.rows.len(), 4 + 1 + 4 + 1);
    assert_eq!(plan.planned_end, at(205));
    assert_eq!(plan.expected_end, at(185 + 3 + 15));

    // Undone: the group, its input and its share come back.
    day.host
        .undo(day.facilitator, &Role::Facilitator, at(186))
        .unwrap();
    assert_eq!(day.session().groups[1].axis, group);
    assert_eq!(day.session().groups[1].inputs[0].text, "una acción");
    assert_eq!(day.session().plan(at(186)).planned_end, at(215));
    assert_eq!(slot(&day, 1), 3, "(215 - 186 - 15) / 4");
}

/// The same in the real binary, as the facilitator types it: an item added
/// while a clock runs shows in the agenda and in the schedule at once, the
/// clock running on, and reaches the session file.
#[test]
fn the_minister_arrives_while_a_clock_runs_in_the_real_binary() {
    let dir = sessions();
    let mut tui = Tui::start(dir.path(), &["new", "--name", "ministro"], 100, 30);
    tui.wait_for("Antecedentes");
    tui.send(" ");
    tui.wait_for("▶");
    tui.send("a");
    tui.wait_for("Nuevo punto de la agenda");
    tui.type_text("Llegada del ministro");
    tui.send(ENTER);
    tui.wait_for("Minutos previstos");
    tui.type_text("10");
    tui.send(ENTER);
    let screen = tui.wait_for("2. Llegada del ministro");
    assert!(screen.contains("▶"), "the clock runs on: {screen}");
    tui.send("c");
    let screen = tui.wait_for("Cronograma");
    assert!(screen.contains("Llegada del ministro"), "{screen}");
    tui.send(ESC);
    tui.send("q");
    assert!(tui.wait_exit());
    let file = read_json(&session_file(dir.path(), "ministro"));
    let items = file["workshop"]["opening"]["items"].as_array().unwrap();
    assert_eq!(items[1]["title"], "Llegada del ministro");
    assert_eq!(items[1]["minutes"], 10);
    let first = items[0]["id"].as_str().unwrap();
    assert!(file["schedule"]["timers"][format!("opening/{first}")]["first_started_at"].is_string());
}
