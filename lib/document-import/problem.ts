import type { Status } from "@/lib/domain";
import { extractStatusTag, splitEnumeration, splitLabels, splitNumberedList, statusWord, type LabelKind } from "./outline";
import { bodyItems, childNodes, sourceLines, type OutlineNode } from "./tree";
import { addResponsibility, type Responsibility } from "./responsibility";
import type { ParsedProblem } from "./types";

// One problem's body → its measures, description, progress text, 完成时限 and status.
//
// Measures are, in order of preference: the items of 一是/二是/…; numbered sub-items
// ("1.加强学习。" as one line); a paragraph that stands alone under a heading with no
// items. A numbered line that is itself a heading ("1.针对学习不深入的问题", with its own
// paragraphs or items below) is a sub-heading: its measures carry it as a prefix
// "【针对学习不深入的问题】…", because the plan has three levels and the document may have
// five; the office can split those measures into problems of their own in the preview.

type Mode = "default" | "description" | "measures" | "progress";

interface Collected {
  measures: string[];
  description: string[];
  progress: string[];
  deadlines: string[];
  status: Status | null;
  /** Statuses written on measures ("一是…(已完成)"), rolled up when the problem has none. */
  measureStatuses: (Status | null)[];
  responsibility: Responsibility;
}

/** `feedbackOnly`: the document has no measures at all (a 反馈意见): bodies are descriptions. */
export function readProblem(node: OutlineNode, options: { number: number; feedbackOnly: boolean }): ParsedProblem {
  const tagged = extractStatusTag(node.title);
  const title = tagged.text.replace(/[。.;；:：,，]+$/, "").trim();
  const collected: Collected = {
    measures: [], description: [], progress: [], deadlines: [], status: tagged.status, measureStatuses: [], responsibility: { leadLeader: "", leadUnit: "", coUnits: [] },
  };
  if (options.feedbackOnly) {
    collected.description.push(...bodyLines(node));
  } else {
    readHeading(node, [], collected);
  }
  if (collected.measures.length === 0 && !options.feedbackOnly) {
    // "整改情况:" and prose, no items: what was done is the one measure there is.
    collected.measures.push(...collected.progress);
  }
  let status = collected.status;
  if (status === null && collected.measureStatuses.length > 0 && collected.measureStatuses.every((s) => s !== null)) {
    status = rollUp(collected.measureStatuses as Status[]);
  }
  return {
    number: options.number,
    label: node.label,
    title: title || node.source,
    status,
    deadlineText: collected.deadlines.join(";"),
    description: collected.description.join("\n"),
    progressText: collected.progress.join("\n"),
    measures: collected.measures,
    responsibility: collected.responsibility,
  };
}

function rollUp(statuses: Status[]): Status {
  if (statuses.every((s) => s === "completed")) return "completed";
  if (statuses.every((s) => s !== "incomplete")) return "basically_completed";
  return "incomplete";
}

function bodyLines(node: OutlineNode): string[] {
  const lines = node.inlineBody ? [node.inlineBody] : [];
  for (const item of node.items) {
    if (item.type === "paragraph") lines.push(item.text);
    else lines.push(...sourceLines(item.node));
  }
  return lines;
}

/** A numbered line with something of its own below it, but no sentence of its own. */
function isSubHeading(node: OutlineNode): boolean {
  if (childNodes(node).length > 0) return true;
  // "1.加强学习教育。" ends like a sentence: a measure, whatever follows it.
  return node.inlineBody === "" && !/[。!?！？;；]$/.test(node.text) && node.items.length > 0;
}

function readHeading(node: OutlineNode, chain: string[], out: Collected): void {
  const prefix = chain.length > 0 ? `【${chain.join(" / ")}】` : "";
  let mode = "default" as Mode; // changed by the closures below
  let enumerating = false; // an 一是… sequence is open: loose paragraphs continue its last item
  let expected = 1;
  let producedMeasures = false; // by this heading or its sub-headings
  const loose: string[] = []; // paragraphs before any item: lead-in, or the measures themselves

  const addMeasure = (text: string) => {
    const tagged = extractStatusTag(text);
    out.measures.push(prefix + tagged.text);
    out.measureStatuses.push(tagged.status);
    producedMeasures = true;
  };
  const appendToLastMeasure = (text: string) => {
    out.measures[out.measures.length - 1] += `\n${text}`;
  };

  const readContent = (text: string, asProgress: boolean) => {
    let { lead, items } = splitEnumeration(text, expected);
    // After "整改措施:" a numbered list in one paragraph is the measures too.
    if (items.length === 0 && mode === "measures" && !enumerating) ({ lead, items } = splitNumberedList(text));
    if (items.length === 0) {
      if (enumerating) appendToLastMeasure(text);
      else if (mode === "measures") addMeasure(text);
      else if (!asProgress) loose.push(text);
      return;
    }
    if (lead) {
      if (enumerating) appendToLastMeasure(lead);
      else if (!asProgress) loose.push(lead);
    }
    for (const item of items) addMeasure(item.text);
    enumerating = true;
    expected = items.at(-1)!.ordinal + 1;
  };

  const readParagraph = (paragraph: string) => {
    const alone = extractStatusTag(paragraph);
    if (alone.status && alone.text === "") {
      out.status ??= alone.status;
      return;
    }
    for (const segment of splitLabels(paragraph)) {
      if (segment.kind !== null) mode = modeAfter(segment.kind, mode);
      readSegment(segment.kind, segment.name, segment.text);
    }
  };

  const readSegment = (kind: LabelKind | null, name: string, text: string) => {
    switch (kind) {
      case "deadline":
        if (text) out.deadlines.push(text.replace(/[。;；]$/, ""));
        return;
      case "status": {
        const status = statusWord(text);
        if (status) out.status ??= status;
        else if (text) out.progress.push(`${name}:${text}`);
        return;
      }
      case "responsibility":
        // Kept verbatim in the description too: nothing the document says is lost.
        if (text) out.description.push(`${prefix}${name}:${text}`);
        addResponsibility(out.responsibility, name, text);
        return;
      case "description":
        if (text) out.description.push(prefix + text);
        return;
      case "progress":
      case "explanation":
        if (text) out.progress.push(prefix + text);
        // What was done, item by item, is the plan's measures unless the document lists those separately.
        if (text) readContent(text, true);
        return;
      case "nextSteps":
        if (text) addMeasure(`【${name}】${text}`);
        return;
      case "measures":
        enumerating = false;
        expected = 1;
        if (text) readContent(text, false);
        return;
      case null:
        if (mode === "description") out.description.push(prefix + text);
        else if (mode === "progress") {
          out.progress.push(prefix + text);
          readContent(text, true);
        } else readContent(text, false);
    }
  };

  for (const item of bodyItems(node)) {
    if (item.type === "paragraph") {
      readParagraph(item.text);
      continue;
    }
    const child = item.node;
    enumerating = false;
    expected = 1;
    if (mode === "description") {
      // "问题表现:" followed by a numbered list: the problem's manifestations, verbatim.
      out.description.push(...sourceLines(child).map((line) => prefix + line));
    } else if (isSubHeading(child)) {
      const before = out.measures.length;
      const tagged = extractStatusTag(child.title);
      readHeading({ ...child, title: tagged.text }, [...chain, tagged.text || child.source], out);
      if (out.measures.length > before) producedMeasures = true;
    } else {
      // "1.加强学习。组织…": the whole line (and any paragraph under it) is one measure.
      const text = [child.text, ...sourceLines(child).slice(1)].join("\n");
      if (mode === "progress") out.progress.push(prefix + text);
      addMeasure(text);
    }
  }

  // Paragraphs never followed by items: under a heading with no measures of its own they
  // are its measures (a report's "what was done"); otherwise they lead in to the items.
  if (!producedMeasures) for (const text of loose) addMeasure(text);
  else for (const text of loose) out.description.push(prefix + text);
}

function modeAfter(kind: LabelKind, mode: Mode): Mode {
  switch (kind) {
    case "description":
    case "responsibility":
      return "description";
    case "measures":
    case "nextSteps":
      return "measures";
    case "progress":
    case "explanation":
      return "progress";
    default:
      return mode;
  }
}
