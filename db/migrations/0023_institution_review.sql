CREATE TABLE `institution_problems` (
	`institution_id` integer NOT NULL,
	`problem_id` integer NOT NULL,
	PRIMARY KEY(`institution_id`, `problem_id`),
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `institution_problems_problem_id_idx` ON `institution_problems` (`problem_id`);--> statement-breakpoint
CREATE TABLE `look_back_institution_checks` (
	`look_back_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`applied` text NOT NULL,
	`note` text,
	PRIMARY KEY(`look_back_id`, `institution_id`),
	FOREIGN KEY (`look_back_id`) REFERENCES `look_backs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "look_back_institution_checks_applied_check" CHECK("look_back_institution_checks"."applied" in ('applied', 'partly', 'not_applied'))
);
--> statement-breakpoint
CREATE INDEX `look_back_institution_checks_institution_id_idx` ON `look_back_institution_checks` (`institution_id`);--> statement-breakpoint
ALTER TABLE `institutions` ADD `review_date` text;--> statement-breakpoint
CREATE INDEX `institutions_review_date_idx` ON `institutions` (`review_date`);--> statement-breakpoint
-- Rules registered before this migration: reviewed a year after issue (or registration), as new ones are; SQLite's month arithmetic rolls 29 February over to 1 March where lib/reproof.ts clamps, a day's difference on old rows only.
UPDATE `institutions` SET `review_date` = date(coalesce(`issued_date`, date(`created_at` / 1000, 'unixepoch')), '+12 months') WHERE `review_date` IS NULL;--> statement-breakpoint
-- …and they answer the problem of the measure whose progress report registered them.
INSERT OR IGNORE INTO `institution_problems` (`institution_id`, `problem_id`) SELECT i.`id`, m.`problem_id` FROM `institutions` i JOIN `progress_reports` p ON p.`id` = i.`progress_report_id` JOIN `measures` m ON m.`id` = p.`measure_id`;
