import { CLUE_STAGE_LABELS, ROUND_KIND_LABELS, type ClueKind, type ClueStage, type ClueTimeLimit, type RoundKind } from "@/lib/domain";
import type { NotificationInput } from "@/lib/notification";

// The rules of the 信访件、问题线索 register, pure: when an item is due, which stage may follow
// which, when it is 办结 or overdue, and the counts the 通报 publishes. The register's pages,
// its writes, the reminder job and the report all ask these.

/** 审结 and 予以了结 end the handling: the item is 办结. */
export const CONCLUDED_STAGES: readonly ClueStage[] = ["concluded", "dismissed"];

/** Stages an item reaches only through 立案 (nothing leads back out): a case filed. */
export const FILED_STAGES: readonly ClueStage[] = ["filed", "investigation", "trial", "concluded"];

// 线索处置's four ways out of registration, then the case's own order. A shelved (暂存待查)
// item may be taken up again by a 初核 or closed; nothing follows 办结.
const NEXT_STAGES: Record<ClueStage, readonly ClueStage[]> = {
  registered: ["inquiry", "preliminary", "shelved", "dismissed"],
  inquiry: ["preliminary", "shelved", "dismissed"],
  preliminary: ["filed", "shelved", "dismissed"],
  filed: ["investigation"],
  investigation: ["trial"],
  trial: ["concluded"],
  concluded: [],
  shelved: ["preliminary", "dismissed"],
  dismissed: [],
};

export function nextStages(stage: ClueStage): readonly ClueStage[] {
  return NEXT_STAGES[stage];
}

/** Why `to` may not follow `from`, in words the user can act on; null when it may. */
export function stageChangeRefusal(from: ClueStage, to: ClueStage): string | null {
  if (NEXT_STAGES[from].includes(to)) return null;
  if (CONCLUDED_STAGES.includes(from)) return `该件已${CLUE_STAGE_LABELS[from]},不能再变更办理阶段`;
  const allowed = NEXT_STAGES[from].map((s) => `“${CLUE_STAGE_LABELS[s]}”`).join("、");
  return `“${CLUE_STAGE_LABELS[from]}”之后只能进入${allowed},不能直接进入“${CLUE_STAGE_LABELS[to]}”`;
}

export function isConcluded(stage: ClueStage): boolean {
  return CONCLUDED_STAGES.includes(stage);
}

/**
 * The due date of an item received on `receivedDate` with `timeLimit` months (or the date
 * the team named). A month later than the 31st is that month's last day: 8月31日 + 6个月 is
 * 2月28日 (or 29日), not 3月3日.
 */
export function clueDueDate(receivedDate: string, timeLimit: ClueTimeLimit, explicitDate: string | null): string | null {
  if (timeLimit === "date") return explicitDate;
  const [y, m, d] = receivedDate.split("-").map(Number) as [number, number, number];
  const monthIndex = m - 1 + Number(timeLimit);
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** Past its due date and not 办结: the reminder job tells the register's users once. */
export function isClueOverdue(clue: { stage: ClueStage; dueDate: string }, today: string): boolean {
  return !isConcluded(clue.stage) && clue.dueDate < today;
}

/**
 * The reminder job's word to the register's keepers about an overdue item: once per item
 * and due date (the dedupe key), however often the job runs. It names neither the item nor
 * its round: notifications may be pushed to a group chat (RECTIFY_WEBHOOK_URL), and the
 * register is only for those who may open the link.
 */
export function clueOverdueNotification(clue: { id: number; dueDate: string }): NotificationInput {
  return {
    kind: "clue_overdue",
    title: "有移交的信访件或问题线索超过办理时限",
    body: `应于${clue.dueDate}前办结,尚未办结。请登录后在“信访件与问题线索”中查看。`,
    link: `/clues/${clue.id}`,
    dedupeKey: `clue_overdue:clue:${clue.id}:${clue.dueDate}`,
  };
}

/** The people an item's handling dealt with, as the 通报 counts them. */
export interface ClueOutcome {
  peopleHandled: number;
  disciplined: number;
  organizational: number;
  prosecuted: number;
}

/** Why these outcome counts cannot stand; null when they can. */
export function outcomeRefusal(o: ClueOutcome): string | null {
  if (o.disciplined > o.peopleHandled) return "给予党纪政务处分的人数不能多于处理人数";
  if (o.organizational > o.peopleHandled) return "组织处理的人数不能多于处理人数";
  if (o.prosecuted > o.peopleHandled) return "移送司法机关的人数不能多于处理人数";
  return null;
}

export interface ClueFigures {
  petitions: number;
  clues: number;
  /** 办结: 审结 or 予以了结. */
  concluded: number;
  /** Items that reached 立案. */
  filed: number;
  peopleHandled: number;
  disciplined: number;
  organizational: number;
  prosecuted: number;
}

/** The register's counts, from its rows: what the 通报 and the leaders' summary show. */
export function clueFigures(rows: readonly ({ kind: ClueKind; stage: ClueStage } & ClueOutcome)[]): ClueFigures {
  const figures: ClueFigures = { petitions: 0, clues: 0, concluded: 0, filed: 0, peopleHandled: 0, disciplined: 0, organizational: 0, prosecuted: 0 };
  for (const row of rows) {
    if (row.kind === "petition") figures.petitions += 1;
    else figures.clues += 1;
    if (isConcluded(row.stage)) figures.concluded += 1;
    if (FILED_STAGES.includes(row.stage)) figures.filed += 1;
    figures.peopleHandled += row.peopleHandled;
    figures.disciplined += row.disciplined;
    figures.organizational += row.organizational;
    figures.prosecuted += row.prosecuted;
  }
  return figures;
}

/**
 * The 通报's paragraph on the items handed over, in the words published reports use:
 * "巡视移交信访件X件、问题线索Y件,已办结Z件;立案N件,处理M人,其中给予党纪政务处分A人、
 * 组织处理B人,移送司法机关C人。" Parts with nothing to report are left out.
 */
export function clueSentence(kind: RoundKind, f: ClueFigures): string {
  const team = `${ROUND_KIND_LABELS[kind]}组`;
  const handedOver = [f.petitions ? `信访件${f.petitions}件` : "", f.clues ? `问题线索${f.clues}件` : ""].filter(Boolean).join("、");
  const total = f.petitions + f.clues;
  const parts = [`${team}移交${handedOver},已办结${f.concluded}件${f.concluded < total ? `,正在办理${total - f.concluded}件` : ""}`];
  const people = [
    f.disciplined ? `给予党纪政务处分${f.disciplined}人` : "",
    f.organizational ? `组织处理${f.organizational}人` : "",
    f.prosecuted ? `移送司法机关${f.prosecuted}人` : "",
  ].filter(Boolean);
  const handled = f.peopleHandled ? `,处理${f.peopleHandled}人${people.length ? `,其中${people.join("、")}` : ""}` : "";
  parts.push(`立案${f.filed}件${handled}`);
  return `${parts.join(";")}。`;
}
