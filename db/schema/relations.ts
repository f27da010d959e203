import { relations } from "drizzle-orm";
import { users } from "./auth";
import { aspects, measureCoUnits, measures, problems } from "./plan";
import { evidenceFiles, progressReports } from "./progress";
import { rounds } from "./rounds";
import { units } from "./units";

export const usersRelations = relations(users, ({ one }) => ({
  unit: one(units, { fields: [users.unitId], references: [units.id] }),
}));

export const roundsRelations = relations(rounds, ({ many }) => ({
  aspects: many(aspects),
  problems: many(problems),
}));

export const aspectsRelations = relations(aspects, ({ one, many }) => ({
  round: one(rounds, { fields: [aspects.roundId], references: [rounds.id] }),
  problems: many(problems),
}));

export const problemsRelations = relations(problems, ({ one, many }) => ({
  round: one(rounds, { fields: [problems.roundId], references: [rounds.id] }),
  aspect: one(aspects, { fields: [problems.aspectId], references: [aspects.id] }),
  leadUnit: one(units, { fields: [problems.leadUnitId], references: [units.id] }),
  measures: many(measures),
}));

export const measuresRelations = relations(measures, ({ one, many }) => ({
  problem: one(problems, { fields: [measures.problemId], references: [problems.id] }),
  leadUnit: one(units, { fields: [measures.leadUnitId], references: [units.id] }),
  coUnits: many(measureCoUnits),
  progressReports: many(progressReports),
}));

export const measureCoUnitsRelations = relations(measureCoUnits, ({ one }) => ({
  measure: one(measures, { fields: [measureCoUnits.measureId], references: [measures.id] }),
  unit: one(units, { fields: [measureCoUnits.unitId], references: [units.id] }),
}));

export const progressReportsRelations = relations(progressReports, ({ one, many }) => ({
  measure: one(measures, { fields: [progressReports.measureId], references: [measures.id] }),
  author: one(users, { fields: [progressReports.authorId], references: [users.id] }),
  evidence: many(evidenceFiles),
}));

export const evidenceFilesRelations = relations(evidenceFiles, ({ one }) => ({
  progressReport: one(progressReports, {
    fields: [evidenceFiles.progressReportId],
    references: [progressReports.id],
  }),
}));

export const unitsRelations = relations(units, ({ one, many }) => ({
  parent: one(units, { fields: [units.parentId], references: [units.id], relationName: "unit_tree" }),
  children: many(units, { relationName: "unit_tree" }),
}));
