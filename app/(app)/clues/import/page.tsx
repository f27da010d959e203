import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "@/components/link";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getRound } from "@/db/queries/rounds";
import { listUnits } from "@/db/queries/units";
import { clueRoundParamSchema } from "@/lib/validations/clue";
import { requirePermission } from "@/server/session";
import { ClueImportWizard } from "./clue-import-wizard";

export const metadata: Metadata = { title: "导入信访件、问题线索" };

// The register's import, for its keepers: the round comes from the URL (?round=…).
export default async function ClueImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("clue.manage");
  const asked = (await searchParams).round;
  const roundId = clueRoundParamSchema.parse(Array.isArray(asked) ? asked[0] : asked);
  const round = roundId === undefined ? undefined : getRound(db, { id: roundId });
  if (!round || round.archivedAt) notFound();
  return (
    <>
      <PageHeader
        title="导入信访件、问题线索"
        description={
          <>
            {round.name}:按模板填写后上传,逐行检查无误再确认导入;有任何错误时不导入。{" "}
            <Link href={`/clues?round=${round.id}`} className="text-brand-700 underline">
              返回登记簿
            </Link>
          </>
        }
      />
      <ClueImportWizard roundId={round.id} unitNames={Object.fromEntries(listUnits(db).map((u) => [u.id, u.name]))} />
    </>
  );
}
