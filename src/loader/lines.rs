//! Exact line numbers for CSV files (forecasts, contact-centre exports).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

/// Line breaks seen by the CSV reader, for line numbers: the csv crate's own
/// count skips blank lines and miscounts `\r\n`, and the byte offset it gives
/// a record points at the line breaks before it. Only the breaks between the
/// last record asked about and the reader's read-ahead are kept.
#[derive(Default)]
pub struct Breaks {
    /// Byte offsets of `\r` and `\n` not yet passed, and whether each is `\n`.
    pending: VecDeque<(u64, bool)>,
    /// `\n`s before the first pending break.
    counted: u64,
    read: u64,
}

pub type Lines = Rc<RefCell<Breaks>>;

impl Breaks {
    /// The 1-based line where the record reported at `offset` starts (the
    /// offsets asked about only grow).
    pub fn line_of(&mut self, offset: u64) -> u64 {
        let mut cursor = offset;
        while let Some(&(at, newline)) = self.pending.front() {
            // Breaks before the offset, and the run of breaks starting at it.
            if at > cursor {
                break;
            }
            if at == cursor {
                cursor += 1;
            }
            self.pending.pop_front();
            self.counted += u64::from(newline);
        }
        self.counted + 1
    }
}

/// A reader that records where its line breaks are.
pub struct LineCounter {
    inner: Box<dyn Read>,
    lines: Lines,
}

impl LineCounter {
    pub fn new(inner: Box<dyn Read>, lines: Lines) -> LineCounter {
        LineCounter { inner, lines }
    }
}

impl Read for LineCounter {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut lines = self.lines.borrow_mut();
        let start = lines.read;
        for i in memchr::memchr2_iter(b'\n', b'\r', &buf[..n]) {
            lines.pending.push_back((start + i as u64, buf[i] == b'\n'));
        }
        lines.read += n as u64;
        Ok(n)
    }
}
