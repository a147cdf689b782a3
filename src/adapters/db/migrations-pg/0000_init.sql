CREATE TABLE "evaluations" (
	"session_id" text NOT NULL,
	"event_n" integer NOT NULL,
	"question_index" integer NOT NULL,
	"question_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"answer_seq" integer NOT NULL,
	"scorer" text NOT NULL,
	"model" text,
	"fallback" text,
	"overall" double precision NOT NULL,
	"offline_overall" double precision NOT NULL,
	"disagreement" boolean NOT NULL,
	"key_points" json NOT NULL,
	"criteria" json NOT NULL,
	"flags" json NOT NULL,
	"evaluation" json NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "evaluations_session_id_event_n_pk" PRIMARY KEY("session_id","event_n")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"session_id" text NOT NULL,
	"n" integer NOT NULL,
	"type" text NOT NULL,
	"payload" json NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "events_session_id_n_pk" PRIMARY KEY("session_id","n")
);
--> statement-breakpoint
CREATE TABLE "session_leases" (
	"session_id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_plans" (
	"session_id" text PRIMARY KEY NOT NULL,
	"plan" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"phase" text NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"ended_at" bigint,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "turns" (
	"session_id" text NOT NULL,
	"seq" integer NOT NULL,
	"event_n" integer NOT NULL,
	"at" bigint NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"question_index" integer,
	"target" text,
	"by" text,
	"fallback" text,
	"feedback" json,
	"progress" json NOT NULL,
	"client_id" text,
	CONSTRAINT "turns_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_leases" ADD CONSTRAINT "session_leases_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_plans" ADD CONSTRAINT "session_plans_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turns" ADD CONSTRAINT "turns_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_question_idx" ON "evaluations" USING btree ("session_id","question_index");--> statement-breakpoint
CREATE INDEX "sessions_status_idx" ON "sessions" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "turns_client_id_idx" ON "turns" USING btree ("session_id","client_id");