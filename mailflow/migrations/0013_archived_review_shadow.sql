-- The finished Review rows of orders moved to a yearly archive workbook leave the live tracker,
-- but their shadow rows (and fingerprints) stayed behind: every write after a staff save looked
-- for those rows again. Forget them; the tracker now forgets them when the orders move.
DELETE FROM tracker_shadow WHERE sheet = 'Review' AND row_key IN (
    SELECT CAST(id AS TEXT) FROM review WHERE status = 'done'
        AND order_no IN (SELECT order_no FROM orders WHERE archived IS NOT NULL)
);
DELETE FROM tracker_row_hash WHERE sheet = 'Review' AND row_key IN (
    SELECT CAST(id AS TEXT) FROM review WHERE status = 'done'
        AND order_no IN (SELECT order_no FROM orders WHERE archived IS NOT NULL)
);
