import type { Status } from "@/lib/domain";
import type { DocumentPlan } from "@/lib/validations/document-import";
import type { Responsibility } from "./responsibility";
import type { ParsedDocument } from "./types";

// The preview's working copy of a parsed document and the corrections the office can make
// before confirming: rename, merge into the previous problem, split measures off into a
// new problem (by sub-heading in one step), move to another aspect, or move a measure
// that is really part of the problem's description. Pure functions returning a new draft,
// shared by the browser (useState) and the tests. Numbers follow the order, as on import.

export interface DraftProblem {
  key: string;
  label: string;
  title: string;
  description: string;
  status: Status | null;
  deadlineText: string;
  progressText: string;
  measures: string[];
  responsibility: Responsibility;
}

export interface DraftAspect {
  key: string;
  name: string;
  problems: DraftProblem[];
}

export type Draft = DraftAspect[];

/** A problem's place in the draft. */
export interface At {
  aspect: number;
  problem: number;
}

let nextKey = 0;
const newKey = (prefix: string) => `${prefix}${++nextKey}`;

export function draftFrom(parsed: ParsedDocument): Draft {
  return parsed.aspects.map((aspect) => ({
    key: newKey("a"),
    name: aspect.name,
    problems: aspect.problems.map((p) => ({
      key: newKey("p"),
      label: p.label,
      title: p.title,
      description: p.description,
      status: p.status,
      deadlineText: p.deadlineText,
      progressText: p.progressText,
      measures: [...p.measures],
      responsibility: { ...p.responsibility, coUnits: [...p.responsibility.coUnits] },
    })),
  }));
}

/** What the server is sent (and re-checks): the tree without the preview's keys and labels. */
export function toPlan(draft: Draft): DocumentPlan {
  return {
    aspects: draft.map((aspect) => ({
      name: aspect.name,
      problems: aspect.problems.map(({ title, description, status, deadlineText, progressText, measures, responsibility }) => ({
        title,
        description,
        status,
        deadlineText,
        progressText,
        measures,
        responsibility,
      })),
    })),
  };
}

/** The number each problem will get: 1, 2, 3 … in order, as createPlanFromDocument assigns them. */
export function problemNumbers(draft: Draft): Map<string, number> {
  let number = 0;
  return new Map(draft.flatMap((aspect) => aspect.problems.map((p) => [p.key, ++number] as const)));
}

function update(draft: Draft, at: At, change: (problem: DraftProblem) => DraftProblem[]): Draft {
  return draft.map((aspect, a) =>
    a !== at.aspect ? aspect : { ...aspect, problems: aspect.problems.flatMap((p, i) => (i === at.problem ? change(p) : [p])) },
  );
}

export function renameProblem(draft: Draft, at: At, title: string): Draft {
  return update(draft, at, (p) => [{ ...p, title }]);
}

/** The office says what the document does not (or corrects what it was read as): the problem's status. */
export function setProblemStatus(draft: Draft, at: At, status: Status | null): Draft {
  return update(draft, at, (p) => [{ ...p, status }]);
}

/** The problem's description or 整改情况, corrected in the preview. */
export function editProblemText(draft: Draft, at: At, field: "description" | "progressText", text: string): Draft {
  return update(draft, at, (p) => [{ ...p, [field]: text }]);
}

export function editMeasure(draft: Draft, at: At, measure: number, text: string): Draft {
  return update(draft, at, (p) => [{ ...p, measures: p.measures.map((m, i) => (i === measure ? text : m)) }]);
}

const join = (...parts: string[]) => parts.filter(Boolean).join("\n");

/** The problem joins the one before it in its aspect; its title and text are kept in the description. */
export function mergeIntoPrevious(draft: Draft, at: At): Draft {
  if (at.problem === 0) return draft;
  return draft.map((aspect, a) => {
    if (a !== at.aspect) return aspect;
    const problems = [...aspect.problems];
    const [merged] = problems.splice(at.problem, 1);
    const previous = problems[at.problem - 1]!;
    problems[at.problem - 1] = {
      ...previous,
      description: join(previous.description, `并入:${merged!.title}`, merged!.description),
      progressText: join(previous.progressText, merged!.progressText),
      deadlineText: previous.deadlineText || merged!.deadlineText,
      status: previous.status === merged!.status ? previous.status : worse(previous.status, merged!.status),
      measures: [...previous.measures, ...merged!.measures],
    };
    return { ...aspect, problems };
  });
}

/** Merging 已完成 with 未完成 leaves the whole 未完成, as the roll-up would. */
function worse(a: Status | null, b: Status | null): Status | null {
  if (a === null || b === null) return a ?? b;
  const order: Status[] = ["incomplete", "basically_completed", "completed"];
  return order[Math.min(order.indexOf(a), order.indexOf(b))]!;
}

/** "【针对学习不深入的问题 / 对…的整改】加强学习" → its sub-headings and the text. */
export function measureHeading(measure: string): { chain: string[]; text: string } {
  const match = /^【([^】]+)】/.exec(measure);
  if (!match) return { chain: [], text: measure };
  return { chain: match[1]!.split(" / "), text: measure.slice(match[0].length) };
}

/** Drops `head` from the front of a measure's sub-heading chain. */
function withoutHead(measure: string, head: string): string {
  const { chain, text } = measureHeading(measure);
  if (chain[0] !== head) return measure;
  const rest = chain.slice(1);
  return rest.length > 0 ? `【${rest.join(" / ")}】${text}` : text;
}

/**
 * Measures from `measure` on become a new problem right after this one. Its title is the
 * sub-heading they were written under, when there is one; else the office must give one.
 */
export function splitMeasures(draft: Draft, at: At, measure: number): Draft {
  return update(draft, at, (p) => {
    if (measure <= 0 || measure >= p.measures.length) return [p];
    const moved = p.measures.slice(measure);
    const head = measureHeading(moved[0]!).chain[0];
    return [
      { ...p, measures: p.measures.slice(0, measure) },
      {
        key: newKey("p"),
        label: "",
        title: head ?? "",
        description: head ? `原属:${p.title}` : "",
        status: p.status,
        deadlineText: p.deadlineText,
        progressText: "",
        measures: head ? moved.map((m) => withoutHead(m, head)) : moved,
        // The same units answer for the part split off.
        responsibility: p.responsibility,
      },
    ];
  });
}

/** One problem per first-level sub-heading (the 1./2. under a (一) of the 罗湖 report). */
export function splitBySubheading(draft: Draft, at: At): Draft {
  return update(draft, at, (p) => {
    const groups: { head: string | null; measures: string[] }[] = [];
    for (const measure of p.measures) {
      const head = measureHeading(measure).chain[0] ?? null;
      const last = groups.at(-1);
      if (last && last.head === head) last.measures.push(measure);
      else groups.push({ head, measures: [measure] });
    }
    if (groups.filter((g) => g.head !== null).length < 2) return [p];
    return groups.map((group, index) => {
      const keepsOriginal = index === 0 && group.head === null;
      return {
        key: keepsOriginal ? p.key : newKey("p"),
        label: keepsOriginal ? p.label : "",
        title: group.head ?? p.title,
        description: keepsOriginal ? p.description : join(`原属:${p.title}`, index === 0 ? p.description : ""),
        status: p.status,
        deadlineText: p.deadlineText,
        progressText: index === 0 ? p.progressText : "",
        measures: group.head ? group.measures.map((m) => withoutHead(m, group.head!)) : group.measures,
        responsibility: p.responsibility,
      };
    });
  });
}

/** The problem goes to the end of another aspect. */
export function moveProblem(draft: Draft, at: At, targetAspect: number): Draft {
  if (targetAspect === at.aspect || !draft[targetAspect]) return draft;
  const problem = draft[at.aspect]?.problems[at.problem];
  if (!problem) return draft;
  return draft.map((aspect, a) => {
    if (a === at.aspect) return { ...aspect, problems: aspect.problems.filter((_, i) => i !== at.problem) };
    if (a === targetAspect) return { ...aspect, problems: [...aspect.problems, problem] };
    return aspect;
  });
}

/** A "measure" that is really the problem's wording (a feedback document's 一是…) joins the description. */
export function measureToDescription(draft: Draft, at: At, measure: number): Draft {
  return update(draft, at, (p) => [
    {
      ...p,
      description: join(p.description, p.measures[measure] ?? ""),
      measures: p.measures.filter((_, i) => i !== measure),
    },
  ]);
}

/** A new, empty aspect to move problems into (a document without aspects has none). */
export function addAspect(draft: Draft, name: string): Draft {
  const trimmed = name.trim();
  if (trimmed === "" || draft.some((a) => a.name === trimmed)) return draft;
  return [...draft, { key: newKey("a"), name: trimmed, problems: [] }];
}

export function renameAspect(draft: Draft, aspect: number, name: string): Draft {
  return draft.map((a, i) => (i === aspect ? { ...a, name } : a));
}
