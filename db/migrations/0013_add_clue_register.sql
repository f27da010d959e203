CREATE TABLE `clue_stage_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`clue_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`change_date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`actor_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`clue_id`) REFERENCES `clues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "clue_stage_changes_from_check" CHECK("clue_stage_changes"."from_stage" in ('registered', 'inquiry', 'preliminary', 'filed', 'investigation', 'trial', 'concluded', 'shelved', 'dismissed')),
	CONSTRAINT "clue_stage_changes_to_check" CHECK("clue_stage_changes"."to_stage" in ('registered', 'inquiry', 'preliminary', 'filed', 'investigation', 'trial', 'concluded', 'shelved', 'dismissed'))
);
--> statement-breakpoint
CREATE INDEX `clue_stage_changes_clue_id_idx` ON `clue_stage_changes` (`clue_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `clue_stage_changes_actor_id_idx` ON `clue_stage_changes` (`actor_id`);--> statement-breakpoint
CREATE TABLE `clues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`handler` text NOT NULL,
	`handler_unit_id` integer,
	`received_date` text NOT NULL,
	`time_limit` text NOT NULL,
	`due_date` text NOT NULL,
	`stage` text DEFAULT 'registered' NOT NULL,
	`people_handled` integer DEFAULT 0 NOT NULL,
	`disciplined` integer DEFAULT 0 NOT NULL,
	`organizational` integer DEFAULT 0 NOT NULL,
	`prosecuted` integer DEFAULT 0 NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`handler_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "clues_kind_check" CHECK("clues"."kind" in ('clue', 'petition')),
	CONSTRAINT "clues_handler_check" CHECK("clues"."handler" in ('commission', 'organization', 'unit')),
	CONSTRAINT "clues_time_limit_check" CHECK("clues"."time_limit" in ('3', '6', '12', 'date')),
	CONSTRAINT "clues_stage_check" CHECK("clues"."stage" in ('registered', 'inquiry', 'preliminary', 'filed', 'investigation', 'trial', 'concluded', 'shelved', 'dismissed')),
	CONSTRAINT "clues_handler_unit_check" CHECK(("clues"."handler" = 'unit') = ("clues"."handler_unit_id" is not null)),
	CONSTRAINT "clues_counts_check" CHECK("clues"."disciplined" between 0 and "clues"."people_handled" and "clues"."organizational" between 0 and "clues"."people_handled" and "clues"."prosecuted" between 0 and "clues"."people_handled")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clues_round_number_uq` ON `clues` (`round_id`,`number`);--> statement-breakpoint
CREATE INDEX `clues_round_id_idx` ON `clues` (`round_id`,`stage`);--> statement-breakpoint
CREATE INDEX `clues_due_date_idx` ON `clues` (`due_date`);--> statement-breakpoint
CREATE INDEX `clues_handler_unit_id_idx` ON `clues` (`handler_unit_id`);--> statement-breakpoint
CREATE INDEX `clues_created_by_id_idx` ON `clues` (`created_by_id`);--> statement-breakpoint
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
	CONSTRAINT "users_role_check" CHECK("__new_users"."role" in ('office', 'unit', 'leader', 'reviewer', 'discipline'))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "name", "email", "email_verified", "image", "username", "display_username", "role", "unit_id", "is_admin", "disabled", "must_change_password", "phone", "created_at", "updated_at") SELECT "id", "name", "email", "email_verified", "image", "username", "display_username", "role", "unit_id", "is_admin", "disabled", "must_change_password", "phone", "created_at", "updated_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit_id_idx` ON `users` (`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_uq` ON `users` (`phone`);