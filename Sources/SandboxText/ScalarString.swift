extension String {
    /// The string of `scalars`, encoded to UTF-8 in one buffer (appending scalars one at a
    /// time to a `String.UnicodeScalarView` was a visible cost in the reader's hot loops).
    @inlinable
    public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var capacity = 0
        for u in scalars { capacity += UTF8.width(u) }
        self.init(unsafeUninitializedCapacity: capacity) { buffer in
            var i = 0
            for u in scalars {
                UTF8.encode(u) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }
}
