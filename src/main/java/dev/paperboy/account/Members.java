package dev.paperboy.account;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The member store. */
public interface Members {
  Optional<Member> findByUsername(String username);

  Map<Long, Member> findAll(Collection<Long> ids);

  /**
   * Whether the member is active (not banned), holding their row until the caller's transaction
   * ends. A ban takes the same row first, so a change that depends on the member's standing (a
   * vote) and a ban of that member run one after the other: the change sees the ban, or the ban's
   * listeners see the change.
   */
  boolean holdIfActive(long memberId);

  /** The member with that username, created with the given name and role if there is none. */
  Member ensure(String username, String displayName, Role role);
}
