//! The embedded actor dictionary, read from the binary form `build.rs` writes (see
//! `dict/binary.rs`); kept out of `dict/` because the build script includes that module.

use crate::dict::{Diagnostic, Dictionary};

/// `$OUT_DIR/actors.bin`, written by `build.rs` from the embedded text files.
const COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/actors.bin"));

impl Dictionary {
    /// The dictionary embedded in the binary (the files in `data/actors/`).
    pub fn embedded() -> Dictionary {
        Self::embedded_with_diagnostics().0
    }

    /// The embedded dictionary and the problems found in it (none for the shipped files). Read
    /// from the form built at compile time; should that ever not read back, loaded from the text.
    pub fn embedded_with_diagnostics() -> (Dictionary, Vec<Diagnostic>) {
        Self::from_bytes(COMPILED)
            .unwrap_or_else(|| Self::from_tiered_sources(&Self::embedded_sources()))
    }
}

#[cfg(test)]
mod tests {
    use crate::dict::Dictionary;

    #[test]
    fn the_embedded_binary_form_equals_the_text_sources() {
        let (text, text_diags) = Dictionary::from_tiered_sources(&Dictionary::embedded_sources());
        let (bin, bin_diags) =
            Dictionary::from_bytes(super::COMPILED).expect("the compiled form reads back");
        assert_eq!(bin_diags, text_diags);
        // Field by field first, for a readable failure; then the whole.
        assert_eq!(bin.entries, text.entries);
        assert_eq!(bin.forms, text.forms);
        assert_eq!(bin.people, text.people);
        assert_eq!(bin.names, text.names);
        assert_eq!(bin.roles, text.roles);
        assert!(bin == text);
        // A damaged blob is refused, not misread.
        assert!(Dictionary::from_bytes(&super::COMPILED[..super::COMPILED.len() - 1]).is_none());
        assert!(Dictionary::from_bytes(b"DYADAD00").is_none());
    }
}
