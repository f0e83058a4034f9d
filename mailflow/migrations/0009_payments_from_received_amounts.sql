-- Orders recorded before payments were kept one by one hold only the amounts staff typed into
-- Deposit Received and Balance Received. Each such amount becomes one Confirmed payment, so the
-- first payment recorded after this adds to it instead of replacing it. Orders whose earlier
-- payments 0008 already turned into rows are left alone (the amount is copied as written: no
-- arithmetic on money here). Per order, the deposit comes first.
INSERT INTO payments (order_no, kind, amount, currency, paid_on, reference, source, status, note,
                      created_at, updated_at)
SELECT orders.order_no, received.kind, CAST(json_extract(orders.data, '$.facts.' || received.kind || '_received') AS TEXT),
       json_extract(orders.data, '$.currency'),
       COALESCE(json_extract(orders.data, '$.facts.' || received.kind || '_paid_on'),
                json_extract(orders.data, '$.facts.milestones.' || received.kind || '_received.on')),
       NULL, 'earlier version', 'Confirmed', 'the amount received, as recorded before the Payments sheet',
       orders.updated_at, orders.updated_at
FROM orders, (SELECT 'deposit' AS kind UNION ALL SELECT 'balance') AS received
WHERE json_extract(orders.data, '$.facts.' || received.kind || '_received') IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM payments WHERE payments.order_no = orders.order_no
                  AND payments.kind = received.kind)
ORDER BY orders.order_no, received.kind DESC;
