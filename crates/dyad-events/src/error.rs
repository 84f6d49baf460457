//! Load errors for the ontology and dictionaries: every bad line is reported as `file:line: message`,
//! all of them at once, so a user editing a dictionary can fix everything in one pass.

use std::fmt;

/// One bad line in a data file.
#[derive(Debug, Clone, PartialEq)]
pub struct DictError {
    /// File name (or `embedded:<name>`).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl DictError {
    /// A new error.
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> DictError {
        DictError {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// All errors found while loading.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Errors(pub Vec<DictError>);

impl Errors {
    /// Record one error.
    pub fn push(&mut self, e: DictError) {
        self.0.push(e);
    }

    /// `Ok(value)` when no error was recorded.
    pub fn into_result<T>(self, value: T) -> Result<T, Errors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}
