-- The base schema. Later migrations are new files (NNNN_name.sql), applied once, in order.

-- Every message ever seen, from any source. The ledger: a message is "recorded" once its row
-- has outcome set; source_ref identifies the mailbox copy, identity/sha256 the content.
CREATE TABLE messages (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL,          -- "maildir:<path>" or "imap:<account>/<folder>"
    uidvalidity   INTEGER,                -- IMAP only
    uid           INTEGER,                -- IMAP only
    source_key    TEXT NOT NULL,          -- Maildir key, or "<uidvalidity>:<uid>"
    message_id    TEXT,
    identity      TEXT NOT NULL,          -- Message-ID, or a sha256-based stand-in
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    subject       TEXT,
    sender        TEXT,
    kind          TEXT,                   -- classification
    outcome       TEXT NOT NULL,          -- processed | quarantined | duplicate | ignored
    reason        TEXT,                   -- why quarantined / ignored
    order_no      TEXT,
    archive_path  TEXT,                   -- relative to the archive root
    done_at       TEXT,                   -- the mailbox action was applied (IMAP keyword / move)
    recorded_at   TEXT NOT NULL,
    UNIQUE (source, source_key)
);
CREATE INDEX messages_identity ON messages (identity);
CREATE INDEX messages_sha256 ON messages (sha256);
CREATE INDEX messages_order ON messages (order_no);

-- Orders as mailflow keeps them; `data` is the JSON of mailflow.model.Order (lines included).
CREATE TABLE orders (
    order_no      TEXT PRIMARY KEY,
    customer      TEXT NOT NULL,
    po_number     TEXT NOT NULL,
    status        TEXT NOT NULL,
    data          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (customer, po_number)
);

-- Append-only: every change to an order, with its cause (email | tracker | timer | cli).
CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    order_no      TEXT,
    kind          TEXT NOT NULL,
    cause         TEXT NOT NULL,
    detail        TEXT NOT NULL DEFAULT '{}',
    message_id    TEXT
);
CREATE INDEX events_order ON events (order_no, id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- The outbox: a notice is recorded (with its deterministic Message-ID) before any send.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    key             TEXT NOT NULL UNIQUE,   -- order_no:kind:trigger
    order_no        TEXT,
    kind            TEXT NOT NULL,
    message_id      TEXT NOT NULL UNIQUE,
    transport       TEXT NOT NULL,
    recipients      TEXT NOT NULL,          -- JSON list
    subject         TEXT NOT NULL,
    eml             BLOB NOT NULL,          -- the exact bytes to send
    status          TEXT NOT NULL,          -- queued | sending | sent | failed | review
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    archive_path    TEXT
);
CREATE INDEX outbox_status ON outbox (status, next_attempt_at);

-- Things that need a person: mirrored to the tracker's Review sheet.
CREATE TABLE review (
    id            INTEGER PRIMARY KEY,
    key           TEXT UNIQUE,            -- dedup key so a repeated cause adds no second row
    created_at    TEXT NOT NULL,
    order_no      TEXT,
    message_id    TEXT,
    reason        TEXT NOT NULL,
    link          TEXT,                   -- archive path of the mail or file concerned
    status        TEXT NOT NULL DEFAULT 'open',   -- open | done
    done_at       TEXT
);

-- What mailflow last wrote to each tracker cell, to tell staff edits from its own.
CREATE TABLE tracker_shadow (
    sheet         TEXT NOT NULL,
    row_key       TEXT NOT NULL,
    field         TEXT NOT NULL,
    value         TEXT,
    PRIMARY KEY (sheet, row_key, field)
);

-- Per-mailbox liveness and other small facts (daemon pid, last error...).
CREATE TABLE status (
    name          TEXT PRIMARY KEY,
    value         TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Counters for order numbers etc.
CREATE TABLE counters (
    name          TEXT PRIMARY KEY,
    value         INTEGER NOT NULL
);
