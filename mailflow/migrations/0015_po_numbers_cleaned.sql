-- PO numbers are kept cleaned (model.po_clean: full-width forms folded, invisible characters
-- dropped, spaces trimmed); a store from before holds them as typed, and the index lookup of a
-- PO then misses an old order, so the same PO resent became a second order.
--
-- 1. Orders of one customer whose PO numbers differ only in spaces, width, invisible characters
--    or letter case may be one PO entered twice: both are kept, and a person is asked, on the
--    later one. Nothing is merged.
INSERT OR IGNORE INTO review (key, created_at, order_no, reason)
SELECT
    'store:po-same:' || o.order_no,
    strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'),
    o.order_no,
    o.order_no || ' (PO ' || quote(o.po_number) || ') and '
        || (SELECT group_concat(p.order_no || ' (PO ' || quote(p.po_number) || ')', ', ')
            FROM orders p
            WHERE p.customer = o.customer AND p.order_no < o.order_no
              AND po_key(p.po_number) = po_key(o.po_number) AND p.po_number != o.po_number)
        || ' of ' || o.customer || ' carry the same PO number once spaces, width and letter case are'
        || ' set aside: the same PO may have been entered twice. Both orders are kept; check them'
        || ' and cancel the copy if it is one order.'
FROM orders o
WHERE EXISTS (
    SELECT 1 FROM orders p
    WHERE p.customer = o.customer AND p.order_no < o.order_no
      AND po_key(p.po_number) = po_key(o.po_number) AND p.po_number != o.po_number
);

-- 2. Every PO number kept cleaned, as new orders are. Of orders of one customer whose numbers
--    clean to the same text, only the one holding it already (else the first) takes it; the
--    others stay as typed (one PO number per customer and order is unique).
UPDATE orders SET po_number = po_clean(po_number)
WHERE po_number != po_clean(po_number)
  AND NOT EXISTS (
    SELECT 1 FROM orders p
    WHERE p.customer = orders.customer AND p.order_no != orders.order_no
      AND po_clean(p.po_number) = po_clean(orders.po_number)
      AND (p.po_number = po_clean(orders.po_number) OR p.order_no < orders.order_no)
);
