CREATE TABLE `problem_recurrences` (
	`problem_id` integer PRIMARY KEY NOT NULL,
	`earlier_problem_id` integer NOT NULL,
	`marked_by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`earlier_problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`marked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "problem_recurrences_not_self_check" CHECK("problem_recurrences"."problem_id" <> "problem_recurrences"."earlier_problem_id")
);
--> statement-breakpoint
CREATE INDEX `problem_recurrences_earlier_problem_id_idx` ON `problem_recurrences` (`earlier_problem_id`);--> statement-breakpoint
CREATE INDEX `problem_recurrences_marked_by_id_idx` ON `problem_recurrences` (`marked_by_id`);