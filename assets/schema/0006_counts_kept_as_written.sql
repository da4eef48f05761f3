-- praxis journal schema, version 6.
--
-- Counts kept as the journal is written, so that neither opening the app, nor a
-- keystroke, nor the Patterns of any period reads every entry. Triggers keep them: every
-- write of every version of praxis from this one on, whatever path it takes, keeps them
-- in step in the same transaction. `praxis doctor --rebuild-index` builds them again
-- from the entries (Store::rebuild_counts, which holds the same SELECTs as below).

-- The Monday of a day's week, as SQL: date(d, '-N days'), N days since Monday.
-- (strftime('%w') is 0 on Sunday.)

-- Entries of each kind, in the journal and in the trash.
CREATE TABLE count_kinds (
    kind    TEXT PRIMARY KEY,
    live    INTEGER NOT NULL,
    trashed INTEGER NOT NULL
) WITHOUT ROWID;

-- Live entries per week (its Monday) and kind.
CREATE TABLE count_weeks (
    week TEXT NOT NULL,
    kind TEXT NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (week, kind)
) WITHOUT ROWID;

-- Live reflections per month ('YYYY-MM') and reflective model ('' for none).
CREATE TABLE count_model_months (
    month TEXT NOT NULL,
    model TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (month, model)
) WITHOUT ROWID;

-- Strength tags of live entries per month ('YYYY-MM'), strength and whose.
CREATE TABLE count_strength_months (
    month    TEXT NOT NULL,
    strength TEXT NOT NULL,
    whose    TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (month, strength, whose)
) WITHOUT ROWID;

-- Check-ins of live entries per day: how many; moods and energies given, and their sums;
-- how many said heavy or overloaded; how many said carrying a lot.
CREATE TABLE count_checkin_days (
    day        TEXT PRIMARY KEY,
    checkins   INTEGER NOT NULL,
    moods      INTEGER NOT NULL,
    mood_sum   INTEGER NOT NULL,
    energies   INTEGER NOT NULL,
    energy_sum INTEGER NOT NULL,
    heavy      INTEGER NOT NULL,
    a_lot      INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO count_kinds (kind, live, trashed)
    SELECT kind, count(*) FILTER (WHERE deleted_at IS NULL),
           count(*) FILTER (WHERE deleted_at IS NOT NULL)
    FROM entries GROUP BY kind;

INSERT INTO count_weeks (week, kind, n)
    SELECT date(occurred_on, '-' || ((strftime('%w', occurred_on) + 6) % 7) || ' days'),
           kind, count(*)
    FROM entries WHERE deleted_at IS NULL GROUP BY 1, 2;

INSERT INTO count_model_months (month, model, n)
    SELECT substr(occurred_on, 1, 7), coalesce(model, ''), count(*)
    FROM entries WHERE deleted_at IS NULL AND kind = 'reflection' GROUP BY 1, 2;

INSERT INTO count_strength_months (month, strength, whose, n)
    SELECT substr(e.occurred_on, 1, 7), s.strength, s.whose, count(*)
    FROM entry_strengths s JOIN entries e ON e.id = s.entry_id
    WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3;

INSERT INTO count_checkin_days (day, checkins, moods, mood_sum, energies, energy_sum, heavy, a_lot)
    SELECT e.occurred_on, count(*), count(c.mood), coalesce(sum(c.mood), 0), count(c.energy),
           coalesce(sum(c.energy), 0), count(*) FILTER (WHERE c.load IN ('heavy', 'overloaded')),
           count(*) FILTER (WHERE c.carrying = 'a-lot')
    FROM checkins c JOIN entries e ON e.id = c.entry_id
    WHERE e.deleted_at IS NULL GROUP BY 1;

-- Tracked actions of live entries: open ones (or partly done) by the day they are due,
-- done ones by the day they were done ('' when there is no day).
CREATE TABLE count_action_days (
    done INTEGER NOT NULL,
    day  TEXT NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (done, day)
) WITHOUT ROWID;

-- Call-ins of live entries per month, status and sign of rupture ('' for none).
CREATE TABLE count_callin_months (
    month   TEXT NOT NULL,
    status  TEXT NOT NULL,
    rupture TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (month, status, rupture)
) WITHOUT ROWID;

INSERT INTO count_action_days (done, day, n)
    SELECT a.status = 'done',
           CASE WHEN a.status = 'done' THEN coalesce(a.done_on, '') ELSE coalesce(a.due_on, '') END,
           count(*)
    FROM actions a JOIN entries e ON e.id = a.entry_id
    WHERE e.deleted_at IS NULL GROUP BY 1, 2;

INSERT INTO count_callin_months (month, status, rupture, n)
    SELECT substr(e.occurred_on, 1, 7), c.status, coalesce(c.rupture, ''), count(*)
    FROM callins c JOIN entries e ON e.id = c.entry_id
    WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3;

-- An entry is counted by its kind, and when live by its week and kind (and a reflection
-- by its month and model).
CREATE TRIGGER count_entry_insert AFTER INSERT ON entries BEGIN
    INSERT INTO count_kinds (kind, live, trashed)
        VALUES (new.kind, new.deleted_at IS NULL, new.deleted_at IS NOT NULL)
        ON CONFLICT (kind) DO UPDATE
        SET live = live + excluded.live, trashed = trashed + excluded.trashed;
    INSERT INTO count_weeks (week, kind, n)
        SELECT date(new.occurred_on, '-' || ((strftime('%w', new.occurred_on) + 6) % 7) || ' days'),
               new.kind, 1
        WHERE new.deleted_at IS NULL
        ON CONFLICT (week, kind) DO UPDATE SET n = n + 1;
    INSERT INTO count_model_months (month, model, n)
        SELECT substr(new.occurred_on, 1, 7), coalesce(new.model, ''), 1
        WHERE new.deleted_at IS NULL AND new.kind = 'reflection'
        ON CONFLICT (month, model) DO UPDATE SET n = n + 1;
END;

-- Before a live entry goes, its strengths and check-in stop counting (its parts are
-- deleted after it, when it can no longer be looked up).
CREATE TRIGGER count_entry_before_delete BEFORE DELETE ON entries
WHEN old.deleted_at IS NULL BEGIN
    UPDATE count_strength_months SET n = n - 1
        WHERE month = substr(old.occurred_on, 1, 7)
          AND (strength, whose) IN (SELECT strength, whose FROM entry_strengths WHERE entry_id = old.id);
    UPDATE count_checkin_days SET
        checkins = checkins - 1,
        moods = moods - (c.mood IS NOT NULL), mood_sum = mood_sum - coalesce(c.mood, 0),
        energies = energies - (c.energy IS NOT NULL), energy_sum = energy_sum - coalesce(c.energy, 0),
        heavy = heavy - coalesce(c.load IN ('heavy', 'overloaded'), 0), a_lot = a_lot - coalesce(c.carrying = 'a-lot', 0)
        FROM (SELECT * FROM checkins WHERE entry_id = old.id) c
        WHERE day = old.occurred_on;
    UPDATE count_action_days SET n = n - a.c
        FROM (SELECT status = 'done' AS done,
                     CASE WHEN status = 'done' THEN coalesce(done_on, '') ELSE coalesce(due_on, '') END AS day,
                     count(*) AS c
              FROM actions WHERE entry_id = old.id GROUP BY 1, 2) a
        WHERE count_action_days.done = a.done AND count_action_days.day = a.day;
    UPDATE count_callin_months SET n = n - 1
        FROM (SELECT status, coalesce(rupture, '') AS rupture FROM callins WHERE entry_id = old.id) c
        WHERE month = substr(old.occurred_on, 1, 7)
          AND count_callin_months.status = c.status AND count_callin_months.rupture = c.rupture;
END;

CREATE TRIGGER count_entry_delete AFTER DELETE ON entries BEGIN
    UPDATE count_kinds
        SET live = live - (old.deleted_at IS NULL), trashed = trashed - (old.deleted_at IS NOT NULL)
        WHERE kind = old.kind;
    UPDATE count_weeks SET n = n - 1
        WHERE old.deleted_at IS NULL
          AND week = date(old.occurred_on, '-' || ((strftime('%w', old.occurred_on) + 6) % 7) || ' days')
          AND kind = old.kind;
    UPDATE count_model_months SET n = n - 1
        WHERE old.deleted_at IS NULL AND old.kind = 'reflection'
          AND month = substr(old.occurred_on, 1, 7) AND model = coalesce(old.model, '');
END;

-- An entry that changes kind, model, day, or goes to or comes back from the trash is
-- counted again, its strengths and check-in with it. (Its parts are written after it;
-- those triggers count them as they come.)
CREATE TRIGGER count_entry_update AFTER UPDATE OF kind, model, occurred_on, deleted_at ON entries
WHEN old.kind IS NOT new.kind OR old.model IS NOT new.model OR old.occurred_on IS NOT new.occurred_on
  OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
    UPDATE count_kinds
        SET live = live - (old.deleted_at IS NULL), trashed = trashed - (old.deleted_at IS NOT NULL)
        WHERE kind = old.kind;
    INSERT INTO count_kinds (kind, live, trashed)
        VALUES (new.kind, new.deleted_at IS NULL, new.deleted_at IS NOT NULL)
        ON CONFLICT (kind) DO UPDATE
        SET live = live + excluded.live, trashed = trashed + excluded.trashed;
    UPDATE count_weeks SET n = n - 1
        WHERE old.deleted_at IS NULL
          AND week = date(old.occurred_on, '-' || ((strftime('%w', old.occurred_on) + 6) % 7) || ' days')
          AND kind = old.kind;
    UPDATE count_model_months SET n = n - 1
        WHERE old.deleted_at IS NULL AND old.kind = 'reflection'
          AND month = substr(old.occurred_on, 1, 7) AND model = coalesce(old.model, '');
    INSERT INTO count_weeks (week, kind, n)
        SELECT date(new.occurred_on, '-' || ((strftime('%w', new.occurred_on) + 6) % 7) || ' days'),
               new.kind, 1
        WHERE new.deleted_at IS NULL
        ON CONFLICT (week, kind) DO UPDATE SET n = n + 1;
    INSERT INTO count_model_months (month, model, n)
        SELECT substr(new.occurred_on, 1, 7), coalesce(new.model, ''), 1
        WHERE new.deleted_at IS NULL AND new.kind = 'reflection'
        ON CONFLICT (month, model) DO UPDATE SET n = n + 1;
    UPDATE count_strength_months SET n = n - 1
        WHERE old.deleted_at IS NULL AND month = substr(old.occurred_on, 1, 7)
          AND (strength, whose) IN (SELECT strength, whose FROM entry_strengths WHERE entry_id = old.id);
    INSERT INTO count_strength_months (month, strength, whose, n)
        SELECT substr(new.occurred_on, 1, 7), strength, whose, 1
        FROM entry_strengths WHERE entry_id = new.id AND new.deleted_at IS NULL
        ON CONFLICT (month, strength, whose) DO UPDATE SET n = n + 1;
    UPDATE count_checkin_days SET
        checkins = checkins - 1,
        moods = moods - (c.mood IS NOT NULL), mood_sum = mood_sum - coalesce(c.mood, 0),
        energies = energies - (c.energy IS NOT NULL), energy_sum = energy_sum - coalesce(c.energy, 0),
        heavy = heavy - coalesce(c.load IN ('heavy', 'overloaded'), 0), a_lot = a_lot - coalesce(c.carrying = 'a-lot', 0)
        FROM (SELECT * FROM checkins WHERE entry_id = old.id AND old.deleted_at IS NULL) c
        WHERE day = old.occurred_on;
    INSERT INTO count_checkin_days (day, checkins, moods, mood_sum, energies, energy_sum, heavy, a_lot)
        SELECT new.occurred_on, 1, mood IS NOT NULL, coalesce(mood, 0), energy IS NOT NULL,
               coalesce(energy, 0), coalesce(load IN ('heavy', 'overloaded'), 0), coalesce(carrying = 'a-lot', 0)
        FROM checkins WHERE entry_id = new.id AND new.deleted_at IS NULL
        ON CONFLICT (day) DO UPDATE SET
            checkins = checkins + 1,
            moods = moods + excluded.moods, mood_sum = mood_sum + excluded.mood_sum,
            energies = energies + excluded.energies, energy_sum = energy_sum + excluded.energy_sum,
            heavy = heavy + excluded.heavy, a_lot = a_lot + excluded.a_lot;
    UPDATE count_action_days SET n = n - a.c
        FROM (SELECT status = 'done' AS done,
                     CASE WHEN status = 'done' THEN coalesce(done_on, '') ELSE coalesce(due_on, '') END AS day,
                     count(*) AS c
              FROM actions WHERE entry_id = old.id AND old.deleted_at IS NULL GROUP BY 1, 2) a
        WHERE count_action_days.done = a.done AND count_action_days.day = a.day;
    INSERT INTO count_action_days (done, day, n)
        SELECT status = 'done',
               CASE WHEN status = 'done' THEN coalesce(done_on, '') ELSE coalesce(due_on, '') END,
               count(*)
        FROM actions WHERE entry_id = new.id AND new.deleted_at IS NULL GROUP BY 1, 2
        ON CONFLICT (done, day) DO UPDATE SET n = n + excluded.n;
    UPDATE count_callin_months SET n = n - 1
        FROM (SELECT status, coalesce(rupture, '') AS rupture FROM callins
              WHERE entry_id = old.id AND old.deleted_at IS NULL) c
        WHERE month = substr(old.occurred_on, 1, 7)
          AND count_callin_months.status = c.status AND count_callin_months.rupture = c.rupture;
    INSERT INTO count_callin_months (month, status, rupture, n)
        SELECT substr(new.occurred_on, 1, 7), status, coalesce(rupture, ''), 1
        FROM callins WHERE entry_id = new.id AND new.deleted_at IS NULL
        ON CONFLICT (month, status, rupture) DO UPDATE SET n = n + 1;
END;

-- A strength tag counts while its entry is live (looked up as it is written; when its
-- entry is being deleted it is no longer there, and was uncounted before).
CREATE TRIGGER count_strength_insert AFTER INSERT ON entry_strengths BEGIN
    INSERT INTO count_strength_months (month, strength, whose, n)
        SELECT substr(occurred_on, 1, 7), new.strength, new.whose, 1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (month, strength, whose) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER count_strength_delete AFTER DELETE ON entry_strengths BEGIN
    UPDATE count_strength_months SET n = n - 1
        WHERE strength = old.strength AND whose = old.whose
          AND month = (SELECT substr(occurred_on, 1, 7) FROM entries
                       WHERE id = old.entry_id AND deleted_at IS NULL);
END;

CREATE TRIGGER count_checkin_insert AFTER INSERT ON checkins BEGIN
    INSERT INTO count_checkin_days (day, checkins, moods, mood_sum, energies, energy_sum, heavy, a_lot)
        SELECT occurred_on, 1, new.mood IS NOT NULL, coalesce(new.mood, 0), new.energy IS NOT NULL,
               coalesce(new.energy, 0), coalesce(new.load IN ('heavy', 'overloaded'), 0), coalesce(new.carrying = 'a-lot', 0)
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (day) DO UPDATE SET
            checkins = checkins + 1,
            moods = moods + excluded.moods, mood_sum = mood_sum + excluded.mood_sum,
            energies = energies + excluded.energies, energy_sum = energy_sum + excluded.energy_sum,
            heavy = heavy + excluded.heavy, a_lot = a_lot + excluded.a_lot;
END;

CREATE TRIGGER count_checkin_delete AFTER DELETE ON checkins BEGIN
    UPDATE count_checkin_days SET
        checkins = checkins - 1,
        moods = moods - (old.mood IS NOT NULL), mood_sum = mood_sum - coalesce(old.mood, 0),
        energies = energies - (old.energy IS NOT NULL), energy_sum = energy_sum - coalesce(old.energy, 0),
        heavy = heavy - coalesce(old.load IN ('heavy', 'overloaded'), 0), a_lot = a_lot - coalesce(old.carrying = 'a-lot', 0)
        WHERE day = (SELECT occurred_on FROM entries WHERE id = old.entry_id AND deleted_at IS NULL);
END;

CREATE TRIGGER count_checkin_update AFTER UPDATE ON checkins BEGIN
    UPDATE count_checkin_days SET
        moods = moods - (old.mood IS NOT NULL) + (new.mood IS NOT NULL),
        mood_sum = mood_sum - coalesce(old.mood, 0) + coalesce(new.mood, 0),
        energies = energies - (old.energy IS NOT NULL) + (new.energy IS NOT NULL),
        energy_sum = energy_sum - coalesce(old.energy, 0) + coalesce(new.energy, 0),
        heavy = heavy - coalesce(old.load IN ('heavy', 'overloaded'), 0) + coalesce(new.load IN ('heavy', 'overloaded'), 0),
        a_lot = a_lot - coalesce(old.carrying = 'a-lot', 0) + coalesce(new.carrying = 'a-lot', 0)
        WHERE old.entry_id = new.entry_id
          AND day = (SELECT occurred_on FROM entries WHERE id = new.entry_id AND deleted_at IS NULL);
END;

CREATE TRIGGER count_action_insert AFTER INSERT ON actions BEGIN
    INSERT INTO count_action_days (done, day, n)
        SELECT new.status = 'done',
               CASE WHEN new.status = 'done' THEN coalesce(new.done_on, '') ELSE coalesce(new.due_on, '') END,
               1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (done, day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER count_action_delete AFTER DELETE ON actions BEGIN
    UPDATE count_action_days SET n = n - 1
        WHERE done = (old.status = 'done')
          AND day = CASE WHEN old.status = 'done' THEN coalesce(old.done_on, '') ELSE coalesce(old.due_on, '') END
          AND EXISTS (SELECT 1 FROM entries WHERE id = old.entry_id AND deleted_at IS NULL);
END;

CREATE TRIGGER count_action_update AFTER UPDATE OF status, due_on, done_on, entry_id ON actions BEGIN
    UPDATE count_action_days SET n = n - 1
        WHERE done = (old.status = 'done')
          AND day = CASE WHEN old.status = 'done' THEN coalesce(old.done_on, '') ELSE coalesce(old.due_on, '') END
          AND EXISTS (SELECT 1 FROM entries WHERE id = old.entry_id AND deleted_at IS NULL);
    INSERT INTO count_action_days (done, day, n)
        SELECT new.status = 'done',
               CASE WHEN new.status = 'done' THEN coalesce(new.done_on, '') ELSE coalesce(new.due_on, '') END,
               1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (done, day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER count_callin_insert AFTER INSERT ON callins BEGIN
    INSERT INTO count_callin_months (month, status, rupture, n)
        SELECT substr(occurred_on, 1, 7), new.status, coalesce(new.rupture, ''), 1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (month, status, rupture) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER count_callin_delete AFTER DELETE ON callins BEGIN
    UPDATE count_callin_months SET n = n - 1
        WHERE status = old.status AND rupture = coalesce(old.rupture, '')
          AND month = (SELECT substr(occurred_on, 1, 7) FROM entries
                       WHERE id = old.entry_id AND deleted_at IS NULL);
END;

CREATE TRIGGER count_callin_update AFTER UPDATE OF status, rupture, entry_id ON callins BEGIN
    UPDATE count_callin_months SET n = n - 1
        WHERE status = old.status AND rupture = coalesce(old.rupture, '')
          AND month = (SELECT substr(occurred_on, 1, 7) FROM entries
                       WHERE id = old.entry_id AND deleted_at IS NULL);
    INSERT INTO count_callin_months (month, status, rupture, n)
        SELECT substr(occurred_on, 1, 7), new.status, coalesce(new.rupture, ''), 1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (month, status, rupture) DO UPDATE SET n = n + 1;
END;

-- A subject's call-ins, found without reading every call-in (a search that matches a
-- subject lists them).
CREATE INDEX callins_by_subject ON callins (subject_id) WHERE subject_id IS NOT NULL;

-- The titles of live entries, newest first: what a search matches loosely (the newest
-- 2,000) is read from this index alone, not from 2,000 entries' rows.
CREATE INDEX entries_live_titles ON entries (occurred_on DESC, id DESC, title)
    WHERE deleted_at IS NULL;

-- Tags and strengths carry their entry's day, so that the newest entries with a tag or a
-- strength are read from an index in date order (`list --tag`, a search that matches a
-- name) instead of walking every entry by date to find them. They replace the indexes by
-- name, which served nothing these do not.
ALTER TABLE entry_tags ADD COLUMN occurred_on TEXT;
UPDATE entry_tags SET occurred_on = (SELECT occurred_on FROM entries WHERE id = entry_id);
CREATE INDEX entry_tags_by_tag_day ON entry_tags (tag, occurred_on, entry_id);
DROP INDEX entry_tags_by_tag;

ALTER TABLE entry_strengths ADD COLUMN occurred_on TEXT;
UPDATE entry_strengths SET occurred_on = (SELECT occurred_on FROM entries WHERE id = entry_id);
CREATE INDEX entry_strengths_by_name_day ON entry_strengths (strength, occurred_on, entry_id);
DROP INDEX entry_strengths_by_name_whose;

CREATE TRIGGER names_follow_the_day AFTER UPDATE OF occurred_on ON entries
WHEN old.occurred_on IS NOT new.occurred_on BEGIN
    UPDATE entry_tags SET occurred_on = new.occurred_on WHERE entry_id = new.id;
    UPDATE entry_strengths SET occurred_on = new.occurred_on WHERE entry_id = new.id;
END;

-- The newest entries' words, in a small full-text index of their own: the app's live
-- search lists the newest matches first, and a word typed so far (`car`, `care`) stands
-- for every word it begins, whose matches SQLite gathers all at once however few are
-- listed. Here, those of the newest entries only; the whole index is asked only for
-- what these do not fill. Filled and moved on by Store::search_newest (entries above
-- `search_recent_from` in meta, up to `search_recent_to`); entries whose words change or
-- that are deleted are noted here until it next looks.
CREATE VIRTUAL TABLE search_recent USING fts5 (
    title, body, sections_text,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE search_changed (id INTEGER PRIMARY KEY);

CREATE TRIGGER search_changed_update AFTER UPDATE OF title, body, sections_text ON entries BEGIN
    INSERT OR IGNORE INTO search_changed (id) VALUES (new.id);
END;

CREATE TRIGGER search_changed_delete AFTER DELETE ON entries BEGIN
    INSERT OR IGNORE INTO search_changed (id) VALUES (old.id);
END;
