-- 0041 A video session's link, shown to the client shortly before the start, and the clinic's settings for it.

ALTER TABLE sessions ADD COLUMN video_link character varying(500);

ALTER TABLE clinic_settings ADD COLUMN video_link_minutes_before integer NOT NULL DEFAULT 15;
ALTER TABLE clinic_settings ALTER COLUMN video_link_minutes_before DROP DEFAULT;
ALTER TABLE clinic_settings ADD COLUMN video_link_in_email boolean NOT NULL DEFAULT false;
ALTER TABLE clinic_settings ALTER COLUMN video_link_in_email DROP DEFAULT;
