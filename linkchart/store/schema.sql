-- linkchart store. Per-document extraction results are kept as extracted; the resolved
-- network (entities ... merge_decisions) is recomputed from them and updated in place (rows
-- that did not change are left alone). The schema version is PRAGMA user_version (sqlite.py).
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,             -- settings (JSON), data_version, build_state
    value TEXT NOT NULL
);

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
    extractor_version TEXT NOT NULL DEFAULT '',
    original TEXT NOT NULL DEFAULT '',      -- the file's text as read, before cleaning
    offset_map TEXT NOT NULL DEFAULT '[]',  -- JSON [(cleaned offset, original offset)] per copied run
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
    hedged INTEGER NOT NULL,
    date_source TEXT                  -- JSON DateSource: where the date came from
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
    hedged INTEGER NOT NULL,
    date_source TEXT                  -- JSON DateSource: where the date came from
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
    entity_a TEXT NOT NULL DEFAULT '',    -- stable ids the analyst pointed at
    entity_b TEXT NOT NULL DEFAULT '',
    anchor_a TEXT NOT NULL DEFAULT '',    -- the document-level entities those ids derive from
    anchor_b TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    undone INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
-- The resolved network.
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    documents TEXT NOT NULL,          -- JSON list of document ids
    mention_count INTEGER NOT NULL,
    ties INTEGER NOT NULL DEFAULT 0,  -- number of ties, for listings sorted without loading them
    fingerprint TEXT NOT NULL DEFAULT ''
);
-- Every name of an entity under one lookup key (names.lookup_key), the one matching rule.
CREATE TABLE IF NOT EXISTS entity_names (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    key TEXT NOT NULL
);
-- Which document-level entity belongs to which entity, and where a vanished id went.
CREATE TABLE IF NOT EXISTS entity_members (
    local_id TEXT PRIMARY KEY,
    entity_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_redirects (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
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
    date TEXT,
    date_source TEXT,
    fingerprint TEXT NOT NULL DEFAULT ''
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
    evidence TEXT NOT NULL,           -- JSON list of {document, text, start, end, hedged}
    date_source TEXT,
    fingerprint TEXT NOT NULL DEFAULT ''
);
-- Possible joins resolution left to the analyst (linkchart review); replaced on each resolution.
CREATE TABLE IF NOT EXISTS merge_suggestions (
    id TEXT PRIMARY KEY,              -- stable: derived from the two entity ids
    entity_a TEXT NOT NULL,
    entity_b TEXT NOT NULL,
    name_a TEXT NOT NULL,
    name_b TEXT NOT NULL,
    reason TEXT NOT NULL,
    score REAL NOT NULL,
    documents TEXT NOT NULL           -- JSON list of document ids
);
CREATE TABLE IF NOT EXISTS event_participants (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL
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
-- Incremental resolution (resolve/blocks.py): the keys each document-level entity is compared
-- under (local_id NULL: a place the document names), and the documents the stored network
-- accounts for. Keys have no foreign key: those of a removed document say what it touched.
CREATE TABLE IF NOT EXISTS resolution_keys (
    document_id TEXT NOT NULL,
    local_id TEXT,
    key TEXT NOT NULL,
    active INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS resolved_documents (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
);
DROP INDEX IF EXISTS resolution_keys_key;
-- RESOLUTION KEY INDEXES (dropped while a whole resolution files every key, then built again)
CREATE INDEX IF NOT EXISTS resolution_keys_by_key ON resolution_keys(key, active, local_id);
CREATE INDEX IF NOT EXISTS resolution_keys_local ON resolution_keys(local_id);
CREATE INDEX IF NOT EXISTS resolution_keys_doc ON resolution_keys(document_id);
-- END RESOLUTION KEY INDEXES
CREATE INDEX IF NOT EXISTS local_relations_source ON local_relations(source);
CREATE INDEX IF NOT EXISTS local_relations_target ON local_relations(target);
CREATE INDEX IF NOT EXISTS merge_suggestions_b ON merge_suggestions(entity_b);
CREATE INDEX IF NOT EXISTS merge_suggestions_a ON merge_suggestions(entity_a);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(document_id);
CREATE INDEX IF NOT EXISTS aliases_entity ON aliases(entity_id);
CREATE INDEX IF NOT EXISTS evidence_relation ON evidence(relation_id);
CREATE INDEX IF NOT EXISTS relations_source ON relations(source);
CREATE INDEX IF NOT EXISTS relations_target ON relations(target);
CREATE INDEX IF NOT EXISTS entity_names_key ON entity_names(key);
CREATE INDEX IF NOT EXISTS entity_names_entity ON entity_names(entity_id);
CREATE INDEX IF NOT EXISTS entity_members_entity ON entity_members(entity_id);
CREATE INDEX IF NOT EXISTS event_participants_entity ON event_participants(entity_id);
CREATE INDEX IF NOT EXISTS merge_decisions_entity ON merge_decisions(entity_id);
CREATE INDEX IF NOT EXISTS local_entities_doc ON local_entities(document_id);
CREATE INDEX IF NOT EXISTS local_relations_doc ON local_relations(document_id);
CREATE INDEX IF NOT EXISTS local_events_doc ON local_events(document_id);
CREATE INDEX IF NOT EXISTS local_merges_doc ON local_merges(document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE VIRTUAL TABLE IF NOT EXISTS names_fts USING fts5(name, entity_id UNINDEXED);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
