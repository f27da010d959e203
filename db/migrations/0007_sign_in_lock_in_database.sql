CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account` text NOT NULL,
	`address` text NOT NULL,
	`attempted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_account_attempted_at_idx` ON `sign_in_failures` (`account`,`attempted_at`);--> statement-breakpoint
CREATE INDEX `sign_in_failures_account_address_attempted_at_idx` ON `sign_in_failures` (`account`,`address`,`attempted_at`);--> statement-breakpoint
CREATE TABLE `sign_in_trusted_addresses` (
	`account` text NOT NULL,
	`address` text NOT NULL,
	`last_success_at` integer NOT NULL,
	PRIMARY KEY(`account`, `address`)
);
