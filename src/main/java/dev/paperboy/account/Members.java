package dev.paperboy.account;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The member store. */
public interface Members {
  Optional<Member> findByUsername(String username);

  Map<Long, Member> findAll(Collection<Long> ids);

  /** The member with that username, created with the given name and role if there is none. */
  Member ensure(String username, String displayName, Role role);
}
