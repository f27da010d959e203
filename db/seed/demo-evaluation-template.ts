import type { TemplateContent } from "@/lib/evaluation-template";

// A county's own 整改成效评估 indicator set, modelled on the published county schemes (20
// indicators in 6 areas, 4 grades): seeded unused, so a newcomer finds a template of the
// office's own beside the standard one, open to editing.
const indicator = (name: string, weight: number, description = "") => ({ name, weight, description });

export const COUNTY_TEMPLATE: TemplateContent = {
  name: "县委巡察整改成效评估指标体系(6个方面20项)",
  monthsAfterFeedback: 6,
  areas: [
    {
      name: "组织领导",
      indicators: [
        indicator("党委(党组)专题研究部署整改工作", 5, "反馈后一个月内召开专题会议研究整改,主要负责人亲自部署"),
        indicator("成立整改工作领导小组,明确工作机构和人员", 4),
        indicator("主要负责人履行整改第一责任人职责", 6, "主要负责人带头认领问题、督促推进,有会议记录和批示可查"),
      ],
    },
    {
      name: "整改责任",
      indicators: [
        indicator("整改方案报送及时、内容完整", 5, "按期报送整改方案,问题、措施、责任、时限齐全"),
        indicator("问题、任务、责任、时限“四清单”明确", 5),
        indicator("班子成员认领整改任务,落实“一岗双责”", 5),
      ],
    },
    {
      name: "问题整改",
      indicators: [
        indicator("反馈问题按期完成整改", 10, "按台账核对已完成、基本完成、未完成的数量,逾期未完成的逐项扣分"),
        indicator("整改措施具体、可检验", 6),
        indicator("整改佐证材料真实完整", 6, "抽查佐证材料,发现虚假材料的该项不得分"),
        indicator("移交问题线索和信访件按时办结", 5),
        indicator("整改情况按规定公开", 3),
      ],
    },
    {
      name: "建章立制",
      indicators: [
        indicator("针对问题修订完善制度", 6, "查阅印发的制度文件,与反馈问题对应"),
        indicator("制度执行有效,堵塞管理漏洞", 5),
        indicator("举一反三开展同类问题排查", 4),
      ],
    },
    {
      name: "群众满意",
      indicators: [
        indicator("群众满意度测评结果", 6, "以满意度测评的满意率计"),
        indicator("群众反映强烈问题解决情况", 6),
        indicator("整改情况接受群众监督", 3),
      ],
    },
    {
      name: "成果运用",
      indicators: [
        indicator("整改成效转化为推动发展的实际成果", 4),
        indicator("整改中发现问题的追责问责", 3),
        indicator("整改“回头看”未发现反弹回潮", 3),
      ],
    },
  ],
  grades: [
    { name: "优秀", factor: 1 },
    { name: "良好", factor: 0.85 },
    { name: "一般", factor: 0.7 },
    { name: "较差", factor: 0.4 },
  ],
};
