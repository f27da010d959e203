CREATE TABLE `archive_packages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`state` text DEFAULT 'building' NOT NULL,
	`file_name` text NOT NULL,
	`files` integer,
	`bytes` integer,
	`sha256` text,
	`manifest_sha256` text,
	`ledger_checksum` text,
	`error` text,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "archive_packages_state_check" CHECK("archive_packages"."state" in ('building', 'ready', 'failed')),
	CONSTRAINT "archive_packages_bytes_check" CHECK("archive_packages"."bytes" is null or "archive_packages"."bytes" >= 0)
);
--> statement-breakpoint
CREATE INDEX `archive_packages_round_id_idx` ON `archive_packages` (`round_id`);--> statement-breakpoint
CREATE INDEX `archive_packages_created_by_id_idx` ON `archive_packages` (`created_by_id`);