-- praxis journal schema, version 7.
--
-- The check-ins of each day that say what helped, kept with the day's other check-in
-- counts, so that "what keeps me going" counts them by month without reading every
-- entry. Triggers of their own keep the count beside those of version 6, in the same
-- transaction as every write; `praxis doctor` checks it with the rest and
-- `--rebuild-index` builds it again (Store::rebuild_counts).
--
-- Each trigger adds to a day's row with an upsert (a row of zeros when the version 6
-- trigger of the same write has not made it yet), or takes from the row that is there:
-- the order in which SQLite fires the two does not matter.

-- A check-in says what helped when its `helped` holds more than spaces.
ALTER TABLE count_checkin_days ADD COLUMN helped INTEGER NOT NULL DEFAULT 0;

UPDATE count_checkin_days SET helped = (
    SELECT count(*) FROM checkins c JOIN entries e ON e.id = c.entry_id
    WHERE e.deleted_at IS NULL AND e.occurred_on = count_checkin_days.day
      AND trim(coalesce(c.helped, '')) <> ''
);

CREATE TRIGGER count_helped_insert AFTER INSERT ON checkins
WHEN trim(coalesce(new.helped, '')) <> '' BEGIN
    INSERT INTO count_checkin_days
        (day, checkins, moods, mood_sum, energies, energy_sum, heavy, a_lot, helped)
        SELECT occurred_on, 0, 0, 0, 0, 0, 0, 0, 1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (day) DO UPDATE SET helped = helped + 1;
END;

CREATE TRIGGER count_helped_delete AFTER DELETE ON checkins
WHEN trim(coalesce(old.helped, '')) <> '' BEGIN
    UPDATE count_checkin_days SET helped = helped - 1
        WHERE day = (SELECT occurred_on FROM entries WHERE id = old.entry_id AND deleted_at IS NULL);
END;

CREATE TRIGGER count_helped_update AFTER UPDATE ON checkins
WHEN (trim(coalesce(old.helped, '')) <> '') <> (trim(coalesce(new.helped, '')) <> '')
  OR old.entry_id IS NOT new.entry_id BEGIN
    UPDATE count_checkin_days SET helped = helped - 1
        WHERE trim(coalesce(old.helped, '')) <> ''
          AND day = (SELECT occurred_on FROM entries WHERE id = old.entry_id AND deleted_at IS NULL);
    INSERT INTO count_checkin_days
        (day, checkins, moods, mood_sum, energies, energy_sum, heavy, a_lot, helped)
        SELECT occurred_on, 0, 0, 0, 0, 0, 0, 0, 1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
          AND trim(coalesce(new.helped, '')) <> ''
        ON CONFLICT (day) DO UPDATE SET helped = helped + 1;
END;

-- Before a live entry goes, its check-in's answer stops counting.
CREATE TRIGGER count_helped_entry_before_delete BEFORE DELETE ON entries
WHEN old.deleted_at IS NULL BEGIN
    UPDATE count_checkin_days SET helped = helped - (
            SELECT count(*) FROM checkins
            WHERE entry_id = old.id AND trim(coalesce(helped, '')) <> '')
        WHERE day = old.occurred_on;
END;

-- An entry that moves to another day, or goes to or comes back from the trash, takes its
-- check-in's answer with it.
CREATE TRIGGER count_helped_entry_update AFTER UPDATE OF occurred_on, deleted_at ON entries
WHEN old.occurred_on IS NOT new.occurred_on
  OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
    UPDATE count_checkin_days SET helped = helped - (
            SELECT count(*) FROM checkins
            WHERE entry_id = old.id AND trim(coalesce(helped, '')) <> '')
        WHERE old.deleted_at IS NULL AND day = old.occurred_on;
    INSERT INTO count_checkin_days
        (day, checkins, moods, mood_sum, energies, energy_sum, heavy, a_lot, helped)
        SELECT new.occurred_on, 0, 0, 0, 0, 0, 0, 0, count(*)
        FROM checkins
        WHERE entry_id = new.id AND new.deleted_at IS NULL AND trim(coalesce(helped, '')) <> ''
        HAVING count(*) > 0
        ON CONFLICT (day) DO UPDATE SET helped = helped + excluded.helped;
END;
