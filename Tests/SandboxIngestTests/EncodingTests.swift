import Testing
@testable import SandboxIngest

@Suite struct EncodingTests {
    let head = Array("<html><head><meta charset=\"gb2312\"><title>t</title></head><body><p>".utf8)
    let tail = Array("</p></body></html>".utf8)

    @Test func gbkBytesLabelledGB2312AreReadAsGB18030() throws {
        // 中文 (GB2312) + 镕 (E9 46, a GBK-only character).
        let bytes = head + [0xD6, 0xD0, 0xCE, 0xC4, 0xE9, 0x46] + tail
        let decision = EncodingSniffer.decide(bytes)
        #expect(decision == EncodingDecision(declared: "gb2312", used: "GB18030", bomLength: 0, warnings: []))
        let doc = try HTMLDocument.parse(bytes: bytes, encoding: decision.used)
        #expect(doc.root?.descendants { $0.name == "p" }.first?.textContent == "中文镕")
    }

    @Test func utf8BytesWithAGB2312LabelKeepAConflictWarning() {
        let bytes = head + Array("中文".utf8) + tail
        #expect(EncodingSniffer.decide(bytes) == EncodingDecision(
            declared: "gb2312", used: "UTF-8", bomLength: 0,
            warnings: ["charset_conflict: page declares gb2312 but its bytes are UTF-8; decoded as UTF-8"]))
    }

    @Test func undeclaredNonUTF8IsGB18030AndBOMDecides() {
        #expect(EncodingSniffer.decide([0x3C, 0x70, 0x3E, 0xD6, 0xD0]).used == "GB18030")
        #expect(EncodingSniffer.decide([0xEF, 0xBB, 0xBF, 0x3C]) == EncodingDecision(declared: nil, used: "UTF-8", bomLength: 3, warnings: []))
        #expect(EncodingSniffer.decide([0xFF, 0xFE, 0x3C, 0x00]).used == "UTF-16LE")
    }

    @Test func declaredCharsetForms() {
        #expect(EncodingSniffer.declaredCharset(Array("<meta http-equiv=Content-Type content=\"text/html; charset=GBK\">".utf8)) == "gbk")
        #expect(EncodingSniffer.declaredCharset(Array("<?xml version=\"1.0\" encoding=\"GB18030\"?>".utf8)) == "gb18030")
        #expect(EncodingSniffer.declaredCharset(Array("<p>no label</p>".utf8)) == nil)
    }

    @Test func utf8Validation() {
        #expect(EncodingSniffer.isValidUTF8(Array("中文 ok".utf8)))
        #expect(!EncodingSniffer.isValidUTF8([0xD6, 0xD0]))
        #expect(!EncodingSniffer.isValidUTF8([0xC0, 0x80]))  // overlong NUL
        #expect(!EncodingSniffer.isValidUTF8([0xE4, 0xB8]))  // truncated
    }
}

@Suite struct UTF16WithoutBOMTests {
    @Test func sniffedFromTheFirstCharacter() {
        let le = Array("<html>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array("<html>".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(EncodingSniffer.decide(le).used == "UTF-16LE")
        #expect(EncodingSniffer.decide(be).used == "UTF-16BE")
        #expect(EncodingSniffer.decide(Array("<html>".utf8)).used == "UTF-8")
    }

    /// Big5's ETEN extension (①, ⑴, kana): glibc's converter gives private-use code points
    /// (0xC7E9 → U+F796), which are mapped to the characters the bytes stand for.
    @Test func big5EtenExtensionDecodesToItsCharacters() throws {
        let r = try Transcoder.toUTF8([0xC7, 0xE9, 0xC7, 0xF3, 0xC6, 0xA4, 0xA6, 0xCA], from: "BIG5")
        #expect(String(decoding: r.utf8, as: UTF8.self) == "①⑴々百")
        #expect(r.replaced == 0)
        #expect(Transcoder.etenCharacters.count == 249)
        // Counter-example: a private-use character written as UTF-8 stays as it is.
        #expect(try Transcoder.toUTF8(Array("\u{F796}百".utf8), from: "UTF-8").utf8 == Array("\u{F796}百".utf8))
    }
}
