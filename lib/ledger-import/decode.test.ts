import { describe, expect, it } from "vitest";
import { decodeText } from "./decode";
import { readLedgerFile } from "./read-file";

// A CSV ledger as Excel saves it on a Chinese Windows machine, with phrases from the Baoan
// report (reference/report-baoan-2021.txt).
const CSV = [
  "序号,问题,整改措施,责任单位",
  "1,关于理论学习结合实际不够紧密的问题,科学确定学习主题,区委宣传部、区委办",
  "2,关于推动经济高质量发展仍有不足的问题,提升研发投入强度,区科技创新局",
].join("\r\n");

// iconv-lite is not installed, so GBK bytes come from inverting the platform's own GB18030
// decoder over the two-byte GBK range; the anchor test below pins it to the real table.
let gbkTable: Map<string, number[]> | undefined;
function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const table = gbkTable;
  return new Uint8Array(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
      const bytes = table.get(char);
      if (!bytes) throw new Error(`no GBK code for ${char}`);
      return bytes;
    }),
  );
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bom: number[], bytes: Uint8Array) => new Uint8Array([...bom, ...bytes]);
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

describe("decodeText", () => {
  it("GBK encoder matches the GBK code table", () => {
    // 序 = D0F2, 号 = BAC5, 问 = CECA, 题 = CCE2 in GB2312/GBK.
    expect([...encodeGbk("序号问题")]).toEqual([0xd0, 0xf2, 0xba, 0xc5, 0xce, 0xca, 0xcc, 0xe2]);
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decodeText(utf8(CSV))).toEqual({ text: CSV, encoding: "utf-8" });
  });

  it("strips a UTF-8 BOM (Excel's “CSV UTF-8”)", () => {
    expect(decodeText(withBom([0xef, 0xbb, 0xbf], utf8(CSV)))).toEqual({ text: CSV, encoding: "utf-8" });
  });

  it("falls back to GB18030 for GBK bytes (Excel's plain “CSV” on Chinese Windows)", () => {
    expect(decodeText(encodeGbk(CSV))).toEqual({ text: CSV, encoding: "gb18030" });
  });

  it("reads UTF-16LE with a BOM (Excel's “Unicode text”)", () => {
    expect(decodeText(withBom([0xff, 0xfe], utf16le(CSV)))).toEqual({ text: CSV, encoding: "utf-16le" });
  });

  it("treats plain ASCII as UTF-8", () => {
    expect(decodeText(utf8("1,2,3"))).toEqual({ text: "1,2,3", encoding: "utf-8" });
  });
});

describe("readLedgerFile on CSV", () => {
  const expected = {
    header: ["序号", "问题", "整改措施", "责任单位"],
    headerLine: 1,
    rows: [
      { line: 2, cells: ["1", "关于理论学习结合实际不够紧密的问题", "科学确定学习主题", "区委宣传部、区委办"] },
      { line: 3, cells: ["2", "关于推动经济高质量发展仍有不足的问题", "提升研发投入强度", "区科技创新局"] },
    ],
  };

  it.each([
    ["UTF-8", utf8(CSV)],
    ["UTF-8 with BOM", withBom([0xef, 0xbb, 0xbf], utf8(CSV))],
    ["GBK", encodeGbk(CSV)],
    ["UTF-16LE, tab-separated", withBom([0xff, 0xfe], utf16le(CSV.replaceAll(",", "\t")))],
  ])("reads %s", async (_name, bytes) => {
    expect(await readLedgerFile(Buffer.from(bytes), "整改台账.csv")).toEqual(expected);
  });

  it("numbers rows as Excel does, counting blank lines and multi-line cells", async () => {
    const text = ["巡察整改台账", "", "序号,问题,整改情况", '1,关于选人用人工作把关不够严的问题,"第一行\n第二行"', "", "2,关于干部监督管理亟待加强的问题,"].join("\n");
    const sheet = await readLedgerFile(utf8(text), "a.CSV");
    expect(sheet.headerLine).toBe(3);
    expect(sheet.rows.map((row) => row.line)).toEqual([4, 6]);
    expect(sheet.rows[0]?.cells[2]).toBe("第一行\n第二行");
  });
});
