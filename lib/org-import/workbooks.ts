import ExcelJS from "exceljs";
import { ROLE_LABELS, ROLES, UNIT_KIND_LABELS, UNIT_KINDS, type Role } from "@/lib/domain";
import { escapeFormulaText } from "@/lib/ledger-import/read-file";
import { ORG_COLUMNS, type OrgColumn } from "./columns";

// The two workbooks of an organisation import: the template the office fills in, and the
// 账号分发单 it prints and hands out (one-time passwords, to be replaced at first sign-in).

export const ORG_TEMPLATE_FILE_NAME = "组织机构与账号导入模板.xlsx";

const WIDTHS: Record<OrgColumn, number> = { 单位名称: 24, 上级单位: 24, 单位类别: 12, 用户名: 14, 姓名: 10, 角色: 10, 手机: 14, 管理员: 8 };

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Three levels, a unit with no account and a unit with two: every case the file allows. */
const EXAMPLE_ROWS: Record<OrgColumn, string>[] = [
  { 单位名称: "某区委", 上级单位: "", 单位类别: "党委部门", 用户名: "", 姓名: "", 角色: "", 手机: "", 管理员: "" },
  { 单位名称: "区委巡察整改办", 上级单位: "某区委", 单位类别: "党委部门", 用户名: "zgb", 姓名: "王敏", 角色: "整改办", 手机: "13800000001", 管理员: "是" },
  { 单位名称: "区教育局", 上级单位: "某区委", 单位类别: "政府部门", 用户名: "jyj", 姓名: "李强", 角色: "责任单位", 手机: "", 管理员: "" },
  { 单位名称: "区教育局", 上级单位: "", 单位类别: "", 用户名: "jyj2", 姓名: "赵丽", 角色: "责任单位", 手机: "", 管理员: "" },
  { 单位名称: "区实验学校", 上级单位: "区教育局", 单位类别: "其他", 用户名: "syxx", 姓名: "陈刚", 角色: "责任单位", 手机: "", 管理员: "" },
];

export async function writeOrgTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("组织机构", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ORG_COLUMNS.map((column) => ({ header: column, key: column, width: WIDTHS[column] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of EXAMPLE_ROWS) sheet.addRow(row);
  // Drop-downs with the words the app shows, so a typo cannot happen in the first place.
  const list = (values: string[]) => ({ type: "list" as const, allowBlank: true, formulae: [`"${values.join(",")}"`] });
  const lastRow = 2000;
  for (let row = 2; row <= lastRow; row++) {
    sheet.getCell(row, ORG_COLUMNS.indexOf("单位类别") + 1).dataValidation = list(UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]));
    sheet.getCell(row, ORG_COLUMNS.indexOf("角色") + 1).dataValidation = list(ROLES.map((r) => ROLE_LABELS[r]));
    sheet.getCell(row, ORG_COLUMNS.indexOf("管理员") + 1).dataValidation = list(["是", "否"]);
  }
  const help = workbook.addWorksheet("填写说明");
  help.getColumn(1).width = 100;
  for (const line of [
    "每行一个单位或一个账号;只有“单位名称”必填,空行跳过。",
    "上级单位:须是本文件中列出的单位,或系统中已有的单位;不填为最上级。",
    `单位类别:${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join("、")};不填为“其他”。`,
    "只填单位、不填用户名的行只建单位;同一单位有多个账号时写多行,单位名称相同。",
    `角色:${ROLES.map((r) => ROLE_LABELS[r]).join("、")}。管理员:整改办账号可填“是”。手机:11 位,可用于统一身份认证匹配账号。`,
    "系统中已有的单位按名称匹配,不会重复创建,也不会改动其上级单位;已有的账号(同一单位)跳过。",
    "导入时整个文件要么全部成功,要么不写入任何内容;有错误时按行列出。",
    "导入后下载“账号分发单”(只能下载一次),各账号首次登录须修改密码。",
    "也可另存为 CSV(UTF-8 或 GBK 编码均可)后导入。",
  ]) {
    help.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface DistributedAccount {
  unitName: string;
  name: string;
  username: string;
  role: Role;
  password: string;
}

/**
 * 账号分发单: one row per new account with its one-time password, sorted by unit so that
 * each unit's slip can be cut out, printed A4 with the header on every page.
 */
export async function writeDistributionSheet(params: { accounts: DistributedAccount[]; issuedAt: string; signInUrl: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("账号分发单", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3" },
    headerFooter: { oddFooter: "第 &P 页,共 &N 页" },
  });
  const headers = ["单位", "姓名", "用户名", "一次性密码", "角色", "签收"];
  [26, 10, 14, 16, 10, 12].forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = "整改通账号分发单";
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: "center" };
  sheet.mergeCells(2, 1, 2, headers.length);
  sheet.getCell(2, 1).value = `生成时间:${params.issuedAt}  登录地址:${params.signInUrl}  首次登录须修改密码;本表只生成一次,请妥善保管、分发后销毁。`;
  sheet.getCell(2, 1).alignment = { wrapText: true };
  sheet.getRow(2).height = 32;
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  const sorted = [...params.accounts].sort((a, b) => a.unitName.localeCompare(b.unitName, "zh-CN") || a.username.localeCompare(b.username));
  for (const account of sorted) {
    sheet.addRow([escapeFormulaText(account.unitName), escapeFormulaText(account.name), account.username, account.password, ROLE_LABELS[account.role], ""]);
  }
  sheet.eachRow((row, line) => {
    if (line < 3) return;
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
