import { createHash, randomBytes } from "node:crypto";
import type { SurveyChoice } from "@/lib/domain";
import { aspectQuestion } from "@/lib/survey";
import type { Tx } from "../client";
import { surveyAnswers, surveyPaperBatches, surveyPaperCounts, surveyQuestions, surveyResponses, surveys } from "../schema";

// The demo's 群众满意度测评: open, one question per aspect, a few dozen answers with comments
// and one batch of paper forms from 新安街道, so a newcomer sees results — online, paper and
// combined — on the round's 满意度测评 tab, the dashboard and the 通报.

const DEMO_RESPONSES = 36;
const COMMENTS = [
  "学校周边交通秩序明显好转,希望长期坚持。",
  "办事窗口效率提高了,但部分事项仍需多次跑腿。",
  "希望整改情况多在社区公开,让群众看得见。",
  "老旧小区改造进度偏慢,建议加快。",
];

/** A spread that reads like a county's real results: mostly satisfied, some not, a few unsure. */
function demoChoice(response: number, question: number): SurveyChoice {
  const n = (response * 7 + question * 3) % 20;
  if (n < 11) return "satisfied";
  if (n < 16) return "basically_satisfied";
  if (n < 18) return "dissatisfied";
  return "unknown";
}

/** 新安街道's pile of 24 forms, tallied per question: [满意, 基本满意, 不满意, 不了解]; the rest left it blank. */
const PAPER_FORMS = 24;
const PAPER_TALLY: readonly (readonly [number, number, number, number])[] = [
  [15, 6, 1, 2],
  [12, 7, 2, 1],
  [14, 5, 1, 3],
  [11, 8, 3, 0],
];

export function seedDemoSurvey(
  tx: Tx,
  params: { roundId: number; roundName: string; createdById: string; aspects: { id: number; name: string }[]; paperCollectedOn: string },
) {
  const salt = randomBytes(16).toString("hex");
  const survey = tx
    .insert(surveys)
    .values({
      roundId: params.roundId,
      title: `${params.roundName}群众满意度测评`,
      intro: "为了解群众对本轮巡察整改成效的评价,请您根据实际感受作答。问卷匿名,约需 2 分钟。",
      token: randomBytes(18).toString("base64url"),
      salt,
      state: "open",
      openedAt: new Date(),
      createdById: params.createdById,
    })
    .returning({ id: surveys.id })
    .get();
  const questionIds = params.aspects.map(
    (aspect, i) =>
      tx
        .insert(surveyQuestions)
        .values({ surveyId: survey.id, position: i + 1, subject: "aspect", aspectId: aspect.id, text: aspectQuestion(aspect.name) })
        .returning({ id: surveyQuestions.id })
        .get().id,
  );
  for (let r = 0; r < DEMO_RESPONSES; r++) {
    const deviceHash = createHash("sha256").update(`${salt}\u0000device\u0000demo-${r}`).digest("hex");
    const comment = r % 9 === 0 ? COMMENTS[(r / 9) % COMMENTS.length]! : "";
    const { id } = tx.insert(surveyResponses).values({ surveyId: survey.id, deviceHash, comment }).returning({ id: surveyResponses.id }).get();
    tx.insert(surveyAnswers).values(questionIds.map((questionId, q) => ({ responseId: id, questionId, choice: demoChoice(r, q) }))).run();
  }
  seedDemoPaperBatch(tx, { surveyId: survey.id, questionIds, createdById: params.createdById, collectedOn: params.paperCollectedOn });
}

function seedDemoPaperBatch(tx: Tx, params: { surveyId: number; questionIds: number[]; createdById: string; collectedOn: string }) {
  const batch = tx
    .insert(surveyPaperBatches)
    .values({ surveyId: params.surveyId, label: "新安街道 第1批", collectedOn: params.collectedOn, forms: PAPER_FORMS, createdById: params.createdById })
    .returning({ id: surveyPaperBatches.id })
    .get();
  const choices = ["satisfied", "basically_satisfied", "dissatisfied", "unknown"] as const;
  const rows = params.questionIds.flatMap((questionId, q) =>
    choices.map((choice, c) => ({ batchId: batch.id, questionId, choice, count: PAPER_TALLY[q % PAPER_TALLY.length]![c]! })).filter((r) => r.count > 0),
  );
  if (rows.length > 0) tx.insert(surveyPaperCounts).values(rows).run();
}
