-- A fingerprint of tracker rows (Orders, Lines, Review) as mailflow last wrote or read them, each
-- taken when the row agreed with its shadow. After staff save the workbook, a row whose
-- fingerprint is the one recorded holds nothing new: it is neither decoded nor compared, so the
-- read costs the rows staff changed, not every order on record. Any change to a row's shadow
-- forgets its fingerprint (``TrackerShadow``): a fingerprint never outlives what it vouches for.
CREATE TABLE tracker_row_hash (
    sheet         TEXT NOT NULL,
    row_key       TEXT NOT NULL,
    hash          BLOB NOT NULL,
    PRIMARY KEY (sheet, row_key)
) WITHOUT ROWID;
