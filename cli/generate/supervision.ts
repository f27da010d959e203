import { NOTICE_LEVELS } from "@/lib/domain";
import { isoOf, officeTime, yearOf } from "@/cli/generate/dates";
import type { GeneratedMeasure, GeneratedRound } from "@/cli/generate/plan";
import type { Random } from "@/cli/generate/random";
import { LOOK_BACK_NOTES, NOTICE_REPLIES, NOTICE_REQUESTS, type TextPools } from "@/cli/generate/texts";
import { json, type Writer } from "@/cli/generate/writer";

// What the office does around a round's plan: a notice or two to the units that lag
// (督办单, numbered per year), a look-back or two of completed items (回头看), and the rules
// the rectification produced (建章立制). Each write has its audit row, as in the app.

export interface SupervisionContext {
  random: Random;
  writer: Writer;
  texts: TextPools;
  today: number;
  officeUserId: string;
  unitUsers: Map<number, string[]>;
}

export interface SupervisionTally {
  notices: number;
  lookBacks: number;
  institutions: number;
  audit: number;
}

export function writeSupervision(ctx: SupervisionContext, rounds: readonly GeneratedRound[], measuresOf: (roundId: number) => readonly GeneratedMeasure[]): SupervisionTally {
  const { random, writer, today } = ctx;
  const tally: SupervisionTally = { notices: 0, lookBacks: 0, institutions: 0, audit: 0 };
  const sequences = new Map<number, number>();
  // Notices are numbered in the order they were issued within a year.
  const notices: { round: GeneratedRound; day: number; measures: GeneratedMeasure[] }[] = [];
  for (const round of rounds) {
    const measures = measuresOf(round.id);
    const lagging = measures.filter((m) => m.status !== "completed");
    const pool = lagging.length > 0 ? lagging : measures;
    for (let n = random.int(round.archived ? 0 : 1, 2); n > 0; n--) {
      const first = random.pick(pool);
      const sameUnit = pool.filter((m) => m.leadUnitId === first.leadUnitId).slice(0, random.int(1, 3));
      const day = round.archived ? round.feedbackDay + random.int(60, 200) : Math.max(round.feedbackDay + 30, today - random.int(3, 40));
      notices.push({ round, day, measures: sameUnit });
    }
  }
  notices.sort((a, b) => a.day - b.day);
  notices.forEach((notice, index) => {
    const id = index + 1;
    const year = yearOf(notice.day);
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const unitId = notice.measures[0]!.leadUnitId;
    const replyDeadline = notice.day + random.int(7, 14);
    const issuedAt = officeTime(notice.day, random.int(0, 480));
    const closed = replyDeadline < today - 10;
    const replied = closed || random.chance(0.5);
    const replier = replied ? random.pick(ctx.unitUsers.get(unitId) ?? [ctx.officeUserId]) : null;
    const repliedAt = replied ? officeTime(Math.min(today, notice.day + random.int(2, 6)), 120) : null;
    const closedAt = closed ? officeTime(notice.day + random.int(8, 15), 300) : null;
    const level = random.pick(NOTICE_LEVELS);
    const request = random.pick(NOTICE_REQUESTS);
    const reply = replied ? random.pick(NOTICE_REPLIES) : null;
    const state = closed ? "closed" : replied ? "replied" : "open";
    writer.notice(id, notice.round.id, unitId, year, sequence, level, request, isoOf(replyDeadline), state, ctx.officeUserId, reply, replier, repliedAt, closed ? ctx.officeUserId : null, closedAt, issuedAt, closedAt ?? repliedAt ?? issuedAt);
    for (const m of notice.measures) writer.noticeMeasure(id, m.id);
    writer.audit(ctx.officeUserId, "notice.issue", "notice", String(id), null, json({ id, roundId: notice.round.id, unitId, year, sequence, level, request, replyDeadline: isoOf(replyDeadline), measureIds: notice.measures.map((m) => m.id) }), issuedAt);
    tally.audit++;
    if (replied) {
      writer.audit(replier, "notice.reply", "notice", String(id), json({ state: "open" }), json({ state: "replied", reply }), repliedAt);
      tally.audit++;
    }
    if (closed) {
      writer.audit(ctx.officeUserId, "notice.close", "notice", String(id), json({ state: "replied" }), json({ state: "closed" }), closedAt);
      tally.audit++;
    }
    tally.notices++;
  });

  let lookBackId = 0;
  for (const round of rounds) {
    const done = measuresOf(round.id).filter((m) => m.status === "completed" && m.doneDay !== null);
    for (let n = Math.min(done.length, random.int(1, 2)); n > 0; n--) {
      const m = random.pick(done);
      const id = ++lookBackId;
      const scheduled = m.doneDay! + random.int(60, 120);
      const scheduledAt = officeTime(m.doneDay! + 3, 200);
      const checked = scheduled < today;
      const checkedAt = checked ? officeTime(scheduled, 240) : null;
      const note = checked ? random.pick(LOOK_BACK_NOTES) : null;
      writer.lookBack(id, m.id, isoOf(scheduled), checked ? "holds" : null, note, checked ? ctx.officeUserId : null, checkedAt, scheduledAt, checkedAt ?? scheduledAt);
      writer.audit(ctx.officeUserId, "look_back.schedule", "look_back", String(id), null, json({ measureId: m.id, scheduledDate: isoOf(scheduled) }), scheduledAt);
      tally.audit++;
      if (checked) {
        writer.audit(ctx.officeUserId, "look_back.record", "look_back", String(id), json({ measureId: m.id, result: null }), json({ measureId: m.id, result: "holds", note }), checkedAt);
        tally.audit++;
      }
      tally.lookBacks++;
    }

    const elapsed = Math.max(1, today - round.feedbackDay);
    for (let n = random.int(2, 8); n > 0; n--) {
      const day = round.feedbackDay + random.int(20, elapsed);
      const unitId = random.pick(round.body.memberUnitIds);
      const number = `${round.body.place.slice(-3, -1)}办〔${yearOf(day)}〕${random.int(1, 60)}号`;
      const title = random.pick(ctx.texts.institutions);
      const createdAt = officeTime(day, 60);
      const id = writer.institution(round.id, unitId, null, title, number, isoOf(day), createdAt);
      writer.audit(ctx.officeUserId, "institution.create", "institution", String(id), null, json({ id, roundId: round.id, unitId, title, documentNumber: number, issuedDate: isoOf(day) }), createdAt);
      tally.institutions++;
      tally.audit++;
    }
  }
  return tally;
}
