import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { readInput } from "@/cli/import-target";
import { importOrgFile } from "@/server/org-import";
import { publicUrl } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { commandLineUserSchema } from "@/lib/validations/account";
import { print } from "@/cli/run";
import { createAccountFromCommandLine } from "@/server/accounts";

// `user create`: accounts from the command line, first of all the first administrator of
// an empty installation. The password is printed once and kept nowhere in clear.
// `import-org`: the units tree and accounts from one file, as the 单位与用户 page does.

export function registerAccountCommands(program: Command): void {
  program
    .command("import-org")
    .description("导入组织机构与账号(xlsx 或 csv),全部成功或全部不写入;输出 {\"units\",\"users\",\"passwordsFile\"}")
    .argument("<file>", "组织机构文件")
    .option("--out <file>", "账号分发单的保存位置(默认:当前目录下 账号分发单-<时间>.xlsx)")
    .action(async (file: string, options: { out?: string }) => {
      const now = new Date();
      const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
      const out = path.resolve(options.out ?? `账号分发单-${stamp}.xlsx`);
      // Checked before the import: accounts whose passwords could not be saved are lost to everyone.
      if (fs.existsSync(out)) throw new AppError("CONFLICT", `文件“${out}”已存在,请用 --out 指定新的文件名`);
      try {
        fs.accessSync(path.dirname(out), fs.constants.W_OK);
      } catch {
        throw new AppError("VALIDATION", `无法写入目录“${path.dirname(out)}”,请用 --out 指定可写的位置`);
      }
      const result = await importOrgFile({
        data: readInput(file),
        fileName: path.basename(file),
        actorId: null,
        now,
        signInUrl: `${publicUrl()}/sign-in`,
      });
      // Readable by the operator alone: it holds passwords until they are changed.
      fs.writeFileSync(out, result.distributionSheet, { mode: 0o600 });
      print({ units: result.units, users: result.users, passwordsFile: out });
    });

  const user = program.command("user").description("账号管理");
  user
    .command("create")
    .description("新建账号,输出 {\"username\",\"password\"};密码随机生成(首次登录须修改),或取自 RECTIFY_PASSWORD")
    .argument("<username>", "用户名")
    .requiredOption("--name <name>", "姓名")
    .requiredOption("--role <role>", "office|unit|leader|reviewer|discipline(整改办 / 责任单位 / 领导 / 上级督导 / 纪检监察)")
    .option("--unit <name>", "所属单位名称(创建第一个整改办管理员时可省略)")
    .option("--admin", "整改办管理员", false)
    .action(async (username: string, options: { name: string; role: string; unit?: string; admin: boolean }) => {
      const parsed = commandLineUserSchema.safeParse({
        username,
        name: options.name,
        role: options.role,
        unit: options.unit,
        isAdmin: options.admin,
        password: process.env.RECTIFY_PASSWORD || undefined,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const where = issue.path[0] === "password" ? "RECTIFY_PASSWORD:" : "";
        throw new AppError("VALIDATION", `${where}${issue.message}`);
      }
      print(await createAccountFromCommandLine(parsed.data));
    });
}
