import { z } from "zod";
import { id } from "./common";

// The admin's 单位负责人 form: for each post, an account of the unit, a contact (name and
// phone) for a head without one, or nothing recorded yet.

const HEAD_KINDS = ["account", "contact", "none"] as const;

/** A head as stored: an account, or a contact. */
export type UnitHeadInput = { userId: string } | { name: string; phone: string | null };

/** Office phones and mobiles as people write them: digits, spaces, dashes, +, brackets, 转. */
const PHONE = /^[0-9+()\s\-转]{5,24}$/;

const kind = (label: string) => z.enum(HEAD_KINDS, { error: `请选择${label}的登记方式` });
const userId = (label: string) => z.string().trim().max(64, `请选择${label}的账号`).optional();
const name = (label: string) => z.string().trim().max(40, `${label}姓名不能超过 40 个字符`).optional();
const phone = (label: string) =>
  z
    .string()
    .trim()
    .max(24, `${label}电话格式不正确`)
    .optional()
    .refine((v) => !v || PHONE.test(v), `${label}电话格式不正确`);

type Post = { kind: (typeof HEAD_KINDS)[number]; userId?: string; name?: string; phone?: string };

function headOf(post: Post, prefix: "principal" | "deputy", label: string, ctx: z.RefinementCtx): UnitHeadInput | null {
  if (post.kind === "account") {
    if (post.userId) return { userId: post.userId };
    ctx.addIssue({ code: "custom", path: [`${prefix}UserId`], message: `请选择${label}的账号` });
  } else if (post.kind === "contact") {
    if (post.name) return { name: post.name, phone: post.phone || null };
    ctx.addIssue({ code: "custom", path: [`${prefix}Name`], message: `请输入${label}的姓名` });
  }
  return null;
}

export const unitHeadsSchema = z
  .object({
    unitId: id("单位"),
    principalKind: kind("主要负责人"),
    principalUserId: userId("主要负责人"),
    principalName: name("主要负责人"),
    principalPhone: phone("主要负责人"),
    deputyKind: kind("分管领导"),
    deputyUserId: userId("分管领导"),
    deputyName: name("分管领导"),
    deputyPhone: phone("分管领导"),
  })
  .transform((r, ctx) => ({
    unitId: r.unitId,
    principal: headOf({ kind: r.principalKind, userId: r.principalUserId, name: r.principalName, phone: r.principalPhone }, "principal", "主要负责人", ctx),
    deputy: headOf({ kind: r.deputyKind, userId: r.deputyUserId, name: r.deputyName, phone: r.deputyPhone }, "deputy", "分管领导", ctx),
  }));
export type UnitHeadsInput = z.infer<typeof unitHeadsSchema>;
