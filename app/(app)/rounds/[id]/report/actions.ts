"use server";

import { db } from "@/db";
import { saveReportDraft } from "@/db/queries/reports";
import { getRound } from "@/db/queries/rounds";
import { createSnapshot } from "@/db/queries/snapshots";
import { defineAction } from "@/server/action";
import { todayISO } from "@/lib/deadline-state";
import { AppError } from "@/lib/errors";
import { reportDraftFormSchema, snapshotFormSchema } from "@/lib/validations/report";

function existingRound(roundId: number) {
  const round = getRound(db, { id: roundId });
  if (!round) throw new AppError("NOT_FOUND", "未找到该轮次");
  return round;
}

export const saveReportDraftAction = defineAction({
  permission: "report.manage",
  schema: reportDraftFormSchema,
  run: ({ actor, input }) => {
    const round = existingRound(input.roundId);
    db.transaction((tx) => saveReportDraft(tx, { actorId: actor.id, roundId: round.id, texts: input.texts }));
    return { redirectTo: `/rounds/${round.id}/report` };
  },
});

export const createSnapshotAction = defineAction({
  permission: "report.manage",
  schema: snapshotFormSchema,
  revalidate: ["/reports"],
  run: ({ actor, input }) => {
    const round = existingRound(input.roundId);
    const today = todayISO();
    const snapshot = db.transaction((tx) =>
      createSnapshot(tx, { actorId: actor.id, roundId: round.id, asOf: input.asOf ?? today, label: input.label, today }),
    );
    return `已冻结截至 ${snapshot!.asOf} 的整改台账`;
  },
});
