package dev.paperboy.account;

/** What a member may do. Curators feature papers on a day (the "AK" role); admins run the site. */
public enum Role {
  MEMBER,
  CURATOR,
  ADMIN
}
