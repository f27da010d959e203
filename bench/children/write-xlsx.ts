import fs from "node:fs";
import ExcelJS from "exceljs";
import { db } from "@/db";
import { ledgerRows } from "@/db/queries/ledger";
import { todayISO } from "@/lib/deadline-state";
import { parseListFilter } from "@/lib/validations/list-filter";
import { report } from "./peak";

// Reference for the export: the same ledger query, written by exceljs's streaming writer as
// plain cells (no styles, no layout): what the query and the library alone cost.
async function main() {
  const [roundId, out] = [Number(process.argv[2]), process.argv[3]!];
  const started = performance.now();
  const rows = ledgerRows(db, { roundId, filter: parseListFilter({}), today: todayISO() });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet("整改台账");
  for (const r of rows) {
    sheet
      .addRow([r.problemNumber, r.aspectName, r.problemTitle, r.text, r.leadLeader, r.leadUnitName, r.coUnitNames, r.deadlineText || r.deadline, r.status, r.latestProgress])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  report({ ms: performance.now() - started, rows: rows.length, bytes: fs.statSync(out).size });
}

void main();
