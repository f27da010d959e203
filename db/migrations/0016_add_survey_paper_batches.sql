CREATE TABLE `survey_paper_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`label` text NOT NULL,
	`collected_on` text NOT NULL,
	`forms` integer NOT NULL,
	`created_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "survey_paper_batches_forms_check" CHECK("survey_paper_batches"."forms" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_paper_batches_survey_id_label_uq` ON `survey_paper_batches` (`survey_id`,`label`);--> statement-breakpoint
CREATE INDEX `survey_paper_batches_created_by_id_idx` ON `survey_paper_batches` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `survey_paper_counts` (
	`batch_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`choice` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`batch_id`, `question_id`, `choice`),
	FOREIGN KEY (`batch_id`) REFERENCES `survey_paper_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `survey_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "survey_paper_counts_choice_check" CHECK("survey_paper_counts"."choice" in ('satisfied', 'basically_satisfied', 'dissatisfied', 'unknown')),
	CONSTRAINT "survey_paper_counts_count_check" CHECK("survey_paper_counts"."count" > 0)
);
--> statement-breakpoint
CREATE INDEX `survey_paper_counts_question_id_choice_idx` ON `survey_paper_counts` (`question_id`,`choice`);