-- The check is on the column, written by hand: drizzle would rebuild measures for a table check, dropping the search index's triggers (migration 0017).
ALTER TABLE `measures` ADD `reproof_interval` text DEFAULT 'quarterly' NOT NULL CHECK (`reproof_interval` in ('monthly', 'quarterly', 'half_yearly', 'yearly', 'off'));--> statement-breakpoint
ALTER TABLE `progress_reports` ADD `is_reproof` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Claims already written as re-proofs: an 已完成 claim on a long-term measure after the first one the office signed off.
-- Measures first and `+` on the flags, so SQLite walks each long-term measure's own reports: given the claims index instead, it rescanned every signed-off claim of the database per row.
WITH `first_proof` AS (
  SELECT e.`measure_id`, min(e.`id`) AS `id` FROM `measures` m CROSS JOIN `progress_reports` e ON e.`measure_id` = m.`id`
  WHERE m.`deadline_kind` = 'ongoing' AND +e.`is_claim` = 1 AND e.`claimed_status` = 'completed' AND +e.`review_state` = 'signed_off'
  GROUP BY e.`measure_id`
)
UPDATE `progress_reports` SET `is_reproof` = 1 WHERE `id` IN (
  SELECT p.`id` FROM `first_proof` f CROSS JOIN `progress_reports` p ON p.`measure_id` = f.`measure_id`
  WHERE +p.`is_claim` = 1 AND p.`claimed_status` = 'completed' AND p.`id` > f.`id`
);
