//! Little-endian binary writer and bounds-checked reader for the model files.
//!
//! Model files are plain byte streams (magic, version, sections); the reader never panics on a
//! truncated or corrupt file, it returns a [`ModelError`] naming what was being read.

use crate::ModelError;

/// Appends little-endian values to a byte buffer.
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub buf: Vec<u8>,
}

impl Writer {
    /// Write one byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// Write a `u16`.
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Write an `i16`.
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Write a `u32`.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Write a `u64`.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Write an `f32`.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Write a length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
}

/// Reads little-endian values from a byte slice, failing cleanly at the end.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// A reader over `buf`; `what` names the file in errors.
    pub fn new(buf: &'a [u8], what: &'static str) -> Reader<'a> {
        Reader { buf, pos: 0, what }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.buf.len() - self.pos < n {
            return Err(ModelError::new(format!(
                "{}: truncated at byte {} (wanted {n} more)",
                self.what, self.pos
            )));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// Fail with a message naming the file and position.
    pub fn error(&self, msg: &str) -> ModelError {
        ModelError::new(format!("{}: {msg} (at byte {})", self.what, self.pos))
    }

    /// Read `n` raw bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        self.take(n)
    }
    /// Read one byte.
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    /// Read a `u16`.
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().unwrap_or_default(),
        ))
    }
    /// Read an `i16`.
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(
            self.take(2)?.try_into().unwrap_or_default(),
        ))
    }
    /// Read a `u32`.
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or_default(),
        ))
    }
    /// Read a `u64`.
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().unwrap_or_default(),
        ))
    }
    /// Read an `f32`.
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or_default(),
        ))
    }
    /// Read a length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.error("invalid UTF-8 string"))
    }
    /// Check a 4-byte magic and a format version.
    pub fn header(&mut self, magic: &[u8; 4], version: u32) -> Result<(), ModelError> {
        if self.take(4)? != magic {
            return Err(self.error("not a Dyad syntax model file (bad magic)"));
        }
        let v = self.u32()?;
        if v != version {
            return Err(self.error(&format!(
                "model format version {v}, this build reads {version}; retrain with `dyad train`"
            )));
        }
        Ok(())
    }
}
