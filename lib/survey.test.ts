import { describe, expect, it } from "vitest";
import { MAX_SURVEY_SUBMISSIONS, SURVEY_WINDOW_MS, surveyWaitMinutes } from "@/lib/security/survey-limit";
import { addCounts, byAspect, formatRate, noChoices, overall, questionResult, surveySentence, tally, type QuestionCounts } from "@/lib/survey";
import { createSurveySchema, surveyAnswerSchema } from "@/lib/validations/survey";

// 群众满意度测评's rules: the rate's formula, the roll-up per aspect, the form and answer
// validation, and the flood limit.

const counts = (satisfied: number, basically: number, dissatisfied: number, unknown: number) => ({
  satisfied,
  basically_satisfied: basically,
  dissatisfied,
  unknown,
});

describe("满意率 =(满意 + 基本满意)÷(作答人数 − 不了解)", () => {
  it.each([
    // 254 WeChat answers on one question: 180 + 50 satisfied of 254 − 14 unsure.
    { c: counts(180, 50, 10, 14), answered: 254, rate: 230 / 240, shown: "95.8%" },
    { c: counts(1, 0, 1, 0), answered: 2, rate: 0.5, shown: "50.0%" },
    { c: counts(0, 0, 0, 3), answered: 3, rate: null, shown: "—" },
    { c: counts(0, 0, 0, 0), answered: 0, rate: null, shown: "—" },
    { c: counts(0, 0, 7, 1), answered: 8, rate: 0, shown: "0.0%" },
  ])("$shown", ({ c, answered, rate, shown }) => {
    const result = tally(c);
    expect(result.answered).toBe(answered);
    expect(result.rate).toBe(rate);
    expect(formatRate(result.rate)).toBe(shown);
  });
});

describe("按方面汇总", () => {
  const q = (id: number, aspectId: number | null, aspectName: string | null, c: QuestionCounts["counts"]): QuestionCounts => ({
    id, text: `题${id}`, subject: "problem", aspectId, aspectName, counts: c, online: c, paper: noChoices(),
  });
  const questions = [
    q(1, 10, "一、落实主体责任方面", counts(5, 3, 2, 0)),
    q(2, 20, "二、作风建设方面", counts(1, 1, 0, 8)),
    q(3, 10, "一、落实主体责任方面", counts(4, 0, 0, 1)),
    q(4, null, null, counts(0, 0, 1, 0)),
  ];

  it("一个方面的题目与其问题的题目相加,按首次出现的顺序", () => {
    expect(byAspect(questions).map((r) => [r.aspectName, r.questions, r.result.answered, r.result.rate])).toEqual([
      ["一、落实主体责任方面", 2, 15, 12 / 14],
      ["二、作风建设方面", 1, 10, 1],
      ["未归入方面的问题", 1, 1, 0],
    ]);
  });

  it("总体把每道题的作答相加", () => {
    expect(overall(questions)).toMatchObject({ answered: 26, satisfied: 10, unknown: 9, rate: 14 / 17 });
  });
});

describe("网上答卷与纸质问卷合并计算", () => {
  // A county's figures: 254 answers by WeChat, 238 paper forms of which 6 left the question blank.
  const online = counts(180, 50, 10, 14);
  const paper = counts(170, 40, 12, 10);
  const question = (id: number, aspectId: number, o = online, p = paper): QuestionCounts => ({
    id, text: `题${id}`, subject: "aspect", aspectId, aspectName: `方面${aspectId}`, online: o, paper: p, counts: addCounts(o, p),
  });

  it("每题:网上、纸质、合计作答人数,满意率按合计计算", () => {
    const result = questionResult(question(1, 1));
    expect(result).toMatchObject({ online: 254, paper: 232, answered: 486, satisfied: 350, basically_satisfied: 90, unknown: 24 });
    expect(result.rate).toBe(440 / 462);
    expect(formatRate(result.rate)).toBe("95.2%");
  });

  it("按方面与总体:分别相加,满意率不是两个比率的平均", () => {
    const onlyPaper = question(2, 2, noChoices(), counts(1, 0, 3, 0));
    const [first, second] = byAspect([question(1, 1), onlyPaper]);
    expect(first!.result).toMatchObject({ online: 254, paper: 232, answered: 486 });
    expect(second!.result).toMatchObject({ online: 0, paper: 4, answered: 4, rate: 0.25 });
    const all = overall([question(1, 1), onlyPaper]);
    expect(all).toMatchObject({ online: 254, paper: 236, answered: 490 });
    expect(all.rate).toBe(441 / 466);
  });

  it("通报的表述", () => {
    expect(surveySentence({ online: 254, paper: 238, rate: 440 / 462 })).toBe("开展群众满意度测评,共收回问卷492份,其中网上254份、纸质238份,满意率95.2%。");
    expect(surveySentence({ online: 0, paper: 3, rate: null })).toBe("开展群众满意度测评,共收回问卷3份,其中网上0份、纸质3份。");
    expect(surveySentence({ online: 0, paper: 0, rate: null })).toBeNull();
  });
});

describe("创建测评的表单", () => {
  const valid = { roundId: "3", title: "2026年群众满意度测评", intro: "", aspectIds: ["1", "2"], problemIds: "" };

  it("复选框列表:一个、多个或逗号相连,去重", () => {
    expect(createSurveySchema.parse({ ...valid, aspectIds: "5" }).aspectIds).toEqual([5]);
    expect(createSurveySchema.parse({ ...valid, aspectIds: ["5", "5", "6"] }).aspectIds).toEqual([5, 6]);
    expect(createSurveySchema.parse({ ...valid, problemIds: "7,8" }).problemIds).toEqual([7, 8]);
  });

  it("至少一道题,至多 60 道,标题必填", () => {
    const none = createSurveySchema.safeParse({ ...valid, aspectIds: [] });
    expect(none.error?.issues[0]).toMatchObject({ message: "请至少选择一个方面或问题作为测评题目", path: ["aspectIds"] });
    const many = createSurveySchema.safeParse({ ...valid, aspectIds: Array.from({ length: 40 }, (_, i) => String(i + 1)), problemIds: Array.from({ length: 30 }, (_, i) => String(i + 1)) });
    expect(many.error?.issues[0]?.message).toBe("一份问卷最多 60 道题,请减少所选的方面或问题");
    expect(createSurveySchema.safeParse({ ...valid, title: "  " }).error?.issues[0]?.message).toBe("请输入测评标题");
  });
});

describe("群众提交的答卷", () => {
  it("每题四选一,意见建议 500 字以内", () => {
    const ok = surveyAnswerSchema.parse({ answers: [{ questionId: 1, choice: "basically_satisfied" }], comment: "<script>alert(1)</script>" });
    expect(ok.comment).toBe("<script>alert(1)</script>");
    expect(surveyAnswerSchema.parse({ answers: [{ questionId: 1, choice: "unknown" }] }).comment).toBe("");
    expect(surveyAnswerSchema.safeParse({ answers: [{ questionId: 1, choice: "很好" }] }).error?.issues[0]?.message).toBe("请为每道题选择满意、基本满意、不满意或不了解");
    expect(surveyAnswerSchema.safeParse({ answers: [{ questionId: 1, choice: "satisfied" }], comment: "长".repeat(501) }).error?.issues[0]?.message).toBe("意见建议不能超过 500 个字符");
    expect(surveyAnswerSchema.safeParse({ answers: [] }).error?.issues[0]?.message).toBe("请作答后再提交");
    // Nothing but the question and the choice: no room to smuggle other fields in.
    expect(surveyAnswerSchema.safeParse({ answers: [{ questionId: 1, choice: "satisfied", ip: "10.0.0.1" }] }).success).toBe(false);
  });
});

describe("同一地址的提交频率", () => {
  const now = 1_800_000_000_000;
  it(`${MAX_SURVEY_SUBMISSIONS} 次以内放行,再多就等最早的一次移出窗口`, () => {
    const times = Array.from({ length: MAX_SURVEY_SUBMISSIONS - 1 }, (_, i) => now - i * 1000);
    expect(surveyWaitMinutes(times, now)).toBe(0);
    const full = [...times, now - 60_000];
    expect(surveyWaitMinutes(full, now)).toBe(Math.ceil((SURVEY_WINDOW_MS - 60_000) / 60_000));
    expect(surveyWaitMinutes(full.map((t) => t - SURVEY_WINDOW_MS), now)).toBe(0);
  });
});
