import Foundation
import Testing
import SandboxText

/// The NFKC shortcut the reader uses (`ScalarClass.nfkc`) against Foundation's NFKC.
@Suite struct ScalarClassTests {
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Every BMP scalar alone, and after a Latin letter (where a combining mark composes):
    /// the shortcut gives Foundation's NFKC scalar for scalar.
    @Test func nfkcEqualsFoundationOverTheBMP() {
        var differences: [UInt32] = []
        for v in UInt32(0)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }  // surrogates
            for s in [String(u), "e" + String(u), String(u) + "a"] where Self.scalars(ScalarClass.nfkc(s)) != Self.scalars(s.precomposedStringWithCompatibilityMapping) {
                differences.append(v)
            }
        }
        #expect(differences == [])
    }

    @Test func whichScalarsMayChange() {
        let may = "：，（）\u{3000}\u{A0}①㈱²ﬁ\u{301}\u{F900}".unicodeScalars.map(ScalarClass.mayChangeUnderNFKC)
        #expect(may == Array(repeating: true, count: 12))
        let stable = "申、。【】〔〕“”—a1".unicodeScalars.map(ScalarClass.mayChangeUnderNFKC)
        #expect(stable == Array(repeating: false, count: 12))
    }

    @Test func widthFoldingIsTheCommonCaseOnly() {
        #expect(ScalarClass.widthFolded("（一）申请机构：Ａ　银行") == "(一)申请机构:A 银行")
        #expect(ScalarClass.widthFolded("①申请机构") == nil)  // circled digit: Foundation's NFKC
        #expect(ScalarClass.nfkc("①申请机构：") == "1申请机构:")
        #expect(ScalarClass.nfkc("申请机构") == "申请机构")
    }

    @Test func stringFromScalars() {
        let s = String(scalars: Array("申a𠀀é".unicodeScalars))
        #expect(Array(s.utf8) == [0xE7, 0x94, 0xB3, 0x61, 0xF0, 0xA0, 0x80, 0x80, 0xC3, 0xA9])
        #expect(String(scalars: [Unicode.Scalar]()) == "")
    }
}

/// The scalar-level trim against Foundation's `trimmingCharacters(in: .whitespaces)`.
@Suite struct HorizontalSpaceTests {
    @Test func trimEqualsFoundation() {
        var texts = ["", " ", "\t申请 机构\u{3000}", "\u{A0}a b\u{202F}", "\n申请\n", "\u{200B}x\u{200B}", "\u{180E}y", "\u{2028}z"]
        for v in UInt32(0)...0x3000 { if let u = Unicode.Scalar(v) { texts.append("\(u)中\(u)") } }
        let differing = texts.filter { ScalarClass.trimmingHorizontalSpace($0) != $0.trimmingCharacters(in: .whitespaces) }
        #expect(differing == [])
        #expect(ScalarClass.trimmingHorizontalSpace("\t申请 机构\u{3000}") == "申请 机构")
        #expect(ScalarClass.trimmingHorizontalSpace("\n申请\n") == "\n申请\n")
    }
}
