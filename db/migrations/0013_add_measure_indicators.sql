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
ALTER TABLE `progress_reports` ADD `indicator_actual` real;