CREATE TABLE `escalation_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`step_id` integer NOT NULL,
	`rung` text NOT NULL,
	`reach` text NOT NULL,
	`user_id` text,
	`name` text DEFAULT '' NOT NULL,
	`phone` text,
	FOREIGN KEY (`step_id`) REFERENCES `escalation_steps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "escalation_recipients_rung_check" CHECK("escalation_recipients"."rung" in ('liaison', 'deputy', 'principal', 'lead_leader')),
	CONSTRAINT "escalation_recipients_reach_check" CHECK("escalation_recipients"."reach" in ('notified', 'contact', 'unassigned'))
);
--> statement-breakpoint
CREATE INDEX `escalation_recipients_step_id_idx` ON `escalation_recipients` (`step_id`);--> statement-breakpoint
CREATE INDEX `escalation_recipients_user_id_idx` ON `escalation_recipients` (`user_id`);--> statement-breakpoint
CREATE TABLE `escalation_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` integer NOT NULL,
	`deadline` text NOT NULL,
	`step` text NOT NULL,
	`reached_on` text NOT NULL,
	`days_left` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "escalation_steps_step_check" CHECK("escalation_steps"."step" in ('liaison', 'deputy', 'principal', 'lead_leader'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `escalation_steps_measure_deadline_step_uq` ON `escalation_steps` (`measure_id`,`deadline`,`step`);--> statement-breakpoint
CREATE INDEX `escalation_steps_reached_on_idx` ON `escalation_steps` (`reached_on`);--> statement-breakpoint
CREATE TABLE `escalation_thresholds` (
	`round_id` integer PRIMARY KEY NOT NULL,
	`liaison_days` integer NOT NULL,
	`deputy_days` integer NOT NULL,
	`principal_days` integer NOT NULL,
	`lead_leader_overdue_days` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "escalation_thresholds_order_check" CHECK("escalation_thresholds"."liaison_days" <= 365 and "escalation_thresholds"."liaison_days" >= "escalation_thresholds"."deputy_days" and "escalation_thresholds"."deputy_days" >= "escalation_thresholds"."principal_days" and "escalation_thresholds"."principal_days" >= 0),
	CONSTRAINT "escalation_thresholds_overdue_check" CHECK("escalation_thresholds"."lead_leader_overdue_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE `notice_draft_measures` (
	`draft_id` integer NOT NULL,
	`measure_id` integer NOT NULL,
	PRIMARY KEY(`draft_id`, `measure_id`),
	FOREIGN KEY (`draft_id`) REFERENCES `notice_drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notice_draft_measures_measure_id_idx` ON `notice_draft_measures` (`measure_id`);--> statement-breakpoint
CREATE TABLE `notice_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`notice_id` integer,
	`decided_by_id` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`notice_id`) REFERENCES `supervision_notices`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "notice_drafts_state_check" CHECK("notice_drafts"."state" in ('pending', 'issued', 'dismissed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_drafts_pending_uq` ON `notice_drafts` (`round_id`,`unit_id`) WHERE "notice_drafts"."state" = 'pending';--> statement-breakpoint
CREATE INDEX `notice_drafts_state_idx` ON `notice_drafts` (`state`);--> statement-breakpoint
CREATE INDEX `notice_drafts_unit_id_idx` ON `notice_drafts` (`unit_id`);--> statement-breakpoint
CREATE INDEX `notice_drafts_notice_id_idx` ON `notice_drafts` (`notice_id`);--> statement-breakpoint
CREATE INDEX `notice_drafts_decided_by_id_idx` ON `notice_drafts` (`decided_by_id`);--> statement-breakpoint
CREATE TABLE `unit_heads` (
	`unit_id` integer NOT NULL,
	`post` text NOT NULL,
	`user_id` text,
	`name` text,
	`phone` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `post`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "unit_heads_post_check" CHECK("unit_heads"."post" in ('principal', 'deputy')),
	CONSTRAINT "unit_heads_account_or_contact_check" CHECK(("unit_heads"."user_id" is not null and "unit_heads"."name" is null and "unit_heads"."phone" is null) or ("unit_heads"."user_id" is null and length("unit_heads"."name") > 0))
);
--> statement-breakpoint
CREATE INDEX `unit_heads_user_id_idx` ON `unit_heads` (`user_id`);