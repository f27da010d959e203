import fs from "node:fs";
import path from "node:path";
import { baoanAspects } from "@/db/seed/baoan-2021";

// The words of generated ledgers, taken from real published rectification reports: the
// Baoan seed (always in the repository) and, when present, the reference reports in
// ../shared/reference (or RECTIFY_REFERENCE_DIR). Nothing here is invented prose except
// the short office phrases at the end, which are the stock wording offices use.

export interface TextPools {
  aspects: string[];
  problemTitles: string[];
  problemDescriptions: string[];
  measures: string[];
  goals: string[];
  progress: string[];
  institutions: string[];
}

const NUMERAL = "[一二三四五六七八九十]+";

function referenceDir(): string | null {
  const candidates = [process.env.RECTIFY_REFERENCE_DIR, path.resolve(process.cwd(), "..", "shared", "reference")];
  for (const dir of candidates) if (dir && fs.existsSync(dir)) return dir;
  return null;
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf(";"));
  return end > max / 2 ? cut.slice(0, end + 1) : `${cut.slice(0, max - 1)}。`;
}

/** What one reference report yields: aspects, problem titles, "一是…" measures and progress. */
function fromReport(text: string, pools: TextPools): void {
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    const aspect = new RegExp(`^第${NUMERAL}方面(?:问题)?[,:,:]\\s*(.{6,80})$`).exec(line);
    if (aspect) pools.aspects.push(aspect[1]!);
    const problem = new RegExp(`^[((]${NUMERAL}[))](关于.{4,60}的问题)`).exec(line);
    if (problem) pools.problemTitles.push(problem[1]!);
    const item = new RegExp(`^${NUMERAL}是(.{20,})$`).exec(line);
    if (item) {
      const sentences = item[1]!.split("。").map((s) => s.trim()).filter(Boolean);
      if (sentences.length >= 2) {
        pools.measures.push(clip(`${sentences[0]}。${sentences[1]}。`, 200));
        pools.progress.push(clip(`${sentences.slice(1).join("。")}。`, 300));
      } else pools.measures.push(clip(`${sentences[0]}。`, 200));
    }
  }
  for (const match of text.matchAll(/《([^》]{4,40})》/g)) {
    if (/办法|规定|制度|细则|意见|方案|规则|机制|清单|指引/.test(match[1]!)) pools.institutions.push(match[1]!);
  }
}

let cached: TextPools | undefined;

export function textPools(): TextPools {
  if (cached) return cached;
  const pools: TextPools = { aspects: [], problemTitles: [], problemDescriptions: [], measures: [], goals: [], progress: [], institutions: [] };
  for (const aspect of baoanAspects) {
    pools.aspects.push(aspect.name);
    for (const problem of aspect.problems) {
      pools.problemTitles.push(problem.title);
      pools.problemDescriptions.push(problem.description);
      for (const measure of problem.measures) {
        pools.measures.push(measure.text);
        pools.goals.push(measure.goal);
        pools.progress.push(measure.progress);
      }
    }
  }
  const dir = referenceDir();
  if (dir) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
      fromReport(fs.readFileSync(path.join(dir, file), "utf8"), pools);
    }
  }
  pools.institutions.push("“第一议题”制度实施办法", "区属国企兼职外部董事管理办法");
  for (const key of Object.keys(pools) as (keyof TextPools)[]) pools[key] = [...new Set(pools[key])];
  cached = pools;
  return pools;
}

// Stock phrases of the office's own paperwork.
export const RETURN_REASONS = [
  "佐证材料不充分,请补充相关会议纪要和制度文件后重新申报。",
  "整改措施尚未全部落实,长效机制未建立,请继续推进后再申报。",
  "申报内容与整改目标不对应,请对照整改目标逐项说明完成情况。",
  "佐证材料未加盖单位公章,请补充完善。",
];

export const NOTICE_REQUESTS = [
  "请于回复期限前报送整改进展及佐证材料,说明未按期完成的原因和下一步措施。",
  "该单位牵头的整改措施已逾期,请主要负责同志亲自研究,倒排工期、挂图作战,按期报送整改情况。",
  "请对照整改方案逐项核查,明确责任人和完成时限,书面报告整改推进情况。",
];

export const NOTICE_REPLIES = [
  "已召开专题会议研究部署,明确责任人和时间表,相关措施将于本月底前完成,佐证材料随后报送。",
  "收到督办单后立即组织整改,已完成制度修订,正在开展专项检查,下周报送整改报告。",
];

export const LOOK_BACK_NOTES = [
  "经实地核查和抽查台账,整改成果得到巩固,未发现问题反弹。",
  "制度执行情况良好,相关问题未再发生。",
];

export const LEADER_TITLES = ["委常委、宣传部部长", "委常委、组织部部长", "委常委、纪委书记", "委常委、常务副", "副", "委常委、政法委书记", "委常委、办公室主任"];
export const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
export const GIVEN_NAMES = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国志红海波宁斌浩凯晨晓东雪琳婷鑫峰宇亮倩欣".split("");
