import type { Metadata } from "next";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listInstitutions } from "@/db/queries/institutions";
import { roundFor } from "../round-data";

export const metadata: Metadata = { title: "建章立制" };

// 建章立制: the rules a round's rectification produced, counted as the public progress
// report counts them ("建立完善制度148项"). Units register them with a progress report.
export default async function RoundInstitutionsPage({ params }: { params: Promise<{ id: string }> }) {
  // The layout checks too, but a page is rendered on its own for client navigations.
  const { round } = await roundFor(params, "round.read");
  const rows = listInstitutions(db, { roundId: round.id });
  return (
    <>
      <p className="mb-3 text-sm text-gray-700" aria-live="polite">
        本轮整改共建立完善制度 <strong data-testid="institution-count">{rows.length}</strong> 项。
      </p>
      {rows.length === 0 ? (
        <EmptyState title="尚未登记建章立制成果">责任单位报送整改进展时可一并登记出台的制度(名称、文号、印发日期)。</EmptyState>
      ) : (
        <Table caption="建章立制">
          <thead>
            <tr>
              <Th>序号</Th>
              <Th>制度名称</Th>
              <Th>文号</Th>
              <Th>印发日期</Th>
              <Th>单位</Th>
              <Th>对应整改措施</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((row, index) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap">{index + 1}</Td>
                <Td className="min-w-64 font-medium">{row.title}</Td>
                <Td className="whitespace-nowrap">{row.documentNumber || "—"}</Td>
                <Td className="whitespace-nowrap">{row.issuedDate ?? "—"}</Td>
                <Td className="whitespace-nowrap">{row.unitName ?? "—"}</Td>
                <Td className="min-w-64 text-xs">
                  {row.measureId ? (
                    <Link href={`/measures/${row.measureId}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {row.problemNumber}.{row.position} {row.measureText}
                    </Link>
                  ) : (
                    "—"
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
