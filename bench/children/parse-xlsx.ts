import fs from "node:fs";
import ExcelJS from "exceljs";
import { report } from "./peak";

// Reference for the import: exceljs alone loading the file, as readLedgerFile calls it.
async function main() {
  const file = process.argv[2]!;
  const started = performance.now();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  report({ ms: performance.now() - started, rows: workbook.worksheets[0]?.rowCount ?? 0 });
}

void main();
