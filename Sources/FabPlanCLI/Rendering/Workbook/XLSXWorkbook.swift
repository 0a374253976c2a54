import Foundation
import ZIPFoundation

/// An Office Open XML workbook (.xlsx) with one sheet per `DataTable`: a bold, frozen header row whose names
/// carry the units, numbers as typed numeric cells, text as inline strings. The few XML parts are written
/// here (ECMA-376 Part 1, SpreadsheetML); ZIPFoundation packs them.
enum XLSXWorkbook {
    /// The workbook's bytes. Sheet names are the tables' names (cut to Excel's 31 characters, made unique).
    static func data(_ tables: [DataTable]) throws -> Data {
        let names = sheetNames(tables.map(\.name))
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts: [(String, String)] = [("[Content_Types].xml", contentTypes(tables.count)), ("_rels/.rels", rootRelationships),
                                         ("xl/workbook.xml", workbook(names)), ("xl/_rels/workbook.xml.rels", workbookRelationships(tables.count)),
                                         ("xl/styles.xml", styles)]
        for (i, t) in tables.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", sheet(t))) }
        // A fixed time stamp keeps the file byte-identical for equal reports.
        let stamp = Date(timeIntervalSince1970: 946_684_800)
        for (path, xml) in parts {
            let bytes = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
            }
        }
        guard let data = archive.data else { throw CLIError.io("cannot build the workbook in memory") }
        return data
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func sheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.enumerated().map { i, raw in
            var name = String(raw.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            if name.isEmpty { name = "sheet\(i + 1)" }
            while used.contains(name.lowercased()) { name = String(name.prefix(28)) + "_\(i + 1)" }
            used.insert(name.lowercased())
            return name
        }
    }

    static func contentTypes(_ sheets: Int) -> String {
        header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1...max(sheets, 1)).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "</Types>"
    }

    static var rootRelationships: String {
        header + "<Relationships xmlns=\"\(relationshipsNS)\"><Relationship Id=\"rId1\" "
            + "Type=\"\(officeRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    }

    static func workbook(_ names: [String]) -> String {
        header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(officeRelationships)\"><sheets>"
            + names.enumerated().map { "<sheet name=\"\(xml($0.element))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    static func workbookRelationships(_ sheets: Int) -> String {
        header + "<Relationships xmlns=\"\(relationshipsNS)\">"
            + (0..<sheets).map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(officeRelationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(officeRelationships)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Style 0: default; style 1: bold (the header row).
    static var styles: String {
        header + "<styleSheet xmlns=\"\(main)\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }

    static func sheet(_ t: DataTable) -> String {
        var out = header + "<worksheet xmlns=\"\(main)\"><sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + "<cols>" + t.columns.indices.map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\(max(10, min(48, t.columns[$0].label.count + 2)))\" customWidth=\"1\"/>" }.joined()
            + "</cols><sheetData>"
        out += row(1, t.columns.map { .text($0.label) }, style: 1)
        for (i, r) in t.rows.enumerated() { out += row(i + 2, r, style: 0) }
        return out + "</sheetData></worksheet>"
    }

    static func row(_ number: Int, _ cells: [DataCell], style: Int) -> String {
        var out = "<row r=\"\(number)\">"
        for (j, c) in cells.enumerated() {
            let ref = column(j) + String(number)
            let s = style == 0 ? "" : " s=\"\(style)\""
            switch c {
            case .number(let x) where x.isFinite: out += "<c r=\"\(ref)\"\(s)><v>\(x)</v></c>"
            case .number(let x): out += "<c r=\"\(ref)\"\(s) t=\"inlineStr\"><is><t>\(Fmt.raw(x))</t></is></c>"
            case .text(let text): out += "<c r=\"\(ref)\"\(s) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xml(text))</t></is></c>"
            case .empty: continue
            }
        }
        return out + "</row>"
    }

    /// Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA.
    static func column(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    /// XML text: escaped, without the control characters XML 1.0 forbids.
    static func xml(_ s: String) -> String {
        esc(String(s.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }.map(Character.init)))
    }
}
