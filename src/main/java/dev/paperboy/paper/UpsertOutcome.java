package dev.paperboy.paper;

/** What storing one incoming paper record did. */
public enum UpsertOutcome {
  /** The paper was not stored before. */
  NEW,
  /** The record was newer than the stored one and replaced it; version history was merged. */
  UPDATED,
  /** The record equals the stored one; nothing was written. */
  UNCHANGED,
  /** The record is older than the stored one (an earlier version or metadata date); ignored. */
  OLDER
}
