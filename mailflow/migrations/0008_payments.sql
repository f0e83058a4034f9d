-- Payments as facts: every payment on an order, one row each, with its amount, date and the
-- bank's reference. Staff own them on the tracker's Payments sheet (and through the Deposit and
-- Balance Received columns); a customer's payment advice proposes one. Only Confirmed rows count,
-- and of the Confirmed rows with the same reference on the same order only the first.
CREATE TABLE payments (
    id            INTEGER PRIMARY KEY,    -- shown as P-00001 on the Payments sheet
    order_no      TEXT NOT NULL,
    kind          TEXT NOT NULL,          -- deposit | balance | other
    amount        TEXT,                   -- decimal text; NULL while an advice named no amount
    currency      TEXT,
    paid_on       TEXT,                   -- ISO date the money arrived
    reference     TEXT,                   -- bank reference / remittance number, as written
    source        TEXT NOT NULL,          -- Payments sheet | Orders sheet | payment advice | earlier version
    status        TEXT NOT NULL,          -- Proposed | Confirmed | Rejected | Duplicate
    note          TEXT,
    message_id    TEXT,                   -- the payment advice that proposed it
    review_key    TEXT,                   -- its Review row, closed once staff decide
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX payments_order ON payments (order_no, id);

-- The Payments sheet is written when a payment changes, like the other sheets (see 0003).
CREATE TRIGGER payments_rev_insert AFTER INSERT ON payments
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;
CREATE TRIGGER payments_rev_update AFTER UPDATE ON payments
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;

-- Payments recorded before this table existed were kept on the order (facts.payments, one entry
-- per change of Deposit or Balance Received): they become Confirmed rows, so nothing counted
-- before stops counting.
INSERT INTO payments (order_no, kind, amount, currency, paid_on, reference, source, status, note,
                      created_at, updated_at)
SELECT orders.order_no,
       json_extract(entry.value, '$.kind'),
       json_extract(entry.value, '$.amount'),
       json_extract(orders.data, '$.currency'),
       json_extract(entry.value, '$.on'),
       json_extract(entry.value, '$.ref'),
       'earlier version', 'Confirmed', 'recorded before the Payments sheet',
       orders.updated_at, orders.updated_at
FROM orders, json_each(orders.data, '$.facts.payments') AS entry
WHERE json_type(entry.value) = 'object'
  AND json_extract(entry.value, '$.kind') IN ('deposit', 'balance')
  AND json_extract(entry.value, '$.amount') IS NOT NULL
ORDER BY orders.order_no, entry.key;
