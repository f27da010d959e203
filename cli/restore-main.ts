import { registerRestoreCommand } from "@/cli/backup-commands";
import { newProgram, print, runProgram } from "@/cli/run";

// `npm run cli -- restore …` (routed here by cli/entry.ts): nothing here opens the database.
const program = newProgram();
registerRestoreCommand(program, print);
void runProgram(program);
