import { Table, Td, Th } from "@/components/ui/table";
import { countStatuses, countsSentence } from "@/lib/status";
import type { LedgerPreview } from "@/server/ledger-transfer";
import type { ImportIssue } from "@/lib/ledger-import/types";
import { problemStatus } from "@/lib/status";

/** What the file would become: counts, per-row errors and warnings, units to be created. */
export function PreviewSummary({ preview }: { preview: LedgerPreview }) {
  const { plan } = preview;
  const problemCounts = countStatuses(plan.problems.map((p) => problemStatus(p.measures.map((m) => m.status))));
  const measureCounts = countStatuses(plan.problems.flatMap((p) => p.measures.map((m) => m.status)));
  return (
    <div className="space-y-3">
      <p className="rounded-md bg-gray-100 px-3 py-2 text-sm" data-testid="preview-counts">
        文件中共 {plan.aspects.length} 个方面;{countsSentence("问题", problemCounts)};{countsSentence("整改措施", measureCounts, "项")}。
      </p>
      {plan.errors.length > 0 ? <Issues title={`错误(${plan.errors.length} 处,须修改后重新上传)`} issues={plan.errors} tone="error" /> : null}
      {plan.warnings.length > 0 ? <Issues title={`提示(${plan.warnings.length} 处,不影响导入)`} issues={plan.warnings} tone="warning" /> : null}
      {preview.newUnits.length > 0 ? (
        <p className="text-sm text-gray-700">
          以下单位尚未建立,导入时将新建在本轮次的被巡视(察)单位之下:<strong>{preview.newUnits.join("、")}</strong>
        </p>
      ) : null}
    </div>
  );
}

/**
 * The opt-in split of 整改措施 cells holding several measures, with the count each choice
 * gives, so the office sees the result before it confirms.
 */
export function SplitMeasuresChoice({
  preview,
  checked,
  disabled,
  onChange,
}: {
  preview: Pick<LedgerPreview, "measures" | "measuresIfSplit">;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <div className="flex items-center gap-2">
        <input
          id="split-measures"
          type="checkbox"
          className="h-4 w-4"
          checked={checked}
          disabled={disabled}
          aria-describedby="split-measures-counts"
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor="split-measures">把一个单元格中的多项措施拆分为多条(一是…二是…、1.…2.…、分号分隔)</label>
      </div>
      <span id="split-measures-counts" className="text-gray-600">
        不拆分:{preview.measures} 项;拆分后:{preview.measuresIfSplit} 项
      </span>
    </div>
  );
}

export function Issues({ title, issues, tone }: { title: string; issues: ImportIssue[]; tone: "error" | "warning" }) {
  return (
    <section aria-label={title} className={tone === "error" ? "text-red-900" : "text-amber-900"}>
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      <Table caption={title}>
        <thead>
          <tr>
            <Th>行</Th>
            <Th>列</Th>
            <Th>说明</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {issues.slice(0, 100).map((issue, index) => (
            <tr key={index}>
              <Td>{issue.line ?? "—"}</Td>
              <Td>{issue.column ?? "—"}</Td>
              <Td>{issue.message}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
