-- Orders first, documents after: the message's transaction records the order and puts it here;
-- its documents (and their PDFs) are made, and the notices that attach them queued, after the
-- cycle's messages, all in one go. Recorded with the order, so a crash loses no entry; removed
-- once the order's notices are queued (doing it again queues nothing twice: the outbox keys).
CREATE TABLE document_queue (
    order_no      TEXT PRIMARY KEY,
    cause         TEXT NOT NULL,          -- the cause the notices' events carry (email)
    queued_at     TEXT NOT NULL
);
