import type { Metadata } from "next";
import { MAX_DATA_ROWS, MAX_FILE_BYTES } from "@/lib/ledger-import/read-file";
import { roundFor } from "../round-data";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "导入台账" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { round } = await roundFor(params, "plan.manage");
  return (
    <section aria-labelledby="import-title" className="space-y-4">
      <h2 id="import-title" className="font-semibold">
        导入整改台账
      </h2>
      <p className="text-sm text-gray-700">
        上传 .xlsx 或 .csv(UTF-8 或 GBK 编码均可),每行一项整改措施,表头为“序号、方面、问题、整改措施、牵头领导、牵头单位、责任单位、完成时限、整改状态、整改情况”,
        列的顺序不限,只有“序号”和“问题”必填。序号相同的行是同一问题的多项措施。文件不超过 {MAX_FILE_BYTES / 1024 / 1024} MB、{MAX_DATA_ROWS.toLocaleString("zh-CN")} 行。
        先预览,确认无误后再导入;导入是整体的,有任何错误都不会写入。
      </p>
      <ImportWizard roundId={round.id} />
    </section>
  );
}
