//! Build script: lays out, side by side in the program, the code that runs
//! when taller starts and while the room's clock counts down.
//!
//! The kernel maps a program's code into memory 64 KiB at a time around
//! each piece that runs, and counts it as the program's memory. The
//! compiler scatters the functions a start and a countdown run (about
//! 1,100 of 18,000) over nearly the whole 7 MB of code, so a quiet
//! countdown held about 5.5 MiB of it; laid out together they take about
//! 2 MiB (`bench/README.md`, "Memory: the code a countdown runs").
//! `src/link/hot-code.txt` names those functions; `bench/hot-code.sh`
//! makes it again. A name no longer in the program is passed over, and a
//! function missing from the list is only placed where the compiler put
//! it: the list can age without harm.
//!
//! Only release builds on Linux with the GNU C library and the usual
//! linker (GNU ld, or lld): mold, gold and wild refuse the script, so a
//! build told to use one of them (in RUSTFLAGS, a target's linker setting
//! or `mold -run`) is left as the compiler lays it out, and so is one with
//! `TALLER_HOT_CODE=off`.

use std::env;
use std::fs;
use std::path::PathBuf;

const LIST: &str = "src/link/hot-code.txt";

fn main() {
    println!("cargo:rerun-if-changed={LIST}");
    println!("cargo:rerun-if-env-changed=TALLER_HOT_CODE");
    let is = |name: &str, value: &str| env::var(name).is_ok_and(|v| v == value);
    if !is("CARGO_CFG_TARGET_OS", "linux")
        || !is("CARGO_CFG_TARGET_ENV", "gnu")
        || !is("PROFILE", "release")
        || is("TALLER_HOT_CODE", "off")
    {
        return;
    }
    if let Some(linker) = another_linker() {
        println!(
            "cargo:warning=taller: {linker} does not read linker scripts; code left where the compiler put it"
        );
        return;
    }
    let Ok(list) = fs::read_to_string(LIST) else {
        println!("cargo:warning=taller: {LIST} not read; code left where the compiler put it");
        return;
    };
    let Some(out) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    let script = out.join("hot-code.ld");
    if let Err(error) = fs::write(&script, linker_script(&list)) {
        println!(
            "cargo:warning=taller: {} not written: {error}",
            script.display()
        );
        return;
    }
    // Two arguments: `-Wl,` splits at commas, which a folder may have.
    println!("cargo:rustc-link-arg-bin=taller=-Wl,-T");
    println!("cargo:rustc-link-arg-bin=taller=-Wl,{}", script.display());
}

/// A linker that refuses the script, if the build is told to use one.
fn another_linker() -> Option<&'static str> {
    let mut said: Vec<String> = ["CARGO_ENCODED_RUSTFLAGS", "RUSTFLAGS", "LD_PRELOAD"]
        .into_iter()
        .filter_map(|name| env::var(name).ok())
        .collect();
    said.extend(
        env::vars()
            .filter(|(name, _)| name.starts_with("CARGO_TARGET_") && name.ends_with("_LINKER"))
            .map(|(_, value)| value),
    );
    ["mold", "gold", "wild"]
        .into_iter()
        .find(|linker| said.iter().any(|text| text.contains(linker)))
}

/// One output section before the program's `.text`, gathering every
/// function named in `list`, in its order. `INSERT` adds it to the linker's
/// own layout instead of replacing it. Each function is its own section
/// (`.text.NAME`, or `.text.unlikely.NAME` where the compiler thinks it
/// cold), hence the `*` after `.text.`. A line with anything but a symbol's
/// characters and `*` is left out, so the script always reads.
fn linker_script(list: &str) -> String {
    let mut script = String::from("SECTIONS\n{\n  .text.hot :\n  {\n");
    let names = list
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter(|line| {
            line.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.$*".contains(&b))
        });
    for name in names {
        script.push_str("    *(.text.*");
        script.push_str(name);
        script.push_str(")\n");
    }
    script.push_str("  }\n}\nINSERT BEFORE .text;\n");
    script
}
