package dev.paperboy.curation;

import dev.paperboy.account.AccountEvents;
import dev.paperboy.account.Members;
import dev.paperboy.account.Role;
import dev.paperboy.discussion.DiscussionEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the lists in step with the discussion and with accounts that close. */
@Component
class CommunityEvents {
  /** Who submissions of deleted accounts are shown as; not a name anyone can sign up with. */
  static final String DELETED = "~deleted";

  private final JdbcDailyEntries entries;
  private final DailyLists lists;
  private final Members members;

  CommunityEvents(JdbcDailyEntries entries, DailyLists lists, Members members) {
    this.entries = entries;
    this.lists = lists;
    this.members = members;
  }

  @EventListener
  void onCommentsCounted(DiscussionEvents.CommentsCounted event) {
    entries.setComments(event.arxivId(), event.count());
    lists.changed();
  }

  /** A closing account's submissions stay on their lists, shown as "[deleted]". */
  @EventListener
  void onClosing(AccountEvents.Closing event) {
    long placeholder = members.ensure(DELETED, "[deleted]", Role.MEMBER).id();
    entries.reassign(event.memberId(), placeholder);
    lists.changed();
  }
}
