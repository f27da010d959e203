import { addDays, formatISO, parseISO } from "date-fns";
import { hashPassword } from "better-auth/crypto";
import { eq, sql } from "drizzle-orm";
import { databasePath } from "@/lib/config";
import { ROUND_KINDS, ROUND_KIND_LABELS, type RoundKind } from "@/lib/domain";
import { todayISO } from "@/lib/deadline-state";
import { problemStatus } from "@/lib/status";
import { openDatabase, type DB, type Tx } from "./client";
import { applyMigrations } from "./migrate";
import { recordAudit } from "./queries/audit";
import { setUnitHeads } from "./queries/unit-heads";
import { insertStandardTemplate, insertTemplate } from "./queries/evaluation-templates";
import { COUNTY_TEMPLATE } from "./seed/demo-evaluation-template";
import { createUserWithPassword } from "./queries/users";
import {
  aspects,
  institutionProblems,
  institutions,
  evaluationGrades,
  evaluationIndicators,
  evaluations,
  evaluationScores,
  lookBacks,
  measureIndicators,
  measureCoUnits,
  measures,
  problems,
  progressReports,
  roundReviewers,
  rounds,
  supervisionNoticeMeasures,
  supervisionNotices,
  units,
  users,
} from "./schema";
import { baoanAspects, baoanRound, baoanUnits } from "./seed/baoan-2021";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DISCIPLINE_UNIT, OFFICE_UNIT, REVIEW_UNIT } from "./seed/demo-accounts";
import { seedDemoClues } from "./seed/demo-clues";
import { seedDemoEarlierRound } from "./seed/demo-earlier-round";
import { seedDemoSurvey } from "./seed/demo-survey";

// `npm run db:seed` fills an EMPTY database with the Baoan demo (DOMAIN.md's reference
// report). It refuses to touch a database that already has users; with --if-empty (used
// by `npm start`) it just says so and leaves the data alone, and with RECTIFY_DEMO=off as
// well it only migrates.

export function isEmpty(db: DB): boolean {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()!.n === 0;
}

function roundKind(label: string): RoundKind {
  const kind = ROUND_KINDS.find((k) => ROUND_KIND_LABELS[k] === label);
  if (!kind) throw new Error(`unknown round kind ${label}`);
  return kind;
}

export async function seedDemo(db: DB, today = todayISO()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const day = (offset: number | null) =>
    offset === null ? null : formatISO(addDays(parseISO(today), offset), { representation: "date" });

  db.transaction((tx) => {
    const unitId = insertUnits(tx);
    const accountIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const created = createUserWithPassword(tx, {
        actorId: null,
        passwordHash,
        input: {
          username: account.username,
          name: account.name,
          role: account.role,
          unitId: unitId(account.unit),
          isAdmin: account.isAdmin,
        },
      });
      accountIds.set(account.username, created.id);
    }
    const officeId = accountIds.get("office")!;
    const unitAuthor = new Map([
      [unitId("区教育局"), accountIds.get("jiaoyu")!],
      [unitId("新安街道"), accountIds.get("xinan")!],
    ]);

    const round = tx
      .insert(rounds)
      .values({
        name: baoanRound.name,
        kind: roundKind(baoanRound.kind),
        inspectingBody: baoanRound.inspectingBody,
        inspectedBody: baoanRound.inspectedBody,
        inspectedUnitId: unitId(baoanRound.inspectedBody),
        inspectionStart: baoanRound.inspectionStart,
        inspectionEnd: baoanRound.inspectionEnd,
        feedbackDate: baoanRound.feedbackDate,
        deadline: baoanRound.deadline,
      })
      .returning()
      .get();
    tx.insert(roundReviewers).values({ roundId: round.id, userId: accountIds.get("ducha")! }).run();
    // 新安街道's heads, recorded as contacts (no accounts): a late measure's timeline shows
    // the escalation ladder naming them, to be phoned; nobody is notified twice by it.
    setUnitHeads(tx, {
      actorId: officeId,
      unitId: unitId("新安街道"),
      principal: { name: "陈志明", phone: "0755-2779 1000" },
      deputy: { name: "黄晓燕", phone: "0755-2779 1001" },
    });

    const measureIdsByUnit = new Map<number, number[]>();
    const aspectRows: { id: number; name: string }[] = [];
    baoanAspects.forEach((aspect, aspectIndex) => {
      const aspectRow = tx
        .insert(aspects)
        .values({ roundId: round.id, position: aspectIndex + 1, name: aspect.name })
        .returning()
        .get();
      aspectRows.push(aspectRow);
      for (const problem of aspect.problems) {
        const problemRow = tx
          .insert(problems)
          .values({
            roundId: round.id,
            aspectId: aspectRow.id,
            number: problem.number,
            title: problem.title,
            description: problem.description,
            leadLeader: problem.leadLeader,
            leadUnitId: unitId(problem.leadUnit),
            status: problemStatus(problem.measures.map((m) => m.status)),
          })
          .returning()
          .get();
        problem.measures.forEach((measure, position) => {
          const leadUnitId = unitId(measure.leadUnit);
          const measureRow = tx
            .insert(measures)
            .values({
              roundId: round.id,
              problemId: problemRow.id,
              position: position + 1,
              text: measure.text,
              goal: measure.goal,
              leadUnitId,
              deadline: day(measure.deadlineOffsetDays),
              deadlineKind: measure.deadlineKind,
              deadlineText: demoDeadlineText(measure.deadlineText, day(measure.deadlineOffsetDays)),
              category: measure.category,
              status: measure.status,
            })
            .returning()
            .get();
          for (const co of measure.coUnits) {
            tx.insert(measureCoUnits).values({ measureId: measureRow.id, unitId: unitId(co) }).run();
          }
          const list = measureIdsByUnit.get(leadUnitId) ?? [];
          list.push(measureRow.id);
          measureIdsByUnit.set(leadUnitId, list);
          // The latest progress, as the lead unit reported it and the office verified it.
          // Offices often enter a unit's report on its behalf, hence the office as author.
          const reportDate = day(Math.min(-3, (measure.deadlineOffsetDays ?? 0) - 5))!;
          if (measure.indicator) {
            const { actual, ...planned } = measure.indicator;
            tx.insert(measureIndicators).values({ measureId: measureRow.id, ...planned, actual, actualDate: reportDate }).run();
          }
          tx.insert(progressReports)
            .values({
              measureId: measureRow.id,
              unitId: leadUnitId,
              authorId: unitAuthor.get(leadUnitId) ?? officeId,
              reportDate,
              text: measure.progress,
              indicatorActual: measure.indicator?.actual ?? null,
              claimedStatus: measure.status,
              isClaim: measure.status !== "incomplete",
              reviewState: "signed_off",
              reviewerId: officeId,
              reviewedAt: new Date(),
              percent: measure.status === "incomplete" ? 60 : 100,
            })
            .run();
          if (measure.status === "completed" && measure.deadlineKind === "ongoing") {
            tx.insert(lookBacks)
              .values({ measureId: measureRow.id, scheduledDate: day(30)! })
              .run();
          }
        });
      }
    });

    // One open supervision notice, about the education bureau's first unfinished measure.
    const eduMeasures = measureIdsByUnit.get(unitId("区教育局")) ?? [];
    const year = Number(today.slice(0, 4));
    const notice = tx
      .insert(supervisionNotices)
      .values({
        roundId: round.id,
        unitId: unitId("区教育局"),
        year,
        sequence: 1,
        level: "supervise",
        request: "请于回复期限前报送整改进展及佐证材料,说明未按期完成的原因和下一步措施。",
        replyDeadline: day(5)!,
        issuedById: officeId,
      })
      .returning()
      .get();
    for (const measureId of eduMeasures.slice(0, 2)) {
      tx.insert(supervisionNoticeMeasures).values({ noticeId: notice.id, measureId }).run();
    }
    // 建章立制: each answers a problem of the plan — the 第一议题 rule the weakened party
    // building (问题14), the 外部董事 rule the state-enterprise reform (问题6), neither a
    // problem with a seeded 回头看 pending, so the demo's look-backs ask about no rule until
    // the office links one. The 第一议题 rule's review has come (催报 lists it), the other's
    // is months away.
    const seededRules = [
      { title: "宝安区“第一议题”制度实施办法", documentNumber: "深宝办〔2021〕12号", issuedDate: "2021-05-20", reviewDate: day(-10)!, problemNumber: 14 },
      { title: "区属国企兼职外部董事管理办法", documentNumber: "深宝国资〔2021〕8号", issuedDate: "2021-07-01", reviewDate: day(150)!, problemNumber: 6 },
    ];
    for (const { problemNumber, ...rule } of seededRules) {
      const row = tx.insert(institutions).values({ roundId: round.id, ...rule }).returning().get();
      const problem = tx.select({ id: problems.id }).from(problems).where(sql`${problems.roundId} = ${round.id} and ${problems.number} = ${problemNumber}`).get()!;
      tx.insert(institutionProblems).values({ institutionId: row.id, problemId: problem.id }).run();
    }
    seedDemoSurvey(tx, { roundId: round.id, roundName: round.name, createdById: officeId, aspects: aspectRows, paperCollectedOn: day(-3)! });

    seedDemoClues(tx, { roundId: round.id, actorId: accountIds.get("jijian")!, unitId, day: (offset) => day(offset)! });

    // 整改成效评估: the standard indicator set, held ten days ago, two units fully graded.
    const template = insertStandardTemplate(tx);
    const evaluation = tx.insert(evaluations).values({ roundId: round.id, templateId: template.id, scheduledDate: day(-10)!, createdById: officeId }).returning().get();
    const indicatorIds = tx.select({ id: evaluationIndicators.id }).from(evaluationIndicators).where(eq(evaluationIndicators.templateId, template.id)).all();
    const gradeIds = tx.select({ id: evaluationGrades.id }).from(evaluationGrades).where(eq(evaluationGrades.templateId, template.id)).all();
    for (const [unitName, pattern] of [["区教育局", [0, 1, 0, 1]], ["区水务局", [1, 2, 1, 0]]] as const) {
      indicatorIds.forEach((indicator, i) =>
        tx.insert(evaluationScores)
          .values({ evaluationId: evaluation.id, unitId: unitId(unitName), indicatorId: indicator.id, gradeId: gradeIds[pattern[i % pattern.length]!]!.id, scoredById: officeId })
          .run(),
      );
    }

    // After the demo round, so the demo round keeps the first id the tests and links expect.
    seedDemoEarlierRound(tx, { inspectedBody: round.inspectedBody, inspectedUnitId: round.inspectedUnitId!, officeId, unitId });
    // A county's own indicator set beside the standard one, not yet used: the office may edit it.
    insertTemplate(tx, { content: COUNTY_TEMPLATE });

    recordAudit(tx, {
      actorId: null,
      action: "round.seed_demo",
      entity: "round",
      entityId: round.id,
      after: { name: round.name, source: "reference/report-baoan-2021.txt" },
    });
  });
}

/**
 * The reference report's deadlines are from 2021; the demo moves them around today, so the
 * text an office would have written is rewritten to match ("2026年12月31日,并长期坚持").
 */
function demoDeadlineText(original: string, date: string | null): string {
  if (!date) return original;
  const [y, m, d] = date.split("-").map(Number);
  const ongoing = /长期坚持/.test(original) ? ",并长期坚持" : "";
  return `${y}年${m}月${d}日${ongoing}`;
}

function insertUnits(tx: Tx): (name: string) => number {
  const ids = new Map<string, number>();
  const all = [
    ...baoanUnits,
    { name: OFFICE_UNIT, kind: "party" as const, parent: baoanUnits[0]!.name },
    // Outside the district's tree: the superior office reviews, it does not answer for tasks.
    { name: REVIEW_UNIT, kind: "party" as const, parent: null },
    // Below 区纪委监委, not in it: the unit's measure reminders go to its liaison, not to
    // the discipline staff who keep the clue register.
    { name: DISCIPLINE_UNIT, kind: "party" as const, parent: "区纪委监委" },
  ];
  for (const unit of all) {
    const parentId = unit.parent ? ids.get(unit.parent) : null;
    if (parentId === undefined) throw new Error(`unit ${unit.name} listed before its parent`);
    const row = tx.insert(units).values({ name: unit.name, kind: unit.kind, parentId }).returning().get();
    ids.set(unit.name, row.id);
  }
  return (name) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`seed refers to unknown unit ${name}`);
    return id;
  };
}

export function printDemoAccounts(): void {
  console.log("\n演示账号(密码均为 %s):", DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(8)} ${a.name} · ${a.unit}`);
  console.log("");
}

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  const file = databasePath();
  const { db, sqlite } = openDatabase(file);
  try {
    applyMigrations(db);
    // RECTIFY_DEMO=off: a real deployment starts empty; the server then offers first-run setup.
    if (ifEmpty && process.env.RECTIFY_DEMO === "off") {
      if (isEmpty(db)) console.log("未写入演示数据(RECTIFY_DEMO=off)。服务启动后按控制台提示进行首次设置。");
      return;
    }
    if (!isEmpty(db)) {
      if (!ifEmpty) {
        console.error(`数据库 ${file} 已有数据,演示数据不会覆盖现有数据。`);
        process.exitCode = 1;
      } else if (db.select().from(users).all().some((u) => u.username === "office")) {
        printDemoAccounts();
      }
      return;
    }
    const started = Date.now();
    await seedDemo(db);
    console.log(`已写入演示数据(${Date.now() - started} ms):${file}`);
    printDemoAccounts();
  } finally {
    sqlite.close();
  }
}

if (process.argv[1] && /db[\\/]seed\.ts$/.test(process.argv[1])) void main();
