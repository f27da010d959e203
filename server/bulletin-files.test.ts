import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateReport, snapshotFile } from "@/server/bulletin-files";
import { reportDocx } from "@/lib/bulletin-docx";
import { reportHtmlFile } from "@/lib/bulletin-html";
import { seededTestDb } from "@/testing/seeded-db";
import { setMeasureStatus } from "@/db/queries/measure-status";
import { addProgressReport, signOffClaim } from "@/db/queries/progress";
import { getReportDraft, saveReportDraft } from "@/db/queries/reports";
import { createSnapshot, getSnapshot, listSnapshots } from "@/db/queries/snapshots";
import { roundSummary } from "@/db/queries/summary";

const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
beforeAll(async () => {
  t = await seededTestDb(TODAY);
});
afterAll(() => t.cleanup());

const report = () => generateReport({ roundId: t.roundId(), today: TODAY }, t.db).report;
const officeId = () => t.one<string>("select id from users where username = 'office'");

describe("the 整改进展情况通报 of the seeded demo", () => {
  // Issue 17: the section on the items handed over is counted from the register. The
  // expected figures are counted here with SQL of their own, not by the code under test.
  it("counts the clue register's items, 办结, 立案 and people exactly as its rows say", () => {
    const count = (where: string) => t.one<number>(`select count(*) from clues where round_id = ? and ${where}`, t.roundId());
    const sum = (column: string) => t.one<number>(`select coalesce(sum(${column}), 0) from clues where round_id = ?`, t.roundId());
    const petitions = count("kind = 'petition'");
    const clues = count("kind = 'clue'");
    const concluded = count("stage in ('concluded', 'dismissed')");
    const filed = count("stage in ('filed', 'investigation', 'trial', 'concluded')");
    expect(petitions + clues).toBeGreaterThan(0);
    expect(filed).toBeGreaterThan(0);
    const section = report().sections.find((x) => x.heading.endsWith("移交信访件、问题线索办理情况"))!;
    // After 建章立制 as in the genre's reports (三 in a round without that section).
    expect(section.heading).toBe("四、巡视移交信访件、问题线索办理情况");
    const text = section.blocks.map((b) => b.text).join("");
    const open = petitions + clues - concluded;
    expect(text).toBe(
      `巡视组移交信访件${petitions}件、问题线索${clues}件,已办结${concluded}件${open ? `,正在办理${open}件` : ""};` +
        `立案${filed}件,处理${sum("people_handled")}人,其中给予党纪政务处分${sum("disciplined")}人、组织处理${sum("organizational")}人。`,
    );
  });

  it("opens with the counts of roundSummary, in the sentence reports use", () => {
    const s = roundSummary(t.db, { roundId: t.roundId(), today: TODAY })!;
    const doc = report();
    expect(doc.title).toBe("关于省委第二巡视组巡视宝安区反馈意见整改进展情况的通报");
    expect(doc.problemsSentence).toBe(
      `反馈的${s.problems.total}个问题,目前已完成${s.problems.completed}个、基本完成${s.problems.basicallyCompleted}个、未完成${s.problems.incomplete}个`,
    );
    expect(doc.measuresSentence).toBe(
      `共制定${s.measures.total}项整改措施,目前已完成${s.measures.completed}项、基本完成${s.measures.basicallyCompleted}项、未完成${s.measures.incomplete}项`,
    );
    expect(doc.sections.map((x) => x.heading)).toEqual([
      "一、整改工作总体情况",
      "二、巡视反馈问题整改情况",
      "三、建章立制情况",
      "四、巡视移交信访件、问题线索办理情况",
      "五、需要进一步整改的事项及措施",
      "六、下一步工作",
    ]);
    const opening = doc.sections[0]!.blocks[0]!;
    expect(opening.kind === "paragraph" && opening.text).toBe(
      "2020年10月12日至2020年12月12日,省委第二巡视组对中共深圳市宝安区委员会进行了巡视。2021年1月28日,省委第二巡视组向中共深圳市宝安区委员会反馈了巡视意见。现将整改进展情况通报如下。",
    );
    // One heading per aspect, numbered, and one per problem, all problems of the round.
    const headings = doc.sections[1]!.blocks.filter((b) => b.kind === "heading").map((b) => b.text);
    expect(headings.filter((h) => /^第[一二三四五六七八九十]+方面问题,/.test(h))).toHaveLength(s.aspects.length);
    expect(headings.filter((h) => h.startsWith("("))).toHaveLength(s.problems.total);
  });

  it("lists every problem still open, 未完成 before 基本完成, each group by number", () => {
    const s = roundSummary(t.db, { roundId: t.roundId(), today: TODAY })!;
    const { unfinished } = report();
    expect(unfinished).toHaveLength(s.problems.incomplete + s.problems.basicallyCompleted);
    const incomplete = unfinished.filter((u) => u.status === "incomplete");
    const basically = unfinished.filter((u) => u.status === "basically_completed");
    expect(unfinished).toEqual([...incomplete, ...basically]);
    expect(incomplete).toHaveLength(s.problems.incomplete);
    for (const group of [incomplete, basically]) {
      expect(group.map((u) => u.number)).toEqual([...group.map((u) => u.number)].sort((a, b) => a - b));
    }
    const expected = t.column<number>(
      "select number from problems where round_id = ? and status != 'completed' order by status = 'basically_completed', number",
      t.roundId(),
    );
    expect(unfinished.map((u) => u.number)).toEqual(expected);
    for (const item of unfinished) {
      expect(item.explanation?.length).toBeGreaterThan(0);
      expect(item.deadline.length).toBeGreaterThan(0);
    }
  });

  it("takes each open item's 下一步措施 from its lead unit's latest report, and names none where no report does", () => {
    const { unfinished } = report();
    // (十六): 区审计局's report ends "下一步,将对剩余6个问题…" (db/seed/baoan-2021.ts).
    const sixteen = unfinished.find((u) => u.number === 16)!;
    expect(sixteen.nextSteps).toBe("对剩余6个问题逐项明确整改时限,年底前全部整改到位。");
    expect(sixteen.explanation).not.toContain("下一步");
    // Items whose units named none are left for the office, not filled with boilerplate.
    const missing = unfinished.filter((u) => u.nextSteps === null);
    expect(missing.length).toBeGreaterThan(0);
    expect(unfinished.filter((u) => u.nextSteps).length).toBeGreaterThan(0);
    const section = JSON.stringify(report().sections.find((x) => x.heading.endsWith("需要进一步整改的事项及措施")));
    expect(section.match(/下一步措施:/g)).toHaveLength(unfinished.length - missing.length);

    // A newer report by the lead unit with a next step replaces it; a co-unit's does not.
    const measure = t.one<number>("select id from measures where problem_id = ? and status != 'completed' order by id limit 1", sixteen.problemId);
    const lead = t.one<number>("select lead_unit_id from measures where id = ?", measure);
    const other = t.one<number>("select id from units where id != ? order by id limit 1", lead);
    const add = (unitId: number, date: string, text: string) =>
      t.sqlite
        .prepare(
          `insert into progress_reports (measure_id, unit_id, report_date, text, claimed_status, review_state, created_at)
           values (?, ?, ?, ?, 'incomplete', 'signed_off', 0)`,
        )
        .run(measure, unitId, date, text);
    add(other, "2099-01-02", "协办单位已配合。下一步,将协助做好验收。");
    add(lead, "2099-01-01", "又完成整改3个。下一步,将在月底前完成剩余3个问题整改。");
    expect(report().unfinished.find((u) => u.number === 16)!.nextSteps).toBe("在月底前完成剩余3个问题整改。");
  });

  it("publishes a claim's text only once the office signs it off", () => {
    const roundId = t.roundId();
    const jiaoyu = t.unitIdOf("区教育局");
    const measureId = t.one<number>(
      "select id from measures where lead_unit_id = ? and status = 'incomplete' and round_id = ? order by id limit 1",
      jiaoyu,
      roundId,
    );
    const problemId = t.one<number>("select problem_id from measures where id = ?", measureId);
    const claim = t.db.transaction((tx) =>
      addProgressReport(tx, {
        actorId: t.one<string>("select id from users where username = 'jiaoyu'"),
        measureId,
        unitId: jiaoyu,
        isLead: true,
        currentStatus: "incomplete",
        input: { reportDate: "2099-01-01", text: "待审核的申报文字", percent: 100, milestone: null, claimedStatus: "basically_completed" },
        evidence: [],
      }),
    );
    const explanation = () => report().unfinished.find((u) => u.problemId === problemId)?.explanation;
    expect(explanation()).not.toBe("待审核的申报文字");
    t.db.transaction((tx) => signOffClaim(tx, { actorId: officeId(), reportId: claim.id }));
    const after = report();
    const problemBlocks = JSON.stringify(after.sections[1]);
    expect(problemBlocks).toContain("待审核的申报文字");
  });

  it("takes the office's 有关情况说明 and 下一步措施 over the defaults, with one audit row", () => {
    const roundId = t.roundId();
    const [first, second] = report().unfinished;
    const audit = t.one<number>("select count(*) from audit_log");
    t.db.transaction((tx) =>
      saveReportDraft(tx, {
        actorId: officeId(),
        roundId,
        texts: {
          opening: "区委高度重视巡视整改。",
          closing: "下一步将久久为功。",
          problems: { [String(first!.problemId)]: { explanation: "办公室写的情况说明", nextSteps: "" } },
        },
      }),
    );
    expect(t.one<number>("select count(*) from audit_log")).toBe(audit + 1);
    const doc = report();
    expect(doc.unfinished[0]).toMatchObject({ explanation: "办公室写的情况说明", explanationEdited: true, nextStepsEdited: false });
    expect(doc.unfinished[1]!.explanation).toBe(second!.explanation);
    expect(JSON.stringify(doc.sections[0])).toContain("区委高度重视巡视整改。");
    expect(doc.sections.at(-1)!.blocks).toEqual([{ kind: "paragraph", text: "下一步将久久为功。" }]);
    // Saving again replaces the draft (one per round) and audits again.
    t.db.transaction((tx) => saveReportDraft(tx, { actorId: officeId(), roundId, texts: { opening: "", closing: "", problems: {} } }));
    expect(t.one<number>("select count(*) from report_drafts where round_id = ?", roundId)).toBe(1);
    expect(getReportDraft(t.db, { roundId }).texts.opening).toBe("");
    expect(t.one<number>("select count(*) from audit_log")).toBe(audit + 2);
  });

  it("renders a docx that reads back with the counts and the open items in order", async () => {
    const doc = report();
    const { value } = await mammoth.extractRawText({ buffer: await reportDocx(doc) });
    expect(value).toContain(doc.title);
    expect(value).toContain(doc.problemsSentence);
    expect(value).toContain(doc.measuresSentence);
    const section = value.slice(value.indexOf("五、需要进一步整改的事项及措施"));
    let at = 0;
    for (const item of doc.unfinished) {
      const found = section.indexOf(item.title, at);
      expect(found).toBeGreaterThan(at - 1);
      at = found;
    }
    expect(section).toContain("有关情况说明:");
    expect(section).toContain("下一步措施:");
    expect(section).toContain("完成时限:");
  });

  it("escapes text in the HTML file", () => {
    const doc = report();
    const html = reportHtmlFile({ ...doc, title: `<script>alert("x")</script>` });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("ledger snapshots", () => {
  it("freezes figures and rows; a later sign-off or status change leaves the snapshot as it was", async () => {
    const roundId = t.roundId();
    const audit = t.one<number>("select count(*) from audit_log");
    const created = t.db.transaction((tx) => createSnapshot(tx, { actorId: officeId(), roundId, asOf: TODAY, label: "报省委巡视办", today: TODAY }))!;
    expect(t.one<number>("select count(*) from audit_log")).toBe(audit + 1);
    const frozen = getSnapshot(t.db, { id: created.id })!;
    expect(frozen.figures).toEqual(roundSummary(t.db, { roundId, today: TODAY }));
    expect(frozen.rows).toHaveLength(frozen.figures.measures.total);

    const open = frozen.rows.find((r) => r.status === "incomplete")!;
    t.db.transaction((tx) => setMeasureStatus(tx, { actorId: officeId(), measureId: open.id, status: "completed", action: "measure.sign_off" }));
    expect(roundSummary(t.db, { roundId, today: TODAY })!.measures.completed).toBe(frozen.figures.measures.completed + 1);

    const again = getSnapshot(t.db, { id: created.id })!;
    expect(again.figures).toEqual(frozen.figures);
    expect(again.rows).toEqual(frozen.rows);
    expect(listSnapshots(t.db, { roundId })[0]).toMatchObject({ id: created.id, asOf: TODAY, label: "报省委巡视办" });

    // The xlsx is written from the stored rows: the measure is still 未完成 there.
    const { buffer } = await snapshotFile({ id: created.id }, t.db);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("整改台账")!;
    const statuses: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) statuses.push(String(row.getCell(9).value));
    });
    expect(statuses.filter((s) => s === "已完成")).toHaveLength(frozen.figures.measures.completed);
    expect(statuses).toHaveLength(frozen.rows.length);
  });
});
