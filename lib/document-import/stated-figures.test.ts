import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readStatedFigures, type StatedFigures } from "./stated-figures";

type Figures = Omit<StatedFigures, "sources">;
const NONE: Figures = { problems: null, completed: null, basicallyCompleted: null, incomplete: null, measures: null };
const figuresOf = (read: StatedFigures): Figures => ({
  problems: read.problems, completed: read.completed, basicallyCompleted: read.basicallyCompleted,
  incomplete: read.incomplete, measures: read.measures,
});
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8").split("\n");

// [what the row shows, the paragraphs, the figures the report states]
const ROWS: [string, string[], Partial<Figures>][] = [
  // ── the overall statement, in the wordings of the genre ──
  ["all three statuses in one sentence", ["截至2021年10月底,省委巡视组反馈的40个问题,目前已完成32个、基本完成7个、未完成1个。"],
    { problems: 40, completed: 32, basicallyCompleted: 7, incomplete: 1 }],
  ["巡视反馈问题N个", ["巡视反馈问题40个,区委逐一建立问题清单、任务清单、责任清单。"], { problems: 40 }],
  ["反馈的N个具体问题", ["区委对省委巡视组反馈的40个具体问题照单全收、逐项认领。"], { problems: 40 }],
  ["N个方面N个问题, with 反馈", ["区委对省委巡视组反馈的5个方面40个问题逐一分解落实。"], { problems: 40 }],
  ["N个方面N个问题 and measures, without 反馈", ["聚焦5个方面40个问题,制定整改措施145条,明确牵头领导和责任单位。"], { problems: 40, measures: 145 }],
  ["已整改完成N个", ["反馈的40个问题中,已整改完成32个,其余正在加快推进。"], { problems: 40, completed: 32 }],
  ["figures spread over two sentences", ["巡视反馈问题40个,制定整改措施145条。", "截至目前,已完成整改32个,基本完成7个,尚未完成1个。"],
    { problems: 40, completed: 32, basicallyCompleted: 7, incomplete: 1, measures: 145 }],
  ["正在整改N个, in the next paragraph", ["省委巡视组共反馈问题40个。", "目前已完成32个,基本完成7个,正在整改1个。"],
    { problems: 40, completed: 32, basicallyCompleted: 7, incomplete: 1 }],
  ["需长期坚持、持续整改的N个 counts as incomplete", ["反馈的40个问题中,已完成33个,需长期坚持、持续整改的7个。"],
    { problems: 40, completed: 33, incomplete: 7 }],
  ["制定整改措施N条", ["区委制定整改措施145条,逐项明确责任领导、责任单位和完成时限。"], { measures: 145 }],
  ["细化整改措施N项", ["对照反馈意见细化整改措施145项。"], { measures: 145 }],
  ["N项整改任务", ["形成“四清单、一台账”,明确145项整改任务。"], { measures: 145 }],
  ["整改措施N条 after 共明确", ["建立问题清单、任务清单、责任清单,共明确整改措施921条。"], { measures: 921 }],
  ["其中已完成N个, continuing", ["省委巡视组反馈问题40个。", "其中已完成31个,基本完成7个。"], { problems: 40, completed: 31, basicallyCompleted: 7 }],
  ["已全部整改完成, total in the same sentence", ["省委巡视组反馈的25个问题,目前已全部整改完成。"], { problems: 25, completed: 25 }],
  ["已全部整改完成, total in the sentence before", ["巡视反馈问题25个。", "截至11月底,问题已全部整改完成。"], { problems: 25, completed: 25 }],
  ["完成率100% is not a count", ["反馈的40个问题已全部整改完成,完成率100%。"], { problems: 40, completed: 40 }],
  ["Chinese numerals", ["省委巡视组反馈的五个方面四十个问题,已完成三十二个、基本完成七个、未完成一个。"],
    { problems: 40, completed: 32, basicallyCompleted: 7, incomplete: 1 }],
  ["一百四十五 and 两", ["反馈的二十个问题中,已完成十八个,尚未完成两个。", "制定整改措施一百四十五条。"],
    { problems: 20, completed: 18, incomplete: 2, measures: 145 }],
  ["full-width digits", ["反馈的４０个问题,已完成３２个。"], { problems: 40, completed: 32 }],
  ["count before the status word", ["反馈的40个问题中,32个问题已完成整改,7个问题基本完成,1个问题正在整改。"],
    { problems: 40, completed: 32, basicallyCompleted: 7, incomplete: 1 }],
  ["the total restated in the next sentence", ["区委对省委巡视组反馈的4个方面25个问题照单全收,细化制定整改措施112条。", "截至2022年3月底,25个问题中已完成21个、基本完成3个、未完成1个;112条整改措施已落实103条。"],
    { problems: 25, completed: 21, basicallyCompleted: 3, incomplete: 1, measures: 112 }],
  ["a sentence about something else ends the statement", ["巡视反馈问题40个。区委常委会4次研究整改工作。截至目前,已完成32个。"], { problems: 40 }],
  ["stated twice and conflicting: the first holds", ["反馈的40个问题,已完成32个。", "截至11月底,反馈的41个问题已完成35个。"], { problems: 40, completed: 32 }],
  ["a per-aspect sentence does not override", ["反馈的40个问题,已完成32个、基本完成7个、未完成1个。", "第一方面6个问题已完成5个,基本完成1个。"],
    { problems: 40, completed: 32, basicallyCompleted: 7, incomplete: 1 }],
  ["N个具体问题中 restates the total in a later paragraph", ["对反馈的24个具体问题,区委逐项制定整改措施98条。", "区委常委会7次专题研究巡视整改工作。", "截至2020年10月底,24个具体问题中已完成20个、基本完成4个,基本完成的问题正按照整改方案持续推进。"],
    { problems: 24, completed: 20, basicallyCompleted: 4, measures: 98 }],
  ["a count of other problems is no restatement", ["对反馈的24个具体问题,区委逐项制定整改措施98条。", "区委常委会7次专题研究巡视整改工作。", "12个问题中已完成10个。"],
    { problems: 24, measures: 98 }],
  ["measures in 条 between the total and 已完成N个", ["委党组针对反馈的40个问题制定整改措施136条，目前已完成32个、基本完成7个、未完成1个。"],
    { problems: 40, completed: 32, basicallyCompleted: 7, incomplete: 1, measures: 136 }],
  ["measures in 项 before 已完成N项 may be what is counted", ["反馈的40个问题,制定整改措施145项,已完成130项。"], { problems: 40, measures: 145 }],
  ["the round's figures in the last problem's text", ["二、巡视反馈问题整改落实情况", "（一）贯彻落实党中央重大决策部署方面的问题", "1.关于“巡视、审计等监督发现问题整改推进不力”的问题（已完成）", "整改情况：一是建立巡视整改周调度、月通报机制。二是建立巡视、巡察、审计监督贯通协调机制，推动发现问题一体整改。三是截至2022年5月底，省委巡视反馈的20个问题已完成16个、基本完成3个、未完成1个，制定的87条整改措施已完成79条，其余措施正在按序时进度推进。"],
    { problems: 20, completed: 16, basicallyCompleted: 3, incomplete: 1, measures: 87 }],
  ["in the list, 反馈的N个问题 needs status counts of its own", ["二、整改落实情况", "第一方面问题,落实主体责任不够到位", "(一)关于台账管理不规范的问题。巡视反馈问题40个,制定整改措施145条。", "截至目前,已完成32个。"], {}],
  ["in the list, 举一反三 beside the feedback total", ["二、整改落实情况", "第一方面问题,落实主体责任不够到位", "(一)关于台账管理不规范的问题。针对巡视反馈的40个问题,举一反三排查问题56个,已整改完成50个。"], {}],
  ["in the list, an earlier round", ["二、整改落实情况", "第一方面问题,落实主体责任不够到位", "(一)关于上轮巡视问题整改不到位的问题。上轮巡视反馈的12个问题已完成10个、基本完成2个。"], {}],
  ["in the list, a count without 巡视/反馈的", ["二、整改落实情况", "第一方面问题,落实主体责任不够到位", "(一)关于整改不到位的问题。区委指出问题20个,已完成16个。"], {}],
  ["the preamble's total and measures, the statuses inside the list", ["巡视反馈问题40个,制定整改措施145条。", "二、整改落实情况", "第一方面问题,落实主体责任不够到位", "(一)关于整改推进不力的问题。截至目前,省委巡视反馈的40个问题已完成32个、基本完成7个、未完成1个。"],
    { problems: 40, completed: 32, basicallyCompleted: 7, incomplete: 1, measures: 145 }],
  ["inside the list, a conflicting total does not override the preamble's", ["反馈的40个问题,已完成32个。", "二、整改落实情况", "第一方面问题,落实主体责任不够到位", "(一)关于整改推进不力的问题。省委巡视反馈的41个问题已完成35个。"],
    { problems: 40, completed: 32 }],
  ["figures after the problem list, none inside it", ["二、整改落实情况", "第一方面问题,落实主体责任不够到位", "(一)关于台账管理不规范的问题。反馈的问题梳理问题12个,制定整改措施30条,已完成10个。", "三、下一步工作", "目前,反馈的40个问题尚有1个未完成。"],
    { problems: 40, incomplete: 1 }],

  // ── counts about other things ──
  ["per-aspect figures alone", ["其中,第一方面的6个问题已完成5个。"], {}],
  ["petitions, clues, cases, discipline", ["对巡视组移交的信访件126件、问题线索15件,已办结12件,立案5件,给予党纪政务处分6人,约谈23人。"], {}],
  ["rules issued and money recovered", ["建章立制148项,制定完善制度148项,追回资金1.2亿元。"], {}],
  ["举一反三 problems are not the feedback's", ["针对巡视反馈的40个问题,举一反三排查问题56个,已整改完成50个。"], { problems: 40 }],
  ["举一反三 problems alone", ["举一反三排查问题56个,已整改完成50个。"], {}],
  ["measures completed are not problems completed", ["巡视反馈问题40个,制定整改措施145条,整改措施完成130项。"], { problems: 40, measures: 145 }],
  ["整改措施已完成N条 is about measures", ["制定整改措施145条,目前整改措施已完成120条。"], { measures: 145 }],
  ["已完成N项整改任务 is about measures", ["反馈的40个问题,已完成130项整改任务。"], { problems: 40 }],
  ["meetings", ["区委常委会4次、区委书记专题会6次研究部署巡视整改工作,召开专题征求意见座谈会25场。"], {}],
  ["共性问题 are a subset", ["巡视反馈的共性问题12个,已完成10个。"], {}],
  ["aspects without a problem count", ["对巡视反馈的5个方面问题逐一分解落实,明确整改责任人、时间表、路线图。"], {}],
  ["an earlier round's problems", ["上一轮巡视反馈的12个问题已全部整改完成。"], {}],
  ["the whole 基本完成 is no count", ["反馈的40个问题已基本完成整改,正在巩固提升。"], { problems: 40 }],
  ["a plan is not a figure", ["反馈的40个问题,力争年底前全部整改到位。"], { problems: 40 }],
  ["已全部整改完成 without a total", ["巡视反馈的问题已全部整改完成。"], {}],
  // Lifted from the reference reports, read here as paragraphs outside any problem.
  ["宝安: a self-check's problems and measures", ["梳理问题546个,制定整改措施921条,逐一明确责任分工和完成时限,逐项对账销号,年底前全部整改到位。"], {}],
  ["宝安: audit findings", ["上级审计发现问题中的47个未整改到位问题,目前已完成整改41个,剩余的6个问题正在加快推进整改。"], {}],
  ["宝安: special supervision findings", ["一是针对中央、省专项督导检查4类24项未完成整改的问题,已逐项进行专项督办,目前23项已完成整改,剩余1项问题正有序推进整改。"], {}],
  ["宝安: district inspection problems", ["建立六届区委第一轮、第二轮整改督查发现的77个问题台账,逐一审核销号,目前均已整改完成。"], {}],
  ["罗湖: the district's own inspections", ["对本届区委开展巡察以来,未完成整改的43个问题进行梳理,督促被巡察党组织及时进行整改,目前43个问题已整改完成41个,2个问题取得阶段性进展。"], {}],
  ["罗湖: a list of works", ["截至2019年10月30日,32个危险边坡治理已完成26个,余下6个危险边坡治理预计年底前完成。"], {}],
];

describe("readStatedFigures", () => {
  it.each(ROWS)("%s", (_name, paragraphs, expected) => {
    const read = readStatedFigures(paragraphs);
    expect(figuresOf(read)).toEqual({ ...NONE, ...expected });
    // A source for every statement read, none when nothing is stated.
    expect(read.sources.length > 0).toBe(Object.keys(expected).length > 0);
  });

  it("gives the sentences the figures came from, first statement only", () => {
    const read = readStatedFigures(["巡视反馈问题40个,制定整改措施145条。截至目前,已完成32个。区委常委会4次研究整改工作。", "反馈的40个问题已完成35个。"]);
    expect(read.sources).toEqual(["巡视反馈问题40个,制定整改措施145条。", "截至目前,已完成32个。"]);
  });

  it("cuts a long sentence to about 120 characters around the figures", () => {
    const long = `${"区委坚持以习近平新时代中国特色社会主义思想为指导,".repeat(4)}省委巡视组反馈的40个问题已完成32个,${"坚持目标不变、标准不降、力度不减,".repeat(4)}`;
    const [source] = readStatedFigures([long]).sources;
    expect(source!.length).toBeLessThanOrEqual(121);
    expect(source).toContain("反馈的40个问题已完成32个");
  });

  it("states nothing for no text", () => {
    expect(readStatedFigures([])).toEqual({ ...NONE, sources: [] });
  });
});

// What the three published reports state about the round itself, by reading them:
// none states a total of problems, a status count or a measure count for the round.
// - 宝安 2021: 4 aspects, (一)–(十七). The counts in it belong to other things: "梳理问题546个,
//   制定整改措施921条" is the 作风 self-check under problem (十一); 47/41 are audit findings,
//   24/23 special-supervision findings, 77 the district's own inspections; 148 rules issued.
// - 斗门 2021: "巡视反馈的5个方面问题" counts aspects only; no problem or measure count.
// - 罗湖 2019: "43个问题已整改完成41个" is the district's own inspections (巡察), under a problem.
describe("the reference reports", () => {
  it.each(["report-baoan-2021.txt", "report-doumen-2021.txt", "report-luohu-2019.txt"])("%s states no overall figures", (name) => {
    expect(readStatedFigures(fixture(name))).toEqual({ ...NONE, sources: [] });
  });

  it("reads a statement added to a reference report's preamble, and nothing from its body", () => {
    const [first, ...rest] = fixture("report-baoan-2021.txt");
    const read = readStatedFigures([first!, "区委对省委巡视组反馈的4个方面17个问题照单全收,制定整改措施60条。截至目前,已完成15个、基本完成2个。", ...rest]);
    expect(figuresOf(read)).toEqual({ problems: 17, completed: 15, basicallyCompleted: 2, incomplete: null, measures: 60 });
  });
});
