//! A large CSV export read by several threads: cut into chunks of a fixed
//! size ([`CHUNK`], never a function of the threads, so neither the chunks
//! nor anything read from them depends on the machine), each chunk read
//! into a tally of its own by whichever thread is free, and the tallies
//! merged in the chunks' order as they come, each with the lines of the
//! chunks before it. The cuts are guesses ([`csv_cut_near`]) that the
//! readers prove: a chunk is read up to the first cut its records reach
//! exactly, and only the chunks that start at a cut the chunk before
//! reached are merged ([`csv_part`]; a guess inside a quoted field costs
//! the reading of one chunk twice, never a row). So the merged tally is
//! the one reader's of the whole file, whatever the threads and whatever
//! the guesses.

use super::csv_file::{csv_cut_near, csv_header, csv_part_in, CsvPart, Reached};
use super::{BadRow, Columns, Row};
use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The bytes of a chunk: large enough that a chunk's own costs (its cut's
/// guess, a tally made and merged, the bytes read past its end) are small
/// beside its rows', small enough that a 60 MB export keeps two cores busy
/// and that a thread held up by the machine's other work holds up little.
pub const CHUNK: u64 = 8 << 20;

/// Where a CSV export's chunks start, and its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunks {
    pub header: Vec<String>,
    /// 0, then the guessed start of each chunk after the first, ascending.
    pub starts: Vec<u64>,
}

/// The chunks of an export of `size` bytes, `chunk` bytes each (the last
/// may be shorter): its header read from `open(0)`, each later chunk's start
/// guessed near a multiple of `chunk` from `open(point)`, the file from
/// byte `point` on. None when the file has no header.
pub fn csv_chunks<R: Read>(
    size: u64,
    chunk: u64,
    open: impl Fn(u64) -> std::io::Result<R>,
) -> std::io::Result<Option<Chunks>> {
    let Some(header) = csv_header(open(0)?) else {
        return Ok(None);
    };
    let mut starts = vec![0];
    let mut point = chunk.max(1);
    while point < size {
        let cut = csv_cut_near(open(point)?, point, header.len())?;
        if let Some(cut) = cut.filter(|&c| c > *starts.last().unwrap_or(&0) && c < size) {
            starts.push(cut);
        }
        point = point.saturating_add(chunk.max(1));
    }
    Ok(Some(Chunks { header, starts }))
}

/// Reads an export's `chunks` with up to `threads` threads: each chunk's
/// rows (as [`csv_part`] gives them, lines counted from the chunk's start)
/// into a tally `new` makes, by `each`; then `merge` is given the tallies
/// of the chunks that make the file, in their order, each with the line
/// breaks before its chunk. `open(start)` is the file from byte `start` on.
/// One thread reads the chunks one after another, in this thread.
#[allow(clippy::too_many_arguments)]
pub fn csv_chunked<T: Row, A: Send, R: Read>(
    chunks: &Chunks,
    columns: &Columns,
    threads: usize,
    open: impl Fn(u64) -> std::io::Result<R> + Sync,
    new: impl Fn() -> A + Sync,
    each: impl Fn(&mut A, Result<T::Of<'_>, BadRow>) + Sync,
    mut merge: impl FnMut(A, u64),
) -> std::io::Result<()> {
    let starts = &chunks.starts;
    // Where each chunk's reading ended, and its tally.
    let read = |k: usize, buffer: Vec<u8>| -> std::io::Result<(A, Reached, Vec<u8>)> {
        let part = CsvPart {
            start: starts[k],
            header: &chunks.header,
            stops: &starts[k + 1..],
        };
        let mut tally = new();
        let input = open(part.start)?;
        let (reached, buffer) =
            csv_part_in::<T>(input, part, columns, buffer, |row| each(&mut tally, row));
        Ok((tally, reached, buffer))
    };
    let mut chain = Chain::default();
    if threads < 2 || starts.len() < 2 {
        let mut buffer = Vec::new();
        while chain.next < starts.len() {
            let (tally, reached, used) = read(chain.next, buffer)?;
            buffer = used;
            chain.take(tally, reached, &mut merge);
        }
        return Ok(());
    }
    // The next chunk a thread takes; the first chunk the merge still needs
    // (a chunk before it that was not merged is not read); an error seen.
    let taken = AtomicUsize::new(0);
    let needed = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (sender, tallies) = std::sync::mpsc::channel();
        for _ in 0..threads.min(starts.len()) {
            let sender = sender.clone();
            let (read, taken, needed, failed) = (&read, &taken, &needed, &failed);
            scope.spawn(move || {
                let mut buffer = Vec::new();
                loop {
                    let k = taken.fetch_add(1, Ordering::Relaxed);
                    if k >= starts.len() || failed.load(Ordering::Relaxed) {
                        break;
                    }
                    if k < needed.load(Ordering::Relaxed) {
                        continue;
                    }
                    let done = read(k, std::mem::take(&mut buffer));
                    let done = done.map(|(tally, reached, used)| {
                        buffer = used;
                        (tally, reached)
                    });
                    if sender.send((k, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // The chunks read ahead of the merge, by number.
        let mut ahead = std::collections::BTreeMap::new();
        let mut error = None;
        for (k, done) in tallies {
            match done {
                Err(e) => {
                    failed.store(true, Ordering::Relaxed);
                    error.get_or_insert(e);
                }
                Ok(done) if error.is_none() && k >= chain.next => {
                    ahead.insert(k, done);
                }
                Ok(_) => {}
            }
            while let Some((tally, reached)) = ahead.remove(&chain.next) {
                chain.take(tally, reached, &mut merge);
                needed.store(chain.next, Ordering::Relaxed);
                // Chunks the merge went past began at a wrong guess.
                ahead = ahead.split_off(&chain.next);
            }
        }
        error.map_or(Ok(()), Err)
    })
}

/// The merge's place: the next chunk that makes the file, and the line
/// breaks before it.
#[derive(Default)]
struct Chain {
    next: usize,
    lines: u64,
}

impl Chain {
    /// Merges the tally of chunk `next`, which ended at `reached`.
    fn take<A>(&mut self, tally: A, reached: Reached, merge: &mut impl FnMut(A, u64)) {
        merge(tally, self.lines);
        self.lines += reached.lines;
        self.next += 1 + reached.stop;
    }
}
