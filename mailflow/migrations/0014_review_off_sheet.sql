-- A Review row staff delete from the tracker is taken as done, and is not written again: the
-- day it left the sheet. The item itself stays in the store (done) with its history.
ALTER TABLE review ADD COLUMN off_sheet TEXT;
