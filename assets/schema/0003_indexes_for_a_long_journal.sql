-- praxis journal schema, version 3.

-- Live entries by date, kind and model: the patterns of a period (entries per day and
-- kind, reflections per model) are counted from this index alone, in one pass, without
-- touching the rows (which hold the text). It replaces entries_live, which is a prefix
-- of it and so serves nothing this one does not.
CREATE INDEX entries_live_kinds ON entries (deleted_at, occurred_on, kind, model);
DROP INDEX entries_live;

-- Strength tags by name and whose: counted per (name, whose) in the order of this index,
-- with no sorting. It replaces entry_strengths_by_name (name, entry), which serves
-- nothing this one does not.
CREATE INDEX entry_strengths_by_name_whose ON entry_strengths (strength, whose, entry_id);
DROP INDEX entry_strengths_by_name;

-- The search index's buffer of pending data: each time it fills within a transaction,
-- FTS5 writes a segment of its index, and segments are merged as they accumulate. An
-- import or a rebuild of 100,000 entries wrote hundreds of segments with the default
-- (1 MiB) and a few with 32 MiB. Saving one entry never comes near either.
INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', 33554432);
