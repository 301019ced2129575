//! A QR code as a PNG image, for the ballot cards pandoc prints: black on
//! white, one bit a pixel (grey scale), a few pixels a module. Written by
//! hand: the image is tiny and the format's needs are few (a zlib stream
//! of stored blocks, CRC-32 and Adler-32), not worth an image crate.

use crate::qr::Qr;

const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
/// The most a stored deflate block holds.
const STORED_MAX: usize = 65_535;

/// The image of `qr`, `scale` pixels a module on each side.
pub fn png(qr: &Qr, scale: usize) -> Vec<u8> {
    let scale = scale.max(1);
    let side = qr.size() * scale;
    let row_bytes = side.div_ceil(8);
    // Each row: filter type 0 (none), then the pixels, 1 for white.
    let mut raw = Vec::with_capacity(side * (1 + row_bytes));
    for y in 0..side {
        raw.push(0);
        let mut row = vec![0u8; row_bytes];
        for x in 0..side {
            if !qr.is_dark(x / scale, y / scale) {
                row[x / 8] |= 0x80 >> (x % 8);
            }
        }
        raw.extend_from_slice(&row);
    }
    let side = u32::try_from(side).unwrap_or(u32::MAX);
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&side.to_be_bytes());
    // One bit a pixel, grey scale, deflate, adaptive filters, no interlace.
    header.extend_from_slice(&[1, 0, 0, 0, 0]);
    let mut out = SIGNATURE.to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A chunk: its length, its type, its data, the CRC of type and data.
fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let len = u32::try_from(data.len()).expect("a chunk under 4 GiB");
    out.extend_from_slice(&len.to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// `data` as a zlib stream of stored (uncompressed) deflate blocks.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    // Deflate, a 32 KiB window, no dictionary; 0x7801 is a multiple of 31.
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(STORED_MAX).peekable();
    if blocks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let len = u16::try_from(block.len()).expect("a stored block's length");
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

/// CRC-32 as PNG and zlib define it (reflected, polynomial 0xEDB88320).
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    for byte in data {
        a = (a + u32::from(*byte)) % MOD;
        b = (b + a) % MOD;
    }
    b << 16 | a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The image read back as a decoder would, every check it makes along
    /// the way: the side, and each pixel (true for black).
    fn decode(png: &[u8]) -> (usize, Vec<Vec<bool>>) {
        assert_eq!(png[..8], SIGNATURE);
        let mut at = 8;
        let (mut header, mut data, mut ended) = (None, Vec::new(), false);
        while at < png.len() {
            let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
            let kind = &png[at + 4..at + 8];
            let body = &png[at + 8..at + 8 + len];
            let crc = u32::from_be_bytes(png[at + 8 + len..at + 12 + len].try_into().unwrap());
            assert_eq!(crc, crc32(&png[at + 4..at + 8 + len]), "chunk CRC");
            match kind {
                b"IHDR" => header = Some(body.to_vec()),
                b"IDAT" => data.extend_from_slice(body),
                b"IEND" => ended = true,
                other => panic!("unexpected chunk {other:?}"),
            }
            at += 12 + len;
        }
        assert!(ended && at == png.len(), "IEND last");
        let header = header.expect("IHDR");
        let width = u32::from_be_bytes(header[0..4].try_into().unwrap()) as usize;
        let height = u32::from_be_bytes(header[4..8].try_into().unwrap()) as usize;
        assert_eq!(width, height);
        assert_eq!(header[8..], [1, 0, 0, 0, 0], "1-bit grey, no interlace");
        // zlib: the header, stored blocks, the Adler-32 of what they hold.
        assert_eq!((u16::from(data[0]) << 8 | u16::from(data[1])) % 31, 0);
        assert_eq!(data[0] & 0x0f, 8, "deflate");
        let (mut raw, mut at, mut last) = (Vec::new(), 2, false);
        while !last {
            last = data[at] & 1 == 1;
            assert_eq!(data[at] >> 1 & 3, 0, "a stored block");
            let len = usize::from(u16::from_le_bytes([data[at + 1], data[at + 2]]));
            let nlen = u16::from_le_bytes([data[at + 3], data[at + 4]]);
            assert_eq!(!nlen as usize, len);
            raw.extend_from_slice(&data[at + 5..at + 5 + len]);
            at += 5 + len;
        }
        let adler = u32::from_be_bytes(data[at..at + 4].try_into().unwrap());
        assert_eq!(adler, adler32(&raw));
        assert_eq!(at + 4, data.len());
        let row_bytes = width.div_ceil(8);
        assert_eq!(raw.len(), height * (1 + row_bytes));
        let pixels = raw
            .chunks(1 + row_bytes)
            .map(|row| {
                assert_eq!(row[0], 0, "no filter");
                (0..width)
                    .map(|x| row[1 + x / 8] & (0x80 >> (x % 8)) == 0)
                    .collect()
            })
            .collect();
        (width, pixels)
    }

    #[test]
    fn the_checksums_are_the_standard_ones() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        assert_eq!(adler32(b""), 1);
    }

    #[test]
    fn the_image_holds_the_code_a_few_pixels_a_module() {
        let link = "http://192.168.1.20:8080/v/K7QM2-XD9AB";
        let qr = Qr::new(link, 4).unwrap();
        let image = png(&qr, 8);
        let (side, pixels) = decode(&image);
        assert_eq!(side, qr.size() * 8);
        for (y, row) in pixels.iter().enumerate() {
            for (x, black) in row.iter().enumerate() {
                assert_eq!(*black, qr.is_dark(x / 8, y / 8), "pixel {x},{y}");
            }
        }
        // Over one stored block's worth: several blocks, read back whole.
        let big = png(&qr, 40);
        let (side, pixels) = decode(&big);
        assert_eq!(side, qr.size() * 40);
        assert!(pixels[4 * 40][4 * 40], "the finder pattern's corner");
        assert!(!pixels[0][0], "the quiet zone");
    }
}
