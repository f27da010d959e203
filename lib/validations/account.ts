import { z } from "zod";
import { ROLES, UNIT_KINDS } from "@/lib/domain";
import { id, optionalId, text } from "./common";

export const USERNAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;
// An office working day plus margin: a stolen cookie is useless by tomorrow.
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

const username = z
  .string({ error: "请输入用户名" })
  .trim()
  .min(2, "用户名至少 2 个字符")
  .max(32, "用户名不能超过 32 个字符")
  .regex(USERNAME_PATTERN, "用户名只能包含字母、数字、下划线、点和连字符")
  // better-auth matches usernames lower-cased, so they are stored that way.
  .toLowerCase();

const newPassword = z
  .string({ error: "请输入密码" })
  .min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`)
  .max(MAX_PASSWORD_LENGTH, `密码不能超过 ${MAX_PASSWORD_LENGTH} 位`)
  .refine((v) => /[a-zA-Z]/.test(v) && /[0-9]/.test(v), "密码须同时包含字母和数字");

export const signInSchema = z.object({
  username: z.string({ error: "请输入用户名" }).trim().min(1, "请输入用户名").max(64, "用户名过长"),
  password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(MAX_PASSWORD_LENGTH, "密码过长"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "请输入当前密码" }).min(1, "请输入当前密码").max(MAX_PASSWORD_LENGTH),
    newPassword,
    confirmPassword: z.string({ error: "请再次输入新密码" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "两次输入的新密码不一致",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "新密码不能与当前密码相同",
  });

export const createUnitSchema = z.object({
  name: text("单位名称", 60),
  kind: z.enum(UNIT_KINDS, { error: "请选择单位类型" }),
  parentId: optionalId("上级单位"),
});

export const renameUnitSchema = z.object({
  unitId: id("单位"),
  name: text("新名称", 60),
});
export type RenameUnitInput = z.infer<typeof renameUnitSchema>;

export const createUserSchema = z.object({
  username,
  name: text("姓名", 40),
  role: z.enum(ROLES, { error: "请选择角色" }),
  unitId: id("所属单位"),
  isAdmin: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  password: newPassword,
});

/** `cli user create`: the unit by name; the password comes from RECTIFY_PASSWORD or is generated. */
export const commandLineUserSchema = z.object({
  username,
  name: text("姓名", 40),
  role: z.enum(ROLES, { error: "--role 应为 office、unit、leader、reviewer 或 discipline" }),
  unit: z.string().trim().min(1).max(60).optional(),
  isAdmin: z.boolean(),
  password: newPassword.optional(),
});
export type CommandLineUserInput = z.infer<typeof commandLineUserSchema>;

export const userIdSchema = z.object({
  userId: z.string({ error: "缺少用户" }).min(1, "缺少用户").max(64),
});

export const resetPasswordSchema = userIdSchema.extend({ password: newPassword });

export type CreateUnitInput = z.infer<typeof createUnitSchema>;
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const createApiTokenSchema = z.object({
  name: text("令牌用途", 60),
  userId: z.string({ error: "请选择代表的账号" }).min(1, "请选择代表的账号").max(64),
});

export const tokenIdSchema = z.object({ tokenId: id("令牌") });
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
