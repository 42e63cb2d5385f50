package dev.paperboy.collection;

import dev.paperboy.account.Account;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.rules.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What members do with collections, and who may. Every call that names a collection checks it
 * against the member first: someone else's private collection is answered as one that does not
 * exist (404), so its id tells nobody anything; someone else's public one can be read, never
 * changed (403).
 */
@Service
public class Collections {
  public static final int MAX_NAME = 80;
  public static final int MAX_COLLECTIONS = 100;
  public static final int MAX_PAPERS = 2_000;

  private final CollectionStore store;
  private final Papers papers;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Collections(CollectionStore store, Papers papers, TransactionTemplate transactions, Clock clock) {
    this.store = store;
    this.papers = papers;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * The member's collections, the reading list first (made here if they have none yet). A read
   * unless the reading list is missing: every signed-in paper page asks, and on SQLite a write
   * transaction would queue it behind the votes for the one writer.
   */
  public List<Collection> of(Account member) {
    List<Collection> mine = store.of(member.id());
    if (mine.stream().anyMatch(Collection::readingList)) {
      return mine;
    }
    transactions.executeWithoutResult(status -> readingList(member));
    return store.of(member.id());
  }

  /** The member's public collections, as others see them on the member's profile. */
  public List<Collection> publicOf(long memberId) {
    return store.of(memberId).stream().filter(Collection::isPublic).toList();
  }

  /**
   * The collection, if {@code reader} (null for anonymous) may see it.
   *
   * @throws Refusal NOT_FOUND when there is none, or it is someone else's private collection
   */
  public Collection visible(long id, @Nullable Account reader) {
    return store
        .find(id)
        .filter(c -> c.visibleTo(reader == null ? null : reader.id()))
        .orElseThrow(() -> Refusal.of(Refusal.Kind.NOT_FOUND, "No collection " + id + "."));
  }

  public List<SavedPaper> papers(Collection collection, int offset, int limit) {
    return store.papers(collection.id(), offset, limit);
  }

  @Transactional
  public Collection readingList(Account member) {
    return store
        .readingList(member.id())
        .orElseGet(
            () ->
                store
                    .find(
                        store.insert(
                            member.id(), Collection.READING_LIST, false, true, clock.instant()))
                    .orElseThrow());
  }

  /**
   * @throws Refusal INVALID for a blank, too long or already used name, or past {@value
   *     #MAX_COLLECTIONS} collections; FORBIDDEN for a banned member, or for a public one from a
   *     member whose address is not verified
   */
  @Transactional
  public Collection create(Account member, String name, boolean isPublic) {
    mayWrite(member, isPublic);
    String clean = name(member.id(), name, 0);
    readingList(member);
    if (store.count(member.id()) >= MAX_COLLECTIONS) {
      throw Refusal.field("name", "A member can keep at most " + MAX_COLLECTIONS + " collections.");
    }
    return store
        .find(store.insert(member.id(), clean, isPublic, false, clock.instant()))
        .orElseThrow();
  }

  /** Renames the collection and sets who sees it; the reading list keeps its name. */
  @Transactional
  public Collection update(Account member, long id, String name, boolean isPublic) {
    Collection collection = owned(member, id);
    mayWrite(member, isPublic);
    String clean = collection.readingList() ? collection.name() : name(member.id(), name, id);
    store.update(id, clean, isPublic, clock.instant());
    return store.find(id).orElseThrow();
  }

  @Transactional
  public void delete(Account member, long id) {
    Collection collection = owned(member, id);
    if (collection.readingList()) {
      throw Refusal.of(
          Refusal.Kind.INVALID, "The reading list cannot be deleted; empty it instead.");
    }
    store.delete(id);
  }

  /**
   * Saves the paper to the collection; saving one already there changes nothing.
   *
   * @throws Refusal NOT_FOUND for a paper Paperboy does not have, INVALID past {@value #MAX_PAPERS}
   */
  @Transactional
  public Collection add(Account member, long id, ArxivId paper) {
    Collection collection = owned(member, id);
    mayWrite(member, false);
    if (papers.find(paper).isEmpty()) {
      throw Refusal.of(Refusal.Kind.NOT_FOUND, "Paperboy has no paper " + paper.base() + ".");
    }
    if (collection.papers() >= MAX_PAPERS && !holding(member, paper).contains(id)) {
      throw Refusal.field("paper", "A collection holds at most " + MAX_PAPERS + " papers.");
    }
    store.add(id, paper, clock.instant());
    return store.find(id).orElseThrow();
  }

  @Transactional
  public Collection remove(Account member, long id, ArxivId paper) {
    owned(member, id);
    store.remove(id, paper, clock.instant());
    return store.find(id).orElseThrow();
  }

  /** The ids of the papers in the member's reading list: the cards' saved state. */
  public Set<String> inReadingList(long memberId) {
    return store.inReadingList(memberId);
  }

  /** The ids of the member's collections that hold the paper. */
  public Set<Long> holding(Account member, ArxivId paper) {
    return store.holding(member.id(), paper);
  }

  /** Everything the member saved, newest first: a signal for their recommendations. */
  public List<ArxivId> savedBy(long memberId, int limit) {
    return store.savedBy(memberId, limit);
  }

  private Collection owned(Account member, long id) {
    Collection collection = visible(id, member);
    if (collection.ownerId() != member.id()) {
      throw Refusal.of(Refusal.Kind.FORBIDDEN, "Only its owner can change a collection.");
    }
    return collection;
  }

  private static void mayWrite(Account member, boolean isPublic) {
    if (member.banned()) {
      throw Refusal.of(Refusal.Kind.FORBIDDEN, "This account is banned.");
    }
    if (isPublic && !member.verified()) {
      throw Refusal.of(
          Refusal.Kind.FORBIDDEN, "Verify your email address before making a collection public.");
    }
  }

  private String name(long memberId, String name, long exceptId) {
    String clean = name.strip().replaceAll("\\p{Cntrl}", "").replaceAll("\\s+", " ");
    if (clean.isEmpty()) {
      throw Refusal.field("name", "Give the collection a name.");
    }
    if (clean.length() > MAX_NAME) {
      throw Refusal.field("name", "A collection's name has at most " + MAX_NAME + " characters.");
    }
    if (store.nameTaken(memberId, clean, exceptId)) {
      throw Refusal.field("name", "You already have a collection called " + clean + ".");
    }
    return clean;
  }
}
