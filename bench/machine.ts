import os from "node:os";

// What the figures were measured on, stored with each of them: a ratio travels between
// machines, an absolute time only means something next to this.
export function machineDescription(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown CPU";
  const memory = Math.round(os.totalmem() / 1024 ** 3);
  return `${model} × ${cpus.length} cores, ${memory} GB RAM, ${os.type()} ${os.release()}, Node ${process.versions.node}, SQLite via better-sqlite3`;
}
