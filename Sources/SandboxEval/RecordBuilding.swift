import Foundation
import SandboxSchema

/// Shared checks and record building for every reader.
enum RecordBuilding {
    /// The record's id from `key`, or a problem naming the key.
    static func id(_ object: [String: JSONValue], key: String = "id") -> Result<String, RecordProblem> {
        guard let value = object[key], !value.isNull else {
            return .failure(RecordProblem(message: "missing \"\(key)\""))
        }
        guard let id = value.stringValue, !id.isEmpty else {
            return .failure(RecordProblem(message: "\"\(key)\" must be a non-empty string, found \(value.typeName)"))
        }
        return .success(id)
    }

    /// A record from an object of the LABELS.md §5 shape (extra keys ignored). Missing or
    /// `null` label keys mean "no label". Gold records carry no evidence.
    static func record(fromObject object: [String: JSONValue]) -> Result<GoldRecord, RecordProblem> {
        do throws(RecordProblem) {
            let id = try Self.id(object).get()
            var record = GoldRecord(id: id)
            for family in ScoredFamily.allCases {
                let key = family.rawValue
                let value = object[key] ?? .null
                if family.isMultiLabel {
                    switch value {
                    case .null: break
                    case let .array(items):
                        var labels: Set<String> = []
                        for item in items {
                            guard let s = item.stringValue else {
                                throw RecordProblem(message: "\"\(key)\" must be an array of strings, found \(item.typeName) in it", family: family)
                            }
                            labels.insert(s)
                        }
                        record.setLabels(labels, for: family)
                    default:
                        throw RecordProblem(message: "\"\(key)\" must be an array of strings, found \(value.typeName)", family: family)
                    }
                } else {
                    switch value {
                    case .null: break
                    case let .string(s): record.setLabels([s], for: family)
                    default:
                        throw RecordProblem(message: "\"\(key)\" must be a string or null, found \(value.typeName)", family: family)
                    }
                }
            }
            return .success(record)
        } catch {
            return .failure(error)
        }
    }

    /// Every label id of `record` that LABELS.md does not define, as one problem (families in
    /// canonical order, ids sorted), or `nil` when all are known.
    static func unknownLabels(in record: GoldRecord) -> RecordProblem? {
        var parts: [String] = []
        var firstFamily: ScoredFamily?
        for family in ScoredFamily.allCases {
            for label in record.labels(for: family).sorted() where !LabelScheme.isValid(label, in: family) {
                parts.append("unknown \(family.rawValue) label \"\(label)\"")
                if firstFamily == nil { firstFamily = family }
            }
        }
        guard !parts.isEmpty else { return nil }
        return RecordProblem(message: parts.joined(separator: "; "), family: firstFamily)
    }
}
