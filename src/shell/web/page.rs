//! `GET /` and `GET /v/{token}`: the page, one file with its style and script
//! inside. Its policy lets in that style and that script only (by their
//! hashes), and no request but to this server.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The page as the phones get it.
pub const PAGE: &str = include_str!("page.html");

/// The page's content security policy: its own inline style and script by
/// hash, requests to this server only, no frames, no forms elsewhere.
static POLICY: LazyLock<String> = LazyLock::new(|| {
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; connect-src 'self'; \
         img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        hash_of(inline(PAGE, "script")),
        hash_of(inline(PAGE, "style")),
    )
});

pub async fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, POLICY.as_str()),
        ],
        PAGE,
    )
        .into_response()
}

/// What is between the page's one `<tag>` and its `</tag>`, as a browser
/// hashes it.
fn inline<'a>(page: &'a str, tag: &str) -> &'a str {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    page.split_once(&open)
        .and_then(|(_, rest)| rest.split_once(&close))
        .map_or("", |(inside, _)| inside)
}

/// A CSP source for text by its SHA-256: `sha256-BASE64`.
fn hash_of(text: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, text.as_bytes());
    format!("sha256-{}", base64(digest.as_ref()))
}

/// Standard base64 with padding, for the one hash above.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_the_standard_one() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // The hash of an empty script, as browsers print it in the console.
        assert_eq!(
            hash_of(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    /// The page is one file within its budget, its style and script inline
    /// (one of each: the policy lets in those two only), no attribute style
    /// or handler the policy would block, and no address but this server's.
    #[test]
    fn the_page_is_one_small_file_that_asks_nothing_of_other_addresses() {
        assert!(PAGE.len() <= 60 * 1024, "{} bytes", PAGE.len());
        assert_eq!(PAGE.matches("<script>").count(), 1);
        assert_eq!(PAGE.matches("<style>").count(), 1);
        assert!(!inline(PAGE, "script").is_empty());
        assert!(!inline(PAGE, "style").is_empty());
        assert!(!PAGE.contains(" style=\""), "an attribute style is blocked");
        assert!(!PAGE.contains(" onclick="), "an inline handler is blocked");
        for far in ["http://", "https://", "//cdn", "import ", "type=\"module\""] {
            assert!(!PAGE.contains(far), "{far}");
        }
    }
}
