import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDb } from "@/testing/seeded-db";
import { institutionSchema, institutionsSchema } from "@/lib/validations/institution";
import { countInstitutions, listInstitutions } from "./institutions";
import { addProgressReport } from "./progress";

const TODAY = "2026-11-21";
let t: Awaited<ReturnType<typeof seededTestDb>>;
beforeAll(async () => {
  t = await seededTestDb(TODAY);
});
afterAll(() => t.cleanup());

describe("registerInstitutions / listInstitutions", () => {
  it("registers a report's rules in its transaction with one audit row, counts them, and links each to its measure", () => {
    const roundId = t.roundId();
    const jiaoyu = t.unitIdOf("区教育局");
    const measureId = t.one<number>("select id from measures where lead_unit_id = ? order by id limit 1", jiaoyu);
    const actorId = t.one<string>("select id from users where username = 'jiaoyu'");
    const seeded = countInstitutions(t.db, { roundId });
    const auditBefore = t.one<number>("select count(*) from audit_log");

    const report = t.db.transaction((tx) =>
      addProgressReport(tx, {
        actorId,
        measureId,
        unitId: jiaoyu,
        isLead: true,
        currentStatus: "incomplete",
        input: { reportDate: TODAY, text: "印发学位建设行动计划和校外培训监管办法", percent: null, milestone: "制度印发", claimedStatus: "incomplete" },
        evidence: [],
        institutions: [
          { title: "宝安区学位建设三年行动计划", documentNumber: "深宝教〔2026〕3号", issuedDate: "2026-10-09" },
          { title: "区教育局校外培训监管办法", documentNumber: "", issuedDate: null },
        ],
      }),
    );

    expect(countInstitutions(t.db, { roundId })).toBe(seeded + 2);
    expect(t.one<number>("select count(*) from audit_log")).toBe(auditBefore + 1);
    const audit = JSON.parse(t.one<string>("select after from audit_log order by id desc limit 1"));
    expect(audit.institutions.map((i: { title: string }) => i.title)).toEqual(["宝安区学位建设三年行动计划", "区教育局校外培训监管办法"]);
    expect(audit.id).toBe(report.id);

    const rows = listInstitutions(t.db, { roundId });
    expect(rows).toHaveLength(seeded + 2);
    const plan = rows.find((r) => r.title === "宝安区学位建设三年行动计划")!;
    expect(plan).toMatchObject({ documentNumber: "深宝教〔2026〕3号", issuedDate: "2026-10-09", unitName: "区教育局", measureId });
    // Newest issued first; rules without a date last.
    expect(rows[0]!.title).toBe("宝安区学位建设三年行动计划");
    expect(rows.at(-1)!.issuedDate).toBeNull();
    expect(countInstitutions(t.db, { roundId: roundId + 1000 })).toBe(0);
  });
});

describe("institutionSchema", () => {
  const messages = (value: unknown) => institutionSchema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

  it("accepts a rule with or without number and date", () => {
    expect(institutionSchema.parse({ title: " 制度 ", documentNumber: "", issuedDate: "" })).toEqual({ title: "制度", documentNumber: "", issuedDate: null });
    expect(institutionSchema.parse({ title: "制度" })).toEqual({ title: "制度", documentNumber: "", issuedDate: null });
  });

  it("explains each mistake in Chinese", () => {
    expect(messages({ title: "  " })).toEqual(["title: 请输入制度名称"]);
    expect(messages({ title: "制".repeat(201) })).toEqual(["title: 制度名称不能超过 200 个字符"]);
    expect(messages({ title: "制度", documentNumber: "号".repeat(101) })).toEqual(["documentNumber: 文号不能超过 100 个字符"]);
    expect(messages({ title: "制度", issuedDate: "2026-02-30" })).toEqual(["issuedDate: 印发日期不是有效日期"]);
    expect(messages({ title: "制度", issuedDate: "2026/02/01" })[0]).toBe("issuedDate: 印发日期格式应为 YYYY-MM-DD");
    expect(institutionsSchema.safeParse(Array.from({ length: 51 }, () => ({ title: "制度" }))).error?.issues[0]?.message).toBe("一次最多登记 50 项制度");
  });
});
