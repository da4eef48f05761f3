-- praxis journal schema, version 4.

-- A draft belongs to the app that writes it: the writer's process id and when it started
-- (NULL for drafts kept before this version, and where the start cannot be read). Another
-- app on the same journal is offered a draft only once its writer is gone, takes it over
-- by writing itself in, and never writes over a draft that is not its own.
ALTER TABLE drafts ADD COLUMN writer_pid INTEGER;
ALTER TABLE drafts ADD COLUMN writer_started TEXT;
