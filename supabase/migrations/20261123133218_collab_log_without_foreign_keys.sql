ALTER TABLE "collab_updates" DROP CONSTRAINT "collab_updates_consortium_id_consortia_id_fk";
--> statement-breakpoint
ALTER TABLE "collab_updates" DROP CONSTRAINT "collab_updates_user_id_users_id_fk";
