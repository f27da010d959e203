import { describe, expect, it } from "vitest";
import { checkEvidence, checkEvidenceSet, checkFileName } from "@/server/evidence";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))));

const PDF = bytes("%PDF-1.7\n");
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EXE = bytes("MZ", [0x90, 0, 3]);

describe("checkEvidence", () => {
  it.each([
    ["整改会议纪要.pdf", PDF, "application/pdf"],
    ["制度文件.doc", OLE, "application/msword"],
    ["台账.xls", OLE, "application/vnd.ms-excel"],
    ["实施方案.docx", ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["整改台账.XLSX", ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["现场照片.JPG", JPEG, "image/jpeg"],
    ["现场照片.png", PNG, "image/png"],
    ["佐证材料.zip", ZIP, "application/zip"],
  ])("accepts %s by its content", (name, data, mime) => {
    const checked = checkEvidence(name, data);
    expect(checked.mimeType).toBe(mime);
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["验收报告.pdf", EXE, /内容与扩展名不符/],
    ["照片.png", JPEG, /内容与扩展名不符/],
    ["程序.exe", EXE, /类型不允许上传/],
    ["脚本.html", bytes("<script>"), /类型不允许上传/],
    ["无扩展名", PDF, /类型不允许上传/],
    ["空.pdf", new Uint8Array(0), /空文件/],
  ])("refuses %s", (name, data, message) => {
    expect(() => checkEvidence(name, data)).toThrow(message);
  });
});

describe("checkFileName", () => {
  it.each(["../../etc/passwd.pdf", "..\\..\\boot.ini.pdf", "a/b.pdf", "x\u0000.pdf", "..", "....pdf", "报告\n.pdf", ""])("refuses %j", (name) => {
    expect(() => checkFileName(name)).toThrow(/文件名.*不合法/);
  });
  it("keeps an ordinary Chinese name", () => {
    expect(checkFileName(" 2021年第3次整改推进会纪要.pdf ")).toBe("2021年第3次整改推进会纪要.pdf");
  });
});

describe("checkEvidenceSet", () => {
  it("refuses a set over the count limit before looking at any file", () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `${i}.pdf`, data: PDF }));
    expect(() => checkEvidenceSet(many)).toThrow(/最多上传 20 个文件/);
  });
});
