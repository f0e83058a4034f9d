-- Each payment remembers the tracker revision of its last change, as orders (0003) and review
-- items (0012) do, so the workflow's timers can tell which orders a change since their last
-- pass touched instead of going over every open order again.
ALTER TABLE payments ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
CREATE INDEX payments_rev ON payments (rev);

DROP TRIGGER payments_rev_insert;
DROP TRIGGER payments_rev_update;
CREATE TRIGGER payments_rev_insert AFTER INSERT ON payments
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
    UPDATE payments SET rev = (SELECT value FROM counters WHERE name = 'tracker_rev') WHERE id = new.id;
END;
CREATE TRIGGER payments_rev_update AFTER UPDATE OF order_no, kind, amount, currency, paid_on, reference, source,
    status, note, message_id, review_key, created_at, updated_at ON payments
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
    UPDATE payments SET rev = (SELECT value FROM counters WHERE name = 'tracker_rev') WHERE id = new.id;
END;
