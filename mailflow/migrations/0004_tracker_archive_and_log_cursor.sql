-- The tracker holds what staff work on: a closed order that nobody has touched for a while moves
-- to a yearly archive workbook (tracker-<year>.xlsx), and `archived` names that workbook.
ALTER TABLE orders ADD COLUMN archived TEXT;
CREATE INDEX orders_live ON orders (archived, status);

-- The Log sheet lists notices in the order they were sent, which is not the order of their ids:
-- each send takes the next tracker revision, so the Log keeps one cursor instead of one shadow
-- row per notice ever sent. Notices sent before this migration keep 0 (the Log's first pass
-- after it finds them by the refs already on the sheet).
ALTER TABLE outbox ADD COLUMN sent_rev INTEGER;
UPDATE outbox SET sent_rev = 0 WHERE sent_at IS NOT NULL;
CREATE INDEX outbox_sent_rev ON outbox (sent_rev);
CREATE TRIGGER outbox_sent_rev AFTER UPDATE OF sent_at ON outbox
WHEN new.sent_at IS NOT NULL AND old.sent_at IS NULL
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
    UPDATE outbox SET sent_rev = (SELECT value FROM counters WHERE name = 'tracker_rev') WHERE id = new.id;
END;
CREATE TRIGGER outbox_sent_rev_insert AFTER INSERT ON outbox
WHEN new.sent_at IS NOT NULL
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
    UPDATE outbox SET sent_rev = (SELECT value FROM counters WHERE name = 'tracker_rev') WHERE id = new.id;
END;
