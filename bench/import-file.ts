import fs from "node:fs";
import path from "node:path";
import type { Status } from "@/lib/domain";
import { createRandom } from "@/cli/generate/random";
import { textPools } from "@/cli/generate/texts";
import { writeLedgerWorkbook } from "@/lib/ledger-export";
import type { ImportedProblem } from "@/lib/ledger-import/types";

// A 10,000-row ledger in the import template's layout (our own export's), with the
// reference reports' wording: the file an office of a province-wide round would upload.

export const IMPORT_ROWS = 10_000;

export async function ensureImportFile(file: string): Promise<void> {
  if (fs.existsSync(file)) return;
  const random = createRandom(10_000);
  const texts = textPools();
  const units = ["教育局", "卫生健康局", "财政局", "住房和建设局", "交通运输局", "水务局", "审计局", "民政局", "应急管理局", "市场监督管理局"].flatMap((dept) =>
    ["东江市", "南岭市", "西陵市", "北源市"].map((city) => `${city}${dept}`),
  );
  const statuses: Status[] = ["incomplete", "incomplete", "basically_completed", "completed"];
  const problems: ImportedProblem[] = [];
  for (let rows = 0, number = 1; rows < IMPORT_ROWS; number++) {
    const count = Math.min(IMPORT_ROWS - rows, random.int(1, 4));
    const leadUnit = random.pick(units);
    problems.push({
      number,
      title: random.pick(texts.problemTitles),
      aspect: texts.aspects[number % 5]!,
      leadLeader: `市委常委 ${random.pick(["王", "李", "张", "刘"])}某`,
      leadUnit,
      measures: Array.from({ length: count }, () => {
        const month = random.int(1, 12);
        return {
          line: 0,
          text: random.pick(texts.measures),
          leadUnit,
          coUnits: random.chance(0.5) ? [random.pick(units)] : [],
          deadline: null,
          deadlineKind: "date" as const,
          deadlineText: random.chance(0.2) ? `2026年${month}月底,并长期坚持` : `2026年${month}月底`,
          category: "time_limited" as const,
          status: random.pick(statuses),
          progress: random.chance(0.6) ? random.pick(texts.progress) : null,
        };
      }),
    });
    rows += count;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await writeLedgerWorkbook({ title: "压测导入", date: "2026-03-01", problems }));
}
