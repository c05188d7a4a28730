import SandboxClassify
import SandboxIngest
import SandboxSchema

extension LabelledRecord {
    /// Builds the record of application `app` of page `page` with its `labels`. Page
    /// warnings (`code: message` strings) come first, then the classifier's.
    /// Returns nil when the page lacks what the id needs (city, date, batch).
    /// - Throws: ``ExportError/unknownLabel(recordID:family:id:)`` when a label is not a
    ///   LABELS.md id (lexicons are validated against them, so this means a bug).
    package init?(page: PageInfo, app: ApplicationRecord, labels: Labels, provenance: Provenance) throws(ExportError) {
        guard let id = page.recordID(of: app), let city = app.city ?? page.city, let batch = app.batch ?? page.batch,
              let announced = app.announced ?? page.announced else { return nil }
        func typed<T: SchemaLabel>(_ raw: String, _ family: String) throws(ExportError) -> T {
            guard let value = T(rawValue: raw) else { throw .unknownLabel(recordID: id, family: family, id: raw) }
            return value
        }
        var applicants: [Applicant] = []
        for a in labels.applicants {
            applicants.append(Applicant(name: a.name, kind: try typed(a.kind, "applicants.kind"), term: a.term))
        }
        var scores: [Category: Double] = [:]
        for (k, v) in labels.categoryScores { scores[try typed(k, "category_scores")] = v }
        var technologies: [Technology] = []
        for t in labels.technologies { technologies.append(try typed(t, "technologies")) }
        var markers: [InclusiveMarker] = []
        for m in labels.inclusiveMarkers { markers.append(try typed(m, "inclusive_markers")) }
        let participation: Participation? = try labels.participation.map { (p) throws(ExportError) in try typed(p, "participation") }
        let secondary: Category? = try labels.secondary.map { (c) throws(ExportError) in try typed(c, "secondary") }
        self.init(
            id: id, city: city, batch: batch, announced: announced, position: app.position, name: app.name,
            nameEn: app.nameEnglish, applicants: applicants, applicantsTruncated: app.applicantsTruncated,
            applicationType: try typed(app.applicationType, "application_type"), participation: participation,
            primary: try typed(labels.primary, "primary"), secondary: secondary, categoryScores: scores,
            technologies: technologies, inclusiveMarkers: markers, inclusive: labels.inclusive, evidence: labels.evidence,
            sections: app.sections, warnings: (page.warnings + labels.warnings).map(RecordWarning.init(parsing:)),
            source: SourceInfo(file: page.file, sha256: page.sha256, declaredEncoding: page.encoding.declared,
                               usedEncoding: page.encoding.used),
            provenance: provenance)
    }
}
