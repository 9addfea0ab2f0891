//! Exports read with a cap on every record and line: a quote that never
//! closes, or a "file" that is an endless stream of bytes, must not grow one
//! record until memory runs out. A record longer than [`MAX_RECORD`] is bad
//! data: the reader says so and starts again at the next line.

use std::io::{BufRead, Read};

/// The most bytes one record (one line of JSON Lines) may have. A contact
/// or a case's visit is a few hundred bytes; a megabyte is a broken export.
pub const MAX_RECORD: u64 = 1 << 20;

/// What [`Capped`] returns, as an I/O error, once the record it is in has
/// passed [`MAX_RECORD`].
#[derive(Debug)]
pub struct RecordTooLong;

impl std::fmt::Display for RecordTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a record longer than {MAX_RECORD} bytes")
    }
}

impl std::error::Error for RecordTooLong {}

/// Whether an error is [`RecordTooLong`].
pub fn is_too_long(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<RecordTooLong>())
}

/// Where the CSV reader is, as far as records go. A `"` opens a quoted field
/// only at the start of a field (after `,` or a line break), as the `csv`
/// crate reads it; inside, `""` is a quote and a lone `"` closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    Outside,
    Inside,
    /// A `"` inside a quoted field: closing, or the first of `""`.
    Closing,
}

/// The bytes of a CSV export as they are, with the length of the current
/// record followed: once it passes [`MAX_RECORD`] the next read fails with
/// [`RecordTooLong`], and [`Capped::skip_line`] resumes at the next line.
/// Only quotes and line breaks are looked at (with memchr), so the common
/// case costs little.
pub struct Capped<R> {
    inner: R,
    state: Quote,
    /// The last byte handed out (a line break before the first).
    previous: u8,
    /// Offsets in the file: of the next byte to hand out, and of the
    /// current record's first byte.
    passed: u64,
    record_start: u64,
    /// Bytes read past a skipped line, handed out first.
    rest: Vec<u8>,
    over: bool,
}

impl<R: Read> Capped<R> {
    pub fn new(inner: R) -> Self {
        Capped {
            inner,
            state: Quote::Outside,
            previous: b'\n',
            passed: 0,
            record_start: 0,
            rest: Vec::new(),
            over: false,
        }
    }

    /// The offset in the file of the record being read.
    pub fn record_start(&self) -> u64 {
        self.record_start
    }

    /// After [`RecordTooLong`]: drops the rest of the line the reader is in
    /// (the bytes up to and including the next `\n`, quoted or not) and
    /// returns the offset of the line after it, where reading starts again.
    pub fn skip_line(&mut self) -> std::io::Result<u64> {
        let mut buffer = std::mem::take(&mut self.rest);
        loop {
            if let Some(i) = memchr::memchr(b'\n', &buffer) {
                self.passed += i as u64 + 1;
                self.rest = buffer.split_off(i + 1);
                break;
            }
            self.passed += buffer.len() as u64;
            buffer.resize(1 << 16, 0);
            let n = self.inner.read(&mut buffer)?;
            if n == 0 {
                break;
            }
            buffer.truncate(n);
        }
        self.state = Quote::Outside;
        self.previous = b'\n';
        self.record_start = self.passed;
        self.over = false;
        Ok(self.passed)
    }

    /// Follows the records through `chunk`, the next bytes handed out.
    fn follow(&mut self, chunk: &[u8]) {
        let mut i = 0;
        while i < chunk.len() {
            match self.state {
                Quote::Inside => match memchr::memchr(b'"', &chunk[i..]) {
                    Some(k) => {
                        i += k + 1;
                        self.state = Quote::Closing;
                    }
                    None => i = chunk.len(),
                },
                Quote::Closing => {
                    if chunk[i] == b'"' {
                        self.state = Quote::Inside;
                        i += 1;
                    } else {
                        self.state = Quote::Outside;
                    }
                }
                Quote::Outside => match memchr::memchr3(b'"', b'\n', b'\r', &chunk[i..]) {
                    Some(k) => {
                        let j = i + k;
                        if chunk[j] == b'"' {
                            let before = if j > 0 { chunk[j - 1] } else { self.previous };
                            if matches!(before, b',' | b'\n' | b'\r') {
                                self.state = Quote::Inside;
                            }
                        } else {
                            self.record_start = self.passed + j as u64 + 1;
                        }
                        i = j + 1;
                    }
                    None => i = chunk.len(),
                },
            }
        }
        if let Some(&last) = chunk.last() {
            self.previous = last;
        }
        self.passed += chunk.len() as u64;
        self.over = self.passed - self.record_start > MAX_RECORD;
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.over {
            return Err(std::io::Error::other(RecordTooLong));
        }
        let n = if self.rest.is_empty() {
            self.inner.read(buf)?
        } else {
            let n = self.rest.len().min(buf.len());
            buf[..n].copy_from_slice(&self.rest[..n]);
            self.rest.drain(..n);
            n
        };
        self.follow(&buf[..n]);
        Ok(n)
    }
}

/// The next line of `input` into `line` (without its `\n`): `Some(true)`, or
/// `Some(false)` when it was longer than [`MAX_RECORD`] and was skipped
/// (`line` then holds its start); `None` at the end.
pub fn capped_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<Option<bool>> {
    line.clear();
    let mut fits = true;
    let mut any = false;
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            return Ok(any.then_some(fits));
        }
        any = true;
        let (taken, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let content = &available[..if done { taken - 1 } else { taken }];
        if fits {
            let room = (MAX_RECORD as usize).saturating_sub(line.len());
            line.extend_from_slice(&content[..content.len().min(room)]);
            fits = content.len() <= room;
        }
        input.consume(taken);
        if done {
            return Ok(Some(fits));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out `data` a few bytes at a time, so records cross reads.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// Whether the capped reader, given `data` a few bytes at a time, ends
    /// with a new record starting at its end.
    fn capped_boundary(data: &[u8], step: usize) -> bool {
        let mut capped = Capped::new(Trickle(data, step));
        let mut buf = [0u8; 7];
        while capped.read(&mut buf).unwrap() > 0 {}
        capped.record_start() == data.len() as u64
    }

    /// The oracle: whether the `csv` crate starts a new record after
    /// `data`, i.e. reads `zz` appended to it as a record of its own.
    fn csv_boundary(data: &[u8]) -> bool {
        let mut text = data.to_vec();
        text.extend(b"zz");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&text[..]);
        let records: Vec<csv::ByteRecord> = reader.byte_records().map(Result::unwrap).collect();
        records
            .last()
            .is_some_and(|r| r.len() == 1 && &r[0] == b"zz")
    }

    proptest::proptest! {
        #[test]
        fn records_end_where_the_csv_crate_ends_them(
            data in "[ab,\"\n]{0,60}",
            step in 1usize..9,
        ) {
            let data = data.as_bytes();
            for p in 1..=data.len() {
                if data[p - 1] == b'\n' {
                    proptest::prop_assert_eq!(
                        capped_boundary(&data[..p], step),
                        csv_boundary(&data[..p]),
                        "after {:?}", String::from_utf8_lossy(&data[..p])
                    );
                }
            }
        }
    }

    #[test]
    fn an_open_quote_is_cut_after_the_cap_and_reading_resumes_at_the_next_line() {
        let mut data = b"id,x\n1,\"never closed".to_vec();
        data.extend(std::iter::repeat_n(b'y', MAX_RECORD as usize + 200_000));
        data.extend(b"\"\n2,ok\n");
        let mut capped = Capped::new(Trickle(&data, 1 << 16));
        let mut out = Vec::new();
        let mut buf = vec![0u8; 1 << 16];
        let error = loop {
            match capped.read(&mut buf) {
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => break e,
            }
        };
        assert!(is_too_long(&error));
        assert_eq!(capped.record_start(), 5);
        assert!(out.len() as u64 <= 5 + MAX_RECORD + (1 << 16));
        let resume = capped.skip_line().unwrap();
        let mut tail = Vec::new();
        capped.read_to_end(&mut tail).unwrap();
        assert_eq!(tail, b"2,ok\n");
        assert_eq!(resume as usize, data.len() - 5);
    }

    #[test]
    fn a_line_past_the_cap_is_skipped_and_the_next_one_read() {
        let mut data = vec![0u8; MAX_RECORD as usize * 3];
        data.extend(b"\n{\"id\":1}\nlast");
        let mut input = std::io::BufReader::with_capacity(4096, &data[..]);
        let mut line = Vec::new();
        assert_eq!(capped_line(&mut input, &mut line).unwrap(), Some(false));
        assert_eq!(line.len() as u64, MAX_RECORD);
        assert_eq!(capped_line(&mut input, &mut line).unwrap(), Some(true));
        assert_eq!(line, b"{\"id\":1}");
        assert_eq!(capped_line(&mut input, &mut line).unwrap(), Some(true));
        assert_eq!(line, b"last");
        assert_eq!(capped_line(&mut input, &mut line).unwrap(), None);
    }
}
