-- praxis journal schema, version 8.
--
-- Roll-ups of the counts kept as written (versions 6 and 7), so that Patterns for a long
-- period reads whole weeks, months and years instead of every day or month of it: the
-- check-ins of each week, the actions of each month, and the strengths and reflective
-- models of each year (and, at the end, the strengths of each day, for the days at the
-- edges of a period). Each roll-up is kept from the count it rolls up, by triggers on
-- that count's table, in the same transaction as every write: whatever changes a day's,
-- or a month's, count changes its week's, month's or year's by as much. A row of zeros
-- is kept when what it counted goes, as the counts keep theirs. `praxis doctor` checks
-- each roll-up against its count, and `--rebuild-index` builds them again
-- (Store::rebuild_counts, which holds the same SELECTs as below).
--
-- The triggers are named `count_rollup_`: an import into a journal without entries sets
-- every `count_` trigger aside and writes the counts once at the end, these roll-ups
-- with them (from the counts, as --rebuild-index does): rolling up each count's row as it
-- was written took about three times as long.

-- Check-ins of live entries per week (its Monday): the sums of the days' counts, and how
-- many of its days had a heavy or overloaded check-in.
CREATE TABLE count_checkin_weeks (
    week       TEXT PRIMARY KEY,
    checkins   INTEGER NOT NULL,
    moods      INTEGER NOT NULL,
    mood_sum   INTEGER NOT NULL,
    energies   INTEGER NOT NULL,
    energy_sum INTEGER NOT NULL,
    heavy_days INTEGER NOT NULL,
    a_lot      INTEGER NOT NULL,
    helped     INTEGER NOT NULL
) WITHOUT ROWID;

-- Tracked actions of live entries per month ('YYYY-MM'; '' for no day) they are due
-- (open) or were done (done).
CREATE TABLE count_action_months (
    done  INTEGER NOT NULL,
    month TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (done, month)
) WITHOUT ROWID;

-- Strength tags of live entries per year ('YYYY'), strength and whose.
CREATE TABLE count_strength_years (
    year     TEXT NOT NULL,
    strength TEXT NOT NULL,
    whose    TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (year, strength, whose)
) WITHOUT ROWID;

-- Live reflections per year ('YYYY') and reflective model ('' for none).
CREATE TABLE count_model_years (
    year  TEXT NOT NULL,
    model TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (year, model)
) WITHOUT ROWID;

INSERT INTO count_checkin_weeks
    (week, checkins, moods, mood_sum, energies, energy_sum, heavy_days, a_lot, helped)
    SELECT date(day, '-' || ((strftime('%w', day) + 6) % 7) || ' days'),
           sum(checkins), sum(moods), sum(mood_sum), sum(energies), sum(energy_sum),
           sum(heavy > 0), sum(a_lot), sum(helped)
    FROM count_checkin_days GROUP BY 1;

INSERT INTO count_action_months (done, month, n)
    SELECT done, substr(day, 1, 7), sum(n) FROM count_action_days GROUP BY 1, 2;

INSERT INTO count_strength_years (year, strength, whose, n)
    SELECT substr(month, 1, 4), strength, whose, sum(n)
    FROM count_strength_months GROUP BY 1, 2, 3;

INSERT INTO count_model_years (year, model, n)
    SELECT substr(month, 1, 4), model, sum(n) FROM count_model_months GROUP BY 1, 2;

-- A day's check-ins, as they come, change and go (its row is never moved to another
-- day by praxis; a row that were would be taken from one week and added to the other).
CREATE TRIGGER count_rollup_checkin_day_insert AFTER INSERT ON count_checkin_days BEGIN
    INSERT INTO count_checkin_weeks
        (week, checkins, moods, mood_sum, energies, energy_sum, heavy_days, a_lot, helped)
        VALUES (date(new.day, '-' || ((strftime('%w', new.day) + 6) % 7) || ' days'),
                new.checkins, new.moods, new.mood_sum, new.energies, new.energy_sum,
                new.heavy > 0, new.a_lot, new.helped)
        ON CONFLICT (week) DO UPDATE SET
            checkins = checkins + excluded.checkins,
            moods = moods + excluded.moods, mood_sum = mood_sum + excluded.mood_sum,
            energies = energies + excluded.energies, energy_sum = energy_sum + excluded.energy_sum,
            heavy_days = heavy_days + excluded.heavy_days, a_lot = a_lot + excluded.a_lot,
            helped = helped + excluded.helped;
END;

CREATE TRIGGER count_rollup_checkin_day_update AFTER UPDATE ON count_checkin_days BEGIN
    UPDATE count_checkin_weeks SET
        checkins = checkins - old.checkins,
        moods = moods - old.moods, mood_sum = mood_sum - old.mood_sum,
        energies = energies - old.energies, energy_sum = energy_sum - old.energy_sum,
        heavy_days = heavy_days - (old.heavy > 0), a_lot = a_lot - old.a_lot,
        helped = helped - old.helped
        WHERE week = date(old.day, '-' || ((strftime('%w', old.day) + 6) % 7) || ' days');
    INSERT INTO count_checkin_weeks
        (week, checkins, moods, mood_sum, energies, energy_sum, heavy_days, a_lot, helped)
        VALUES (date(new.day, '-' || ((strftime('%w', new.day) + 6) % 7) || ' days'),
                new.checkins, new.moods, new.mood_sum, new.energies, new.energy_sum,
                new.heavy > 0, new.a_lot, new.helped)
        ON CONFLICT (week) DO UPDATE SET
            checkins = checkins + excluded.checkins,
            moods = moods + excluded.moods, mood_sum = mood_sum + excluded.mood_sum,
            energies = energies + excluded.energies, energy_sum = energy_sum + excluded.energy_sum,
            heavy_days = heavy_days + excluded.heavy_days, a_lot = a_lot + excluded.a_lot,
            helped = helped + excluded.helped;
END;

CREATE TRIGGER count_rollup_checkin_day_delete AFTER DELETE ON count_checkin_days BEGIN
    UPDATE count_checkin_weeks SET
        checkins = checkins - old.checkins,
        moods = moods - old.moods, mood_sum = mood_sum - old.mood_sum,
        energies = energies - old.energies, energy_sum = energy_sum - old.energy_sum,
        heavy_days = heavy_days - (old.heavy > 0), a_lot = a_lot - old.a_lot,
        helped = helped - old.helped
        WHERE week = date(old.day, '-' || ((strftime('%w', old.day) + 6) % 7) || ' days');
END;

CREATE TRIGGER count_rollup_action_day_insert AFTER INSERT ON count_action_days BEGIN
    INSERT INTO count_action_months (done, month, n)
        VALUES (new.done, substr(new.day, 1, 7), new.n)
        ON CONFLICT (done, month) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER count_rollup_action_day_update AFTER UPDATE ON count_action_days BEGIN
    UPDATE count_action_months SET n = n - old.n
        WHERE done = old.done AND month = substr(old.day, 1, 7);
    INSERT INTO count_action_months (done, month, n)
        VALUES (new.done, substr(new.day, 1, 7), new.n)
        ON CONFLICT (done, month) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER count_rollup_action_day_delete AFTER DELETE ON count_action_days BEGIN
    UPDATE count_action_months SET n = n - old.n
        WHERE done = old.done AND month = substr(old.day, 1, 7);
END;

CREATE TRIGGER count_rollup_strength_month_insert AFTER INSERT ON count_strength_months BEGIN
    INSERT INTO count_strength_years (year, strength, whose, n)
        VALUES (substr(new.month, 1, 4), new.strength, new.whose, new.n)
        ON CONFLICT (year, strength, whose) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER count_rollup_strength_month_update AFTER UPDATE ON count_strength_months BEGIN
    UPDATE count_strength_years SET n = n - old.n
        WHERE year = substr(old.month, 1, 4) AND strength = old.strength AND whose = old.whose;
    INSERT INTO count_strength_years (year, strength, whose, n)
        VALUES (substr(new.month, 1, 4), new.strength, new.whose, new.n)
        ON CONFLICT (year, strength, whose) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER count_rollup_strength_month_delete AFTER DELETE ON count_strength_months BEGIN
    UPDATE count_strength_years SET n = n - old.n
        WHERE year = substr(old.month, 1, 4) AND strength = old.strength AND whose = old.whose;
END;

CREATE TRIGGER count_rollup_model_month_insert AFTER INSERT ON count_model_months BEGIN
    INSERT INTO count_model_years (year, model, n)
        VALUES (substr(new.month, 1, 4), new.model, new.n)
        ON CONFLICT (year, model) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER count_rollup_model_month_update AFTER UPDATE ON count_model_months BEGIN
    UPDATE count_model_years SET n = n - old.n
        WHERE year = substr(old.month, 1, 4) AND model = old.model;
    INSERT INTO count_model_years (year, model, n)
        VALUES (substr(new.month, 1, 4), new.model, new.n)
        ON CONFLICT (year, model) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER count_rollup_model_month_delete AFTER DELETE ON count_model_months BEGIN
    UPDATE count_model_years SET n = n - old.n
        WHERE year = substr(old.month, 1, 4) AND model = old.model;
END;

-- Strength tags of live entries per day, strength and whose: what the days of a period
-- outside its whole months are read from, instead of every entry of those days and its
-- strengths (a month of a team's journal of 1,000,000 entries holds 3,300 entries). Kept
-- from the entries and their strengths as the counts per month are (version 6), by
-- triggers of their own named `count_`: an import into a journal without entries sets
-- them aside and writes the count once at the end.
CREATE TABLE count_strength_days (
    day      TEXT NOT NULL,
    strength TEXT NOT NULL,
    whose    TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (day, strength, whose)
) WITHOUT ROWID;

INSERT INTO count_strength_days (day, strength, whose, n)
    SELECT e.occurred_on, s.strength, s.whose, count(*)
    FROM entry_strengths s JOIN entries e ON e.id = s.entry_id
    WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3;

CREATE TRIGGER count_strength_day_insert AFTER INSERT ON entry_strengths BEGIN
    INSERT INTO count_strength_days (day, strength, whose, n)
        SELECT occurred_on, new.strength, new.whose, 1
        FROM entries WHERE id = new.entry_id AND deleted_at IS NULL
        ON CONFLICT (day, strength, whose) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER count_strength_day_delete AFTER DELETE ON entry_strengths BEGIN
    UPDATE count_strength_days SET n = n - 1
        WHERE strength = old.strength AND whose = old.whose
          AND day = (SELECT occurred_on FROM entries WHERE id = old.entry_id AND deleted_at IS NULL);
END;

-- Before a live entry goes, its strengths stop counting (they are deleted after it,
-- when it can no longer be looked up).
CREATE TRIGGER count_strength_day_entry_before_delete BEFORE DELETE ON entries
WHEN old.deleted_at IS NULL BEGIN
    UPDATE count_strength_days SET n = n - 1
        WHERE day = old.occurred_on
          AND (strength, whose) IN (SELECT strength, whose FROM entry_strengths WHERE entry_id = old.id);
END;

-- An entry that moves to another day, or goes to or comes back from the trash, takes its
-- strengths with it.
CREATE TRIGGER count_strength_day_entry_update AFTER UPDATE OF occurred_on, deleted_at ON entries
WHEN old.occurred_on IS NOT new.occurred_on
  OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
    UPDATE count_strength_days SET n = n - 1
        WHERE old.deleted_at IS NULL AND day = old.occurred_on
          AND (strength, whose) IN (SELECT strength, whose FROM entry_strengths WHERE entry_id = old.id);
    INSERT INTO count_strength_days (day, strength, whose, n)
        SELECT new.occurred_on, strength, whose, 1
        FROM entry_strengths WHERE entry_id = new.id AND new.deleted_at IS NULL
        ON CONFLICT (day, strength, whose) DO UPDATE SET n = n + 1;
END;
