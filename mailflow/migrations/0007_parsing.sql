-- Messages being parsed right now. A row is written (and committed) before a message is parsed
-- and removed in the transaction that records its outcome; a row still here when the process
-- starts again means the parse killed it (out of memory, a crash). After MAX_PARSE_ATTEMPTS such
-- deaths the message is quarantined instead of parsed once more, so it cannot crash-loop.
CREATE TABLE parsing (
    source      TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    attempts    INTEGER NOT NULL,          -- parses begun, this one included
    started_at  TEXT NOT NULL,
    PRIMARY KEY (source, source_key)
);
