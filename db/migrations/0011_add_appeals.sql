CREATE TABLE `appeals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` integer NOT NULL,
	`subject` text NOT NULL,
	`progress_report_id` integer,
	`unit_id` integer NOT NULL,
	`filed_by_id` text NOT NULL,
	`reason` text NOT NULL,
	`return_note` text,
	`overdue_deadline` text,
	`decision` text,
	`decision_reason` text,
	`new_deadline` text,
	`decided_by_id` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`progress_report_id`) REFERENCES `progress_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`filed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "appeals_subject_check" CHECK("appeals"."subject" in ('return', 'overdue')),
	CONSTRAINT "appeals_decision_check" CHECK("appeals"."decision" in ('granted', 'rejected')),
	CONSTRAINT "appeals_report_check" CHECK(("appeals"."subject" = 'return') = ("appeals"."progress_report_id" is not null)),
	CONSTRAINT "appeals_decided_check" CHECK(("appeals"."decision" is null) = ("appeals"."decision_reason" is null and "appeals"."decided_at" is null)),
	CONSTRAINT "appeals_new_deadline_check" CHECK("appeals"."new_deadline" is null or ("appeals"."decision" = 'granted' and "appeals"."subject" = 'overdue' and "appeals"."new_deadline" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_open_return_uq` ON `appeals` (`progress_report_id`) WHERE "appeals"."decision" is null and "appeals"."subject" = 'return';--> statement-breakpoint
CREATE UNIQUE INDEX `appeals_open_overdue_uq` ON `appeals` (`measure_id`) WHERE "appeals"."decision" is null and "appeals"."subject" = 'overdue';--> statement-breakpoint
CREATE INDEX `appeals_measure_id_idx` ON `appeals` (`measure_id`);--> statement-breakpoint
CREATE INDEX `appeals_progress_report_id_idx` ON `appeals` (`progress_report_id`);--> statement-breakpoint
CREATE INDEX `appeals_unit_id_idx` ON `appeals` (`unit_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `appeals_decision_created_at_idx` ON `appeals` (`decision`,`created_at`);--> statement-breakpoint
CREATE INDEX `appeals_filed_by_id_idx` ON `appeals` (`filed_by_id`);--> statement-breakpoint
CREATE INDEX `appeals_decided_by_id_idx` ON `appeals` (`decided_by_id`);