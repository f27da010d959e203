import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/db";
import { beginSurveyAttempt } from "@/db/queries/survey-attempts";
import * as surveyQueries from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";
import { can, refusalMessage, type Actor } from "@/lib/permissions";
import { surveyLimitMessage } from "@/lib/security/survey-limit";
import { DEVICE_TOKEN_PATTERN, SURVEY_TOKEN_PATTERN } from "@/lib/survey";
import { surveyAnswerSchema, type CreateSurveyInput } from "@/lib/validations/survey";
import { fieldErrorsOf } from "@/server/action";

// 群众满意度测评: the office's use cases and the public's answer. Each opens its transaction;
// db/queries/surveys.ts checks the survey's state and writes the audit row.

function allowed(actor: Actor): void {
  if (!can(actor, "survey.manage")) throw new AppError("FORBIDDEN", refusalMessage(actor));
}

export function createSurvey(actor: Actor, input: CreateSurveyInput) {
  allowed(actor);
  // 18 random bytes: a link nobody guesses; the salt never leaves the server.
  const token = randomBytes(18).toString("base64url");
  const salt = randomBytes(16).toString("hex");
  return db.transaction((tx) => surveyQueries.createSurvey(tx, { actorId: actor.id, input, token, salt }));
}

export function setSurveyState(actor: Actor, input: { surveyId: number; state: "open" | "closed" }) {
  allowed(actor);
  return db.transaction((tx) => surveyQueries.setSurveyState(tx, { actorId: actor.id, ...input }));
}

/** A value hashed with the survey's salt: the same device or address reads differently in every survey. */
function saltedHash(salt: string, kind: "device" | "address", value: string): string {
  return createHash("sha256").update(`${salt}\u0000${kind}\u0000${value}`).digest("hex");
}

export interface PublicAnswer {
  token: string;
  /** The device cookie's value, or null when the browser sent none. */
  deviceToken: string | null;
  /** The client's address, used only for the rate limit's salted hash. */
  address: string;
  contentType: string | null;
  /** The request's body as text (its size already checked by the route). */
  body: string;
  now?: number;
}

/** The public survey a link names, or undefined for a malformed or unknown token. */
export function findPublicSurvey(token: string) {
  if (!SURVEY_TOKEN_PATTERN.test(token)) return undefined;
  return surveyQueries.surveyForAnswer(db, { token });
}

/**
 * The public's answer. The attempt is counted against the address first, in its own
 * transaction, so that a refused answer (a repeat, a malformed body) counts as well — as a
 * failed sign-in does; then the body is read and the answer recorded.
 */
export function answerSurvey(answer: PublicAnswer): { id: number } {
  const survey = findPublicSurvey(answer.token);
  if (!survey) throw new AppError("NOT_FOUND", "问卷不存在或链接有误,请核对链接");
  const now = answer.now ?? Date.now();
  const addressHash = saltedHash(survey.salt, "address", answer.address);
  const { waitMinutes } = db.transaction((tx) => beginSurveyAttempt(tx, { surveyId: survey.id, addressHash, now }));
  if (waitMinutes > 0) throw new AppError("RATE_LIMITED", surveyLimitMessage(waitMinutes));
  if (!answer.deviceToken || !DEVICE_TOKEN_PATTERN.test(answer.deviceToken)) {
    throw new AppError("VALIDATION", "无法识别本设备:请允许浏览器保存 Cookie,然后从问卷链接重新打开并提交");
  }
  const input = parseAnswer(answer.contentType, answer.body);
  const deviceHash = saltedHash(survey.salt, "device", answer.deviceToken);
  return db.transaction((tx) =>
    surveyQueries.recordSurveyResponse(tx, { surveyId: survey.id, deviceHash, answers: input.answers, comment: input.comment }),
  );
}

function parseAnswer(contentType: string | null, body: string) {
  if (!contentType?.includes("application/json")) throw new AppError("VALIDATION", "提交的格式不正确,请从问卷页面提交");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new AppError("VALIDATION", "提交的内容不完整,请重新提交");
  }
  const parsed = surveyAnswerSchema.safeParse(json);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "提交的内容有误", fieldErrorsOf(parsed.error));
  return parsed.data;
}
