"use server";

import { createCommonProblemSchema } from "@/lib/validations/common-problem";
import { defineAction } from "@/server/action";
import { createCommonProblem } from "@/server/common-problems";

// 共性问题: its 专项治理 is a round of its own, so the rounds list, the dashboard and the
// units' task lists change with it.
export const createCommonProblemAction = defineAction({
  permission: "commonProblem.manage",
  schema: createCommonProblemSchema,
  revalidate: ["/common-problems", "/rounds", "/dashboard", "/my-tasks"],
  run: ({ actor, input }) => {
    const row = createCommonProblem(actor, input);
    return { redirectTo: `/common-problems/${row.id}?created=1` };
  },
});
