-- linkchart store. Per-document extraction results are kept as extracted; the resolved
-- network (entities ... merge_decisions) is recomputed from them on every build.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    duplicate_of TEXT REFERENCES documents(id),
    similarity REAL,
    text TEXT NOT NULL,
    signature TEXT NOT NULL,
    added_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS local_entities (
    local_id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    names TEXT NOT NULL,              -- JSON list of surface forms
    explicit_aliases TEXT NOT NULL,   -- JSON list
    role TEXT NOT NULL,
    mention_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    role TEXT NOT NULL,
    local_id TEXT
);
CREATE TABLE IF NOT EXISTS local_relations (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL REFERENCES local_entities(local_id) ON DELETE CASCADE,
    target TEXT NOT NULL REFERENCES local_entities(local_id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    subtype TEXT,
    date TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    hedged INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS local_events (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    label TEXT NOT NULL,
    place TEXT,
    date TEXT,
    participants TEXT NOT NULL,       -- JSON list of local ids
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    hedged INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS local_merges (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name_a TEXT NOT NULL,
    name_b TEXT NOT NULL,
    reason TEXT NOT NULL,
    score REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS analyst_decisions (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'distinct', 'rename')),
    name_a TEXT NOT NULL,
    name_b TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
-- The resolved network.
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    documents TEXT NOT NULL,          -- JSON list of document ids
    mention_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    document_id TEXT REFERENCES documents(id)
);
CREATE TABLE IF NOT EXISTS relations (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    target TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    subtype TEXT,
    hedged INTEGER NOT NULL,
    confidence REAL NOT NULL,
    date TEXT
);
CREATE TABLE IF NOT EXISTS evidence (
    relation_id TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    hedged INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    label TEXT NOT NULL,
    place TEXT,
    date TEXT,
    hedged INTEGER NOT NULL,
    participants TEXT NOT NULL,       -- JSON list of entity ids
    evidence TEXT NOT NULL            -- JSON list of {document, text, start, end, hedged}
);
CREATE TABLE IF NOT EXISTS merge_decisions (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name_a TEXT NOT NULL,
    name_b TEXT NOT NULL,
    reason TEXT NOT NULL,
    score REAL NOT NULL,
    source TEXT NOT NULL,
    document_id TEXT
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(document_id);
CREATE INDEX IF NOT EXISTS aliases_entity ON aliases(entity_id);
CREATE INDEX IF NOT EXISTS evidence_relation ON evidence(relation_id);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE VIRTUAL TABLE IF NOT EXISTS names_fts USING fts5(name, entity_id UNINDEXED);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
