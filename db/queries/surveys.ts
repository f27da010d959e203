import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { SURVEY_CHOICES, type SurveyChoice } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { addCounts, aspectQuestion, noChoices, overall, problemQuestion, type CollectedForms, type QuestionCounts, type SurveyFigures } from "@/lib/survey";
import type { CreateSurveyInput } from "@/lib/validations/survey";
import type { Queryable } from "../client";
import { aspects, problems, rounds, surveyAnswers, surveyPaperBatches, surveyPaperCounts, surveyQuestions, surveyResponses, surveys } from "../schema";
import { recordAudit } from "./audit";

// 群众满意度测评: the office's survey of a round and the public's anonymous answers. The
// callers (server/surveys.ts, the public route) have checked who may act; these check the
// survey's state and the answers' questions inside the write's transaction, and write one
// audit row each — an answer by an anonymous actor (actor_id null).

export function surveyOfRound(q: Queryable, params: { roundId: number }) {
  const survey = q.select().from(surveys).where(eq(surveys.roundId, params.roundId)).get();
  if (!survey) return undefined;
  return { ...survey, questions: questionsOf(q, survey.id) };
}

function questionsOf(q: Queryable, surveyId: number) {
  return q
    .select({ id: surveyQuestions.id, position: surveyQuestions.position, text: surveyQuestions.text, subject: surveyQuestions.subject })
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveyQuestions.position))
    .all();
}

/** The round's problems the office may ask about, in their numbers' order. */
export function problemChoices(q: Queryable, params: { roundId: number }) {
  return q
    .select({ id: problems.id, number: problems.number, title: problems.title })
    .from(problems)
    .where(eq(problems.roundId, params.roundId))
    .orderBy(asc(problems.number))
    .all();
}

/** What the public page may show: the title, the intro, the questions' texts. Nothing else. */
export function publicSurvey(q: Queryable, params: { token: string }) {
  const survey = q
    .select({ id: surveys.id, title: surveys.title, intro: surveys.intro, state: surveys.state })
    .from(surveys)
    .where(eq(surveys.token, params.token))
    .get();
  if (!survey) return undefined;
  return { ...survey, questions: questionsOf(q, survey.id).map(({ id, text }) => ({ id, text })) };
}

export function createSurvey(
  tx: Queryable,
  params: { actorId: string; input: CreateSurveyInput; token: string; salt: string },
): { id: number } {
  const { roundId, title, intro, aspectIds, problemIds } = params.input;
  if (!tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.id, roundId)).get()) throw new AppError("NOT_FOUND", "未找到该轮次");
  if (tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.roundId, roundId)).get()) {
    throw new AppError("CONFLICT", "本轮次已有满意度测评,请在下方开放或关闭它");
  }
  const chosenAspects = aspectIds.length
    ? tx.select({ id: aspects.id, name: aspects.name }).from(aspects)
        .where(and(eq(aspects.roundId, roundId), inArray(aspects.id, aspectIds))).orderBy(asc(aspects.position), asc(aspects.id)).all()
    : [];
  const chosenProblems = problemIds.length
    ? tx.select({ id: problems.id, number: problems.number, title: problems.title }).from(problems)
        .where(and(eq(problems.roundId, roundId), inArray(problems.id, problemIds))).orderBy(asc(problems.number)).all()
    : [];
  if (chosenAspects.length !== aspectIds.length) throw new AppError("VALIDATION", "所选的方面不属于本轮次", { aspectIds: ["所选的方面不属于本轮次"] });
  if (chosenProblems.length !== problemIds.length) throw new AppError("VALIDATION", "所选的问题不属于本轮次", { problemIds: ["所选的问题不属于本轮次"] });

  const { id } = tx
    .insert(surveys)
    .values({ roundId, title, intro, token: params.token, salt: params.salt, createdById: params.actorId })
    .returning({ id: surveys.id })
    .get();
  const rows = [
    ...chosenAspects.map((a) => ({ subject: "aspect" as const, aspectId: a.id, problemId: null, text: aspectQuestion(a.name) })),
    ...chosenProblems.map((p) => ({ subject: "problem" as const, aspectId: null, problemId: p.id, text: problemQuestion(p) })),
  ];
  tx.insert(surveyQuestions).values(rows.map((row, i) => ({ ...row, surveyId: id, position: i + 1 }))).run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: "survey.create",
    entity: "survey",
    entityId: id,
    after: { roundId, title, intro, questions: rows.length },
  });
  return { id };
}

/** Opens a draft or closed survey, or closes an open one; anything else is refused. */
export function setSurveyState(tx: Queryable, params: { actorId: string; surveyId: number; state: "open" | "closed" }) {
  const survey = tx.select({ id: surveys.id, roundId: surveys.roundId, state: surveys.state, title: surveys.title }).from(surveys).where(eq(surveys.id, params.surveyId)).get();
  if (!survey) throw new AppError("NOT_FOUND", "未找到该满意度测评");
  if (params.state === "open" && survey.state === "open") throw new AppError("CONFLICT", "该测评已在收集中");
  if (params.state === "closed" && survey.state !== "open") throw new AppError("CONFLICT", "该测评未在收集中,无需关闭");
  const now = new Date();
  tx.update(surveys)
    .set(params.state === "open" ? { state: "open", openedAt: now, closedAt: null } : { state: "closed", closedAt: now })
    .where(eq(surveys.id, survey.id))
    .run();
  recordAudit(tx, {
    actorId: params.actorId,
    action: params.state === "open" ? "survey.open" : "survey.close",
    entity: "survey",
    entityId: survey.id,
    before: { surveyState: survey.state },
    after: { surveyState: params.state, title: survey.title },
  });
  return { id: survey.id, roundId: survey.roundId };
}

/** The survey an answer is for, with its salt for hashing, by its public token. */
export function surveyForAnswer(q: Queryable, params: { token: string }) {
  return q.select({ id: surveys.id, state: surveys.state, salt: surveys.salt }).from(surveys).where(eq(surveys.token, params.token)).get();
}

/**
 * One anonymous answer: the survey must be open, the device must not have answered it, and
 * the answers must cover exactly the survey's questions (none of another survey's, none
 * left out). Audited as written by nobody: the row says an answer came, not from whom.
 */
export function recordSurveyResponse(
  tx: Queryable,
  params: { surveyId: number; deviceHash: string; answers: readonly { questionId: number; choice: SurveyChoice }[]; comment: string },
): { id: number } {
  const survey = tx.select({ state: surveys.state }).from(surveys).where(eq(surveys.id, params.surveyId)).get();
  if (!survey) throw new AppError("NOT_FOUND", "未找到该问卷");
  if (survey.state !== "open") throw new AppError("CONFLICT", survey.state === "closed" ? "本次测评已结束,感谢您的关注" : "本次测评尚未开始");
  const answered = tx
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, params.surveyId), eq(surveyResponses.deviceHash, params.deviceHash)))
    .get();
  if (answered) throw new AppError("CONFLICT", "您已提交过本问卷,每台设备只能提交一次,感谢您的参与");

  const questionIds = new Set(questionsOf(tx, params.surveyId).map((question) => question.id));
  const given = params.answers.map((a) => a.questionId);
  if (new Set(given).size !== given.length) throw new AppError("VALIDATION", "同一道题只能作答一次");
  if (given.some((id) => !questionIds.has(id))) throw new AppError("VALIDATION", "提交的答案中有本问卷没有的题目,请刷新页面后重新填写");
  if (given.length !== questionIds.size) throw new AppError("VALIDATION", "还有题目未作答,请为每道题选择一项");

  const { id } = tx
    .insert(surveyResponses)
    .values({ surveyId: params.surveyId, deviceHash: params.deviceHash, comment: params.comment })
    .returning({ id: surveyResponses.id })
    .get();
  tx.insert(surveyAnswers).values(params.answers.map((a) => ({ responseId: id, questionId: a.questionId, choice: a.choice }))).run();
  recordAudit(tx, {
    actorId: null,
    action: "survey.respond",
    entity: "survey_response",
    entityId: id,
    after: { surveyId: params.surveyId, answers: params.answers.length, commented: params.comment !== "" },
  });
  return { id };
}

/** Each question's answers counted by choice, online and on paper, in the questionnaire's order. */
export function surveyResults(q: Queryable, params: { surveyId: number }): QuestionCounts[] {
  const questions = q
    .select({
      id: surveyQuestions.id,
      text: surveyQuestions.text,
      subject: surveyQuestions.subject,
      // An aspect question is about its aspect; a problem question belongs to its problem's.
      aspectId: sql<number | null>`coalesce(${surveyQuestions.aspectId}, ${problems.aspectId})`,
      aspectName: sql<string | null>`(select ${aspects.name} from ${aspects} where ${aspects.id} = coalesce(${surveyQuestions.aspectId}, ${problems.aspectId}))`,
    })
    .from(surveyQuestions)
    .leftJoin(problems, eq(problems.id, surveyQuestions.problemId))
    .where(eq(surveyQuestions.surveyId, params.surveyId))
    .orderBy(asc(surveyQuestions.position))
    .all();
  const online = q
    .select({ questionId: surveyAnswers.questionId, choice: surveyAnswers.choice, n: sql<number>`count(*)` })
    .from(surveyAnswers)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
    .where(eq(surveyQuestions.surveyId, params.surveyId))
    .groupBy(surveyAnswers.questionId, surveyAnswers.choice)
    .all();
  const paper = q
    .select({ questionId: surveyPaperCounts.questionId, choice: surveyPaperCounts.choice, n: sql<number>`sum(${surveyPaperCounts.count})` })
    .from(surveyPaperCounts)
    .innerJoin(surveyPaperBatches, eq(surveyPaperBatches.id, surveyPaperCounts.batchId))
    .where(eq(surveyPaperBatches.surveyId, params.surveyId))
    .groupBy(surveyPaperCounts.questionId, surveyPaperCounts.choice)
    .all();
  const byChoice = (rows: readonly { questionId: number; choice: SurveyChoice; n: number }[], questionId: number) => {
    const counts = noChoices();
    for (const c of rows) if (c.questionId === questionId && (SURVEY_CHOICES as readonly string[]).includes(c.choice)) counts[c.choice] = c.n;
    return counts;
  };
  return questions.map((question) => {
    const fromOnline = byChoice(online, question.id);
    const fromPaper = byChoice(paper, question.id);
    return { ...question, online: fromOnline, paper: fromPaper, counts: addCounts(fromOnline, fromPaper) };
  });
}

const paperFormsOf = (surveyId: SQL) =>
  sql<number>`(select coalesce(sum(${surveyPaperBatches.forms}), 0) from ${surveyPaperBatches} where ${surveyPaperBatches.surveyId} = ${surveyId})`;
const onlineResponsesOf = (surveyId: SQL) =>
  sql<number>`(select count(*) from ${surveyResponses} where ${surveyResponses.surveyId} = ${surveyId})`;

/** The questionnaires collected: online responses and paper forms (blank ones included). */
export function collectedForms(q: Queryable, params: { surveyId: number }): CollectedForms {
  const row = q.select({ online: onlineResponsesOf(sql`${surveys.id}`), paper: paperFormsOf(sql`${surveys.id}`) }).from(surveys).where(eq(surveys.id, params.surveyId)).get();
  return { online: row?.online ?? 0, paper: row?.paper ?? 0 };
}

/** The comments people left, newest first (the text exactly as typed; pages escape it). */
export function surveyComments(q: Queryable, params: { surveyId: number; limit: number }) {
  return q
    .select({ id: surveyResponses.id, comment: surveyResponses.comment, createdAt: surveyResponses.createdAt })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, params.surveyId), sql`${surveyResponses.comment} != ''`))
    .orderBy(sql`${surveyResponses.id} desc`)
    .limit(params.limit)
    .all();
}

/** The surveys of the given rounds (the dashboard's), with their response counts. */
export function surveysOfRounds(q: Queryable, params: { roundIds: readonly number[] }) {
  if (params.roundIds.length === 0) return [];
  return q
    .select({
      id: surveys.id,
      roundId: surveys.roundId,
      title: surveys.title,
      state: surveys.state,
      responses: onlineResponsesOf(sql`${surveys.id}`),
      paperForms: paperFormsOf(sql`${surveys.id}`),
    })
    .from(surveys)
    .where(inArray(surveys.roundId, [...params.roundIds]))
    .all();
}

/** What the 通报 states of the round's survey: forms collected online and on paper, and the rate. */
export function roundSurveyFigures(q: Queryable, params: { roundId: number }): SurveyFigures | null {
  const survey = q.select({ id: surveys.id }).from(surveys).where(eq(surveys.roundId, params.roundId)).get();
  if (!survey) return null;
  return { ...collectedForms(q, { surveyId: survey.id }), rate: overall(surveyResults(q, { surveyId: survey.id })).rate };
}
