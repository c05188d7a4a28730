import Foundation
import SandboxSchema
import Testing
@testable import SandboxStats

@Suite struct RendererTests {
    let table = Table(id: "t", title: "T", header: ["city", "n", "note"],
                      rows: [["北京", "17", "a|b"], ["xiongan", "5", "say \"hi\", ok"]], numericColumns: [1])

    @Test func displayWidthCountsCJKDouble() {
        #expect(TableRenderer.displayWidth("北京") == 4)
        #expect(TableRenderer.displayWidth("beijing 北京") == 12)
        #expect(TableRenderer.displayWidth("（三批）") == 8)
    }

    @Test func textAlignsByDisplayWidth() {
        #expect(TableRenderer.text(table) == """
        T
        city      n  note
        -------  --  ------------
        北京     17  a|b
        xiongan   5  say "hi", ok

        """)
    }

    @Test func markdownEscapesPipes() {
        #expect(TableRenderer.markdown(table) == """
        ### T

        | city | n | note |
        |---|---:|---|
        | 北京 | 17 | a\\|b |
        | xiongan | 5 | say "hi", ok |

        """)
    }

    @Test func csvQuotes() {
        #expect(TableRenderer.csv(table) == "city,n,note\r\n北京,17,a|b\r\nxiongan,5,\"say \"\"hi\"\", ok\"\r\n")
    }

    @Test func jsonTableIsArrayOfObjects() throws {
        let decoded = try JSONDecoder().decode([[String: String]].self, from: Data(TableRenderer.json(table).utf8))
        #expect(decoded == [["city": "北京", "n": "17", "note": "a|b"], ["city": "xiongan", "n": "5", "note": "say \"hi\", ok"]])
    }

    @Test func comparisonTableRows() throws {
        let c = try Fixture.compare(try Fixture.small())
        let t = c.table(includeIDs: true)
        #expect(t.header == ["id", "figure", "published", "ours", "difference", "explanation", "ids"])
        #expect(t.rows.count == 26)
        let row = try #require(t.rows.first { $0[0] == "beijing_blockchain_by_batch" })
        #expect(Array(row[2...4]) == ["1 / 2 / 4", "1 / 1 / 0", "0 / 1 / 4"])
        #expect(row[6] == "beijing-2020-b1-01 / beijing-2020-b2-02 / ")
    }

    @Test(arguments: OutputFormat.allCases)
    func wholeReportRendersInEveryFormat(format: OutputFormat) throws {
        let report = StatsReport.make(records: try Fixture.small(), published: try Fixture.published(), coverage: try Fixture.coverage())
        let out = report.render(format)
        #expect(out.contains("city_beijing"))
        switch format {
        case .json:
            // Keys are snake_case, like records.jsonl and the eval report.
            #expect(out.contains("\"record_count\""))
            #expect(!out.contains("\"recordCount\""))
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let back = try decoder.decode(StatsReport.self, from: Data(out.utf8))
            #expect(back == report)
        case .csv:
            #expect(out.hasPrefix("# published_vs_ours\r\nid,figure,published,ours,difference,explanation,ids\r\n"))
            #expect(out.contains("# inclusive_share_by_city\r\n"))
        case .md:
            #expect(out.contains("| city_beijing | Beijing (three batches: 2020-01, 2020-06, 2020-12-25) | 22 | 3 | 19 |"))
        case .text:
            #expect(out.contains("gap: 64 - 59 = 5 (financial_service 33 - 30 = 3, technology_product 31 - 29 = 2)"))
        }
    }
}
