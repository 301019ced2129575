//! plan.docx from plan.md with pandoc, when it is installed; otherwise
//! says how to make it. Written beside, then moved into place, so a
//! failed conversion leaves no half document.

use std::path::Path;

use crate::i18n::Lang;

use super::Out;

pub(super) fn convert(md: &Path, docx: &Path, lang: Lang, out: &mut Out) -> Result<(), String> {
    let partial = docx.with_extension("docx.partial");
    {
        // Private from the first byte: pandoc writes into this file.
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&partial)
            .map_err(|error| lang.cannot_write(partial.display(), error))?;
    }
    let run = std::process::Command::new("pandoc")
        .arg(md)
        .args(["-f", "markdown", "-t", "docx", "-o"])
        .arg(&partial)
        .output();
    match run {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let _ = std::fs::remove_file(&partial);
            out.complain(lang.docx_no_pandoc(md.display()));
            Ok(())
        }
        Err(error) => {
            // pandoc could not be started at all: no half file left behind.
            let _ = std::fs::remove_file(&partial);
            Err(lang.docx_failed(error))
        }
        Ok(output) if !output.status.success() => {
            let _ = std::fs::remove_file(&partial);
            Err(lang.docx_failed(String::from_utf8_lossy(&output.stderr).trim()))
        }
        Ok(_) => {
            std::fs::rename(&partial, docx)
                .map_err(|error| lang.cannot_write(docx.display(), error))?;
            out.say(lang.docx_written(docx.display()));
            Ok(())
        }
    }
}
