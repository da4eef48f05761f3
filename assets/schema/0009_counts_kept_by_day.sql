-- praxis journal schema, version 9.
--
-- Entries (by kind and model), strengths and call-ins counted per day, beside the counts
-- per week and month of version 6, so that Patterns reads the days at the edges of a
-- period from these instead of from the entries of those days. Before, the last 4 weeks
-- of a journal of 1,000,000 entries read some 3,000 entries and 9,000 strength tags
-- twice (the period and the one before it); now a few rows per day whatever the journal
-- holds: a day has at most a row per kind and model, per strength and whose, per
-- status and rupture.
--
-- Triggers of their own keep them beside those of version 6, in the same transaction as
-- every write, mirroring them statement for statement (a day where they have a month);
-- `praxis doctor` checks them with the rest and `--rebuild-index` builds them again
-- (Store::rebuild_counts, which holds the same SELECTs as below). Their names begin
-- `count_`, so an import into a journal without entries sets them aside with the others
-- and writes these counts too.

-- Live entries per day, kind and model ('' for none).
CREATE TABLE count_entry_days (
    day   TEXT NOT NULL,
    kind  TEXT NOT NULL,
    model TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (day, kind, model)
) WITHOUT ROWID;

-- Strength tags of live entries per day, strength and whose.
CREATE TABLE count_strength_days (
    day      TEXT NOT NULL,
    strength TEXT NOT NULL,
    whose    TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (day, strength, whose)
) WITHOUT ROWID;

-- Call-ins of live entries per day, status and sign of rupture ('' for none).
CREATE TABLE count_callin_days (
    day     TEXT NOT NULL,
    status  TEXT NOT NULL,
    rupture TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (day, status, rupture)
) WITHOUT ROWID;

INSERT INTO count_entry_days (day, kind, model, n)
    SELECT occurred_on, kind, coalesce(model, ''), count(*)
    FROM entries WHERE deleted_at IS NULL GROUP BY 1, 2, 3;

INSERT INTO count_strength_days (day, strength, whose, n)
    SELECT e.occurred_on, s.strength, s.whose, count(*)
    FROM entry_strengths s JOIN entries e ON e.id = s.entry_id
    WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3;

INSERT INTO count_callin_days (day, status, rupture, n)
    SELECT e.occurred_on, c.status, coalesce(c.rupture, ''), count(*)
    FROM callins c JOIN entries e ON e.id = c.entry_id
    WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3;

CREATE TRIGGER count_day_entry_insert AFTER INSERT ON entries
WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO count_entry_days (day, kind, model, n)
        VALUES (new.occurred_on, new.kind, coalesce(new.model, ''), 1)
        ON CONFLICT (day, kind, model) DO UPDATE SET n = n + 1;
END;

-- Before a live entry goes, its strengths and call-ins stop counting (its parts are
-- deleted after it, when it can no longer be looked up).
CREATE TRIGGER count_day_entry_before_delete BEFORE DELETE ON entries
WHEN old.deleted_at IS NULL BEGIN
    UPDATE count_strength_days SET n = n - 1
        WHERE day = old.occurred_on
          AND (strength, whose) IN (SELECT strength, whose FROM entry_strengths WHERE entry_id = old.id);
    UPDATE count_callin_days SET n = n - 1
        FROM (SELECT status, coalesce(rupture, '') AS rupture FROM callins WHERE entry_id = old.id) c
        WHERE day = old.occurred_on
          AND count_callin_days.status = c.status AND count_callin_days.rupture = c.rupture;
END;

CREATE TRIGGER count_day_entry_delete AFTER DELETE ON entries
WHEN old.deleted_at IS NULL BEGIN
    UPDATE count_entry_days SET n = n - 1
        WHERE day = old.occurred_on AND kind = old.kind AND model = coalesce(old.model, '');
END;

-- An entry that changes kind, model, day, or goes to or comes back from the trash is
-- counted again, its strengths and call-ins with it. (Its parts are written after it;
-- those triggers count them as they come.)
CREATE TRIGGER count_day_entry_update AFTER UPDATE OF kind, model, occurred_on, deleted_at ON entries
WHEN old.kind IS NOT new.kind OR old.model IS NOT new.model OR old.occurred_on IS NOT new.occurred_on
  OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
    UPDATE count_entry_days SET n = n - 1
        WHERE old.deleted_at IS NULL
          AND day = old.occurred_on AND kind = old.kind AND model = coalesce(old.model, '');
    INSERT INTO count_entry_days (day, kind, model, n)
        SELECT new.occurred_on, new.kind, coalesce(new.model, ''), 1
        WHERE new.deleted_at IS NULL
        ON CONFLICT (day, kind, model) DO UPDATE SET n = n + 1;
    UPDATE count_strength_days SET n = n - 1
        WHERE old.deleted_at IS NULL AND day = old.occurred_on
          AND (strength, whose) IN (SELECT strength, whose FROM entry_strengths WHERE entry_id = old.id);
    INSERT INTO count_strength_days (day, strength, whose, n)
        SELECT new.occurred_on, strength, whose, 1
        FROM entry_strengths WHERE entry_id = new.id AND new.deleted_at IS NULL
        ON CONFLICT (day, strength, whose) DO UPDATE SET n = n + 1;
    UPDATE count_callin_days SET n = n - 1
        FROM (SELECT status, coalesce(rupture, '') AS rupture FROM callins
              WHERE entry_id = old.id AND old.deleted_at IS NULL) c
        WHERE day = old.occurred_on
          AND count_callin_days.status = c.status AND count_callin_days.rupture = c.rupture;
    INSERT INTO count_callin_days (day, status, rupture, n)
        SELECT new.occurred_on, status, coalesce(rupture, ''), 1
        FROM callins WHERE entry_id = new.id AND new.deleted_at IS NULL
        ON CONFLICT (day, status, rupture) DO UPDATE SET n = n + 1;
END;

-- A strength tag counts while its entry is live (looked up as it is written; when its
-- entry is being deleted it is no longer there, and was uncounted before).
CREATE TRIGGER count_day_strength_insert AFTER INSERT ON entry_strengths BEGIN
    INSERT INTO count_strength_days (day, strength, whose, n)
        SELECT occurred_on, new.strength, new.whose, 1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (day, strength, whose) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER count_day_strength_delete AFTER DELETE ON entry_strengths BEGIN
    UPDATE count_strength_days SET n = n - 1
        WHERE strength = old.strength AND whose = old.whose
          AND day = (SELECT occurred_on FROM entries WHERE id = old.entry_id AND deleted_at IS NULL);
END;

CREATE TRIGGER count_day_callin_insert AFTER INSERT ON callins BEGIN
    INSERT INTO count_callin_days (day, status, rupture, n)
        SELECT occurred_on, new.status, coalesce(new.rupture, ''), 1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (day, status, rupture) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER count_day_callin_delete AFTER DELETE ON callins BEGIN
    UPDATE count_callin_days SET n = n - 1
        WHERE status = old.status AND rupture = coalesce(old.rupture, '')
          AND day = (SELECT occurred_on FROM entries WHERE id = old.entry_id AND deleted_at IS NULL);
END;

CREATE TRIGGER count_day_callin_update AFTER UPDATE OF status, rupture, entry_id ON callins BEGIN
    UPDATE count_callin_days SET n = n - 1
        WHERE status = old.status AND rupture = coalesce(old.rupture, '')
          AND day = (SELECT occurred_on FROM entries WHERE id = old.entry_id AND deleted_at IS NULL);
    INSERT INTO count_callin_days (day, status, rupture, n)
        SELECT occurred_on, new.status, coalesce(new.rupture, ''), 1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (day, status, rupture) DO UPDATE SET n = n + 1;
END;
