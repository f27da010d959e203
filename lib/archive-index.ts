import ExcelJS from "exceljs";
import { htmlPage, htmlTable } from "@/lib/archive-documents";

// The package's 目录: every item with its number, title, date, kind and file name (and, for
// evidence, the name it was uploaded under), as a printable page and as a workbook.

export const ARCHIVE_KINDS = ["目录", "整改方案", "整改台账", "台账快照", "整改通报", "佐证材料", "督办单", "回头看", "建章立制", "审计日志"] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

export interface IndexItem {
  kind: ArchiveKind;
  title: string;
  /** The day the item speaks for (YYYY-MM-DD), or "" when it has none. */
  date: string;
  path: string;
  originalName?: string;
}

const HEADERS = ["序号", "类别", "题名", "日期", "文件名", "原文件名"] as const;

function rows(items: readonly IndexItem[]) {
  return items.map((item, i) => [i + 1, item.kind, item.title, item.date, item.path, item.originalName ?? ""] as const);
}

export function indexHtml(params: { roundName: string; packagedAt: string; items: readonly IndexItem[] }): string {
  const subtitle = `${params.roundName} · 共 ${params.items.length} 项 · 生成于 ${params.packagedAt}`;
  return htmlPage("整改资料归档目录", subtitle, htmlTable(HEADERS, rows(params.items)));
}

export async function indexWorkbook(params: { roundName: string; packagedAt: string; items: readonly IndexItem[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("目录", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" },
  });
  sheet.addRow([`${params.roundName} 整改资料归档目录(生成于 ${params.packagedAt})`]);
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow([...HEADERS]).font = { bold: true };
  for (const row of rows(params.items)) sheet.addRow([...row]);
  [6, 10, 48, 12, 56, 32].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
