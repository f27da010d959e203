"use server";

import { defineAction } from "@/server/action";
import { freezeLedger, saveBulletinTexts } from "@/server/bulletin-drafts";
import { reportDraftFormSchema, snapshotFormSchema } from "@/lib/validations/report";

export const saveReportDraftAction = defineAction({
  permission: "report.manage",
  schema: reportDraftFormSchema,
  run: ({ actor, input }) => ({ redirectTo: `/rounds/${saveBulletinTexts(actor, input).id}/report` }),
});

export const createSnapshotAction = defineAction({
  permission: "report.manage",
  schema: snapshotFormSchema,
  revalidate: ["/reports"],
  run: ({ actor, input }) => `已冻结截至 ${freezeLedger(actor, input).asOf} 的整改台账`,
});
