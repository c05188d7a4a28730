import COpenSSL

/// SHA-256 digests through OpenSSL's libcrypto (FIPS 180-4).
public enum SHA256Digest {
    /// The SHA-256 digest of `bytes` as 64 lowercase hexadecimal characters.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let input = Array(bytes)
        input.withUnsafeBufferPointer { buf in
            digest.withUnsafeMutableBufferPointer { out in
                _ = COpenSSL.SHA256(buf.baseAddress, buf.count, out.baseAddress)
            }
        }
        let hexDigits = Array("0123456789abcdef".utf8)
        var chars: [UInt8] = []
        chars.reserveCapacity(64)
        for byte in digest {
            chars.append(hexDigits[Int(byte >> 4)])
            chars.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: chars, as: UTF8.self)
    }
}
