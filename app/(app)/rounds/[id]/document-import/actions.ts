"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { todayISO } from "@/lib/deadline-state";
import { assertMismatchAcknowledged } from "@/lib/document-import/figure-check";
import { confirmDocumentPlan } from "@/server/document-transfer";
import { confirmDocumentImportSchema } from "@/lib/validations/document-import";

// 从文档导入, the last step: the office confirms the outline it corrected in the preview.
// The tree comes from the browser, so defineAction re-validates all of it (zod) after the
// permission check, and the plan is written in one transaction with its audit row.
export const confirmDocumentImportAction = defineAction({
  permission: "plan.manage",
  schema: confirmDocumentImportSchema,
  revalidate: ["/rounds", "/ledger", "/dashboard"],
  run: ({ actor, input }) => {
    assertMismatchAcknowledged(input.plan, input.stated, input.acknowledgeMismatch === "1");
    confirmDocumentPlan({
      roundId: input.roundId,
      plan: input.plan,
      unitMap: input.unitMap,
      source: input.source || "(未命名文档)",
      actorId: actor.id,
      authorId: actor.id,
      today: todayISO(),
    });
    revalidatePath(`/rounds/${input.roundId}`, "layout");
    return { redirectTo: `/rounds/${input.roundId}/plan` };
  },
});
