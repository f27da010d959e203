CREATE TABLE `measure_indicators` (
	`measure_id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`direction` text NOT NULL,
	`baseline` real NOT NULL,
	`target` real NOT NULL,
	`actual` real,
	`actual_date` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "measure_indicators_direction_check" CHECK("measure_indicators"."direction" in ('lower', 'higher')),
	CONSTRAINT "measure_indicators_actual_date_check" CHECK(("measure_indicators"."actual" is null) = ("measure_indicators"."actual_date" is null))
);
--> statement-breakpoint
CREATE TABLE `evaluation_grades` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`factor` real NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `evaluation_templates`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "evaluation_grades_factor_check" CHECK("evaluation_grades"."factor" between 0 and 1)
);
--> statement-breakpoint
CREATE INDEX `evaluation_grades_template_id_idx` ON `evaluation_grades` (`template_id`,`position`);--> statement-breakpoint
CREATE TABLE `evaluation_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`position` integer NOT NULL,
	`area` text NOT NULL,
	`name` text NOT NULL,
	`weight` real NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `evaluation_templates`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "evaluation_indicators_weight_check" CHECK("evaluation_indicators"."weight" > 0)
);
--> statement-breakpoint
CREATE INDEX `evaluation_indicators_template_id_idx` ON `evaluation_indicators` (`template_id`,`position`);--> statement-breakpoint
CREATE TABLE `evaluation_red_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`measure_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`issued_by_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issued_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "evaluation_red_cards_kind_check" CHECK("evaluation_red_cards"."kind" in ('perfunctory', 'false'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_red_cards_evaluation_measure_uq` ON `evaluation_red_cards` (`evaluation_id`,`measure_id`);--> statement-breakpoint
CREATE INDEX `evaluation_red_cards_measure_id_idx` ON `evaluation_red_cards` (`measure_id`);--> statement-breakpoint
CREATE INDEX `evaluation_red_cards_issued_by_id_idx` ON `evaluation_red_cards` (`issued_by_id`);--> statement-breakpoint
CREATE TABLE `evaluation_scores` (
	`evaluation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`grade_id` integer NOT NULL,
	`scored_by_id` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`evaluation_id`, `unit_id`, `indicator_id`),
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`indicator_id`) REFERENCES `evaluation_indicators`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`grade_id`) REFERENCES `evaluation_grades`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`scored_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `evaluation_scores_unit_id_idx` ON `evaluation_scores` (`unit_id`);--> statement-breakpoint
CREATE INDEX `evaluation_scores_indicator_id_idx` ON `evaluation_scores` (`indicator_id`);--> statement-breakpoint
CREATE INDEX `evaluation_scores_grade_id_idx` ON `evaluation_scores` (`grade_id`);--> statement-breakpoint
CREATE INDEX `evaluation_scores_scored_by_id_idx` ON `evaluation_scores` (`scored_by_id`);--> statement-breakpoint
CREATE TABLE `evaluation_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`months_after_feedback` integer DEFAULT 6 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`template_id` integer NOT NULL,
	`scheduled_date` text NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `evaluation_templates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_round_id_uq` ON `evaluations` (`round_id`);--> statement-breakpoint
CREATE INDEX `evaluations_template_id_idx` ON `evaluations` (`template_id`);--> statement-breakpoint
CREATE INDEX `evaluations_created_by_id_idx` ON `evaluations` (`created_by_id`);--> statement-breakpoint
ALTER TABLE `progress_reports` ADD `indicator_actual` real;