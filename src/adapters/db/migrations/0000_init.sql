CREATE TABLE `evaluations` (
	`session_id` text NOT NULL,
	`event_n` integer NOT NULL,
	`question_index` integer NOT NULL,
	`question_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`answer_seq` integer NOT NULL,
	`scorer` text NOT NULL,
	`model` text,
	`fallback` text,
	`overall` real NOT NULL,
	`offline_overall` real NOT NULL,
	`disagreement` integer NOT NULL,
	`key_points` text NOT NULL,
	`criteria` text NOT NULL,
	`flags` text NOT NULL,
	`evaluation` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `event_n`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evaluations_question_idx` ON `evaluations` (`session_id`,`question_index`);--> statement-breakpoint
CREATE TABLE `events` (
	`session_id` text NOT NULL,
	`n` integer NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `n`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`phase` text NOT NULL,
	`plan` text NOT NULL,
	`event_count` integer DEFAULT 0 NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ended_at` integer,
	`end_reason` text
);
--> statement-breakpoint
CREATE INDEX `sessions_status_idx` ON `sessions` (`status`);--> statement-breakpoint
CREATE TABLE `turns` (
	`session_id` text NOT NULL,
	`seq` integer NOT NULL,
	`event_n` integer NOT NULL,
	`at` integer NOT NULL,
	`role` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`question_index` integer,
	`target` text,
	`by` text,
	`fallback` text,
	`feedback` text,
	`progress` text NOT NULL,
	`client_id` text,
	PRIMARY KEY(`session_id`, `seq`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `turns_client_id_idx` ON `turns` (`session_id`,`client_id`);