import { z } from "zod";
import { todayISO } from "@/lib/deadline-state";
import { CLUE_HANDLERS, CLUE_KINDS, CLUE_STAGES, CLUE_TIME_LIMITS } from "@/lib/domain";
import { outcomeRefusal } from "@/lib/clues";
import { emptyToNull, id, isoDate, optionalId, optionalIsoDate, optionalText, text } from "./common";

// 信访件、问题线索: registering an item (by form or one row of an imported workbook) and
// moving it to its next stage. Which stage may follow which is lib/clues.ts's rule, applied
// by the write, which knows the item's current stage.

export const CLUE_NUMBER_MAX = 60;
export const CLUE_TITLE_MAX = 300;
export const CLUE_NOTE_MAX = 2000;
export const HEADCOUNT_MAX = 9999;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// "Today" is read when the input is parsed, not when the module loads: a server runs for days.
const notAfterToday = (label: string) => isoDate(label).refine((v) => !ISO_DAY.test(v) || v <= todayISO(), `${label}不能晚于今天`);

/** The fields of one item, as the form and each imported row give them. */
export const clueFieldsSchema = z
  .object({
    kind: z.enum(CLUE_KINDS, { error: "请选择类别(问题线索或信访件)" }),
    number: text("编号", CLUE_NUMBER_MAX),
    title: text("标题或反映内容摘要", CLUE_TITLE_MAX),
    handler: z.enum(CLUE_HANDLERS, { error: "请选择承办单位(纪委监委、组织部或责任单位)" }),
    handlerUnitId: optionalId("承办的责任单位"),
    receivedDate: notAfterToday("接收日期"),
    timeLimit: z.enum(CLUE_TIME_LIMITS, { error: "请选择办理时限(3个月、6个月、12个月或指定日期)" }),
    dueDate: optionalIsoDate("指定的办结日期"),
  })
  .superRefine((v, ctx) => {
    if (v.handler === "unit" && v.handlerUnitId === null) ctx.addIssue({ code: "custom", path: ["handlerUnitId"], message: "承办单位为责任单位时,请选择具体单位" });
    if (v.timeLimit === "date" && v.dueDate === null) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "办理时限为指定日期时,请填写办结日期" });
    if (v.timeLimit === "date" && v.dueDate !== null && v.dueDate < v.receivedDate) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "指定的办结日期不能早于接收日期" });
    }
  })
  // A unit only when a unit handles it; a date only when the limit is one.
  .transform((v) => ({ ...v, handlerUnitId: v.handler === "unit" ? v.handlerUnitId : null, dueDate: v.timeLimit === "date" ? v.dueDate : null }));

export type ClueFields = z.infer<typeof clueFieldsSchema>;

export const registerClueSchema = z.object({ roundId: id("轮次") }).and(clueFieldsSchema);
export type RegisterClueInput = z.infer<typeof registerClueSchema>;

const headcount = (label: string) =>
  z.preprocess(
    emptyToNull,
    z.coerce
      .number({ error: `${label}应为 0 至 ${HEADCOUNT_MAX} 的整数` })
      .int(`${label}应为整数`)
      .min(0, `${label}不能小于 0`)
      .max(HEADCOUNT_MAX, `${label}不能超过 ${HEADCOUNT_MAX}`)
      .nullable(),
  );

/** Moving an item to its next stage, with the date, a note and (blank = unchanged) the people counts. */
export const advanceClueSchema = z
  .object({
    clueId: id("问题线索"),
    toStage: z.enum(CLUE_STAGES, { error: "请选择下一办理阶段" }),
    changeDate: notAfterToday("办理日期"),
    note: optionalText("办理情况", CLUE_NOTE_MAX),
    peopleHandled: headcount("处理人数"),
    disciplined: headcount("党纪政务处分人数"),
    organizational: headcount("组织处理人数"),
    prosecuted: headcount("移送司法机关人数"),
  })
  .superRefine((v, ctx) => {
    if (v.peopleHandled === null) return;
    const refusal = outcomeRefusal({
      peopleHandled: v.peopleHandled,
      disciplined: v.disciplined ?? 0,
      organizational: v.organizational ?? 0,
      prosecuted: v.prosecuted ?? 0,
    });
    if (refusal) ctx.addIssue({ code: "custom", path: ["peopleHandled"], message: refusal });
  });

export type AdvanceClueInput = z.infer<typeof advanceClueSchema>;

/** The register's round, from the URL: a malformed value shows the round list instead. */
export const clueRoundParamSchema = id("轮次").optional().catch(undefined);
