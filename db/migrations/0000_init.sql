CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'other' NOT NULL,
	`parent_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "units_kind_check" CHECK("units"."kind" in ('party', 'government', 'street', 'enterprise', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_name_uq` ON `units` (`name`);--> statement-breakpoint
CREATE INDEX `units_parent_id_idx` ON `units` (`parent_id`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accounts_user_id_idx` ON `accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL,
	`token` text NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_uq` ON `sessions` (`token`);--> statement-breakpoint
CREATE INDEX `sessions_user_id_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
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
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('office', 'unit', 'leader'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit_id_idx` ON `users` (`unit_id`);--> statement-breakpoint
CREATE TABLE `verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verifications_identifier_idx` ON `verifications` (`identifier`);--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`inspecting_body` text NOT NULL,
	`inspected_body` text NOT NULL,
	`inspected_unit_id` integer,
	`inspection_start` text,
	`inspection_end` text,
	`feedback_date` text,
	`deadline` text,
	`due_soon_days` integer DEFAULT 7 NOT NULL,
	`report_cycle` text DEFAULT 'weekly' NOT NULL,
	`report_weekday` integer DEFAULT 5 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`inspected_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "rounds_kind_check" CHECK("rounds"."kind" in ('inspection', 'patrol', 'audit', 'special_check')),
	CONSTRAINT "rounds_report_cycle_check" CHECK("rounds"."report_cycle" in ('none', 'weekly', 'monthly')),
	CONSTRAINT "rounds_due_soon_days_check" CHECK("rounds"."due_soon_days" between 0 and 90),
	CONSTRAINT "rounds_report_weekday_check" CHECK("rounds"."report_weekday" between 1 and 7)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_name_uq` ON `rounds` (`name`);--> statement-breakpoint
CREATE INDEX `rounds_inspected_unit_id_idx` ON `rounds` (`inspected_unit_id`);--> statement-breakpoint
CREATE TABLE `aspects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `aspects_round_id_position_idx` ON `aspects` (`round_id`,`position`);--> statement-breakpoint
CREATE TABLE `measure_co_units` (
	`measure_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`measure_id`, `unit_id`),
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `measure_co_units_unit_id_idx` ON `measure_co_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `measures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`problem_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`goal` text DEFAULT '' NOT NULL,
	`lead_unit_id` integer,
	`deadline` text,
	`deadline_kind` text DEFAULT 'date' NOT NULL,
	`deadline_text` text DEFAULT '' NOT NULL,
	`category` text DEFAULT 'time_limited' NOT NULL,
	`status` text DEFAULT 'incomplete' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`problem_id`) REFERENCES `problems`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`lead_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "measures_status_check" CHECK("measures"."status" in ('incomplete', 'basically_completed', 'completed')),
	CONSTRAINT "measures_deadline_kind_check" CHECK("measures"."deadline_kind" in ('date', 'ongoing', 'scheduled')),
	CONSTRAINT "measures_category_check" CHECK("measures"."category" in ('immediate', 'time_limited', 'long_term')),
	CONSTRAINT "measures_deadline_check" CHECK("measures"."deadline" is null or "measures"."deadline" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE INDEX `measures_problem_id_position_idx` ON `measures` (`problem_id`,`position`);--> statement-breakpoint
CREATE INDEX `measures_lead_unit_id_idx` ON `measures` (`lead_unit_id`);--> statement-breakpoint
CREATE INDEX `measures_round_id_status_idx` ON `measures` (`round_id`,`status`);--> statement-breakpoint
CREATE INDEX `measures_deadline_idx` ON `measures` (`deadline`);--> statement-breakpoint
CREATE TABLE `problems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`aspect_id` integer,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`lead_leader` text DEFAULT '' NOT NULL,
	`lead_unit_id` integer,
	`status` text DEFAULT 'incomplete' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`aspect_id`) REFERENCES `aspects`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`lead_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "problems_status_check" CHECK("problems"."status" in ('incomplete', 'basically_completed', 'completed')),
	CONSTRAINT "problems_number_check" CHECK("problems"."number" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `problems_round_id_number_uq` ON `problems` (`round_id`,`number`);--> statement-breakpoint
CREATE INDEX `problems_aspect_id_idx` ON `problems` (`aspect_id`);--> statement-breakpoint
CREATE INDEX `problems_lead_unit_id_idx` ON `problems` (`lead_unit_id`);--> statement-breakpoint
CREATE INDEX `problems_round_id_status_idx` ON `problems` (`round_id`,`status`);--> statement-breakpoint
CREATE TABLE `evidence_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`progress_report_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`stored_path` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`progress_report_id`) REFERENCES `progress_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "evidence_files_size_check" CHECK("evidence_files"."size" >= 0)
);
--> statement-breakpoint
CREATE INDEX `evidence_files_progress_report_id_idx` ON `evidence_files` (`progress_report_id`);--> statement-breakpoint
CREATE INDEX `evidence_files_sha256_idx` ON `evidence_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `progress_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`author_id` text NOT NULL,
	`report_date` text NOT NULL,
	`text` text NOT NULL,
	`percent` integer,
	`milestone` text,
	`claimed_status` text NOT NULL,
	`review_state` text DEFAULT 'pending' NOT NULL,
	`reviewer_id` text,
	`review_note` text,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "progress_reports_claimed_status_check" CHECK("progress_reports"."claimed_status" in ('incomplete', 'basically_completed', 'completed')),
	CONSTRAINT "progress_reports_review_state_check" CHECK("progress_reports"."review_state" in ('pending', 'signed_off', 'returned')),
	CONSTRAINT "progress_reports_percent_check" CHECK("progress_reports"."percent" is null or "progress_reports"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE INDEX `progress_reports_measure_id_idx` ON `progress_reports` (`measure_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `progress_reports_unit_id_idx` ON `progress_reports` (`unit_id`);--> statement-breakpoint
CREATE INDEX `progress_reports_author_id_idx` ON `progress_reports` (`author_id`);--> statement-breakpoint
CREATE INDEX `progress_reports_reviewer_id_idx` ON `progress_reports` (`reviewer_id`);--> statement-breakpoint
CREATE INDEX `progress_reports_review_state_idx` ON `progress_reports` (`review_state`,`created_at`);--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`unit_id` integer,
	`progress_report_id` integer,
	`title` text NOT NULL,
	`document_number` text DEFAULT '' NOT NULL,
	`issued_date` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`progress_report_id`) REFERENCES `progress_reports`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `institutions_round_id_idx` ON `institutions` (`round_id`);--> statement-breakpoint
CREATE INDEX `institutions_unit_id_idx` ON `institutions` (`unit_id`);--> statement-breakpoint
CREATE INDEX `institutions_progress_report_id_idx` ON `institutions` (`progress_report_id`);--> statement-breakpoint
CREATE TABLE `look_backs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` integer NOT NULL,
	`scheduled_date` text NOT NULL,
	`result` text,
	`note` text,
	`checked_by_id` text,
	`checked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`checked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "look_backs_result_check" CHECK("look_backs"."result" in ('holds', 'relapsed'))
);
--> statement-breakpoint
CREATE INDEX `look_backs_measure_id_idx` ON `look_backs` (`measure_id`);--> statement-breakpoint
CREATE INDEX `look_backs_scheduled_date_idx` ON `look_backs` (`scheduled_date`);--> statement-breakpoint
CREATE INDEX `look_backs_checked_by_id_idx` ON `look_backs` (`checked_by_id`);--> statement-breakpoint
CREATE TABLE `supervision_notice_measures` (
	`notice_id` integer NOT NULL,
	`measure_id` integer NOT NULL,
	PRIMARY KEY(`notice_id`, `measure_id`),
	FOREIGN KEY (`notice_id`) REFERENCES `supervision_notices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `supervision_notice_measures_measure_id_idx` ON `supervision_notice_measures` (`measure_id`);--> statement-breakpoint
CREATE TABLE `supervision_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`level` text NOT NULL,
	`request` text NOT NULL,
	`reply_deadline` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`issued_by_id` text NOT NULL,
	`reply` text,
	`replied_by_id` text,
	`replied_at` integer,
	`closed_by_id` text,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`issued_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`replied_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`closed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "supervision_notices_level_check" CHECK("supervision_notices"."level" in ('reminder', 'supervise', 'criticize')),
	CONSTRAINT "supervision_notices_state_check" CHECK("supervision_notices"."state" in ('open', 'replied', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supervision_notices_year_sequence_uq` ON `supervision_notices` (`year`,`sequence`);--> statement-breakpoint
CREATE INDEX `supervision_notices_round_id_idx` ON `supervision_notices` (`round_id`);--> statement-breakpoint
CREATE INDEX `supervision_notices_unit_id_state_idx` ON `supervision_notices` (`unit_id`,`state`);--> statement-breakpoint
CREATE INDEX `supervision_notices_issued_by_id_idx` ON `supervision_notices` (`issued_by_id`);--> statement-breakpoint
CREATE INDEX `supervision_notices_replied_by_id_idx` ON `supervision_notices` (`replied_by_id`);--> statement-breakpoint
CREATE INDEX `supervision_notices_closed_by_id_idx` ON `supervision_notices` (`closed_by_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link` text,
	`dedupe_key` text NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key_uq` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user_id_read_at_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_id_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE INDEX `audit_log_created_at_idx` ON `audit_log` (`created_at`);