//! Parquet's RLE / bit-packed hybrid encoding, which holds a data page's
//! definition levels and its dictionary indices.

use super::bad;
use parquet::errors::Result;

/// Where [`hybrid`] puts the values it reads.
pub(super) trait Out {
    fn len(&self) -> usize;
    fn reserve(&mut self, n: usize);
    fn push(&mut self, value: u32);
    /// `count` copies of `value`.
    fn repeat(&mut self, value: u32, count: usize);
}

impl Out for Vec<u32> {
    #[inline(always)]
    fn len(&self) -> usize {
        Vec::len(self)
    }
    #[inline(always)]
    fn reserve(&mut self, n: usize) {
        Vec::reserve(self, n);
    }
    #[inline(always)]
    fn push(&mut self, value: u32) {
        Vec::push(self, value);
    }
    #[inline(always)]
    fn repeat(&mut self, value: u32, count: usize) {
        self.resize(self.len() + count, value);
    }
}

/// Definition levels read as whether each row holds a value (its level
/// is the column's `max`).
pub(super) struct Present<'a> {
    pub(super) rows: &'a mut Vec<bool>,
    pub(super) max: u32,
}

impl Out for Present<'_> {
    #[inline(always)]
    fn len(&self) -> usize {
        self.rows.len()
    }
    #[inline(always)]
    fn reserve(&mut self, n: usize) {
        self.rows.reserve(n);
    }
    #[inline(always)]
    fn push(&mut self, value: u32) {
        self.rows.push(value == self.max);
    }
    #[inline(always)]
    fn repeat(&mut self, value: u32, count: usize) {
        self.rows.resize(self.rows.len() + count, value == self.max);
    }
}

/// `n` values of `width` bits in Parquet's RLE / bit-packed hybrid
/// encoding, appended to `out`.
pub(super) fn hybrid(data: &[u8], width: u8, n: usize, out: &mut impl Out) -> Result<()> {
    let bytes_of_value = usize::from(width).div_ceil(8);
    let mask = if width >= 32 {
        u32::MAX
    } else {
        (1u32 << width) - 1
    };
    let end = out.len() + n;
    let mut at = 0;
    while out.len() < end {
        // The run's header, an unsigned LEB128 varint.
        let mut header: u64 = 0;
        let mut shift = 0;
        loop {
            let &byte = data.get(at).ok_or_else(|| bad("short run"))?;
            at += 1;
            if shift > 63 {
                return Err(bad("run header"));
            }
            header |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
        }
        let left = end - out.len();
        if header & 1 == 0 {
            // A run of one value repeated.
            let count = usize::try_from(header >> 1).unwrap_or(usize::MAX).min(left);
            if count == 0 {
                return Err(bad("empty run"));
            }
            let bytes = data
                .get(at..at + bytes_of_value)
                .ok_or_else(|| bad("short run"))?;
            at += bytes_of_value;
            let value = bytes
                .iter()
                .rev()
                .fold(0u32, |v, &b| (v << 8) | u32::from(b));
            out.repeat(value & mask, count);
        } else {
            // Groups of eight values, bit-packed from the lowest bit.
            let groups = usize::try_from(header >> 1).unwrap_or(usize::MAX);
            if groups == 0 {
                return Err(bad("empty run"));
            }
            let length = groups
                .checked_mul(usize::from(width))
                .ok_or_else(|| bad("run length"))?;
            let packed = data
                .get(at..)
                .map(|rest| &rest[..length.min(rest.len())])
                .ok_or_else(|| bad("short run"))?;
            // The last run may stop short of its groups: it is cut at the
            // values wanted.
            let count = groups.saturating_mul(8).min(left);
            if packed.len() * 8 < count * usize::from(width) {
                return Err(bad("short run"));
            }
            at += packed.len();
            out.reserve(count);
            let width = usize::from(width);
            // Eight bytes read at once where the run has them (a value
            // starts at most 7 bits into them and is at most 32 bits wide),
            // the run's last values from a copy of its last bytes.
            let whole = if packed.len() >= 8 {
                ((packed.len() - 8) * 8 / width.max(1) + 1).min(count)
            } else {
                0
            };
            for i in 0..whole {
                let bit = i * width;
                let from = bit / 8;
                let word: [u8; 8] = packed[from..from + 8].try_into().expect("eight bytes");
                out.push((u64::from_le_bytes(word) >> (bit % 8)) as u32 & mask);
            }
            for i in whole..count {
                let bit = i * width;
                let mut word = [0u8; 8];
                let from = bit / 8;
                let to = (from + 8).min(packed.len());
                word[..to - from].copy_from_slice(&packed[from..to]);
                out.push((u64::from_le_bytes(word) >> (bit % 8)) as u32 & mask);
            }
        }
    }
    Ok(())
}
