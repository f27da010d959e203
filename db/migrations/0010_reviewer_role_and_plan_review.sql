CREATE TABLE `review_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`submission_id` integer,
	`thread_id` integer,
	`target` text DEFAULT 'plan' NOT NULL,
	`target_id` integer,
	`target_label` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`author_id` text,
	`resolved_at` integer,
	`resolved_by_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`thread_id`) REFERENCES `review_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "review_comments_target_check" CHECK("review_comments"."target" in ('plan', 'problem', 'measure', 'report'))
);
--> statement-breakpoint
CREATE INDEX `review_comments_round_id_idx` ON `review_comments` (`round_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `review_comments_thread_id_idx` ON `review_comments` (`thread_id`);--> statement-breakpoint
CREATE INDEX `review_comments_submission_id_idx` ON `review_comments` (`submission_id`);--> statement-breakpoint
CREATE INDEX `review_comments_author_id_idx` ON `review_comments` (`author_id`);--> statement-breakpoint
CREATE INDEX `review_comments_resolved_by_id_idx` ON `review_comments` (`resolved_by_id`);--> statement-breakpoint
CREATE TABLE `round_reviewers` (
	`round_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`round_id`, `user_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `round_reviewers_user_id_idx` ON `round_reviewers` (`user_id`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`content` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`submitted_by_id` text,
	`decided_by_id` text,
	`decision_note` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "submissions_kind_check" CHECK("submissions"."kind" in ('plan', 'report')),
	CONSTRAINT "submissions_state_check" CHECK("submissions"."state" in ('pending', 'approved', 'returned'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_round_kind_version_uq` ON `submissions` (`round_id`,`kind`,`version`);--> statement-breakpoint
CREATE INDEX `submissions_submitted_by_id_idx` ON `submissions` (`submitted_by_id`);--> statement-breakpoint
CREATE INDEX `submissions_decided_by_id_idx` ON `submissions` (`decided_by_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_one_pending_uq` ON `submissions` (`round_id`,`kind`) WHERE "submissions"."state" = 'pending';--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`username` text NOT NULL,
	`display_username` text,
	`role` text NOT NULL,
	`unit_id` integer NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`phone` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "users_role_check" CHECK("__new_users"."role" in ('office', 'unit', 'leader', 'reviewer'))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "name", "email", "email_verified", "image", "username", "display_username", "role", "unit_id", "is_admin", "disabled", "must_change_password", "phone", "created_at", "updated_at") SELECT "id", "name", "email", "email_verified", "image", "username", "display_username", "role", "unit_id", "is_admin", "disabled", "must_change_password", "phone", "created_at", "updated_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit_id_idx` ON `users` (`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_uq` ON `users` (`phone`);--> statement-breakpoint
ALTER TABLE `rounds` ADD `units_see_unapproved_plan` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `rounds` ADD `plan_approved_at` integer;