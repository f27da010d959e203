// Labelled pairs for tuning the recurrence threshold. The first title of each pair is from
// a reference report (../shared/reference: 宝安 2021, 罗湖 2019, 斗门 2021) or the demo round;
// "same" pairs give the second as a later round's feedback would word the same problem
// found again, "different" pairs a genuinely different problem of the same genre, often
// sharing its stock phrases. Copied here because tests must not read outside the repository.

export interface LabelledPair {
  earlier: string;
  later: string;
  same: boolean;
}

export const LABELLED_PAIRS: LabelledPair[] = [
  // the same problem, found again
  { earlier: "关于违反中央八项规定精神问题屡禁不绝的问题", later: "违反中央八项规定精神问题禁而未绝", same: true },
  { earlier: "关于理论学习结合实际不够紧密的问题", later: "(一)理论学习与工作实际结合不紧密", same: true },
  { earlier: "关于违法用地、违法建设历史存量较大的问题", later: "违法用地和违法建设存量大、查处不力的问题", same: true },
  { earlier: "关于选人用人工作把关不够严的问题", later: "3.选人用人把关不严", same: true },
  { earlier: "关于干部监督管理亟待加强的问题", later: "干部监督管理仍然薄弱的问题", same: true },
  { earlier: "关于形式主义和官僚主义问题不同程度存在的问题", later: "形式主义、官僚主义问题依然存在", same: true },
  { earlier: "关于重点领域存在廉政风险、腐败案件易发多发的问题", later: "重点领域廉政风险突出,腐败案件多发", same: true },
  { earlier: "关于部分领域党建工作存在弱化现象的问题", later: "部分领域党建工作弱化", same: true },
  { earlier: "对全区有11块法定图则规划教育用地未建设问题的整改", later: "法定图则规划的教育用地长期未建设", same: true },
  { earlier: "对养老服务欠账多问题的整改", later: "养老服务欠账较多、设施不足", same: true },
  { earlier: "对保障性住房供给严重不足问题的整改", later: "保障性住房供给不足的问题", same: true },
  { earlier: "对下坪固体废弃物填埋场污染环境、存在安全隐患问题的整改", later: "下坪填埋场污染环境和安全隐患问题仍未根除", same: true },
  { earlier: "对水污染防治不够到位问题的整改", later: "水污染防治不到位", same: true },
  { earlier: "对区直个别单位组织学习流于形式问题的整改", later: "个别单位组织学习流于形式、走过场", same: true },
  { earlier: "针对开展扫黑除恶工作不够坚决有力的问题", later: "扫黑除恶工作不够坚决", same: true },
  { earlier: "关于纪检监察机关落实监督责任仍须加强的问题", later: "纪检监察机关监督责任落实不到位", same: true },
  { earlier: "关于推动经济高质量发展仍有不足的问题", later: "推动经济高质量发展办法不多、成效不足", same: true },
  { earlier: "关于全面从严治党主体责任落实不够到位的问题", later: "全面从严治党主体责任压得不实", same: true },

  // different problems of the same genre
  { earlier: "关于违反中央八项规定精神问题屡禁不绝的问题", later: "关于形式主义和官僚主义问题不同程度存在的问题", same: false },
  { earlier: "关于理论学习结合实际不够紧密的问题", later: "关于推动经济高质量发展仍有不足的问题", same: false },
  { earlier: "关于选人用人工作把关不够严的问题", later: "关于干部监督管理亟待加强的问题", same: false },
  { earlier: "关于巡视发现的部分问题未整改到位的问题", later: "关于审计发现的部分问题未整改到位的问题", same: false },
  { earlier: "关于审计发现的部分问题未整改到位的问题", later: "关于专项督导检查发现的部分问题未整改到位的问题", same: false },
  { earlier: "关于纪检监察机关落实监督责任仍须加强的问题", later: "关于全面从严治党主体责任落实不够到位的问题", same: false },
  { earlier: "对养老服务欠账多问题的整改", later: "对保障性住房供给严重不足问题的整改", same: false },
  { earlier: "对水污染防治不够到位问题的整改", later: "对全区环境污染举报投诉量长期偏高问题的整改", same: false },
  { earlier: "对“口岸经济带”至今仍未完成整体规划问题的整改", later: "对木头龙旧改项目至今仍未开工建设问题的整改", same: false },
  { earlier: "对区委融入粤港澳大湾区建设主动性不够问题的整改", later: "对区委破解难题能力和敢闯敢试的锐气不足,推动重点工作不力问题的整改", same: false },
  { earlier: "对基层党组织的记录本学习记录不规范问题的整改", later: "对区直个别单位组织学习流于形式问题的整改", same: false },
  { earlier: "关于教育、医疗等民生保障短板突出的问题", later: "关于推进企业改革和城市治理有差距的问题", same: false },
  { earlier: "关于污染防治和防范化解风险方面存在的问题", later: "关于违法用地、违法建设历史存量较大的问题", same: false },
  { earlier: "针对履行对口帮扶主体责任不到位的问题", later: "关于全面从严治党主体责任落实不够到位的问题", same: false },
  { earlier: "针对防范化解重大风险不够有力的问题", later: "针对开展扫黑除恶工作不够坚决有力的问题", same: false },
  { earlier: "关于部分领域党建工作存在弱化现象的问题", later: "关于重点领域存在廉政风险、腐败案件易发多发的问题", same: false },
  { earlier: "基层党组织“三会一课”制度落实不到位", later: "基层党组织书记抓党建述职评议考核不到位", same: false },
  { earlier: "政府采购管理不规范", later: "国有资产管理不规范", same: false },
  { earlier: "公务用车管理使用不规范", later: "公务接待管理不规范", same: false },
  { earlier: "扶贫资金使用效益不高", later: "专项资金使用效益不高、闲置沉淀", same: false },
];
