ALTER TABLE `progress_reports` ADD `idempotency_key` text;--> statement-breakpoint
ALTER TABLE `progress_reports` ADD `idempotency_digest` text;--> statement-breakpoint
CREATE UNIQUE INDEX `progress_reports_idempotency_uq` ON `progress_reports` (`author_id`,`idempotency_key`) WHERE "progress_reports"."idempotency_key" is not null;