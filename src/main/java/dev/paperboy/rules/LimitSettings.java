package dev.paperboy.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The abuse limits (docs/reliability.md AUTH-3 and VOTE-4), each as {@code count/ISO-8601 period},
 * several separated by commas. "New" members are those younger than {@code
 * paperboy.community.new-member-age}.
 *
 * @param signInPerIp sign-in attempts from one address
 * @param signInPerAccount sign-in attempts on one account, from anywhere: a slow refill, never a
 *     lock (the owner on another address is held back only after many failures)
 * @param signUpPerIp accounts made from one address
 * @param resetPerIp password reset requests from one address
 * @param resetPerAccount reset mails to one address
 * @param submitNew papers submitted by a new member
 * @param submit papers submitted by a member
 * @param submitCurator papers a curator or an admin features, new to the site or not: the job is to
 *     feature dozens a day
 * @param voteNew upvotes (and removals) by a new member
 * @param vote upvotes (and removals) by a member
 * @param commentNew comments by a new member: the first day's cap, and 30 s apart
 * @param comment comments by a member
 * @param subscribePerIp digest sign-ups from one address (confirmation mails are limited per
 *     recipient on top: one a day, MAIL-4)
 * @param exportPerAddress data exports mailed to one subscriber
 * @param forgedBouncesPerIp bounce reports without the right secret from one address, after which
 *     that address is refused even with it (so a guessed secret cannot be confirmed)
 */
@ConfigurationProperties("paperboy.limits")
public record LimitSettings(
    @DefaultValue("5/PT1M") String signInPerIp,
    @DefaultValue("10/PT10M") String signInPerAccount,
    @DefaultValue("3/P1D") String signUpPerIp,
    @DefaultValue("5/PT1H") String resetPerIp,
    @DefaultValue("3/P1D") String resetPerAccount,
    @DefaultValue("3/P1D") String submitNew,
    @DefaultValue("20/P1D") String submit,
    @DefaultValue("200/P1D") String submitCurator,
    @DefaultValue("50/P1D") String voteNew,
    @DefaultValue("500/P1D") String vote,
    @DefaultValue("10/P1D, 1/PT30S") String commentNew,
    @DefaultValue("100/P1D") String comment,
    @DefaultValue("10/PT1H") String subscribePerIp,
    @DefaultValue("3/P1D") String exportPerAddress,
    @DefaultValue("10/PT1H") String forgedBouncesPerIp) {}
