CREATE TABLE `common_problem_members` (
	`common_problem_id` integer NOT NULL,
	`problem_id` integer NOT NULL,
	PRIMARY KEY(`common_problem_id`, `problem_id`),
	FOREIGN KEY (`common_problem_id`) REFERENCES `common_problems`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `common_problem_members_problem_id_idx` ON `common_problem_members` (`problem_id`);--> statement-breakpoint
CREATE TABLE `common_problems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`lead_unit_id` integer NOT NULL,
	`deadline` text NOT NULL,
	`round_id` integer NOT NULL,
	`aspect_id` integer NOT NULL,
	`problem_id` integer NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`lead_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`aspect_id`) REFERENCES `aspects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "common_problems_deadline_check" CHECK("common_problems"."deadline" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `common_problems_round_id_uq` ON `common_problems` (`round_id`);--> statement-breakpoint
CREATE INDEX `common_problems_lead_unit_id_idx` ON `common_problems` (`lead_unit_id`);--> statement-breakpoint
CREATE INDEX `common_problems_aspect_id_idx` ON `common_problems` (`aspect_id`);--> statement-breakpoint
CREATE INDEX `common_problems_problem_id_idx` ON `common_problems` (`problem_id`);--> statement-breakpoint
CREATE INDEX `common_problems_created_by_id_idx` ON `common_problems` (`created_by_id`);