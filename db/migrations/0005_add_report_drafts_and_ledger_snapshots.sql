CREATE TABLE `ledger_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`figures` text NOT NULL,
	`rows` text NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ledger_snapshots_round_id_idx` ON `ledger_snapshots` (`round_id`,`as_of`);--> statement-breakpoint
CREATE INDEX `ledger_snapshots_created_by_id_idx` ON `ledger_snapshots` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `report_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`texts` text NOT NULL,
	`updated_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_drafts_round_id_uq` ON `report_drafts` (`round_id`);--> statement-breakpoint
CREATE INDEX `report_drafts_updated_by_id_idx` ON `report_drafts` (`updated_by_id`);