import { describe, expect, it } from "vitest";
import { clueDueDate, clueFigures, clueSentence, isClueOverdue, nextStages, outcomeRefusal, stageChangeRefusal } from "./clues";
import { CLUE_STAGES, type ClueStage } from "./domain";

describe("clueDueDate", () => {
  it.each([
    ["2026-03-15", "6", null, "2026-09-15"],
    ["2026-08-31", "6", null, "2027-02-28"], // no 2月31日: the month's last day
    ["2027-08-31", "6", null, "2028-02-29"], // a leap year
    ["2026-11-30", "3", null, "2027-02-28"],
    ["2026-01-10", "12", null, "2027-01-10"],
    ["2026-01-10", "date", "2026-04-30", "2026-04-30"],
  ] as const)("received %s with %s → %s", (received, limit, explicit, due) => {
    expect(clueDueDate(received, limit, explicit)).toBe(due);
  });
});

describe("the stages", () => {
  it.each([
    ["registered", "preliminary", null],
    ["registered", "shelved", null],
    ["preliminary", "filed", null],
    ["filed", "investigation", null],
    ["trial", "concluded", null],
    ["shelved", "preliminary", null],
    ["registered", "filed", "“已登记”之后只能进入“谈话函询”、“初步核实”、“暂存待查”、“予以了结”,不能直接进入“立案”"],
    ["filed", "dismissed", "“立案”之后只能进入“审查调查”,不能直接进入“予以了结”"],
    ["concluded", "trial", "该件已审结,不能再变更办理阶段"],
    ["dismissed", "preliminary", "该件已予以了结,不能再变更办理阶段"],
  ] as const)("%s → %s", (from, to, refusal) => {
    expect(stageChangeRefusal(from, to)).toBe(refusal);
  });

  it("never goes back to registration, and every stage is reachable from it", () => {
    const reached = new Set<ClueStage>(["registered"]);
    for (const s of reached) for (const n of nextStages(s)) reached.add(n); // a Set iterates what is added meanwhile
    expect([...reached].sort()).toEqual([...CLUE_STAGES].sort());
    for (const s of CLUE_STAGES) expect(nextStages(s)).not.toContain("registered");
  });
});

describe("isClueOverdue", () => {
  it.each([
    ["preliminary", "2026-11-19", "2026-11-20", true],
    ["preliminary", "2026-11-20", "2026-11-20", false], // due today is not late yet
    ["shelved", "2026-10-01", "2026-11-20", true],
    ["concluded", "2026-10-01", "2026-11-20", false],
    ["dismissed", "2026-10-01", "2026-11-20", false],
  ] as const)("%s due %s on %s → %s", (stage, dueDate, today, overdue) => {
    expect(isClueOverdue({ stage, dueDate }, today)).toBe(overdue);
  });
});

describe("outcomeRefusal", () => {
  it("allows a person both disciplined and organisationally handled, never more than were handled", () => {
    expect(outcomeRefusal({ peopleHandled: 2, disciplined: 2, organizational: 1, prosecuted: 0 })).toBeNull();
    expect(outcomeRefusal({ peopleHandled: 1, disciplined: 2, organizational: 0, prosecuted: 0 })).toBe("给予党纪政务处分的人数不能多于处理人数");
    expect(outcomeRefusal({ peopleHandled: 0, disciplined: 0, organizational: 0, prosecuted: 1 })).toBe("移送司法机关的人数不能多于处理人数");
  });
});

describe("the 通报's counts and sentence", () => {
  const none = { peopleHandled: 0, disciplined: 0, organizational: 0, prosecuted: 0 };
  const figures = clueFigures([
    { kind: "clue", stage: "concluded", peopleHandled: 3, disciplined: 2, organizational: 1, prosecuted: 1 },
    { kind: "clue", stage: "investigation", ...none },
    { kind: "clue", stage: "dismissed", ...none },
    { kind: "petition", stage: "preliminary", ...none },
    { kind: "petition", stage: "dismissed", peopleHandled: 1, disciplined: 0, organizational: 1, prosecuted: 0 },
  ]);

  it("counts kinds, 办结 (审结 or 予以了结), 立案 and people", () => {
    expect(figures).toEqual({ petitions: 2, clues: 3, concluded: 3, filed: 2, peopleHandled: 4, disciplined: 2, organizational: 2, prosecuted: 1 });
  });

  it("says them as published reports do, leaving out what is zero", () => {
    expect(clueSentence("inspection", figures)).toBe(
      "巡视组移交信访件2件、问题线索3件,已办结3件,正在办理2件;立案2件,处理4人,其中给予党纪政务处分2人、组织处理2人、移送司法机关1人。",
    );
    expect(clueSentence("patrol", clueFigures([{ kind: "clue", stage: "dismissed", ...none }]))).toBe("巡察组移交问题线索1件,已办结1件;立案0件。");
  });
});
