import Link from "@/components/link";
import { Table, Td, Th } from "@/components/ui/table";
import { REPROOF_INTERVAL_LABELS, type ReproofInterval, type ReproofState } from "@/lib/reproof";

interface DueReproofRow {
  id: number;
  text: string;
  roundId: number;
  roundName: string;
  leadUnitId: number | null;
  leadUnitName: string | null;
  interval: ReproofInterval;
  lastProof: string | null;
  nextDue: string | null;
  state: ReproofState;
}

const LINK = "text-brand-700 underline-offset-2 hover:underline";

/**
 * 催报's list of 并长期坚持 measures whose re-proof is due (or due soon): the office chases a
 * unit with a 督办单 prefilled with its round and unit.
 */
export function ReproofTable({ rows }: { rows: DueReproofRow[] }) {
  return (
    <section aria-labelledby="reproof-title" className="space-y-2">
      <h2 id="reproof-title" className="font-semibold">
        长期坚持措施待复证({rows.length} 项)
      </h2>
      <p className="text-sm text-gray-600">标注“并长期坚持”的措施销号后,须按整改办为该措施设定的周期(默认每季度)再次报送佐证材料(复证);单位在措施页报送“已完成”并附佐证,整改办销号后顺延下次复证日期。</p>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-600">暂无到期或临期的复证。</p>
      ) : (
        <Table caption="长期坚持措施待复证">
          <thead>
            <tr>
              <Th>轮次</Th>
              <Th>整改措施</Th>
              <Th>牵头单位</Th>
              <Th>复证周期</Th>
              <Th>上次复证</Th>
              <Th>应复证日期</Th>
              <Th>操作</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>{r.roundName}</Td>
                <Td className="max-w-md">
                  <Link href={`/measures/${r.id}`} className={LINK}>
                    {r.text}
                  </Link>
                </Td>
                <Td>{r.leadUnitName ?? "—"}</Td>
                <Td className="whitespace-nowrap">{REPROOF_INTERVAL_LABELS[r.interval]}</Td>
                <Td>{r.lastProof ?? "—"}</Td>
                <Td className={`whitespace-nowrap ${r.state === "due" ? "font-medium text-red-700" : "text-amber-700"}`}>
                  {r.nextDue}
                  {r.state === "due" ? "(已到期)" : "(临期)"}
                </Td>
                <Td>
                  {r.leadUnitId !== null ? (
                    <Link href={`/notices/new?round=${r.roundId}&unit=${r.leadUnitId}`} className={LINK} aria-label={`催${r.leadUnitName ?? ""}复证:${r.text.slice(0, 20)}`}>
                      发督办单催复证
                    </Link>
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
