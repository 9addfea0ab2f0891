//! The delimiter of a CSV export, decided by its header: Excel in a Russian
//! (or German, French…) locale saves "CSV" separated by `;`, where `,` is the
//! decimal comma, and some tools write tabs. A header with no `,` whose
//! `;`-separated (else tab-separated) names include a column cxc reads is
//! read with that delimiter; anything else is read as `,`-separated.
//!
//! The choice is made once per file. A file that is not `,`-separated is
//! rewritten with commas in memory before the usual reader reads it, so the
//! rows' fast path knows one delimiter only.

use super::rows::Columns;
use std::io::Read;

/// The delimiter of a CSV export with this first line (its header).
pub fn of_header(line: &str, columns: &Columns) -> u8 {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let line = line.trim_end_matches(['\r', '\n']);
    if line.contains(',') {
        return b',';
    }
    for delimiter in [';', '\t'] {
        let names: Vec<&str> = line.split(delimiter).map(unquoted).collect();
        if names.len() > 1 && names.iter().any(|n| columns.knows(n)) {
            return delimiter as u8;
        }
    }
    b','
}

fn unquoted(name: &str) -> &str {
    let name = name.trim();
    name.strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(name)
}

/// The first line of `bytes`, as text (lossy: the header of a file that is
/// not UTF-8 is reported by the reader, not here).
pub fn first_line(bytes: &[u8]) -> String {
    let end = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

/// The records of `input`, separated by `delimiter`, written again
/// separated by `,` (quoted where they need it). Blank lines are dropped
/// (the reader skips them anyway), so a row after one is numbered one line
/// earlier in messages than in the file. Bytes that are not UTF-8 pass
/// through unchanged, for the reader to report.
pub fn to_commas(input: impl Read, delimiter: u8) -> std::io::Result<Vec<u8>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut record = csv::ByteRecord::new();
    while reader
        .read_byte_record(&mut record)
        .map_err(std::io::Error::other)?
    {
        writer.write_byte_record(&record)?;
    }
    writer.flush()?;
    writer.into_inner().map_err(|e| e.into_error())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_decides_the_delimiter() {
        let columns = Columns::default();
        assert_eq!(of_header("id,segment,channel", &columns), b',');
        assert_eq!(of_header("\u{feff}id;segment;channel\r\n", &columns), b';');
        assert_eq!(of_header("\"id\";\"segment\"", &columns), b';');
        assert_eq!(of_header("id\tsegment\tchannel", &columns), b'\t');
        // A single column, or names cxc does not read: as it was.
        assert_eq!(of_header("id", &columns), b',');
        assert_eq!(of_header("a;b;c", &columns), b',');
    }

    #[test]
    fn a_semicolon_file_is_the_same_records_with_commas() {
        let text = "id;note;csat\r\n1;\"a, b\";4,5\r\n\r\n2;\"two\nlines\";5\r\n3;x;\"q\"\"d\"\r\n";
        let commas = String::from_utf8(to_commas(text.as_bytes(), b';').unwrap()).unwrap();
        assert_eq!(
            commas,
            "id,note,csat\n1,\"a, b\",\"4,5\"\n2,\"two\nlines\",5\n3,x,\"q\"\"d\"\n"
        );
    }
}
