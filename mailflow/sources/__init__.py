"""Mail sources: where raw messages come from (Maildir, IMAP). See ``base.Source``."""
