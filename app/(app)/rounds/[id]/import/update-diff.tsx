import type { ReactNode } from "react";
import { StatusBadge } from "@/components/status-badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { LedgerDiff, LedgerDiffCounts } from "@/lib/ledger-import/ledger-diff";
import { MEASURE_FIELD_LABELS, PROBLEM_FIELD_LABELS } from "@/lib/ledger-import/types";

// The differences an update import would apply, grouped as the office checks them:
// 新增 / 内容变更 / 状态变更 / 文件中缺少, each row with where it is and before → after.

const ROWS_SHOWN = 200;
const where = (problemNumber: number, position: number) => `${problemNumber}.${position}`;
const empty = (text: string) => (text === "" ? <span className="text-gray-400">(空)</span> : text);

export function UpdateCountsLine({ counts }: { counts: LedgerDiffCounts }) {
  return (
    <p className="rounded-md bg-gray-100 px-3 py-2 text-sm" data-testid="update-counts">
      与本轮次现有方案相比:新增 {counts.added} 项,内容变更 {counts.changed} 项,状态变更 {counts.statusChanges} 项,文件中缺少 {counts.missing} 项。
    </p>
  );
}

function Group({ title, count, note, children }: { title: string; count: number; note?: string; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section aria-label={title} className="space-y-1">
      <h3 className="text-sm font-semibold">
        {title}({count} 项)
      </h3>
      {note ? <p className="text-xs text-gray-600">{note}</p> : null}
      {children}
      {count > ROWS_SHOWN ? <p className="text-xs text-gray-500">仅显示前 {ROWS_SHOWN} 项,更新时包含全部 {count} 项。</p> : null}
    </section>
  );
}

export function UpdateDiff({ diff, counts }: { diff: LedgerDiff; counts: LedgerDiffCounts }) {
  const added = [
    ...diff.addedProblems.flatMap((p) =>
      p.measures.map((m, i) => ({ key: where(p.number, i + 1), problem: `${p.title}(新问题)`, measure: m })),
    ),
    ...diff.addedMeasures.map((a) => ({ key: where(a.problemNumber, a.position), problem: "", measure: a.measure })),
  ];
  const changes = [
    ...diff.changedProblems.flatMap((p) =>
      p.changes.map((c) => ({ line: p.line, key: `第 ${p.number} 号问题`, subject: p.title, label: PROBLEM_FIELD_LABELS[c.field], ...c })),
    ),
    ...diff.changedMeasures.flatMap((m) =>
      m.changes.map((c) => ({ line: m.line, key: where(m.problemNumber, m.position), subject: m.text, label: MEASURE_FIELD_LABELS[c.field], ...c })),
    ),
  ];
  const missing = [
    ...diff.missingProblems.map((p) => ({ key: `第 ${p.number} 号问题`, text: `${p.title}(整个问题,${p.measures} 项措施)` })),
    ...diff.missingMeasures.map((m) => ({ key: where(m.problemNumber, m.position), text: m.text })),
  ];
  return (
    <div className="space-y-4">
      <Group title="新增" count={counts.added}>
        <Table caption="新增">
          <thead>
            <tr>
              <Th>行</Th>
              <Th>位置</Th>
              <Th>整改措施</Th>
              <Th>牵头单位</Th>
              <Th>完成时限</Th>
              <Th>整改状态</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {added.slice(0, ROWS_SHOWN).map(({ key, problem, measure }) => (
              <tr key={key}>
                <Td className="text-xs text-gray-500">{measure.line}</Td>
                <Td className="whitespace-nowrap">{key}</Td>
                <Td className="min-w-56">
                  {problem ? <div className="text-xs text-gray-600">{problem}</div> : null}
                  {measure.text}
                </Td>
                <Td className="whitespace-nowrap">{measure.leadUnit ?? "—"}</Td>
                <Td className="whitespace-nowrap">{measure.deadlineText || measure.deadline || "—"}</Td>
                <Td>
                  <StatusBadge status={measure.status} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Group>

      <Group title="内容变更" count={counts.changed}>
        <Table caption="内容变更">
          <thead>
            <tr>
              <Th>行</Th>
              <Th>位置</Th>
              <Th>事项</Th>
              <Th>变更项</Th>
              <Th>原内容</Th>
              <Th>新内容</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {changes.slice(0, ROWS_SHOWN).map((c) => (
              <tr key={`${c.key}-${c.field}`}>
                <Td className="text-xs text-gray-500">{c.line}</Td>
                <Td className="whitespace-nowrap">{c.key}</Td>
                <Td className="min-w-48 text-xs">{c.subject}</Td>
                <Td className="whitespace-nowrap">{c.label}</Td>
                <Td className="min-w-32 text-gray-600 line-through decoration-gray-400">{empty(c.before)}</Td>
                <Td className="min-w-32 font-medium">{empty(c.after)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Group>

      <Group title="状态变更" count={counts.statusChanges} note="确认更新即整改办对这些措施销号(或重新打开),逐项记入日志。">
        <Table caption="状态变更">
          <thead>
            <tr>
              <Th>行</Th>
              <Th>位置</Th>
              <Th>整改措施</Th>
              <Th>原状态</Th>
              <Th>新状态</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {diff.statusChanges.slice(0, ROWS_SHOWN).map((s) => (
              <tr key={where(s.problemNumber, s.position)}>
                <Td className="text-xs text-gray-500">{s.line}</Td>
                <Td className="whitespace-nowrap">{where(s.problemNumber, s.position)}</Td>
                <Td className="min-w-56">{s.text}</Td>
                <Td>
                  <StatusBadge status={s.from} />
                </Td>
                <Td>
                  <StatusBadge status={s.to} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Group>

      <Group title="文件中缺少" count={counts.missing} note="本轮次有、文件中没有的问题和措施。更新导入不会删除它们;如确需删除,请在“录入方案”中逐项处理。">
        <Table caption="文件中缺少">
          <thead>
            <tr>
              <Th>位置</Th>
              <Th>内容</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {missing.slice(0, ROWS_SHOWN).map((m) => (
              <tr key={m.key}>
                <Td className="whitespace-nowrap">{m.key}</Td>
                <Td className="min-w-56">{m.text}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Group>
    </div>
  );
}
