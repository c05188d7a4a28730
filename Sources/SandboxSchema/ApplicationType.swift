/// `application_type` (LABELS.md §4): as the page states it, never inferred.
public enum ApplicationType: String, SchemaLabel {
    /// 金融服务.
    case financialService = "financial_service"
    /// 科技产品.
    case technologyProduct = "technology_product"
    /// The page does not say.
    case unstated
}
