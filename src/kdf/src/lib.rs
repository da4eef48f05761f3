//! PBKDF2-HMAC-SHA512, SQLCipher 4's key derivation, as one non-generic function.
//!
//! A generic function is compiled in the crate that names its types: called from praxis
//! itself, the derivation was compiled unoptimised in a debug build, and spent 1.7 s on
//! each unlock. Named here, in a crate of its own, it is compiled once, optimised in
//! every build (see `[profile.dev.package.praxis-kdf]`), at the same cost in rounds.

/// Fills `out` with PBKDF2-HMAC-SHA512 of `passphrase` and `salt` over `rounds` rounds.
pub fn pbkdf2_hmac_sha512(passphrase: &[u8], salt: &[u8], rounds: u32, out: &mut [u8]) {
    pbkdf2::pbkdf2_hmac::<sha2::Sha512>(passphrase, salt, rounds, out);
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_rfc_vector_holds() {
        // PBKDF2-HMAC-SHA512, "password" / "salt", 1 round (RFC 6070's inputs; the
        // SHA-512 value as published with them for SHA-2).
        let mut out = [0u8; 64];
        super::pbkdf2_hmac_sha512(b"password", b"salt", 1, &mut out);
        assert_eq!(out[..4], [0x86, 0x7f, 0x70, 0xcf]);
    }
}
