CREATE TABLE `profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`subject` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `profiles_subject_unique` ON `profiles` (`subject`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `profile_id` text REFERENCES profiles(id);--> statement-breakpoint
CREATE INDEX `sessions_profile_idx` ON `sessions` (`profile_id`,`created_at`);