package dev.paperboy.rules;

import org.springframework.stereotype.Component;

/** The configured limits, read once. */
@Component
public class Limits {
  private final Limit signInPerIp;
  private final Limit signInPerAccount;
  private final Limit signUpPerIp;
  private final Limit resetPerIp;
  private final Limit resetPerAccount;
  private final Limit submitNew;
  private final Limit submit;
  private final Limit submitCurator;
  private final Limit voteNew;
  private final Limit vote;
  private final Limit commentNew;
  private final Limit comment;
  private final Limit subscribePerIp;
  private final Limit exportPerAddress;
  private final Limit forgedBouncesPerIp;

  Limits(LimitSettings settings) {
    signInPerIp = Limit.parse("sign-in attempts from this address", settings.signInPerIp());
    signInPerAccount = Limit.parse("sign-in attempts on this account", settings.signInPerAccount());
    signUpPerIp = Limit.parse("sign-ups from this address", settings.signUpPerIp());
    resetPerIp = Limit.parse("password reset requests from this address", settings.resetPerIp());
    resetPerAccount = Limit.parse("password reset requests", settings.resetPerAccount());
    submitNew = Limit.parse("submissions by a new member", settings.submitNew());
    submit = Limit.parse("submissions", settings.submit());
    submitCurator = Limit.parse("papers featured by a curator", settings.submitCurator());
    voteNew = Limit.parse("votes by a new member", settings.voteNew());
    vote = Limit.parse("votes", settings.vote());
    commentNew = Limit.parse("comments by a new member", settings.commentNew());
    comment = Limit.parse("comments", settings.comment());
    subscribePerIp = Limit.parse("digest sign-ups from this address", settings.subscribePerIp());
    exportPerAddress = Limit.parse("data export requests", settings.exportPerAddress());
    forgedBouncesPerIp =
        Limit.parse("bounce reports without the secret", settings.forgedBouncesPerIp());
  }

  public Limit signInPerIp() {
    return signInPerIp;
  }

  public Limit signInPerAccount() {
    return signInPerAccount;
  }

  public Limit signUpPerIp() {
    return signUpPerIp;
  }

  public Limit resetPerIp() {
    return resetPerIp;
  }

  public Limit resetPerAccount() {
    return resetPerAccount;
  }

  /** Curators and admins have their own limit, whatever their account's age. */
  public Limit submit(boolean curator, boolean newMember) {
    return curator ? submitCurator : newMember ? submitNew : submit;
  }

  public Limit vote(boolean newMember) {
    return newMember ? voteNew : vote;
  }

  public Limit comment(boolean newMember) {
    return newMember ? commentNew : comment;
  }

  public Limit subscribePerIp() {
    return subscribePerIp;
  }

  public Limit exportPerAddress() {
    return exportPerAddress;
  }

  public Limit forgedBouncesPerIp() {
    return forgedBouncesPerIp;
  }
}
