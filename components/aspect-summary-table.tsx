import { Table, Td, Th } from "@/components/ui/table";
import type { StatusCounts } from "@/lib/status";

/** 各方面问题整改情况: every aspect's figures at once, without filtering one at a time. */
export function AspectSummaryTable({ aspects }: { aspects: readonly ({ name: string } & StatusCounts)[] }) {
  if (aspects.length === 0) return null;
  return (
    <details className="mb-4 rounded-lg border border-gray-200 bg-white p-3" open>
      <summary className="cursor-pointer text-sm font-medium text-gray-800">各方面问题整改情况</summary>
      <div className="mt-2">
        <Table caption="各方面问题整改情况">
          <thead>
            <tr>
              <Th>方面</Th>
              <Th className="text-right">问题(个)</Th>
              <Th className="text-right">已完成</Th>
              <Th className="text-right">基本完成</Th>
              <Th className="text-right">未完成</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {aspects.map((a, i) => (
              <tr key={`${i}-${a.name}`}>
                <Td className="min-w-48">
                  第{i + 1}方面 {a.name}
                </Td>
                <Td className="text-right tabular-nums">{a.total}</Td>
                <Td className="text-right tabular-nums">{a.completed}</Td>
                <Td className="text-right tabular-nums">{a.basicallyCompleted}</Td>
                <Td className="text-right tabular-nums">{a.incomplete}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </details>
  );
}
