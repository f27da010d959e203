// `npm run cli -- <command>`. `restore` replaces the database file, so it runs without
// loading the rest of the CLI: every other command opens (and migrates) the database as
// it loads, which would touch the very file being replaced, or refuse one from a newer
// version that the operator is trying to restore over.
const program = process.argv[2] === "restore" ? import("@/cli/restore-main") : import("@/cli/main");

// Opening the database can fail before any command runs (a newer version's database, a
// folder that cannot be written): say why in one line, as the commands do, not with a trace.
program.catch((error: unknown) => {
  process.stderr.write(`错误:${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

export {};
