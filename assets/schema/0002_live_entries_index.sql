-- praxis journal schema, version 2.
-- Live entries by date: counts and period queries read this small index instead of
-- every entry row (the rows hold the text, so scanning them reads the whole journal).
CREATE INDEX entries_live ON entries (deleted_at, occurred_on, kind);
