//! The base protocol's framing, read from a client nobody vouched for: a few
//! `Name: value` header lines, a blank line, then exactly `Content-Length`
//! bytes of body.
//!
//! Nothing is allocated on the client's word: header lines and their number
//! are capped, the length is read strictly, and a body grows only as its bytes
//! arrive, up to [`MAX_BODY`]. A longer body is read and dropped as it comes
//! (the stream stays in step, so the server answers and goes on).

use std::io::{self, BufRead};

/// The largest body kept: the size limit of a spec file.
pub const MAX_BODY: u64 = crate::loader::read::DEFAULT_FILE_LIMIT;
/// A header line longer than this is not a header (`Content-Length: ` and
/// twenty digits fit many times over).
const MAX_HEADER_LINE: usize = 1024;
/// The protocol has two headers; a few unknown ones are tolerated.
const MAX_HEADERS: usize = 32;

/// What the next frame held.
#[derive(Debug)]
pub(crate) enum Frame {
    /// A body of the length announced.
    Body(Vec<u8>),
    /// A body over [`MAX_BODY`] (the length announced): it is skipped, read
    /// and dropped, before the next frame.
    TooLarge(u64),
    /// The input ended between two frames.
    End,
}

/// Why the stream cannot be followed any further: where a frame ends is not
/// known (or the input ended inside one).
#[derive(Debug)]
pub(crate) enum Broken {
    LineTooLong,
    TooManyHeaders,
    /// A line that is not `Name: value` followed by `\r\n`.
    Malformed(String),
    NoLength,
    /// Two `Content-Length` headers that disagree.
    Conflicting,
    /// A `Content-Length` that is not a number of bytes.
    BadLength(String),
    /// A `Content-Length` past the largest length there is (2^64 − 1): no
    /// body that long can be read or skipped, so the stream stops.
    LengthOutOfRange(String),
    /// The input ended inside the headers, or after `got` of `expected` bytes
    /// of a body.
    EndInHeaders,
    EndInBody {
        expected: u64,
        got: u64,
    },
    Io(io::ErrorKind),
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Broken::LineTooLong => write!(f, "a header line is over {MAX_HEADER_LINE} bytes"),
            Broken::TooManyHeaders => write!(f, "a message has over {MAX_HEADERS} header lines"),
            Broken::Malformed(line) => write!(f, "malformed header line {line}"),
            Broken::NoLength => f.write_str("a message has no Content-Length header"),
            Broken::Conflicting => {
                f.write_str("a message has two different Content-Length headers")
            }
            Broken::BadLength(value) => {
                write!(f, "Content-Length {value} is not a number of bytes")
            }
            Broken::LengthOutOfRange(value) => write!(
                f,
                "Content-Length {value} is out of range: a length is at most {} bytes, \
                 and a message at most {}",
                u64::MAX,
                crate::loader::read::bytes(MAX_BODY)
            ),
            Broken::EndInHeaders => f.write_str("the input ended inside a message's headers"),
            Broken::EndInBody { expected, got } => write!(
                f,
                "the input ended after {got} of the {expected} bytes a message announced"
            ),
            Broken::Io(kind) => write!(f, "reading the input failed: {kind}"),
        }
    }
}

/// A header's text, quoted and cut short, for an error message (it is the
/// client's text: escaped, never echoed whole).
fn quoted(bytes: &[u8]) -> String {
    const SHOWN: usize = 40;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(SHOWN)]);
    let more = if bytes.len() > SHOWN { "…" } else { "" };
    format!("{:?}{more}", text)
}

/// The frames of one input.
pub(crate) struct Frames<R> {
    input: Held<R>,
    /// The bytes of a body too large to keep, still to be skipped: the
    /// refusal is answered first, not after the client has sent them all.
    skip: u64,
}

impl<R: BufRead> Frames<R> {
    pub(crate) fn new(input: R) -> Self {
        Frames {
            input: Held { input, held: 0 },
            skip: 0,
        }
    }

    /// Between two frames with no byte of the next one read yet: reading on
    /// may wait for the client. (Bytes read and not yet framed, or a body
    /// still to skip, mean the client's next message has begun arriving.)
    pub(crate) fn at_rest(&self) -> bool {
        self.input.held == 0 && self.skip == 0
    }

    /// Reads the next frame.
    pub(crate) fn next(&mut self) -> Result<Frame, Broken> {
        let skip = std::mem::take(&mut self.skip);
        self::skip(&mut self.input, skip)?;
        let length = headers(&mut self.input)?;
        match length {
            None => Ok(Frame::End),
            Some(length) if length > MAX_BODY => {
                self.skip = length;
                Ok(Frame::TooLarge(length))
            }
            Some(length) => Ok(Frame::Body(body(&mut self.input, length)?)),
        }
    }
}

/// A reader that knows how many bytes it holds read and not consumed: the
/// last [`BufRead::fill_buf`] less what was consumed since (a `BufReader`
/// answers from those bytes without reading again).
struct Held<R> {
    input: R,
    held: usize,
}

impl<R: BufRead> io::Read for Held<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let ready = self.fill_buf()?;
        let n = ready.len().min(out.len());
        out[..n].copy_from_slice(&ready[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Held<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let ready = self.input.fill_buf()?;
        self.held = ready.len();
        Ok(ready)
    }

    fn consume(&mut self, n: usize) {
        self.input.consume(n);
        self.held = self.held.saturating_sub(n);
    }
}

/// Reads a frame's headers: the length of its body, `None` at the end of
/// the input.
fn headers(input: &mut impl BufRead) -> Result<Option<u64>, Broken> {
    let mut line = Vec::new();
    let mut length: Option<u64> = None;
    for count in 0.. {
        if count > MAX_HEADERS {
            return Err(Broken::TooManyHeaders);
        }
        if !read_line(input, &mut line)? {
            return if count == 0 {
                Ok(None)
            } else {
                Err(Broken::EndInHeaders)
            };
        }
        let Some(header) = line.strip_suffix(b"\r\n") else {
            return Err(Broken::Malformed(quoted(&line)));
        };
        if header.is_empty() {
            break;
        }
        let Some(colon) = header.iter().position(|&b| b == b':') else {
            return Err(Broken::Malformed(quoted(header)));
        };
        let (name, value) = (&header[..colon], trim(&header[colon + 1..]));
        if name.is_empty() || !name.iter().all(|b| b.is_ascii_graphic()) {
            return Err(Broken::Malformed(quoted(header)));
        }
        if name.eq_ignore_ascii_case(b"Content-Length") {
            let parsed = parse_length(value)?;
            if length.is_some_and(|l| l != parsed) {
                return Err(Broken::Conflicting);
            }
            length = Some(parsed);
        }
        // `Content-Type` and headers the protocol does not define: the
        // body is UTF-8 JSON whatever they say, and it is checked as such.
    }
    length.map(Some).ok_or(Broken::NoLength)
}

/// One line, `\n` included, into `line`; false at the end of the input
/// before any byte.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> Result<bool, Broken> {
    line.clear();
    loop {
        if available(input)? == 0 {
            return if line.is_empty() {
                Ok(false)
            } else {
                Err(Broken::EndInHeaders)
            };
        }
        let buffer = ready(input)?;
        let (take, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buffer.len(), false),
        };
        if line.len() + take > MAX_HEADER_LINE {
            return Err(Broken::LineTooLong);
        }
        line.extend_from_slice(&buffer[..take]);
        input.consume(take);
        if done {
            return Ok(true);
        }
    }
}

/// How many bytes are ready (0 at the end of the input), waiting for some.
fn available(input: &mut impl BufRead) -> Result<usize, Broken> {
    loop {
        match input.fill_buf() {
            Ok(buffer) => return Ok(buffer.len()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Broken::Io(e.kind())),
        }
    }
}

/// The bytes [`available`] found ready (no read happens here).
fn ready(input: &mut impl BufRead) -> Result<&[u8], Broken> {
    input.fill_buf().map_err(|e| Broken::Io(e.kind()))
}

fn trim(mut value: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = value {
        value = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = value {
        value = rest;
    }
    value
}

/// Decimal digits only (no sign, no spaces inside); a number past `u64` is
/// too large rather than malformed.
fn parse_length(value: &[u8]) -> Result<u64, Broken> {
    if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
        return Err(Broken::BadLength(quoted(value)));
    }
    value
        .iter()
        .try_fold(0u64, |n, &d| {
            n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
        })
        .ok_or_else(|| Broken::LengthOutOfRange(quoted(value)))
}

/// The body, grown as its bytes arrive.
fn body(input: &mut impl BufRead, length: u64) -> Result<Vec<u8>, Broken> {
    let mut body = Vec::new();
    while (body.len() as u64) < length {
        if available(input)? == 0 {
            return Err(Broken::EndInBody {
                expected: length,
                got: body.len() as u64,
            });
        }
        let buffer = ready(input)?;
        let take = buffer.len().min((length - body.len() as u64) as usize);
        body.extend_from_slice(&buffer[..take]);
        input.consume(take);
    }
    Ok(body)
}

/// Reads `length` bytes and keeps none.
fn skip(input: &mut impl BufRead, length: u64) -> Result<(), Broken> {
    let mut left = length;
    while left > 0 {
        let ready = available(input)?;
        if ready == 0 {
            return Err(Broken::EndInBody {
                expected: length,
                got: length - left,
            });
        }
        let take = ready.min(usize::try_from(left).unwrap_or(usize::MAX));
        input.consume(take);
        left -= take as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Result<Frame, Broken>> {
        let mut reader = Frames::new(io::BufReader::with_capacity(7, input));
        let mut out = Vec::new();
        loop {
            let frame = reader.next();
            let last = !matches!(frame, Ok(Frame::Body(_) | Frame::TooLarge(_)));
            out.push(frame);
            if last {
                return out;
            }
        }
    }

    #[test]
    fn bodies_are_cut_at_their_length() {
        let found =
            frames(b"Content-Length: 2\r\n\r\n{}content-length:3\r\nContent-Type: x\r\n\r\n[1]");
        assert!(matches!(&found[0], Ok(Frame::Body(b)) if b == b"{}"));
        assert!(matches!(&found[1], Ok(Frame::Body(b)) if b == b"[1]"));
        assert!(matches!(found[2], Ok(Frame::End)));
    }

    #[test]
    fn a_body_over_the_limit_is_skipped_and_the_next_is_read() {
        let mut input = format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1).into_bytes();
        input.resize(input.len() + MAX_BODY as usize + 1, b' ');
        input.extend_from_slice(b"Content-Length: 2\r\n\r\n{}");
        let found = frames(&input);
        assert!(matches!(found[0], Ok(Frame::TooLarge(n)) if n == MAX_BODY + 1));
        assert!(matches!(&found[1], Ok(Frame::Body(b)) if b == b"{}"));
    }

    #[test]
    fn a_reader_is_at_rest_only_when_the_next_frame_has_not_begun() {
        let two = b"Content-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[]";
        // A buffer that ends with the first frame: nothing of the second
        // has been read when the first is framed.
        let mut reader = Frames::new(io::BufReader::with_capacity(23, &two[..]));
        assert!(matches!(reader.next(), Ok(Frame::Body(b)) if b == b"{}"));
        assert!(reader.at_rest());
        assert!(matches!(reader.next(), Ok(Frame::Body(b)) if b == b"[]"));
        // A larger buffer holds the second frame already.
        let mut reader = Frames::new(io::BufReader::with_capacity(30, &two[..]));
        assert!(matches!(reader.next(), Ok(Frame::Body(_))));
        assert!(!reader.at_rest(), "the second frame has begun");
        assert!(matches!(reader.next(), Ok(Frame::Body(_))));
        assert!(reader.at_rest());
        // A body skipped is a message still arriving.
        let header = format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1).into_bytes();
        let mut reader = Frames::new(io::BufReader::with_capacity(header.len(), &header[..]));
        assert!(matches!(reader.next(), Ok(Frame::TooLarge(_))));
        assert!(!reader.at_rest());
    }

    #[test]
    fn lengths_are_digits_only() {
        assert_eq!(parse_length(b"0").ok(), Some(0));
        assert_eq!(parse_length(b"18446744073709551615").ok(), Some(u64::MAX));
        // Past u64: said as out of range, not read as 2^64 - 1 bytes
        // (attack 12, L5).
        let past = parse_length(b"99999999999999999999");
        assert!(
            matches!(&past, Err(Broken::LengthOutOfRange(v)) if v.contains("99999999999999999999")),
            "{past:?}"
        );
        let said = past.unwrap_err().to_string();
        assert!(
            said.contains("out of range") && said.contains("18446744073709551615"),
            "{said}"
        );
        for bad in [
            &b""[..],
            b"-1",
            b"+1",
            b"1 2",
            b"0x10",
            b"1e3",
            "١".as_bytes(),
        ] {
            assert!(
                matches!(parse_length(bad), Err(Broken::BadLength(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn broken_streams_are_named() {
        let long = format!("X-Long: {}\r\n", "a".repeat(MAX_HEADER_LINE));
        let many = "X: y\r\n".repeat(MAX_HEADERS + 1);
        type Expected = fn(&Broken) -> bool;
        let cases: [(&[u8], Expected); 9] = [
            (b"Content-Length: 2\n\n{}", |b| {
                matches!(b, Broken::Malformed(_))
            }),
            (b"Content-Length 2\r\n\r\n{}", |b| {
                matches!(b, Broken::Malformed(_))
            }),
            (b"Content-Type: x\r\n\r\n{}", |b| {
                matches!(b, Broken::NoLength)
            }),
            (b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", |b| {
                matches!(b, Broken::Conflicting)
            }),
            (b"Content-Length: two\r\n\r\n{}", |b| {
                matches!(b, Broken::BadLength(_))
            }),
            (b"Content-Length: 2\r\n", |b| {
                matches!(b, Broken::EndInHeaders)
            }),
            (b"Content-Length: 9\r\n\r\n{}", |b| {
                matches!(
                    b,
                    Broken::EndInBody {
                        expected: 9,
                        got: 2
                    }
                )
            }),
            (long.as_bytes(), |b| matches!(b, Broken::LineTooLong)),
            (many.as_bytes(), |b| matches!(b, Broken::TooManyHeaders)),
        ];
        for (input, expected) in cases {
            let found = frames(input);
            match found.last() {
                Some(Err(broken)) => assert!(expected(broken), "{input:?}: {broken}"),
                other => panic!("{input:?}: {other:?}"),
            }
        }
        // Two equal lengths say the same thing.
        let found = frames(b"Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}");
        assert!(matches!(&found[0], Ok(Frame::Body(b)) if b == b"{}"));
    }
}
