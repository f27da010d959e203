CREATE TABLE `survey_answers` (
	`response_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`choice` text NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `survey_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "survey_answers_choice_check" CHECK("survey_answers"."choice" in ('satisfied', 'basically_satisfied', 'dissatisfied', 'unknown'))
);
--> statement-breakpoint
CREATE INDEX `survey_answers_question_id_choice_idx` ON `survey_answers` (`question_id`,`choice`);--> statement-breakpoint
CREATE TABLE `survey_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`address_hash` text NOT NULL,
	`attempted_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `survey_attempts_survey_id_address_hash_attempted_at_idx` ON `survey_attempts` (`survey_id`,`address_hash`,`attempted_at`);--> statement-breakpoint
CREATE INDEX `survey_attempts_attempted_at_idx` ON `survey_attempts` (`attempted_at`);--> statement-breakpoint
CREATE TABLE `survey_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`position` integer NOT NULL,
	`subject` text NOT NULL,
	`aspect_id` integer,
	`problem_id` integer,
	`text` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`aspect_id`) REFERENCES `aspects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "survey_questions_subject_check" CHECK("survey_questions"."subject" in ('aspect', 'problem'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_questions_survey_id_position_uq` ON `survey_questions` (`survey_id`,`position`);--> statement-breakpoint
CREATE INDEX `survey_questions_aspect_id_idx` ON `survey_questions` (`aspect_id`);--> statement-breakpoint
CREATE INDEX `survey_questions_problem_id_idx` ON `survey_questions` (`problem_id`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`device_hash` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_survey_id_device_hash_uq` ON `survey_responses` (`survey_id`,`device_hash`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`title` text NOT NULL,
	`intro` text DEFAULT '' NOT NULL,
	`token` text NOT NULL,
	`salt` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`opened_at` integer,
	`closed_at` integer,
	`created_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "surveys_state_check" CHECK("surveys"."state" in ('draft', 'open', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_round_id_uq` ON `surveys` (`round_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_token_uq` ON `surveys` (`token`);--> statement-breakpoint
CREATE INDEX `surveys_created_by_id_idx` ON `surveys` (`created_by_id`);