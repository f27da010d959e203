import type { Tx } from "../client";
import { aspects, measures, problems, progressReports, rounds } from "../schema";

// An earlier round of the same body, finished and archived, so a newcomer sees 反弹回潮 at
// work: its 第2号问题 on 八项规定 comes back, worded anew, as the demo round's 第10号问题,
// and the panel on that problem's page shows it with what was promised then. Its texts are
// of the genre (the demo round's report and the others in ../shared/reference), not a real
// report of 2018; all its measures were signed off, one of them 并长期坚持, so the 回头看
// the recurrence proposes can be scheduled for it.

export const EARLIER_ROUND_NAME = "区委第三巡察组巡察宝安区反馈意见整改(2018年)";

const EARLIER_PROBLEMS = [
  {
    title: "关于党委理论学习中心组学习制度执行不严格的问题",
    measures: [{ text: "修订区委理论学习中心组学习规则,建立学习情况通报制度。", leadUnit: "区委宣传部", ongoing: false }],
  },
  {
    title: "关于违反中央八项规定精神问题禁而未绝的问题",
    measures: [
      { text: "开展违规发放津补贴、公款吃喝专项整治,对发现的问题立查立改。", leadUnit: "区纪委监委", ongoing: false },
      { text: "建立公务用车使用登记和定期检查制度,常态化开展公车使用检查。", leadUnit: "区机关事务管理局", ongoing: true },
    ],
  },
  {
    title: "关于政府投资项目审批管理不规范的问题",
    measures: [{ text: "出台政府投资项目管理办法,规范项目审批流程。", leadUnit: "区发展改革局", ongoing: false }],
  },
];

export function seedDemoEarlierRound(tx: Tx, params: { inspectedBody: string; inspectedUnitId: number; officeId: string; unitId: (name: string) => number }) {
  const round = tx
    .insert(rounds)
    .values({
      name: EARLIER_ROUND_NAME,
      kind: "patrol",
      inspectingBody: "区委第三巡察组",
      inspectedBody: params.inspectedBody,
      inspectedUnitId: params.inspectedUnitId,
      inspectionStart: "2018-03-05",
      inspectionEnd: "2018-04-27",
      feedbackDate: "2018-06-15",
      deadline: "2018-12-31",
      reportCycle: "none",
      archivedAt: new Date("2019-03-01T00:00:00Z"),
    })
    .returning()
    .get();
  const aspect = tx.insert(aspects).values({ roundId: round.id, position: 1, name: "落实全面从严治党责任方面" }).returning().get();
  EARLIER_PROBLEMS.forEach((problem, index) => {
    const row = tx
      .insert(problems)
      .values({ roundId: round.id, aspectId: aspect.id, number: index + 1, title: problem.title, leadUnitId: params.unitId(problem.measures[0]!.leadUnit), status: "completed" })
      .returning()
      .get();
    problem.measures.forEach((measure, position) => {
      const measureRow = tx
        .insert(measures)
        .values({
          roundId: round.id,
          problemId: row.id,
          position: position + 1,
          text: measure.text,
          leadUnitId: params.unitId(measure.leadUnit),
          deadline: "2018-12-31",
          deadlineKind: measure.ongoing ? "ongoing" : "date",
          deadlineText: measure.ongoing ? "2018年12月底,并长期坚持" : "2018年12月底",
          category: measure.ongoing ? "long_term" : "time_limited",
          status: "completed",
        })
        .returning()
        .get();
      // Signed off as every completed measure is: the unit's claim, verified by the office.
      tx.insert(progressReports)
        .values({
          measureId: measureRow.id,
          unitId: measureRow.leadUnitId!,
          authorId: params.officeId,
          reportDate: "2018-12-20",
          text: "已按整改措施完成整改,相关制度已印发执行。",
          claimedStatus: "completed",
          isClaim: true,
          reviewState: "signed_off",
          reviewerId: params.officeId,
          reviewedAt: new Date("2018-12-28T00:00:00Z"),
          percent: 100,
        })
        .run();
    });
  });
  return round;
}
