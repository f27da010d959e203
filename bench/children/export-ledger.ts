import fs from "node:fs";
import { exportLedger } from "@/server/ledger-transfer";
import { todayISO } from "@/lib/deadline-state";
import { parseListFilter } from "@/lib/validations/list-filter";
import { report } from "./peak";

// The app's export of a round's whole ledger (the function the API and the CLI call).
async function main() {
  const [roundId, out] = [Number(process.argv[2]), process.argv[3]!];
  const started = performance.now();
  const { buffer, rows } = await exportLedger({ roundId, filter: parseListFilter({}), today: todayISO() });
  fs.writeFileSync(out, buffer);
  report({ ms: performance.now() - started, rows, bytes: buffer.length });
}

void main();
