"""Use cases: functions ``verb_noun(session, ...)`` returning plain data; the caller owns the transaction."""
