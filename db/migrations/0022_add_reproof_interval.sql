-- The check is on the column, written by hand: drizzle would rebuild measures for a table check, dropping the search index's triggers (migration 0017).
ALTER TABLE `measures` ADD `reproof_interval` text DEFAULT 'quarterly' NOT NULL CHECK (`reproof_interval` in ('monthly', 'quarterly', 'half_yearly', 'yearly', 'off'));--> statement-breakpoint
ALTER TABLE `progress_reports` ADD `is_reproof` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Claims already written as re-proofs: an 已完成 claim on a long-term measure after an earlier one the office had signed off.
UPDATE `progress_reports` SET `is_reproof` = 1 WHERE `is_claim` = 1 AND `claimed_status` = 'completed'
  AND `measure_id` IN (SELECT `id` FROM `measures` WHERE `deadline_kind` = 'ongoing')
  AND EXISTS (SELECT 1 FROM `progress_reports` earlier WHERE earlier.`measure_id` = `progress_reports`.`measure_id` AND earlier.`is_claim` = 1
    AND earlier.`claimed_status` = 'completed' AND earlier.`review_state` = 'signed_off' AND earlier.`id` < `progress_reports`.`id`);
