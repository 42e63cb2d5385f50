package dev.paperboy.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the site's address as members reach it, for links in mail; never taken from a
 *     request's Host header, which a client chooses
 * @param verifyFor how long an email verification link works (AUTH-5: 48 h)
 * @param resetFor how long a password reset link works (AUTH-5: 60 min)
 * @param newMemberAge members younger than this are "new": lower submit, vote and comment limits
 * @param voteWeightAge votes by members younger than this are recorded with weight 0 and do not
 *     count for ranking (VOTE-3): a week by default, so that accounts made for a vote move nothing;
 *     zero (a lab's own site) lets every verified member's vote count at once
 * @param flagMinAge members flag only once their account is this old (VOTE-3)
 * @param flagMinKarma and once others have given their submissions this many counted upvotes
 * @param secureCookies send the session cookie as {@code __Host-SESSION}, Secure, as a site behind
 *     https must; switch off only to try Paperboy over plain http on a host other than localhost
 */
@ConfigurationProperties("paperboy.community")
public record AccountSettings(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("P2D") Duration verifyFor,
    @DefaultValue("PT60M") Duration resetFor,
    @DefaultValue("P1D") Duration newMemberAge,
    @DefaultValue("P7D") Duration voteWeightAge,
    @DefaultValue("P30D") Duration flagMinAge,
    @DefaultValue("50") int flagMinKarma,
    @DefaultValue("true") boolean secureCookies) {

  /** The base URL without a trailing slash. */
  public String site() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
