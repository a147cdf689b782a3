DROP INDEX "evaluations_question_idx";--> statement-breakpoint
DROP INDEX "turns_client_id_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "turns_client_id_idx" ON "turns" USING btree ("session_id","client_id") WHERE "turns"."client_id" is not null;--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "key_points";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "criteria";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "flags";--> statement-breakpoint
ALTER TABLE "evaluations" DROP COLUMN "evaluation";