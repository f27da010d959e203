-- progress_reports.author_id becomes nullable: 整改情况 imported from the command line
-- before any account exists has no author. SQLite cannot drop NOT NULL in place, so the
-- table is rebuilt. Migrations run inside a transaction, where PRAGMA foreign_keys=OFF is
-- ignored: DROP TABLE then cascade-deletes every evidence file row and unlinks every
-- institution from its report. Both are kept aside first and put back after the rebuild
-- (db/migration-0008.test.ts replays this on a database that has them). Since 0010 the
-- runner turns foreign keys off for migrations (db/migrate.ts): nothing is deleted then,
-- and the restore ignores the rows still there.
CREATE TABLE `evidence_files_kept_0008` AS SELECT * FROM `evidence_files`;--> statement-breakpoint
CREATE TABLE `institution_links_kept_0008` AS SELECT `id`, `progress_report_id` FROM `institutions` WHERE `progress_report_id` IS NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_progress_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`author_id` text,
	`report_date` text NOT NULL,
	`text` text NOT NULL,
	`percent` integer,
	`milestone` text,
	`claimed_status` text NOT NULL,
	`is_claim` integer DEFAULT false NOT NULL,
	`review_state` text DEFAULT 'pending' NOT NULL,
	`reviewer_id` text,
	`review_note` text,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "progress_reports_claimed_status_check" CHECK("__new_progress_reports"."claimed_status" in ('incomplete', 'basically_completed', 'completed')),
	CONSTRAINT "progress_reports_review_state_check" CHECK("__new_progress_reports"."review_state" in ('pending', 'signed_off', 'returned')),
	CONSTRAINT "progress_reports_percent_check" CHECK("__new_progress_reports"."percent" is null or "__new_progress_reports"."percent" between 0 and 100)
);
--> statement-breakpoint
INSERT INTO `__new_progress_reports`("id", "measure_id", "unit_id", "author_id", "report_date", "text", "percent", "milestone", "claimed_status", "is_claim", "review_state", "reviewer_id", "review_note", "reviewed_at", "created_at") SELECT "id", "measure_id", "unit_id", "author_id", "report_date", "text", "percent", "milestone", "claimed_status", "is_claim", "review_state", "reviewer_id", "review_note", "reviewed_at", "created_at" FROM `progress_reports`;--> statement-breakpoint
DROP TABLE `progress_reports`;--> statement-breakpoint
ALTER TABLE `__new_progress_reports` RENAME TO `progress_reports`;--> statement-breakpoint
INSERT OR IGNORE INTO `evidence_files` SELECT * FROM `evidence_files_kept_0008`;--> statement-breakpoint
UPDATE `institutions` SET `progress_report_id` = (SELECT k.`progress_report_id` FROM `institution_links_kept_0008` k WHERE k.`id` = `institutions`.`id`) WHERE `id` IN (SELECT `id` FROM `institution_links_kept_0008`);--> statement-breakpoint
DROP TABLE `evidence_files_kept_0008`;--> statement-breakpoint
DROP TABLE `institution_links_kept_0008`;--> statement-breakpoint
CREATE INDEX `progress_reports_measure_id_idx` ON `progress_reports` (`measure_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `progress_reports_measure_id_report_date_idx` ON `progress_reports` (`measure_id`,`report_date`);--> statement-breakpoint
CREATE INDEX `progress_reports_unit_id_idx` ON `progress_reports` (`unit_id`);--> statement-breakpoint
CREATE INDEX `progress_reports_author_id_idx` ON `progress_reports` (`author_id`);--> statement-breakpoint
CREATE INDEX `progress_reports_reviewer_id_idx` ON `progress_reports` (`reviewer_id`);--> statement-breakpoint
CREATE INDEX `progress_reports_review_state_idx` ON `progress_reports` (`review_state`,`created_at`);--> statement-breakpoint
CREATE INDEX `progress_reports_claims_idx` ON `progress_reports` (`is_claim`,`review_state`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `phone` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_uq` ON `users` (`phone`);