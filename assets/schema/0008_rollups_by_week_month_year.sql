-- praxis journal schema, version 8.
--
-- Roll-ups of the counts kept as written (versions 6 and 7), so that Patterns for a long
-- period reads whole weeks, months and years instead of every day or month of it: the
-- check-ins of each week, the actions of each month, and the strengths and reflective
-- models of each year. Each roll-up is kept from the count it rolls up, by triggers on
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
