import { registerRestoreCommand } from "./backup-commands";
import { newProgram, print, runProgram } from "./run";

// `npm run cli -- restore …` (routed here by lib/cli/entry.ts): nothing here opens the database.
const program = newProgram();
registerRestoreCommand(program, print);
void runProgram(program);
