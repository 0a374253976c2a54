@testable import FabPlanCLI
import Testing

/// The rendering building blocks, each against a result worked out by hand.
@Suite struct RenderingUnitTests {
    @Test func wrapBreaksAtWordsThenAfterHyphensAndSlashes() {
        // "capacity" fits; "bacninh-test/tape-reel" (22) does not: cut after the last '-' or '/' within 12
        // characters ("bacninh-", then "test/tape-"), and "reel 2030" (9) fits on one line.
        #expect(TextTable.wrap("capacity bacninh-test/tape-reel 2030", to: 12) == ["capacity", "bacninh-", "test/tape-", "reel 2030"])
        #expect(TextTable.wrap("a\nb c", to: 10) == ["a", "b c"])
    }

    @Test func tableNarrowsTextColumnsAndWrapsTheirCells() {
        // Natural widths 16 + 2 + 5 = 23 > 14: the text column shrinks to 14 - 2 - 5 = 7 (its longest word is 5),
        // "alpha beta gamma" wraps to three lines; the number stays whole and right-aligned.
        var t = TextTable("", header: ["name", "value"], width: 14)
        t.add(["alpha beta gamma", "1,234"])
        #expect(t.render() == "name     value\n-------  -----\nalpha    1,234\nbeta\ngamma\n")
    }

    @Test func tableWithoutLimitKeepsNaturalWidths() {
        var t = TextTable("T", header: ["k", "v"], width: nil)
        t.add(["long text cell", "12.5%"])
        #expect(t.render() == "T\nk                   v\n--------------  -----\nlong text cell  12.5%\n")
    }

    @Test func numberFormsForTablesAxesAndTools() {
        #expect(Fmt.n(1_234_567.891, 2) == "1,234,567.89")
        #expect(Fmt.n(-0.004, 2) == "0.00")
        // 1.25e9 -> 1.25 with G; 350e3 -> a whole 350 with k.
        #expect(Fmt.short(1_250_000_000) == "1.25 G")
        #expect(Fmt.short(350_000) == "350 k")
        #expect(Fmt.short(-12) == "-12")
        #expect(Fmt.tools(3, mode: "mip") == "3")
        #expect(Fmt.tools(2.5, mode: "lp") == "2.50")
    }

    @Test func scaleTicksAreRoundSteps() {
        // Range 0...87 in about 5 steps: 17.4 rounds up to 20, the top to 100; 50 maps halfway down 100 -> 0.
        let s = LinearScale(covering: [0, 87], from: 100, to: 0)
        #expect(s.ticks == [0, 20, 40, 60, 80, 100])
        #expect(abs(s(50) - 50) < 1e-12)
    }

    @Test func columnNamesCarryUnits() {
        #expect(DataColumn("capital spend", "USD").csvName == "capital_spend_USD")
        #expect(DataColumn("capital spend", "USD").label == "capital spend (USD)")
        #expect(DataColumn("P(meet demand)", "probability").csvName == "P_meet_demand_probability")
    }

    @Test func workbookCellsAreTypedAndEscaped() {
        #expect(XLSXWorkbook.column(0) == "A" && XLSXWorkbook.column(25) == "Z" && XLSXWorkbook.column(26) == "AA")
        // 26 + 26 * 26 = 702 two-letter columns end at index 701 (ZZ).
        #expect(XLSXWorkbook.column(701) == "ZZ" && XLSXWorkbook.column(702) == "AAA")
        let row = XLSXWorkbook.row(2, [.text("a&b"), .number(1.5), .empty, .number(.infinity)], style: 0)
        #expect(row == "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">a&amp;b</t></is></c>"
            + "<c r=\"B2\"><v>1.5</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>inf</t></is></c></row>")
        #expect(XLSXWorkbook.sheetNames(["a/b", "A_b", ""]) == ["a_b", "A_b_2", "sheet3"])
    }

    @Test func csvTableQuotesWhatNeedsIt() {
        var t = DataTable("x", [DataColumn("name"), DataColumn("n", "units")])
        t.add([.text("a, \"b\""), .number(2)])
        #expect(t.csv() == "name,n_units\n\"a, \"\"b\"\"\",2.0\n")
    }
}
