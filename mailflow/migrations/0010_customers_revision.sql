-- A number that moves whenever the customer master changes (a row added, changed or removed,
-- by this process or another), so the master can be kept in memory between changes and read
-- again only when this number moved: the pipeline looks at it several times per message.
INSERT INTO counters (name, value) VALUES ('customers_rev', 0) ON CONFLICT (name) DO NOTHING;
CREATE TRIGGER customers_master_rev_insert AFTER INSERT ON customers
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'customers_rev';
END;
CREATE TRIGGER customers_master_rev_update AFTER UPDATE ON customers
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'customers_rev';
END;
CREATE TRIGGER customers_master_rev_delete AFTER DELETE ON customers
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'customers_rev';
END;
