import { ROUND_KIND_LABELS, type DeadlineKind, type MeasureCategory, type ReportCycle, type RoundKind, type Status } from "@/lib/domain";
import { problemStatus } from "@/lib/status";
import { isoOf, monthEnd, monthEndText, officeTime, yearOf } from "@/cli/generate/dates";
import { apportion, type Random } from "@/cli/generate/random";
import type { Scale } from "@/cli/generate/scales";
import { LEADER_TITLES, SURNAMES, type TextPools } from "@/cli/generate/texts";
import type { InspectedBody } from "@/cli/generate/units";

// Rounds and their plans (aspects → problems → measures) with deadlines spread around
// today and statuses in the proportions a round of that age has: old rounds are nearly all
// 已完成 (and archived), the newest ones mostly 未完成 with items overdue and due soon.

export interface GeneratedRound {
  id: number;
  name: string;
  kind: RoundKind;
  inspectingBody: string;
  inspectedBody: string;
  inspectedUnitId: number;
  inspectionStart: string;
  inspectionEnd: string;
  feedbackDay: number;
  deadline: string;
  reportCycle: ReportCycle;
  archived: boolean;
  createdAt: number;
  body: InspectedBody;
}

export interface GeneratedAspect {
  id: number;
  roundId: number;
  position: number;
  name: string;
}

export interface GeneratedProblem {
  id: number;
  roundId: number;
  aspectId: number;
  number: number;
  title: string;
  description: string;
  leadLeader: string;
  leadUnitId: number;
  status: Status;
}

export interface GeneratedMeasure {
  id: number;
  roundId: number;
  problemId: number;
  position: number;
  text: string;
  goal: string;
  leadUnitId: number;
  coUnitIds: number[];
  deadline: number | null;
  deadlineKind: DeadlineKind;
  deadlineText: string;
  category: MeasureCategory;
  /** The statuses the office signed off, in order; the last is the official status. */
  signedOff: Exclude<Status, "incomplete">[];
  status: Status;
  /** The day of the last sign-off, when there was one. */
  doneDay: number | null;
  createdAt: number;
  feedbackDay: number;
}

export interface GeneratedPlan {
  rounds: GeneratedRound[];
  aspects: GeneratedAspect[];
  problems: GeneratedProblem[];
  measures: GeneratedMeasure[];
}

/** Feedback of the newest (and largest) round: the dashboard opens on it. */
const NEWEST_ROUND_AGE = 100;
const OLDEST_ROUND_AGE = 1460;
const ARCHIVED_AFTER = 1100;

function roundKind(random: Random, body: InspectedBody): RoundKind {
  const r = random.next();
  if (body.level === "city") return r < 0.6 ? "inspection" : r < 0.8 ? "audit" : "special_check";
  return r < 0.6 ? "patrol" : r < 0.8 ? "inspection" : r < 0.9 ? "audit" : "special_check";
}

const ORDINALS = "一二三四五六七八九十".split("");

function inspectingBody(random: Random, kind: RoundKind, body: InspectedBody): string {
  const group = ORDINALS[random.int(0, 9)];
  switch (kind) {
    case "inspection":
      return `省委第${group}巡视组`;
    case "patrol":
      return `${body.place.replace(/^(.+?市).*/, "$1")}委第${group}巡察组`;
    case "audit":
      return "省审计厅";
    case "special_check":
      return "省委巡视办专项检查组";
  }
}

export function generateRounds(random: Random, params: { scale: Scale; bodies: InspectedBody[]; today: number }): GeneratedRound[] {
  const names = new Set<string>();
  const rounds: GeneratedRound[] = [];
  for (let i = 0; i < params.scale.rounds; i++) {
    const body = i === 0 ? (params.bodies.find((b) => b.level === "district") ?? params.bodies[0]!) : random.pick(params.bodies);
    const age = i === 0 ? NEWEST_ROUND_AGE : random.int(NEWEST_ROUND_AGE + 10, OLDEST_ROUND_AGE);
    const feedbackDay = params.today - age;
    const kind = roundKind(random, body);
    const inspecting = inspectingBody(random, kind, body);
    let name = `${yearOf(feedbackDay)}年${inspecting}${ROUND_KIND_LABELS[kind]}${body.place}反馈意见整改`;
    for (let n = 2; names.has(name); n++) name = `${yearOf(feedbackDay)}年${inspecting}${ROUND_KIND_LABELS[kind]}${body.place}(第${n}次)反馈意见整改`;
    names.add(name);
    const start = feedbackDay - random.int(60, 120);
    rounds.push({
      id: i + 1,
      name,
      kind,
      inspectingBody: inspecting,
      inspectedBody: `中共${body.place}委员会`,
      inspectedUnitId: body.unitId,
      inspectionStart: isoOf(start),
      inspectionEnd: isoOf(start + random.int(30, 50)),
      feedbackDay,
      deadline: isoOf(feedbackDay + 365),
      reportCycle: random.chance(0.8) ? "weekly" : random.chance(0.75) ? "monthly" : "none",
      archived: age > ARCHIVED_AFTER,
      createdAt: officeTime(feedbackDay + 3, random.int(0, 480)),
      body,
    });
  }
  return rounds;
}

interface Deadline {
  deadline: number | null;
  deadlineKind: DeadlineKind;
  deadlineText: string;
  category: MeasureCategory;
}

function measureDeadline(random: Random, feedbackDay: number): Deadline {
  const r = random.next();
  if (r < 0.15) return { deadline: feedbackDay + 30, deadlineKind: "date", deadlineText: "立行立改", category: "immediate" };
  if (r < 0.22) return { deadline: null, deadlineKind: "scheduled", deadlineText: "按序时进度推进", category: "time_limited" };
  if (r < 0.25) return { deadline: null, deadlineKind: "ongoing", deadlineText: "长期坚持", category: "long_term" };
  const day = monthEnd(feedbackDay + random.int(45, 540));
  if (r < 0.45) return { deadline: day, deadlineKind: "ongoing", deadlineText: `${monthEndText(day)},并长期坚持`, category: "long_term" };
  return { deadline: day, deadlineKind: "date", deadlineText: monthEndText(day), category: "time_limited" };
}

/** The sign-offs a measure has had by today, and when the last one was. */
function measureProgress(random: Random, d: Deadline, round: GeneratedRound, today: number) {
  const elapsed = today - round.feedbackDay;
  const span = d.deadline === null ? 365 : Math.max(30, d.deadline - round.feedbackDay);
  let status: Status;
  if (round.archived) status = random.chance(0.95) ? "completed" : "basically_completed";
  else if (d.deadline !== null && d.deadline < today) {
    const r = random.next();
    status = r < 0.8 ? "completed" : r < 0.9 ? "basically_completed" : "incomplete";
  } else {
    const f = Math.min(1, elapsed / span);
    const r = random.next();
    status = r < 0.5 * f ? "completed" : r < 0.65 * f ? "basically_completed" : "incomplete";
  }
  if (status === "incomplete") return { status, signedOff: [] as GeneratedMeasure["signedOff"], doneDay: null };
  const latest = Math.max(15, Math.min(elapsed - 1, span + 20));
  const doneDay = round.feedbackDay + random.int(14, latest);
  // Some measures were first signed off as 基本完成, the tail finished later.
  const signedOff: GeneratedMeasure["signedOff"] =
    status === "completed" && random.chance(0.2) ? ["basically_completed", "completed"] : [status];
  return { status, signedOff, doneDay };
}

function leadLeader(random: Random, body: InspectedBody): string {
  const level = body.level === "city" ? "市" : body.place.endsWith("县") ? "县" : "区";
  const title = random.pick(LEADER_TITLES);
  return `${level}${title}${title.endsWith("副") ? `${level === "市" ? "市" : level}长` : ""} ${random.pick(SURNAMES)}某`;
}

function pickDistinct(random: Random, pool: readonly number[], count: number, except: number): number[] {
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < count && tries < count * 4; tries++) {
    const id = random.pick(pool);
    if (id !== except) chosen.add(id);
  }
  return [...chosen];
}

export function generatePlan(random: Random, params: { scale: Scale; rounds: GeneratedRound[]; texts: TextPools; today: number }): GeneratedPlan {
  const { scale, rounds, texts, today } = params;
  // The newest round is the largest, as a province's own 巡视 of a big district can be.
  const roundWeights = rounds.map((_, i) => (i === 0 ? 1000 : random.skewed(0.6)));
  const problemsPerRound = apportion(scale.problems, roundWeights, scale.problemsPerRound.min, scale.problemsPerRound.max);
  // …and its problems carry more measures, so it is also the largest by measures.
  const firstRoundProblems = problemsPerRound[0]!;
  const measureWeights = Array.from({ length: scale.problems }, (_, i) => random.skewed(0.5) * (i < firstRoundProblems ? 1.6 : 1));
  const measuresPerProblem = apportion(scale.measures, measureWeights, 1, 12);
  const plan: GeneratedPlan = { rounds, aspects: [], problems: [], measures: [] };
  let problemIndex = 0;
  for (const round of rounds) {
    const problemCount = problemsPerRound[round.id - 1]!;
    const aspectCount = Math.min(problemCount, random.int(4, 6));
    const firstAspect = random.int(0, texts.aspects.length - 1);
    const aspectIds: number[] = [];
    for (let a = 0; a < aspectCount; a++) {
      const id = plan.aspects.length + 1;
      plan.aspects.push({ id, roundId: round.id, position: a + 1, name: texts.aspects[(firstAspect + a) % texts.aspects.length]! });
      aspectIds.push(id);
    }
    const members = round.body.memberUnitIds;
    for (let number = 1; number <= problemCount; number++) {
      const problemId = plan.problems.length + 1;
      const leadUnitId = random.pick(members);
      const measures: GeneratedMeasure[] = [];
      const count = measuresPerProblem[problemIndex++]!;
      for (let position = 1; position <= count; position++) {
        const deadline = measureDeadline(random, round.feedbackDay);
        const lead = random.chance(0.7) ? leadUnitId : random.pick(members);
        measures.push({
          id: plan.measures.length + measures.length + 1,
          roundId: round.id,
          problemId,
          position,
          text: random.pick(texts.measures),
          goal: random.chance(0.8) ? random.pick(texts.goals) : "",
          leadUnitId: lead,
          coUnitIds: pickDistinct(random, members, random.pick([0, 0, 1, 1, 1, 2, 2, 3]), lead),
          ...deadline,
          ...measureProgress(random, deadline, round, today),
          createdAt: round.createdAt + position * 1000,
          feedbackDay: round.feedbackDay,
        });
      }
      plan.problems.push({
        id: problemId,
        roundId: round.id,
        // Problems run through the aspects in order, as the feedback lists them.
        aspectId: aspectIds[Math.floor(((number - 1) * aspectCount) / problemCount)]!,
        number,
        title: random.pick(texts.problemTitles),
        description: random.chance(0.3) ? random.pick(texts.problemDescriptions) : "",
        leadLeader: leadLeader(random, round.body),
        leadUnitId,
        status: problemStatus(measures.map((m) => m.status)),
      });
      plan.measures.push(...measures);
    }
  }
  return plan;
}
