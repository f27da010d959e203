// The standard indicator set (整改成效评估指标体系) offered when an office has none of its own:
// 4 areas, 12 indicators, weights summing to 100, in 4 grades — the shape of the published
// county schemes (22 indicators in 4 grades; 20 indicators in 6 areas), cut to a dozen.

export const STANDARD_TEMPLATE = {
  name: "巡察整改成效评估指标体系(标准)",
  monthsAfterFeedback: 6,
  grades: [
    { name: "好", factor: 1 },
    { name: "较好", factor: 0.8 },
    { name: "一般", factor: 0.6 },
    { name: "差", factor: 0.3 },
  ],
  indicators: [
    { area: "整改责任落实", name: "党组织主体责任和主要负责人第一责任人责任落实", weight: 10 },
    { area: "整改责任落实", name: "整改方案制定及时、任务分解明确", weight: 8 },
    { area: "整改责任落实", name: "整改专题民主生活会(组织生活会)召开质量", weight: 7 },
    { area: "整改任务完成", name: "反馈问题按期整改销号", weight: 12 },
    { area: "整改任务完成", name: "整改佐证材料真实完整", weight: 9 },
    { area: "整改任务完成", name: "问题线索和信访件按时办结", weight: 9 },
    { area: "长效机制建设", name: "建章立制、堵塞漏洞", weight: 8 },
    { area: "长效机制建设", name: "举一反三、同类问题排查", weight: 7 },
    { area: "长效机制建设", name: "长期坚持事项持续推进", weight: 5 },
    { area: "整改实际效果", name: "回头看未发现反弹回潮", weight: 10 },
    { area: "整改实际效果", name: "群众满意度", weight: 8 },
    { area: "整改实际效果", name: "整改成果运用和推动中心工作", weight: 7 },
  ],
} as const;
