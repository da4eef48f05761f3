-- praxis journal schema, version 1.
-- Append-only once released: later changes go in new numbered files.

PRAGMA application_id = 1347573843; -- 'PRXS'

-- Key/value facts about this journal (last automatic backup, etc.).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Pseudonymous subjects of stage notes and call-in plans: never real names.
CREATE TABLE subjects (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    type       TEXT NOT NULL DEFAULT 'person'
               CHECK (type IN ('person', 'team', 'organisation', 'self')),
    created_at TEXT NOT NULL
);

CREATE TABLE entries (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL
                    CHECK (kind IN ('reflection', 'supervision', 'call-in', 'stage-note', 'check-in', 'cpd')),
    -- Reflective model (reflections) or kind template (structured kinds).
    model           TEXT,
    title           TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL DEFAULT '',
    -- The text of all sections, joined by the store when it writes them, so that one
    -- full-text row covers the whole entry (see entries_fts).
    sections_text   TEXT NOT NULL DEFAULT '',
    occurred_on     TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    scope           TEXT NOT NULL DEFAULT 'private'
                    CHECK (scope IN ('private', 'supervision', 'shareable')),
    for_supervision INTEGER NOT NULL DEFAULT 0 CHECK (for_supervision IN (0, 1)),
    deleted_at      TEXT,
    -- Bumped on every update: a save from a stale copy is detected, never silently applied.
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX entries_by_date ON entries (occurred_on DESC, id DESC);
CREATE INDEX entries_by_kind ON entries (kind, occurred_on DESC, id DESC);
CREATE INDEX entries_flagged ON entries (occurred_on) WHERE for_supervision = 1;
CREATE INDEX entries_trash ON entries (deleted_at) WHERE deleted_at IS NOT NULL;

-- Ordered template sections of an entry (a reflective model's or a kind template's fields).
CREATE TABLE sections (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    key      TEXT NOT NULL,
    label    TEXT NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (entry_id, ord)
) WITHOUT ROWID;

CREATE TABLE entry_strengths (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    strength TEXT NOT NULL,
    whose    TEXT NOT NULL DEFAULT 'mine' CHECK (whose IN ('mine', 'person', 'team')),
    PRIMARY KEY (entry_id, strength, whose)
) WITHOUT ROWID;
CREATE INDEX entry_strengths_by_name ON entry_strengths (strength, entry_id);

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;
CREATE INDEX entry_tags_by_tag ON entry_tags (tag, entry_id);

-- A wellbeing check-in (PRACTICE.md §7), standalone or attached to any entry.
CREATE TABLE checkins (
    entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    mood     INTEGER CHECK (mood BETWEEN 1 AND 5),
    energy   INTEGER CHECK (energy BETWEEN 1 AND 5),
    load     TEXT CHECK (load IN ('light', 'manageable', 'heavy', 'overloaded')),
    carrying TEXT CHECK (carrying IN ('no', 'some', 'a-lot')),
    word     TEXT,
    helped   TEXT
);

-- Tracked actions: from an action section, a supervision record, a call-in outcome.
CREATE TABLE actions (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL DEFAULT 0,
    text       TEXT NOT NULL,
    owner      TEXT,
    due_on     TEXT,
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'partly', 'done')),
    blocker    TEXT,
    done_on    TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX actions_by_entry ON actions (entry_id, ord);
CREATE INDEX actions_open_due ON actions (due_on) WHERE status <> 'done';
CREATE INDEX actions_done ON actions (done_on) WHERE status = 'done';

-- Links between entries: a prep to the entries it brings, a CPD record to its reflections.
CREATE TABLE entry_links (
    from_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    to_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    rel     TEXT NOT NULL,
    PRIMARY KEY (from_id, to_id, rel)
) WITHOUT ROWID;
CREATE INDEX entry_links_to ON entry_links (to_id);

-- Supervision prep and record (PRACTICE.md §3): the typed facts; free text is in sections.
CREATE TABLE supervision (
    entry_id        INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    stage           TEXT NOT NULL CHECK (stage IN ('prep', 'record')),
    session_on      TEXT NOT NULL,
    supervisor_role TEXT,
    session_type    TEXT CHECK (session_type IN ('managerial', 'clinical', 'peer', 'group')),
    length_minutes  INTEGER CHECK (length_minutes > 0),
    prep_id         INTEGER REFERENCES entries (id) ON DELETE SET NULL,
    counts_as_cpd   INTEGER NOT NULL DEFAULT 0,
    peer_reflection INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX supervision_by_date ON supervision (stage, session_on);

CREATE TABLE agenda_items (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    function TEXT CHECK (function IN ('normative', 'formative', 'restorative', 'mediation')),
    minutes  INTEGER,
    want     TEXT CHECK (want IN ('decision', 'advice', 'space', 'permission')),
    PRIMARY KEY (entry_id, ord)
) WITHOUT ROWID;

-- Call-in plans and outcomes (PRACTICE.md §4).
CREATE TABLE callins (
    entry_id     INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    subject_id   INTEGER REFERENCES subjects (id) ON DELETE SET NULL,
    approach     TEXT NOT NULL DEFAULT 'call-in' CHECK (approach IN ('call-in', 'call-out', 'escalate')),
    status       TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'followed-up')),
    held_on      TEXT,
    rating       INTEGER CHECK (rating BETWEEN 1 AND 5),
    rupture      TEXT CHECK (rupture IN ('none', 'withdrawal', 'confrontation')),
    follow_up_on TEXT,
    followed_up_on TEXT
);
CREATE INDEX callins_follow_up ON callins (follow_up_on) WHERE status = 'held';

-- Motivational-interviewing stage notes (PRACTICE.md §5).
CREATE TABLE stage_notes (
    entry_id   INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    subject_id INTEGER NOT NULL REFERENCES subjects (id),
    topic      TEXT NOT NULL,
    stage      TEXT NOT NULL CHECK (stage IN ('precontemplation', 'contemplation', 'preparation',
                                              'action', 'maintenance', 'recycling', 'termination')),
    certainty  TEXT CHECK (certainty IN ('guess', 'clear')),
    mi_process TEXT CHECK (mi_process IN ('engaging', 'focusing', 'evoking', 'planning')),
    importance INTEGER CHECK (importance BETWEEN 0 AND 10),
    confidence INTEGER CHECK (confidence BETWEEN 0 AND 10),
    review_on  TEXT
);
CREATE INDEX stage_notes_by_subject ON stage_notes (subject_id, topic);

CREATE TABLE change_talk (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    code     TEXT NOT NULL CHECK (code IN ('desire', 'ability', 'reasons', 'need',
                                           'commitment', 'activation', 'taking-steps')),
    text     TEXT NOT NULL,
    PRIMARY KEY (entry_id, ord)
) WITHOUT ROWID;

-- Continuing professional development records (PRACTICE.md §8).
CREATE TABLE cpd (
    entry_id      INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    activity_type TEXT NOT NULL,
    hours         REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
    participatory INTEGER NOT NULL DEFAULT 0
);

-- Unsaved editor buffers, written on an idle timer and on every pane switch.
CREATE TABLE drafts (
    id         INTEGER PRIMARY KEY,
    entry_uuid TEXT,
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Full-text index over title, body and section text, kept in sync by the triggers below.
CREATE VIRTUAL TABLE entries_fts USING fts5 (
    title, body, sections_text,
    content = 'entries', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, title, body, sections_text)
    VALUES (new.id, new.title, new.body, new.sections_text);
END;

CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, sections_text)
    VALUES ('delete', old.id, old.title, old.body, old.sections_text);
END;

CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body, sections_text ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body, sections_text)
    VALUES ('delete', old.id, old.title, old.body, old.sections_text);
    INSERT INTO entries_fts (rowid, title, body, sections_text)
    VALUES (new.id, new.title, new.body, new.sections_text);
END;
