import { clueDueDate } from "@/lib/clues";
import type { ClueHandler, ClueKind, ClueStage, ClueTimeLimit } from "@/lib/domain";
import type { Tx } from "../client";
import { clues, clueStageChanges } from "../schema";

// A few items the inspection team handed over, so a newcomer sees the register and the
// 通报's section on it: one 审结 with people disciplined, one under 审查调查, one 初核 past
// its time limit (the reminder job tells the register's keepers), one petition 予以了结.
// Dates lie around today as the demo's deadlines do; titles are of the kind published
// reports summarise, naming no one.

interface DemoClue {
  kind: ClueKind;
  number: string;
  title: string;
  handler: ClueHandler;
  handlerUnit?: string;
  receivedOffset: number;
  timeLimit: ClueTimeLimit;
  /** The stages it went through after registration, each with its day offset and note. */
  stages: [ClueStage, number, string][];
  outcome?: { peopleHandled: number; disciplined: number; organizational: number; prosecuted: number };
}

const DEMO_CLUES: DemoClue[] = [
  {
    kind: "clue",
    number: "巡察移交线索第1号",
    title: "反映某社区工作站工作人员违规收受管理服务对象礼金问题",
    handler: "commission",
    receivedOffset: -200,
    timeLimit: "6",
    stages: [
      ["preliminary", -190, "成立核查组开展初步核实"],
      ["filed", -150, "经初核,违纪事实基本清楚,予以立案"],
      ["investigation", -149, ""],
      ["trial", -80, "移送案件审理"],
      ["concluded", -40, "给予党内严重警告处分1人,对所在单位负责人诫勉1人"],
    ],
    outcome: { peopleHandled: 2, disciplined: 1, organizational: 1, prosecuted: 0 },
  },
  {
    kind: "clue",
    number: "巡察移交线索第2号",
    title: "反映区属国企某工程项目招投标中存在围标串标问题",
    handler: "commission",
    receivedOffset: -150,
    timeLimit: "12",
    stages: [
      ["preliminary", -140, ""],
      ["filed", -90, "涉嫌违纪违法,予以立案审查调查"],
      ["investigation", -89, "正在审查调查"],
    ],
  },
  {
    kind: "clue",
    number: "巡察移交线索第3号",
    title: "反映某单位领导干部违规兼职取酬问题",
    handler: "organization",
    receivedOffset: -120,
    timeLimit: "3",
    stages: [["preliminary", -100, "正在核实兼职审批情况"]],
  },
  {
    kind: "petition",
    number: "巡察移交信访件第1号",
    title: "群众反映学校周边上下学时段交通拥堵问题",
    handler: "unit",
    handlerUnit: "区教育局",
    receivedOffset: -100,
    timeLimit: "3",
    stages: [["dismissed", -60, "已会同交警部门设置临时停车区并答复信访人,予以了结"]],
  },
];

export function seedDemoClues(tx: Tx, params: { roundId: number; actorId: string; unitId: (name: string) => number; day: (offset: number) => string }) {
  for (const item of DEMO_CLUES) {
    const receivedDate = params.day(item.receivedOffset);
    const last = item.stages.at(-1)?.[0] ?? "registered";
    const clue = tx
      .insert(clues)
      .values({
        roundId: params.roundId,
        kind: item.kind,
        number: item.number,
        title: item.title,
        handler: item.handler,
        handlerUnitId: item.handlerUnit ? params.unitId(item.handlerUnit) : null,
        receivedDate,
        timeLimit: item.timeLimit,
        dueDate: clueDueDate(receivedDate, item.timeLimit, null)!,
        stage: last,
        ...item.outcome,
        createdById: params.actorId,
      })
      .returning()
      .get();
    let from: ClueStage | null = null;
    for (const [to, offset, note] of [["registered", item.receivedOffset, ""] as [ClueStage, number, string], ...item.stages]) {
      tx.insert(clueStageChanges).values({ clueId: clue.id, fromStage: from, toStage: to, changeDate: params.day(offset), note, actorId: params.actorId }).run();
      from = to;
    }
  }
}
