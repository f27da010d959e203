"use server";

import { revalidatePath } from "next/cache";
import { todayISO } from "@/lib/deadline-state";
import { submitReportSchema } from "@/lib/validations/plan-review";
import { defineAction } from "@/server/action";
import { submitReport } from "@/server/report-review";

// 通报审核: the office submits the 通报 as generated today. The decision and the comment
// threads are the same actions as the plan's (../plan-review/actions.ts).

export const submitReportAction = defineAction({
  permission: "submission.submit",
  schema: submitReportSchema,
  run: ({ actor, input }) => {
    const created = submitReport(actor, { ...input, today: todayISO() });
    revalidatePath(`/rounds/${input.roundId}`, "layout");
    return `已报送整改通报第 ${created.version} 版,等待上级审核`;
  },
});
