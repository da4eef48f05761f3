-- praxis journal schema, version 4: practice with others (PRACTICE.md §12–§17).

-- Recognition, feedback, ruptures, positive-risk plans and group sessions are new kinds
-- of entry; colleagues are a new type of subject, and a strength can be a colleague's.
-- The lists of words the tables accept are widened in place: SQLite cannot change a
-- CHECK constraint with ALTER TABLE, and copying the entries table into a new one would
-- rewrite every entry and its search index. Widening a constraint that every existing
-- row already satisfies changes nothing on disk (the procedure SQLite documents for
-- relaxing constraints). The tables created below change the schema's version number,
-- so every other connection reads the new constraints before its next statement;
-- `writable_schema = RESET` makes this one read them at once.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(sql, '''check-in'', ''cpd'')',
                  '''check-in'', ''cpd'', ''recognition'', ''feedback'', ''rupture'', ''positive-risk'', ''group-session'')')
WHERE type = 'table' AND name = 'entries';
UPDATE sqlite_master
SET sql = replace(sql, '''organisation'', ''self'')', '''organisation'', ''self'', ''colleague'')')
WHERE type = 'table' AND name = 'subjects';
UPDATE sqlite_master
SET sql = replace(sql, '(''mine'', ''person'', ''team'')', '(''mine'', ''person'', ''team'', ''colleague'')')
WHERE type = 'table' AND name = 'entry_strengths';
PRAGMA writable_schema = RESET;

-- Recognition given or received (PRACTICE.md §13). Recognition not yet said is a short
-- list read for supervision preparation: a partial index holds just those.
CREATE TABLE recognitions (
    entry_id   INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    direction  TEXT NOT NULL CHECK (direction IN ('given', 'received')),
    subject_id INTEGER NOT NULL REFERENCES subjects (id),
    said       TEXT NOT NULL
               CHECK (said IN ('in-person', 'in-supervision', 'in-writing', 'not-yet')),
    said_on    TEXT CHECK (said_on IS NULL OR said <> 'not-yet')
);
CREATE INDEX recognitions_by_subject ON recognitions (subject_id);
CREATE INDEX recognitions_not_yet_said ON recognitions (entry_id) WHERE said = 'not-yet';

-- Feedback from the people worked with (PRACTICE.md §14); the subject is optional, as
-- much feedback is anonymous.
CREATE TABLE feedback (
    entry_id   INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    source     TEXT NOT NULL CHECK (source IN ('person-supported', 'family-carer', 'colleague',
                                               'manager', 'student', 'complaint', 'compliment',
                                               'other')),
    subject_id INTEGER REFERENCES subjects (id),
    tone       TEXT CHECK (tone IN ('appreciative', 'mixed', 'critical'))
);
CREATE INDEX feedback_by_source ON feedback (source);
CREATE INDEX feedback_by_subject ON feedback (subject_id) WHERE subject_id IS NOT NULL;

-- Ruptures in working relationships and their repair (PRACTICE.md §15). The call-in a
-- rupture arose from is linked in entry_links (rel 'arose-in').
CREATE TABLE ruptures (
    entry_id        INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    subject_id      INTEGER NOT NULL REFERENCES subjects (id),
    kind            TEXT CHECK (kind IN ('withdrawal', 'confrontation', 'misattunement')),
    status          TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'repair-tried', 'repaired', 'let-go')),
    repair_tried_on TEXT,
    closed_on       TEXT,
    CHECK ((closed_on IS NOT NULL) = (status IN ('repaired', 'let-go')))
);
CREATE INDEX ruptures_by_subject ON ruptures (subject_id);
CREATE INDEX ruptures_by_status ON ruptures (status);

-- Positive-risk plans (PRACTICE.md §16): reviewed like actions, so the active ones are
-- indexed by their next review.
CREATE TABLE positive_risks (
    entry_id   INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    subject_id INTEGER NOT NULL REFERENCES subjects (id),
    status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    review_on  TEXT,
    CHECK ((review_on IS NOT NULL) = (status = 'active'))
);
CREATE INDEX positive_risks_review_due ON positive_risks (review_on) WHERE status = 'active';
CREATE INDEX positive_risks_by_subject ON positive_risks (subject_id);

CREATE TABLE risk_reviews (
    entry_id    INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    reviewed_on TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('continue', 'adjust', 'end')),
    note        TEXT NOT NULL,
    PRIMARY KEY (entry_id, ord)
) WITHOUT ROWID;

-- Group and peer sessions (PRACTICE.md §17); who was present, as roles or pseudonyms.
CREATE TABLE group_sessions (
    entry_id        INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    format          TEXT NOT NULL
                    CHECK (format IN ('group-supervision', 'peer-supervision', 'action-learning-set',
                                      'team-session', 'community-of-practice')),
    my_role         TEXT CHECK (my_role IN ('presenter', 'participant', 'facilitator')),
    length_minutes  INTEGER CHECK (length_minutes > 0),
    peer_reflection INTEGER NOT NULL DEFAULT 0 CHECK (peer_reflection IN (0, 1)),
    counts_as_cpd   INTEGER NOT NULL DEFAULT 0 CHECK (counts_as_cpd IN (0, 1))
);
CREATE INDEX group_sessions_by_format ON group_sessions (format);

CREATE TABLE group_present (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    who      TEXT NOT NULL,
    PRIMARY KEY (entry_id, ord)
) WITHOUT ROWID;
