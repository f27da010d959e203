import type { Status } from "@/lib/domain";
import type { FigureCheck } from "./figure-check";
import type { Responsibility } from "./responsibility";

// What the outline parser makes of a feedback document, a draft plan or a published
// progress report: aspects → problems → measures, plus everything it could not place.
// The same shape goes to the preview, where the office edits it before the plan is created.

export interface ParsedProblem {
  /** 1, 2, 3 … across the whole document (reports restart (一) in every aspect; the plan cannot). */
  number: number;
  /** The marker the document wrote, e.g. "(十五)", or "" when the title had none. */
  label: string;
  title: string;
  /** null = the document says nothing about it (a feedback document, a draft plan). */
  status: Status | null;
  /** 完成时限 as written, "" when none. */
  deadlineText: string;
  /** 问题表现, lead-in text, responsible units … kept verbatim. */
  description: string;
  /** 整改情况 / 有关情况说明: what was done, as written. */
  progressText: string;
  measures: string[];
  /** 牵头领导 / 牵头单位 / 责任单位 as the document names them ("" and [] where it does not). */
  responsibility: Responsibility;
}

export interface ParsedAspect {
  /** "" = the document has no aspects: its problems stand on their own. */
  name: string;
  problems: ParsedProblem[];
}

/** Text that fits no rule, with where it was found; shown to the office, never dropped. */
export interface UnassignedText {
  /** The heading it stood under ("一、深入学习…"), or "文档开头". */
  context: string;
  text: string;
}

export interface ParsedDocument {
  aspects: ParsedAspect[];
  /** The figures the document states about itself, checked against the parse. */
  check: FigureCheck;
  /** Each top-level section and how it was read; the office may say otherwise and re-parse. */
  sections: { heading: string; role: "problems" | "prose" | "closing" }[];
  unassigned: UnassignedText[];
  /** Chinese sentences for the office: what was guessed, skipped or not understood. */
  warnings: string[];
}
