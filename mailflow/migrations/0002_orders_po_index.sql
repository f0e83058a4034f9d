-- Classification asks "is this word a PO number we know?" for every code-like word in a
-- message, and follow-up mail is matched to orders by PO number; both compare case-insensitively.
CREATE INDEX orders_po_nocase ON orders (po_number COLLATE NOCASE);
