import type { Metadata } from "next";
import { db } from "@/db";
import { roundSummaryWhileUnchanged } from "@/db/queries/summary";
import { todayISO } from "@/lib/deadline-state";
import { MAX_DATA_ROWS, MAX_FILE_BYTES } from "@/lib/ledger-import/read-file";
import { roundFor } from "../round-data";
import { ImportWizard } from "./import-wizard";
import { UpdateWizard } from "./update-wizard";

export const metadata: Metadata = { title: "导入台账" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { round } = await roundFor(params, "plan.manage");
  const summary = roundSummaryWhileUnchanged(db, { roundId: round.id, today: todayISO() })!;
  const limits = `文件不超过 ${MAX_FILE_BYTES / 1024 / 1024} MB、${MAX_DATA_ROWS.toLocaleString("zh-CN")} 行`;
  // A round with a plan takes the file as an update to it; an empty one, as its plan.
  if (summary.problems.total > 0) {
    return (
      <section aria-labelledby="import-title" className="space-y-4">
        <h2 id="import-title" className="font-semibold">
          更新导入整改台账
        </h2>
        <p className="text-sm text-gray-700">
          本轮次已有方案({summary.problems.total} 个问题、{summary.measures.total} 项整改措施)。上传导出后修改过的台账(.xlsx 或 .csv,{limits}),
          按“序号”对应问题、按措施在该问题下的先后对应整改措施,先列出与现有方案的差异:新增的问题和措施,整改措施、牵头单位、责任单位、完成时限、
          问题、方面、牵头领导的变更,逐项的状态变更,以及文件中缺少的行。确认后整体更新;状态变更即整改办销号,逐项记入日志;文件中缺少的行只提示,不删除。
          请不要删除、插入或调换措施行,新增的措施写在该问题已有措施之后;文件中没有的列不比对。
        </p>
        <UpdateWizard roundId={round.id} />
      </section>
    );
  }
  return (
    <section aria-labelledby="import-title" className="space-y-4">
      <h2 id="import-title" className="font-semibold">
        导入整改台账
      </h2>
      <p className="text-sm text-gray-700">
        上传 .xlsx 或 .csv(UTF-8 或 GBK 编码均可),每行一项整改措施,表头为“序号、方面、问题、整改措施、牵头领导、牵头单位、责任单位、完成时限、整改状态、整改情况”,
        列的顺序不限,只有“序号”和“问题”必填。序号相同的行是同一问题的多项措施。{limits}。
        先预览,确认无误后再导入;导入是整体的,有任何错误都不会写入。
      </p>
      <ImportWizard roundId={round.id} />
    </section>
  );
}
