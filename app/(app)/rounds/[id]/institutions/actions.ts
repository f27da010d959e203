"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { updateInstitution } from "@/server/institutions";
import { institutionEditSchema } from "@/lib/validations/institution";

// 建章立制: the office (which keeps the plan, plan.manage) edits a rule's 复查日期 and the
// problems it answers. The round's list, the problems' pages and 催报 show both.
export const updateInstitutionAction = defineAction({
  permission: "plan.manage",
  schema: institutionEditSchema,
  revalidate: ["/reporting"],
  run: ({ actor, input }) => {
    const updated = updateInstitution(actor, input);
    revalidatePath(`/rounds/${updated.roundId}/institutions`);
    revalidatePath("/problems/[id]", "page");
    return `已保存《${updated.title}》:复查日期 ${updated.reviewDate},针对 ${updated.problemIds.length} 个问题`;
  },
});
