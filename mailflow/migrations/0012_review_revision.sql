-- Each review item remembers the tracker revision of its last change, as orders do (0003), so a
-- tracker write compares the Review rows changed since it last wrote instead of every one.
ALTER TABLE review ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
CREATE INDEX review_rev ON review (rev);

DROP TRIGGER review_rev_insert;
DROP TRIGGER review_rev_update;
CREATE TRIGGER review_rev_insert AFTER INSERT ON review
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
    UPDATE review SET rev = (SELECT value FROM counters WHERE name = 'tracker_rev') WHERE id = new.id;
END;
CREATE TRIGGER review_rev_update AFTER UPDATE OF created_at, order_no, message_id, reason, link, status, done_at, key
    ON review
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
    UPDATE review SET rev = (SELECT value FROM counters WHERE name = 'tracker_rev') WHERE id = new.id;
END;
