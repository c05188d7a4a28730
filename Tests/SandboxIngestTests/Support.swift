import Foundation
import SandboxIngest
import SandboxLexicon

/// The repository root (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A page parser with the project's gazetteer and field headings.
let projectParser: PageParser = {
    do {
        let lex = try LexiconLoader.load(directory: repositoryRoot.appendingPathComponent("Lexicons"))
        return PageParser(places: lex.places, fields: lex.fields)
    } catch { fatalError("Lexicons/ failed to load: \(error)") }
}()

/// Parses a corpus page (`Corpus/pages/NAME`).
func corpusPage(_ name: String) throws -> IngestedPage {
    let url = repositoryRoot.appendingPathComponent("Corpus/pages/\(name)")
    let data = try Data(contentsOf: url)
    return try projectParser.parse(bytes: [UInt8](data), file: "pages/\(name)")
}

/// Parses an HTML string given as UTF-8 (or raw bytes).
func parse(_ html: String, file: String = "t.html") throws -> IngestedPage {
    try projectParser.parse(bytes: Array(html.utf8), file: file)
}
