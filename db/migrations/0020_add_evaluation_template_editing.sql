ALTER TABLE `evaluation_indicators` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `evaluation_templates` ADD `built_in` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Until now the only template a database could hold was the standard one, stored the first time it was needed.
UPDATE `evaluation_templates` SET `built_in` = 1 WHERE `id` = (SELECT min(`id`) FROM `evaluation_templates`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_templates_name_uq` ON `evaluation_templates` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_templates_one_built_in_uq` ON `evaluation_templates` (`built_in`) WHERE "evaluation_templates"."built_in" = 1;