CREATE TABLE `session_plans` (
	`session_id` text PRIMARY KEY NOT NULL,
	`plan` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Added by hand to the generated migration: carry existing plans over before the column goes.
INSERT INTO `session_plans` (`session_id`, `plan`) SELECT `id`, `plan` FROM `sessions`;
--> statement-breakpoint
ALTER TABLE `sessions` DROP COLUMN `plan`;