-- The customer master: staff own it on the tracker's Customers sheet; the pipeline reads it to
-- know who a sender is. `data` is the JSON of mailflow.customers.Customer.
CREATE TABLE customers (
    id            TEXT PRIMARY KEY,       -- C-0001: the Customers sheet's row key
    name          TEXT NOT NULL,
    status        TEXT NOT NULL,          -- New | Confirmed | Blocked
    data          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX customers_name ON customers (name COLLATE NOCASE);

-- The Customers sheet is written when a customer changes, like the other sheets (see 0003).
CREATE TRIGGER customers_rev_insert AFTER INSERT ON customers
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;
CREATE TRIGGER customers_rev_update AFTER UPDATE ON customers
WHEN old.data IS NOT new.data OR old.status IS NOT new.status OR old.name IS NOT new.name
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'tracker_rev';
END;
