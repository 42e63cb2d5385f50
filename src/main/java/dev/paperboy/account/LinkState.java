package dev.paperboy.account;

/** What a verification or reset link is. */
public enum LinkState {
  VALID,
  USED,
  EXPIRED,
  UNKNOWN
}
