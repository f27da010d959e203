import { addDays, formatISO } from "date-fns";
import iconv from "iconv-lite";
import { baoanAspects } from "../../db/seed/baoan-2021";
import { STATUS_LABELS, type Status } from "../../lib/domain";
import { problemStatus } from "../../lib/status";

// Import files built from the Baoan reference report (68 measures under 17 problems), with
// deadlines around today so that some are overdue, as an office's real ledger would be.

export const HEADER = ["序号", "方面", "问题", "整改措施", "牵头领导", "牵头单位", "责任单位", "完成时限", "整改状态", "整改情况"];

export interface LedgerFixtureRow {
  cells: string[];
  number: number;
  leadUnit: string;
  deadline: string | null;
  status: Status;
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export function baoanLedgerRows(today = new Date(`${process.env.RECTIFY_TODAY ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`)): LedgerFixtureRow[] {
  return baoanAspects.flatMap((aspect) =>
    aspect.problems.flatMap((problem) =>
      problem.measures.map((m) => {
        const deadline = m.deadlineOffsetDays === null ? null : formatISO(addDays(today, m.deadlineOffsetDays), { representation: "date" });
        const deadlineText = deadline ? chineseDate(deadline) + (m.deadlineKind === "ongoing" ? ",并长期坚持" : "") : m.deadlineText;
        return {
          number: problem.number,
          leadUnit: m.leadUnit,
          deadline,
          status: m.status,
          cells: [
            String(problem.number),
            aspect.name,
            problem.title,
            m.text,
            problem.leadLeader,
            m.leadUnit,
            m.coUnits.join("、"),
            deadlineText,
            STATUS_LABELS[m.status],
            m.progress,
          ],
        };
      }),
    ),
  );
}

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
}

export function csvText(rows: string[][], header = HEADER): string {
  return [csvLine(header), ...rows.map(csvLine)].join("\r\n") + "\r\n";
}

/** As Excel on a Chinese Windows saves "CSV (逗号分隔)": GBK, CRLF. */
export function gbkCsv(rows: string[][], header = HEADER): Buffer {
  return iconv.encode(csvText(rows, header), "gbk");
}

/** The figures the app must show for these rows. */
export function expectedCounts(rows: LedgerFixtureRow[]) {
  const byProblem = new Map<number, Status[]>();
  for (const row of rows) byProblem.set(row.number, [...(byProblem.get(row.number) ?? []), row.status]);
  const tally = (statuses: Status[]) => ({
    total: statuses.length,
    completed: statuses.filter((s) => s === "completed").length,
    basicallyCompleted: statuses.filter((s) => s === "basically_completed").length,
    incomplete: statuses.filter((s) => s === "incomplete").length,
  });
  return {
    problems: tally([...byProblem.values()].map(problemStatus)),
    measures: tally(rows.map((r) => r.status)),
  };
}
