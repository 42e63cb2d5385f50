package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paperboy.account.Member;

/**
 * A user object as the Hugging Face API writes one. Its clients read the username from both {@code
 * user} and {@code name}, so both carry it.
 */
record ApiUser(
    @JsonProperty("_id") String id,
    String user,
    String name,
    String fullname,
    String avatarUrl,
    boolean isPro,
    String type) {

  static ApiUser of(Member member) {
    return new ApiUser(
        Long.toString(member.id()),
        member.username(),
        member.username(),
        member.displayName(),
        "/img/avatar.svg",
        false,
        "user");
  }
}
