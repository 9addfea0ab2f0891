//! A CSV export's records, read the way the `csv` crate reads them but
//! without its per-record cost on the common row: a line with no quote and
//! no stray `\r` is cut at its commas where it lies in the read buffer; any
//! other record (quoted fields with commas or line breaks in them, a `\r`
//! that ends a record by itself) is read by `csv_core`, the `csv` crate's own
//! parser, so both give the same fields. `rows/tests.rs` holds the two paths
//! to the same rows on random exports.
//!
//! Memory stays bounded: the file is read in chunks, and a record longer
//! than [`MAX_RECORD`] is bad data: reading resumes at the first line break
//! past the cap.

use super::capped::MAX_RECORD;
use std::io::Read;

/// How much of the file is held at once: many records of the largest size,
/// so a record that fits is always whole in the buffer, and the bytes moved
/// to its front before each read (at most one such record) are few.
const CHUNK: usize = 16 << 20;

/// What the next record of an export is.
pub enum Next<'a> {
    /// A record: the line it starts on, its text and each field's bounds in
    /// it, ascending, each at a character boundary of the text (at a comma
    /// or the text's end, or checked when the parser read the record):
    /// [`field`] cuts them without a check.
    Record {
        line: u64,
        text: &'a str,
        fields: &'a [(usize, usize)],
    },
    /// A record that cannot be read: not UTF-8, or longer than [`MAX_RECORD`].
    TooLong(u64),
    NotText(u64),
    /// The file cannot be read on.
    Failed(u64),
    End,
}

pub struct Records<R> {
    input: R,
    buffer: Vec<u8>,
    /// The unread bytes are `buffer[start..filled]`.
    start: usize,
    filled: usize,
    eof: bool,
    /// The line `buffer[start]` is on.
    line: u64,
    core: csv_core::Reader,
    /// A record read by `core`: its bytes without delimiters, the ends of
    /// its fields.
    out: Vec<u8>,
    ends: Vec<usize>,
    fields: Vec<(usize, usize)>,
    /// The file could not be read from its start.
    failed: bool,
    /// `buffer[checked..valid]` is known to be UTF-8 as a whole.
    checked: usize,
    valid: usize,
    /// Where `buffer[0]` lies in the file.
    base: u64,
    /// No record is read that starts at or after this byte of the file
    /// ([`Records::stop_at`]).
    stop: u64,
}

/// How much of the buffer is checked as UTF-8 at once, ahead of the lines
/// read (small in tests, so that pieces end inside characters and lines).
const PIECE: usize = if cfg!(test) { 7 } else { 64 << 10 };

/// A UTF-8 byte-order mark, skipped at the start of a file.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// The `csv` crate's parser as a reader in mid-file: it strips a byte-order
/// mark at its very first byte only, and is given a blank line first (a
/// mark at the file's start is skipped before it).
fn primed() -> csv_core::Reader {
    let mut core = csv_core::Reader::new();
    let _ = core.read_record(b"\n", &mut [0; 1], &mut [0; 1]);
    core
}

impl<R: Read> Records<R> {
    /// Records from the start of a file (a byte-order mark is skipped there,
    /// as the `csv` crate does).
    pub fn new(input: R) -> Self {
        Records::new_in(input, Vec::new())
    }

    /// [`Records::new`] in a buffer another part was read in.
    pub fn new_in(input: R, buffer: Vec<u8>) -> Self {
        let mut records = Records::at(input, 0, buffer);
        if records.fill().is_err() {
            records.failed = true;
        }
        if records.buffer[..records.filled].starts_with(BOM) {
            records.start = BOM.len();
        }
        records
    }

    /// Records of a part of a file that starts at byte `start` of it (a
    /// guess at a record's start: [`Records::stop_at`] proves or refutes
    /// it), its lines counted from 1.
    pub fn part(input: R, start: u64) -> Self {
        Records::part_in(input, start, Vec::new())
    }

    /// [`Records::part`] in a buffer another part was read in (a reader of
    /// many parts allocates one); [`Records::into_buffer`] gives it back.
    pub fn part_in(input: R, start: u64, buffer: Vec<u8>) -> Self {
        let mut records = Records::at(input, 0, buffer);
        records.base = start;
        records
    }

    /// The buffer, for the next part.
    pub fn into_buffer(self) -> Vec<u8> {
        self.buffer
    }

    /// From here on, [`Next::End`] once the next record would start at or
    /// after byte `stop` of the file; [`Records::position`] then says
    /// where it would have.
    pub fn stop_at(&mut self, stop: u64) {
        self.stop = stop;
    }

    /// The byte of the file the unread bytes start at: between two records,
    /// where the next one (or the line breaks before it) starts.
    pub fn position(&self) -> u64 {
        self.base + self.start as u64
    }

    /// The line the unread bytes start on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Records in `buffer` when it is one a reader had (its bytes are
    /// never read before they are filled), else in a new one.
    fn at(input: R, lines_before: u64, buffer: Vec<u8>) -> Self {
        let buffer = if buffer.len() == CHUNK {
            buffer
        } else {
            vec![0; CHUNK]
        };
        Records {
            input,
            buffer,
            start: 0,
            filled: 0,
            eof: false,
            line: lines_before + 1,
            core: primed(),
            failed: false,
            out: vec![0; 1 << 10],
            ends: vec![0; 64],
            fields: Vec::with_capacity(64),
            checked: 0,
            valid: 0,
            base: 0,
            stop: u64::MAX,
        }
    }

    /// Moves the unread bytes to the front and reads more after them: up
    /// to the buffer's end, or, before a stop, as far as a record that
    /// starts before the stop may reach ([`MAX_RECORD`] past it). A part
    /// of a file read up to a stop so reads little past it, and what it
    /// reads is the same: `next` reads on whenever fewer bytes than a
    /// record's cap are left, which is then past the stop.
    fn fill(&mut self) -> std::io::Result<()> {
        self.base += self.start as u64;
        self.buffer.copy_within(self.start..self.filled, 0);
        self.filled -= self.start;
        self.checked = self.checked.saturating_sub(self.start);
        self.valid = self.valid.saturating_sub(self.start);
        self.start = 0;
        let before_stop = self.stop.saturating_sub(self.base);
        let reach = before_stop.saturating_add(MAX_RECORD + 2);
        let end = usize::try_from(reach).map_or(self.buffer.len(), |r| r.min(self.buffer.len()));
        while self.filled < end && !self.eof {
            match self.input.read(&mut self.buffer[self.filled..end]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Passes `n` bytes, counting their line breaks.
    fn pass(&mut self, n: usize) {
        let passed = &self.buffer[self.start..self.start + n];
        self.line += memchr::memchr_iter(b'\n', passed).count() as u64;
        self.start += n;
    }

    /// The first record whose start is at or after the unread bytes' start
    /// and which is not blank.
    pub fn next(&mut self) -> Next<'_> {
        if self.failed {
            self.failed = false;
            return Next::Failed(self.line);
        }
        loop {
            // At or past the stop, between records: nothing more is read.
            let Some(before_stop) = self.stop.checked_sub(self.position()).filter(|&n| n > 0)
            else {
                return Next::End;
            };
            if self.filled - self.start < MAX_RECORD as usize + 2
                && !self.eof
                && self.fill().is_err()
            {
                return Next::Failed(self.line);
            }
            let unread = &self.buffer[self.start..self.filled];
            if unread.is_empty() {
                return Next::End;
            }
            // Line breaks before a record end empty records, which the csv
            // crate skips: a record's line is that of its first byte.
            // Passed one by one, they need no state: they are passed up to
            // the stop, so that a stop among them is reached exactly.
            if matches!(unread[0], b'\r' | b'\n') {
                let breaks = unread.iter().take_while(|&&b| matches!(b, b'\r' | b'\n'));
                let n = breaks
                    .count()
                    .min(usize::try_from(before_stop).unwrap_or(usize::MAX));
                self.pass(n);
                continue;
            }
            // The common line: its end, its commas and that it needs no
            // parser, found in one pass; any other the slower way.
            let (body, length, taken, ascii) = match line_split(unread, &mut self.fields) {
                Some(Split {
                    body,
                    length,
                    ascii,
                }) => (body, length, length + 1, ascii),
                None => {
                    let (length, taken) = match memchr::memchr(b'\n', unread) {
                        Some(i) => (i, i + 1),
                        None => (unread.len(), unread.len()),
                    };
                    if length > MAX_RECORD as usize {
                        let line = self.line;
                        return self.too_long(line, 0);
                    }
                    let body = &unread[..length];
                    let body = body.strip_suffix(b"\r").unwrap_or(body);
                    if body.is_empty() {
                        self.pass(taken);
                        continue;
                    }
                    // One pass finds the commas and whether the line needs
                    // the parser (a quote, or a `\r` within it).
                    if !split(body, &mut self.fields) {
                        return self.quoted();
                    }
                    (body.len(), length, taken, false)
                }
            };
            let line = self.line;
            let (start, end) = (self.start, self.start + body);
            // The line's one break, if it has one: no need to count.
            self.line += u64::from(taken > length);
            self.start += taken;
            let text = if ascii || self.checked(start, end) {
                let line = &self.buffer[start..end];
                debug_assert!(std::str::from_utf8(line).is_ok());
                // SAFETY: a line of ASCII bytes only (the scan saw none
                // above 0x7f) is UTF-8. Otherwise `buffer[checked..valid]`
                // is UTF-8 as a whole, and the line lies in it between two
                // character boundaries: it starts at `checked` or after the
                // line break before it, and ends at `valid` or before a line
                // break (`\r` or `\n`, ASCII bytes, which are characters of
                // their own).
                unsafe { std::str::from_utf8_unchecked(line) }
            } else {
                let Ok(text) = std::str::from_utf8(&self.buffer[start..end]) else {
                    return Next::NotText(line);
                };
                text
            };
            return Next::Record {
                line,
                text,
                fields: &self.fields,
            };
        }
    }

    /// Whether `buffer[start..end]`, a line, is known to be UTF-8: it lies
    /// in a piece of the buffer checked at once ahead of it. False when the
    /// piece stops short of it (bytes that are not UTF-8, a character cut
    /// by the end of the bytes read): the line is then checked on its own.
    fn checked(&mut self, start: usize, end: usize) -> bool {
        if start < self.checked || start > self.valid {
            // A new piece starts at the line: after a line break, so at a
            // character's start.
            (self.checked, self.valid) = (start, start);
        }
        while end > self.valid {
            let to = (self.valid + PIECE).min(self.filled);
            match std::str::from_utf8(&self.buffer[self.valid..to]) {
                Ok(_) => self.valid = to,
                // A character cut by the piece's end is checked with the
                // next piece; bytes that are not UTF-8 stop the piece.
                Err(e) => {
                    self.valid += e.valid_up_to();
                    if e.error_len().is_some() || to == self.filled {
                        break;
                    }
                }
            }
        }
        end <= self.valid
    }

    /// The record at the unread bytes' start, read by the `csv` crate's parser.
    fn quoted(&mut self) -> Next<'_> {
        use csv_core::ReadRecordResult as Read;
        let line = self.line;
        // Bytes of the record given to the parser: all of it, and those
        // still in the buffer after `start`.
        let (mut total, mut read, mut nout, mut nends) = (0usize, 0usize, 0usize, 0usize);
        loop {
            // The parser is given at most one byte past the cap, so where a
            // record too long is found does not depend on the buffer.
            let room = MAX_RECORD as usize + 1 - total;
            let from = self.start + read;
            let input = &self.buffer[from..self.filled.min(from + room)];
            let (result, nin, o, e) =
                self.core
                    .read_record(input, &mut self.out[nout..], &mut self.ends[nends..]);
            read += nin;
            total += nin;
            nout += o;
            nends += e;
            if total > MAX_RECORD as usize {
                self.pass(read);
                self.core = primed();
                return self.too_long(line, total);
            }
            match result {
                Read::InputEmpty if self.eof && self.start + read == self.filled => {
                    // At the end of the file: an empty input ends the record.
                    let (result, _, o, e) =
                        self.core
                            .read_record(&[], &mut self.out[nout..], &mut self.ends[nends..]);
                    nout += o;
                    nends += e;
                    match result {
                        Read::Record => break,
                        Read::OutputFull => self.out.resize(self.out.len() * 2, 0),
                        Read::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                        _ => {
                            self.pass(read);
                            return Next::End;
                        }
                    }
                }
                Read::InputEmpty if self.eof => {}
                Read::InputEmpty => {
                    // The buffer ends inside the record: what is read stays
                    // in the parser; the buffer is read on.
                    self.pass(read);
                    read = 0;
                    if self.fill().is_err() {
                        return Next::Failed(self.line);
                    }
                }
                Read::OutputFull => self.out.resize(self.out.len() * 2, 0),
                Read::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                Read::Record => break,
                Read::End => {
                    self.pass(read);
                    return Next::End;
                }
            }
        }
        self.pass(read);
        // Each field must be text, not only the record: a quoted `\xc3`
        // then `\xa9` is `é` run together (the csv crate checks each field).
        let ends = &self.ends[..nends];
        let text = std::str::from_utf8(&self.out[..nout]).ok();
        let Some(text) = text.filter(|t| ends.iter().all(|&e| t.is_char_boundary(e))) else {
            return Next::NotText(line);
        };
        self.fields.clear();
        let mut from = 0;
        for &end in &self.ends[..nends] {
            self.fields.push((from, end));
            from = end;
        }
        Next::Record {
            line,
            text,
            fields: &self.fields,
        }
    }

    /// A record on `line` past the cap, `skipped` bytes of it passed:
    /// reading resumes after the first line break at least [`MAX_RECORD`]
    /// bytes from its start and after the bytes passed.
    fn too_long(&mut self, line: u64, mut skipped: usize) -> Next<'_> {
        loop {
            let unread = &self.buffer[self.start..self.filled];
            let from = (MAX_RECORD as usize)
                .saturating_sub(skipped)
                .min(unread.len());
            if let Some(i) = memchr::memchr(b'\n', &unread[from..]) {
                self.pass(from + i + 1);
                return Next::TooLong(line);
            }
            skipped += unread.len();
            self.pass(unread.len());
            if self.eof {
                return Next::TooLong(line);
            }
            if self.fill().is_err() {
                return Next::Failed(self.line);
            }
        }
    }
}

/// A field of a record ([`Next::Record`]) by its bounds, cut without
/// checking them again: each row's fields are cut many times.
#[inline(always)]
pub(super) fn field(text: &str, (a, b): (usize, usize)) -> &str {
    debug_assert!(a <= b && text.is_char_boundary(a) && text.is_char_boundary(b));
    // SAFETY: a record's bounds are ascending character boundaries of its
    // text (`Next::Record`): the split cuts a line at its commas, ASCII
    // bytes, and at its end; the parser's bounds are checked to be
    // boundaries (`Records::quoted`) before the record is given out.
    unsafe { text.get_unchecked(a..b) }
}

/// The common line as [`line_split`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Split {
    /// Its length without the break and a `\r` before it.
    pub body: usize,
    /// Its length with the `\r`, without the break.
    pub length: usize,
    /// Its body holds no byte above 0x7f: it is UTF-8 without a check.
    pub ascii: bool,
}

/// The common line, found in one pass of sixteen bytes at a time: one
/// that ends in a line break at most [`MAX_RECORD`] bytes from its start,
/// is not empty, and holds no quote and no `\r` but one just before its
/// break. Its lengths, whether it is ASCII, and its fields' bounds in
/// `fields`. None for any other line, and when the scan would pass the
/// end of `unread` (the last sixteen bytes): the caller reads those as
/// before. `tests::one_pass_splits_as_memchr_then_split` holds it to
/// [`split`] after `memchr`, and its `ascii` to `<[u8]>::is_ascii`.
#[inline]
pub(super) fn line_split(unread: &[u8], fields: &mut Vec<(usize, usize)>) -> Option<Split> {
    fields.clear();
    let mut from = 0;
    let mut at = 0;
    // The bytes above 0x7f seen so far, of any block.
    let mut high = 0;
    loop {
        let block = unread.get(at..)?.first_chunk::<BLOCK>()?;
        let (commas, special, breaks, above) = line_masks(block);
        if breaks == 0 {
            if special != 0 {
                return None;
            }
            high |= above;
            from = push_commas(fields, from, at, commas);
            at += BLOCK;
            if at > MAX_RECORD as usize {
                return None;
            }
            continue;
        }
        // The break's place in the block, and in the line.
        let nl = breaks.trailing_zeros() as usize;
        let end = at + nl;
        if end > MAX_RECORD as usize {
            return None;
        }
        // A `\r` just before the break, in this block, ends the line.
        let cr = nl > 0 && block[nl - 1] == b'\r';
        let body = nl - usize::from(cr);
        let within = (1u32 << body) - 1;
        if special & within != 0 || at + body == 0 {
            return None;
        }
        high |= above & within;
        from = push_commas(fields, from, at, commas & within);
        fields.push((from, at + body));
        return Some(Split {
            body: at + body,
            length: end,
            ascii: high == 0,
        });
    }
}

/// The bounds of the fields that end at a block's commas (`commas`: bit
/// `i` for the byte at `at + i`), the first from `from`; gives where the
/// next field starts. Room for a block's sixteen is made once, not at
/// each field: the pushes were a tenth of the reader (issue 28's profile).
#[inline(always)]
fn push_commas(
    fields: &mut Vec<(usize, usize)>,
    mut from: usize,
    at: usize,
    mut commas: u32,
) -> usize {
    fields.reserve(BLOCK);
    let mut len = fields.len();
    let slots = fields.as_mut_ptr();
    while commas != 0 {
        let comma = at + commas.trailing_zeros() as usize;
        // SAFETY: `commas` has at most sixteen bits set, one a field, and
        // room for sixteen past `len` was reserved above.
        unsafe { slots.add(len).write((from, comma)) };
        len += 1;
        from = comma + 1;
        commas &= commas - 1;
    }
    // SAFETY: the slots up to `len` were written just above.
    unsafe { fields.set_len(len) };
    from
}

/// [`masks`] with the block's line breaks and its bytes above 0x7f:
/// commas, quotes and `\r`s, `\n`s, high bytes.
#[inline(always)]
fn line_masks(block: &[u8; BLOCK]) -> (u32, u32, u32, u32) {
    let (commas, special) = masks(block);
    let (breaks, high) = breaks(block);
    (commas, special, breaks, high)
}

/// The `\n`s of a block, and its bytes above 0x7f, as bit masks.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn breaks(block: &[u8; BLOCK]) -> (u32, u32) {
    use std::arch::x86_64::*;
    // SAFETY: as in `masks`: SSE2 is baseline on x86-64, the load is
    // unaligned and reads the block's 16 bytes.
    unsafe {
        let v = _mm_loadu_si128(block.as_ptr().cast());
        let breaks = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8)));
        // A byte's top bit is its sign: set in exactly the bytes above 0x7f.
        (breaks as u32, _mm_movemask_epi8(v) as u32)
    }
}

/// [`breaks`] byte by byte, elsewhere than on x86-64.
#[cfg(not(target_arch = "x86_64"))]
fn breaks(block: &[u8; BLOCK]) -> (u32, u32) {
    let mut masks = (0, 0);
    for (i, &b) in block.iter().enumerate() {
        masks.0 |= u32::from(b == b'\n') << i;
        masks.1 |= u32::from(b > 0x7f) << i;
    }
    masks
}

/// A line is scanned this many bytes at a time.
const BLOCK: usize = 16;

/// The commas of a block, and its quotes and `\r`s, as bit masks (bit `i`
/// for byte `i`): SSE2 compares, which every x86-64 processor has.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(super) fn masks(block: &[u8; BLOCK]) -> (u32, u32) {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of the x86-64 baseline, so the intrinsics run on
    // every processor this is built for; the load reads the 16 bytes of
    // `block` (an unaligned load, allowed for any address).
    unsafe {
        let v = _mm_loadu_si128(block.as_ptr().cast());
        let byte = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        let commas = _mm_movemask_epi8(byte(b','));
        let special = _mm_movemask_epi8(_mm_or_si128(byte(b'"'), byte(b'\r')));
        (commas as u32, special as u32)
    }
}

/// [`masks`] byte by byte: elsewhere than on x86-64, and the test's oracle.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
pub(super) fn masks_bytewise(block: &[u8; BLOCK]) -> (u32, u32) {
    let mut masks = (0, 0);
    for (i, &b) in block.iter().enumerate() {
        masks.0 |= u32::from(b == b',') << i;
        masks.1 |= u32::from(b == b'"' || b == b'\r') << i;
    }
    masks
}

#[cfg(not(target_arch = "x86_64"))]
use masks_bytewise as masks;

/// The bounds of a line's fields, cut at its commas, sixteen bytes at a
/// time; false, the bounds unfinished, when the line holds a quote or a
/// `\r` (the parser reads it). `tests::the_line_split_is_the_byte_loops`
/// holds it to a byte-by-byte loop.
pub(super) fn split(body: &[u8], fields: &mut Vec<(usize, usize)>) -> bool {
    fields.clear();
    let mut from = 0;
    let mut at = 0;
    while at < body.len() {
        let (commas, special) = match body[at..].first_chunk::<BLOCK>() {
            Some(block) => masks(block),
            None => {
                // The line's last bytes, padded with zeros (no zero byte
                // is a comma, a quote or a `\r`).
                let mut block = [0; BLOCK];
                block[..body.len() - at].copy_from_slice(&body[at..]);
                masks(&block)
            }
        };
        if special != 0 {
            return false;
        }
        from = push_commas(fields, from, at, commas);
        at += BLOCK;
    }
    fields.push((from, body.len()));
    true
}
