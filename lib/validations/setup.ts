import { z } from "zod";
import { createUserSchema } from "./account";
import { text } from "./common";

/** The default name of the office's own unit when the first administrator is created without one. */
export const DEFAULT_OFFICE_UNIT = "巡视整改办公室";

export const SETUP_CODE_PATTERN = /^[A-Z2-9]{4}-[A-Z2-9]{4}$/;

/** The first-run form: the setup code from the server's console, the office's unit and its first administrator. */
export const firstAdministratorSchema = createUserSchema
  .pick({ username: true, name: true, password: true })
  .extend({
    setupCode: z
      .string({ error: "请输入设置代码" })
      .trim()
      .toUpperCase()
      .regex(SETUP_CODE_PATTERN, "设置代码为 8 位字母或数字,形如 ABCD-EF23,见服务启动时的控制台输出"),
    unitName: text("本单位名称", 60),
    confirmPassword: z.string({ error: "请再次输入密码" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的密码不一致" });

export type FirstAdministratorInput = z.infer<typeof firstAdministratorSchema>;
