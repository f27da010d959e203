import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { baoanAspects } from "@/db/seed/baoan-2021";
import { IMPORT_FILES } from "@/testing/bad-input-corpus";
import { ledgerXlsx, zipBombXlsx } from "@/testing/hostile-files";
import { findMixedEncoding } from "@/lib/ledger-import/decode";
import { parseLedgerSheet } from "@/lib/ledger-import/parse-plan";
import { readLedgerFile } from "@/lib/ledger-import/read-file";

// The import's file corpus at the library level: every hostile file is refused with its
// Chinese message by the code the API, the import wizard and the CLI all call; a zip bomb
// is refused before it is inflated, so reading it costs (almost) no memory.

/** What the import reports for a file: the reader's refusal or the plan's first error. */
async function verdict(data: Buffer, fileName: string): Promise<string> {
  try {
    const plan = parseLedgerSheet(await readLedgerFile(data, fileName), { feedbackDate: "2026-03-01" });
    return plan.errors.map((e) => e.message).join(";") || "accepted";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("台账导入拒绝有害文件", () => {
  it.each(IMPORT_FILES)("$label", async ({ files, message }) => {
    const [file] = await files();
    expect(await verdict(file!.buffer, file!.name)).toMatch(message);
  });

  it.each([false, true])("压缩炸弹(目录造假:%s)在解压前被拒绝,内存几乎不增长", async (lie) => {
    const bomb = await zipBombXlsx(400, lie);
    expect(bomb.buffer.length).toBeLessThan(2 * 1024 * 1024);
    global.gc?.();
    const before = process.memoryUsage().rss;
    await expect(readLedgerFile(bomb.buffer, bomb.name)).rejects.toThrow(/[\u4e00-\u9fff]/);
    // 400 MB of XML (and exceljs's objects for it) would be several times this.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("正常的 xlsx 照常读取", async () => {
    const sheet = await readLedgerFile(await ledgerXlsx(), "台账.xlsx");
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]!.cells[2]).toBe("理论学习结合实际不够紧密");
  });
});

describe("混合编码的判断不误伤整份单一编码的台账", () => {
  // Every text of the Baoan reference ledger, one line per measure, as Excel saves it.
  const text = baoanAspects
    .flatMap((a) => a.problems.flatMap((p) => p.measures.map((m) => [p.number, a.name, p.title, m.text, m.leadUnit, m.progress].join(","))))
    .join("\r\n");

  it.each(["gbk", "gb18030", "utf8"])("%s", (encoding) => {
    expect(findMixedEncoding(iconv.encode(text, encoding))).toBeNull();
  });
});
