//! taller: run a live, in-person workshop from a projected terminal.
//!
//! The command line only: parse it (`cli`), set up what every command
//! shares, and hand over to the subcommand (`taller::commands`).

use std::process::ExitCode;

use jiff::tz::TimeZone;

use taller::cli::{self, CliCommand, WorkshopAction};
use taller::commands::{self, Out, Setup, consolidate::PlanAsked};
use taller::i18n::Lang;
use taller::shell::serve::Options;
use taller::shell::tokens::Per;
use taller::store::Store;

fn main() -> ExitCode {
    // Before anything else touches the read-only data around it.
    drop_relocation_table();
    // color-eyre first: the terminal's panic hook is installed on top of it,
    // so a panic restores the terminal before the report is printed.
    let _ = color_eyre::install();
    // A panic message could quote session text (a string slice, say): only
    // where it happened is printed, never what.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" ({}:{})", l.file(), l.line()));
        eprintln!("taller: internal error{}", taller::text::escape(&place));
    }));
    let (lang, cli) = cli::parse();
    let (mut said, mut complained) = (std::io::stdout(), std::io::stderr());
    let mut out = Out::new(&mut said, &mut complained);
    let Some(dir) = cli.sessions_dir.or_else(Store::default_dir) else {
        out.complain(lang.t().err_no_data_dir);
        return ExitCode::FAILURE;
    };
    let setup = Setup {
        store: Store::new(dir),
        lang,
        allow_shared: cli.allow_shared_dir,
        tz: TimeZone::system(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        muted: cli.no_bell,
    };
    // The plan is written in the plenary's language unless one is asked for.
    match dispatch(cli.command, cli.lang, &setup, &mut out) {
        Ok(()) => match out
            .failed()
            .map(|error| taller::store::describe_io(error, lang))
        {
            // Said but not written (a full disk behind `> file`): not done.
            Some(why) => {
                out.complain(lang.cannot_write("-", why));
                ExitCode::FAILURE
            }
            None => ExitCode::SUCCESS,
        },
        Err(message) => {
            out.complain(message);
            ExitCode::FAILURE
        }
    }
}

/// Each subcommand to its own file, with plain values: `plan_lang` is
/// `--lang` as given, which only the plan's language needs apart.
fn dispatch(
    command: Option<CliCommand>,
    plan_lang: Option<Lang>,
    setup: &Setup,
    out: &mut Out,
) -> Result<(), String> {
    let Some(command) = command else {
        return commands::start::run(setup, out);
    };
    match command {
        CliCommand::New {
            name,
            group,
            workshop,
        } => commands::new::run(
            setup,
            out,
            name.as_deref(),
            group.as_deref(),
            workshop.as_deref(),
        ),
        CliCommand::Open { target } => commands::open::run(setup, out, &target),
        CliCommand::List => commands::list::run(setup, out),
        CliCommand::Workshop {
            action: WorkshopAction::Init { file, from },
        } => commands::workshop::init(setup.lang, out, &file, &from),
        CliCommand::Workshop {
            action: WorkshopAction::Check { file },
        } => commands::workshop::check(setup.lang, out, &file),
        CliCommand::Import { master, files } => commands::import::run(setup, out, &master, &files),
        CliCommand::Consolidate {
            files,
            out: folder,
            skip_bad,
            title,
            date,
            place,
            docx,
        } => {
            let plan = PlanAsked {
                lang: plan_lang,
                title,
                date,
                place,
                docx,
            };
            commands::consolidate::run(setup, out, &files, &folder, skip_bad, &plan)
        }
        CliCommand::Restore { target, generation } => {
            commands::restore::run(setup, out, &target, generation)
        }
        CliCommand::Serve {
            target,
            listen,
            web,
            no_web,
            headless,
            authorized_keys,
            workshop,
        } => {
            let options = Options {
                listen,
                web: (!no_web).then_some(web),
                authorized_keys,
            };
            let (target, workshop) = (target.as_deref(), workshop.as_deref());
            commands::serve::run(setup, out, target, &options, headless, workshop)
        }
        CliCommand::Codes { target, new } => commands::codes::run(setup, out, &target, new),
        CliCommand::Tokens {
            target,
            per,
            count,
            new,
            revoke,
            cards,
            web,
        } => {
            let asked = commands::tokens::Asked {
                per: per.as_deref().map(|per| match per {
                    "person" => Per::Person,
                    _ => Per::Delegation,
                }),
                count: count.map(usize::from),
                renew: new,
                revoke,
                cards,
                web,
            };
            commands::tokens::run(setup, out, &target, &asked)
        }
        CliCommand::Export {
            target,
            format,
            out: to,
        } => commands::export::run(setup, out, &target, format, to.as_deref()),
    }
}

/// Gives back the memory of the program's relocation table (`.rela.dyn`,
/// about 480 KiB): the dynamic loader reads all of it once, before `main`,
/// to fix up the program's pointers for where it was loaded, and nothing
/// reads it again — yet its pages stayed counted as the program's memory
/// for as long as it ran (`bench/README.md`, "5 December evening"). They
/// are only dropped from this process's page tables: the file's pages stay
/// in the page cache, and a read would fault them back in, so this cannot
/// change what the program does.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn drop_relocation_table() {
    use std::ffi::{c_int, c_void};

    /// An entry of the dynamic section (`Elf64_Dyn`; the `libc` crate has none).
    #[repr(C)]
    struct Dyn {
        tag: i64,
        value: u64,
    }
    const DT_NULL: i64 = 0;
    const DT_RELA: i64 = 7;
    const DT_RELASZ: i64 = 8;

    unsafe extern "C" fn first(
        info: *mut libc::dl_phdr_info,
        _size: libc::size_t,
        _data: *mut c_void,
    ) -> c_int {
        // SAFETY: the loader hands a valid entry for the call's length;
        // the program's own comes first, its headers and dynamic section
        // mapped for as long as it runs.
        unsafe {
            let info = &*info;
            let bias = info.dlpi_addr as usize;
            let headers = std::slice::from_raw_parts(info.dlpi_phdr, usize::from(info.dlpi_phnum));
            let Some(dynamic) = headers.iter().find(|h| h.p_type == libc::PT_DYNAMIC) else {
                return 1;
            };
            let (mut table, mut length) = (0usize, 0usize);
            let mut entry = (bias + dynamic.p_vaddr as usize) as *const Dyn;
            while (*entry).tag != DT_NULL {
                match (*entry).tag {
                    DT_RELA => table = (*entry).value as usize,
                    DT_RELASZ => length = (*entry).value as usize,
                    _ => {}
                }
                entry = entry.add(1);
            }
            if table == 0 || length == 0 {
                return 1;
            }
            // glibc may have made the address absolute already.
            if table < bias {
                table += bias;
            }
            // Whole pages inside the table only: its ends share pages with
            // the symbols before it and the read-only data after it.
            let page = match libc::sysconf(libc::_SC_PAGESIZE) {
                size if size > 0 => size as usize,
                _ => return 1,
            };
            let start = table.next_multiple_of(page);
            let end = (table + length) / page * page;
            if end > start {
                libc::madvise(start as *mut c_void, end - start, libc::MADV_DONTNEED);
            }
        }
        1
    }
    // SAFETY: `first` reads only what the loader hands it, and stops at
    // the first entry (returning non-zero).
    unsafe {
        libc::dl_iterate_phdr(Some(first), std::ptr::null_mut());
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn drop_relocation_table() {}
