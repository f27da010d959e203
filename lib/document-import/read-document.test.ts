import fs from "node:fs";
import path from "node:path";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { formatNumber } from "./docx-numbering";
import { readDocxText } from "./docx-text";
import { parseDocumentFile, readDocumentText } from "./read-document";

const baoan = fs.readFileSync(path.join(__dirname, "fixtures", "report-baoan-2021.txt"), "utf8");

async function docx(children: (Paragraph | Table)[], numbering = false): Promise<Buffer> {
  const document = new Document({
    numbering: numbering
      ? {
          config: [
            {
              // The official-document outline as Word list levels: 一、 / (一) / 1.
              reference: "outline",
              levels: [
                { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
                { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", alignment: AlignmentType.LEFT },
                { level: 2, format: LevelFormat.DECIMAL, text: "%3.", alignment: AlignmentType.LEFT },
              ],
            },
          ],
        }
      : undefined,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

describe("plain text", () => {
  it("reads UTF-8 (with or without BOM) and GBK alike", async () => {
    const utf8 = Buffer.from(baoan, "utf8");
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const gbk = iconv.encode(baoan, "gbk");
    for (const data of [utf8, withBom, gbk]) expect(await readDocumentText(data, "宝安.TXT")).toBe(baoan);
  });

  it("parses a GBK report the same as the UTF-8 one", async () => {
    const [fromGbk, fromUtf8] = await Promise.all([
      parseDocumentFile(iconv.encode(baoan, "gbk"), "宝安.txt"),
      parseDocumentFile(Buffer.from(baoan), "宝安.txt"),
    ]);
    expect(fromGbk).toEqual(fromUtf8);
    expect(fromGbk.aspects.flatMap((a) => a.problems)).toHaveLength(17);
  });
});

describe(".docx", () => {
  it("keeps paragraph boundaries, line breaks and table cells as lines", async () => {
    const data = await docx([
      new Paragraph("第一方面:落实主体责任不到位"),
      new Paragraph({ children: [new TextRun("(一)关于台账管理不规范的问题"), new TextRun({ text: "一是建立整改台账。", break: 1 })] }),
      new Paragraph("二是逐项对账销号。"),
      new Table({
        rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("完成时限:2021年12月底")] })] })],
      }),
    ]);
    expect(await readDocumentText(data, "方案.docx")).toBe(
      ["第一方面:落实主体责任不到位", "(一)关于台账管理不规范的问题", "一是建立整改台账。", "二是逐项对账销号。", "完成时限:2021年12月底"].join("\n"),
    );
  });

  it("writes Word's automatic numbering into the text, restarting where Word restarts", async () => {
    const item = (text: string, level: number, instance = 0) => new Paragraph({ text, numbering: { reference: "outline", level, instance } });
    const data = await docx(
      [
        item("落实主体责任方面", 0),
        item("关于台账管理不规范的问题", 1),
        new Paragraph("一是建立整改台账。二是逐项对账销号。"),
        item("关于督查检查不到位的问题", 1),
        item("加强督查。", 2),
        item("定期通报。", 2),
        item("党建工作方面", 0),
        item("关于支部建设不规范的问题", 1),
        // A new list instance starts again at 1, as Word's "restart numbering" does.
        item("另起编号的事项", 1, 1),
      ],
      true,
    );
    expect((await readDocumentText(data, "方案.docx")).split("\n")).toEqual([
      "一、落实主体责任方面",
      "（一）关于台账管理不规范的问题",
      "一是建立整改台账。二是逐项对账销号。",
      "（二）关于督查检查不到位的问题",
      "1.加强督查。",
      "2.定期通报。",
      "二、党建工作方面",
      "（一）关于支部建设不规范的问题",
      "（一）另起编号的事项",
    ]);
  });

  it("parses a numbered Word outline into aspects, problems and measures", async () => {
    const item = (text: string, level: number) => new Paragraph({ text, numbering: { reference: "outline", level } });
    const data = await docx(
      [
        item("贯彻落实党中央决策部署方面", 0),
        item("关于理论学习不深入的问题(已完成)", 1),
        new Paragraph("一是加强专题学习。二是建立学习长效机制。"),
        item("全面从严治党方面", 0),
        item("关于“四风”问题仍有发生的问题", 1),
        new Paragraph("整改措施:"),
        item("清退违规发放的津补贴。", 2),
        item("规范公务用车管理。", 2),
      ],
      true,
    );
    const parsed = await parseDocumentFile(data, "整改方案.docx");
    expect(parsed.aspects.map((a) => [a.name, a.problems.map((p) => [p.title, p.status, p.measures])])).toEqual([
      ["贯彻落实党中央决策部署方面", [["关于理论学习不深入的问题", "completed", ["加强专题学习。", "建立学习长效机制。"]]]],
      ["全面从严治党方面", [["关于“四风”问题仍有发生的问题", null, ["清退违规发放的津补贴。", "规范公务用车管理。"]]]],
    ]);
  });

  it("reads the whole Baoan report from a .docx as from its text", async () => {
    const data = await docx(baoan.split("\n").map((line) => new Paragraph(line)));
    const [fromDocx, fromText] = await Promise.all([parseDocumentFile(data, "宝安.docx"), parseDocumentFile(Buffer.from(baoan), "宝安.txt")]);
    expect(fromDocx).toEqual(fromText);
  });
});

describe("Word number formats", () => {
  it.each([
    [1, "chineseCounting", "一"],
    [10, "chineseCounting", "十"],
    [17, "chineseCounting", "十七"],
    [20, "chineseCounting", "二十"],
    [105, "chineseCounting", "一百零五"],
    [115, "chineseCounting", "一百一十五"],
    [3, "chineseLegalSimplified", "叁"],
    [2, "ideographTraditional", "乙"],
    [3, "decimalEnclosedCircle", "③"],
    [4, "decimalEnclosedParen", "⑷"],
    [12, "decimalFullWidth", "１２"],
    [28, "upperLetter", "BB"],
    [14, "lowerRoman", "xiv"],
    [7, "decimal", "7"],
  ])("%i as %s is %s", (n, format, expected) => {
    expect(formatNumber(n, format)).toBe(expected);
  });
});

describe("files that cannot be read get a Chinese reason", () => {
  it.each([
    ["空文件.txt", Buffer.alloc(0), "文件为空"],
    ["只有空白.txt", Buffer.from(" \n\u3000\n"), "文件中没有文字"],
    ["损坏.docx", Buffer.from("这不是一个 Word 文档"), "不是有效的 Word(.docx)文件"],
    ["截断.docx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), "不是有效的 Word(.docx)文件"],
    ["旧版.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), "不支持 .doc 格式"],
    ["扫描件.pdf", Buffer.from("%PDF-1.7"), "不支持 PDF 文件"],
    ["台账.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04]), "不支持的文件类型"],
    ["改了扩展名.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), "这是一个 Word 文档"],
    ["二进制.txt", Buffer.from([0x00, 0x01, 0x02, 0x00, 0x41]), "不是纯文本文件"],
    ["太大.txt", Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), "文件超过 10 MB"],
    ["字数太多.txt", Buffer.from("整改".repeat(130_000)), "文档正文超过 250,000 字"],
  ])("%s", async (name, data, message) => {
    await expect(readDocumentText(data, name)).rejects.toThrow(message);
  });

  it("a zip that is not a Word document", async () => {
    const zip = await docx([new Paragraph("x")]);
    // Same bytes, but the document part renamed: a zip without word/document.xml.
    const broken = Buffer.from(zip.toString("latin1").replaceAll("word/document.xml", "word/dokument.xml"), "latin1");
    await expect(readDocumentText(broken, "方案.docx")).rejects.toThrow("不是有效的 Word(.docx)文件");
  });
});

describe("a zip bomb", () => {
  it("is refused once what it inflates to passes the limit, before mammoth reads it", async () => {
    const zip = await JSZip.loadAsync(await docx([new Paragraph("第一方面:甲")]));
    // 4 MB of one repeated byte deflates to a few KB.
    zip.file("word/media/padding.bin", Buffer.alloc(4 * 1024 * 1024, 0x20));
    const data = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(data.length).toBeLessThan(64 * 1024);
    await expect(readDocxText(data, { maxUnpackedBytes: 1024 * 1024 })).rejects.toThrow("文档解压后过大");
    await expect(readDocxText(data, { maxUnpackedBytes: 8 * 1024 * 1024 })).resolves.toBe("第一方面:甲");
  });
});
