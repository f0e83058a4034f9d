-- The workflow asks "which notices has this order had?" for every open order on every timer run:
-- without an index that is a scan of the whole outbox (each row an email) per order.
CREATE INDEX outbox_order ON outbox (order_no);

-- One revision number for "something the tracker shows has changed": orders (and their lines),
-- review items, events and sent notices. Status rows, the shadow and the ledger do not move it,
-- so a daemon's idle cycle, whose heartbeat and liveness rows are written between cycles, still
-- finds nothing to do. Each order row remembers the revision of its last change, so the tracker
-- reads only the orders changed since the revision it last wrote.
INSERT INTO counters (name, value) VALUES ('tracker_rev', 0) ON CONFLICT (name) DO NOTHING;
ALTER TABLE orders ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
CREATE INDEX orders_rev ON orders (rev);

CREATE TRIGGER orders_rev_insert AFTER INSERT ON orders
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
    UPDATE orders SET rev = (SELECT value FROM counters WHERE name = 'tracker_rev')
        WHERE order_no = new.order_no;
END;
CREATE TRIGGER orders_rev_update AFTER UPDATE OF customer, po_number, status, data ON orders
WHEN old.data IS NOT new.data OR old.status IS NOT new.status
    OR old.customer IS NOT new.customer OR old.po_number IS NOT new.po_number
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
    UPDATE orders SET rev = (SELECT value FROM counters WHERE name = 'tracker_rev')
        WHERE order_no = new.order_no;
END;
CREATE TRIGGER orders_rev_delete AFTER DELETE ON orders
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;
CREATE TRIGGER events_rev AFTER INSERT ON events
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;
CREATE TRIGGER review_rev_insert AFTER INSERT ON review
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;
CREATE TRIGGER review_rev_update AFTER UPDATE ON review
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;
CREATE TRIGGER outbox_rev_insert AFTER INSERT ON outbox
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;
CREATE TRIGGER outbox_rev_update AFTER UPDATE OF status, sent_at ON outbox
WHEN old.status IS NOT new.status OR old.sent_at IS NOT new.sent_at
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;
