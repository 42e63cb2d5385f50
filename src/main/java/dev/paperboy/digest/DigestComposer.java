package dev.paperboy.digest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paperboy.account.AccountSettings;
import dev.paperboy.account.Accounts;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.AuthorLine;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.ranking.ListPeriod;
import dev.paperboy.ranking.Rankings;
import dev.paperboy.recommend.ForYou;
import dev.paperboy.search.PaperSearch;
import dev.paperboy.search.Recommendation;
import dev.paperboy.search.SearchHit;
import dev.paperboy.search.SearchQuery;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts a subscriber's digest together: the edition's top trending papers, then the period's papers
 * matching their categories and keywords, then (for members) their recommendations; never a paper
 * an earlier digest sent them, and no paper twice.
 */
@Component
class DigestComposer {
  /** Period entries looked through for matches; a week's list holds far fewer. */
  private static final int PERIOD_ENTRIES = 1_000;

  private static final int SUMMARY_MAX = 420;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  private final JdbcOutbox outbox;
  private final Papers papers;
  private final Rankings rankings;
  private final PaperSearch search;
  private final ForYou forYou;
  private final Accounts accounts;
  private final DigestSettings settings;
  private final AccountSettings site;

  DigestComposer(
      JdbcOutbox outbox,
      Papers papers,
      Rankings rankings,
      PaperSearch search,
      ForYou forYou,
      Accounts accounts,
      DigestSettings settings,
      AccountSettings site) {
    this.outbox = outbox;
    this.papers = papers;
    this.rankings = rankings;
    this.search = search;
    this.forYou = forYou;
    this.accounts = accounts;
    this.settings = settings;
    this.site = site;
  }

  /**
   * What every digest of an edition starts from: the period's listed entries and the edition's top
   * papers as items. Kept while an edition is being sent, so that composing a digest costs one
   * query (what the subscriber was sent before) and no search.
   */
  private record EditionContent(
      ListPeriod period,
      List<DailyEntry> entries,
      Map<String, DailyEntry> listed,
      List<Digest.Item> top) {}

  /** Follows that give the same matches: every subscriber with them shares one search. */
  private record Follows(Edition edition, List<String> categories, List<String> keywords) {}

  private final Cache<Edition, EditionContent> contents =
      Caffeine.newBuilder().maximumSize(16).expireAfterWrite(Duration.ofHours(1)).build();

  private final Cache<Follows, List<Digest.Item>> matches =
      Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(Duration.ofHours(1)).build();

  Digest compose(Edition edition, Subscription subscription) {
    Set<String> seen = outbox.sentBefore(subscription.id(), edition.id());
    EditionContent content = contents.get(edition, this::content);
    List<Digest.Section> sections = new ArrayList<>();
    sections.add(
        new Digest.Section(topHeading(edition), pick(content.top(), seen, settings.top())));
    if (!subscription.categories().isEmpty() || !subscription.keywords().isEmpty()) {
      List<Digest.Item> candidates =
          matches.get(
              new Follows(edition, subscription.categories(), subscription.keywords()),
              follows -> matches(subscription, content));
      sections.add(
          new Digest.Section(
              "Matching what you follow", pick(candidates, seen, settings.matches())));
    }
    if (subscription.memberId() != null && settings.recommended() > 0) {
      sections.add(
          new Digest.Section(
              "Recommended for you", recommended(subscription, content.listed(), seen)));
    }
    sections.removeIf(s -> s.items().isEmpty());
    return new Digest(
        edition,
        heading(edition),
        sections,
        site.site() + "/subscription/" + subscription.manageKey(),
        site.site() + "/u/" + subscription.manageKey(),
        site.site() + "/digest/" + edition.id() + "/" + subscription.manageKey());
  }

  /** The first {@code limit} candidates not yet seen, each then counted as seen. */
  private static List<Digest.Item> pick(List<Digest.Item> candidates, Set<String> seen, int limit) {
    List<Digest.Item> picked = new ArrayList<>();
    for (Digest.Item item : candidates) {
      if (picked.size() >= limit) {
        break;
      }
      if (seen.add(item.id().base())) {
        picked.add(item);
      }
    }
    return picked;
  }

  private EditionContent content(Edition edition) {
    ListPeriod period =
        new ListPeriod(
            edition.cadence() == Cadence.DAILY ? ListPeriod.Kind.DAY : ListPeriod.Kind.WEEK,
            edition.firstDay(),
            edition.lastDay(),
            edition.period());
    List<DailyEntry> entries =
        rankings.period(period, null, Rankings.Order.TRENDING, 0, PERIOD_ENTRIES);
    Map<String, DailyEntry> listed = new LinkedHashMap<>();
    entries.forEach(e -> listed.put(e.paper().id().base(), e));
    Map<String, Paper> found = papers.findAll(edition.papers());
    List<Digest.Item> top = new ArrayList<>();
    for (ArxivId id : edition.papers()) {
      Paper paper = found.get(id.base());
      if (paper != null) {
        top.add(item(paper, upvotes(listed, id), ""));
      }
    }
    return new EditionContent(period, entries, listed, List.copyOf(top));
  }

  /**
   * The period's papers matching the follows, best first: its listed papers (the community picked
   * them), then arXiv's new ones from the index. More than a digest shows, so that enough remain
   * once what the subscriber has seen is taken out.
   */
  private List<Digest.Item> matches(Subscription subscription, EditionContent content) {
    int enough = settings.matches() * 3;
    List<Digest.Item> items = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (DailyEntry entry : content.entries()) {
      String why = why(subscription, entry.paper());
      if (why != null && items.size() < enough && taken.add(entry.paper().id().base())) {
        items.add(item(entry.paper(), entry.upvotes(), why));
      }
    }
    List<String> queries = new ArrayList<>();
    subscription.keywords().forEach(k -> queries.add("\"" + k.replace("\"", "") + "\""));
    if (queries.isEmpty()) {
      subscription.categories().forEach(c -> queries.add("cat:" + c));
    }
    for (String text : queries) {
      if (items.size() >= enough) {
        break;
      }
      List<SearchHit> hits =
          search
              .search(
                  new SearchQuery(
                      text,
                      content.period().first(),
                      content.period().last(),
                      SearchQuery.Sort.NEWEST,
                      0,
                      enough))
              .hits();
      Map<String, Paper> found = papers.findAll(hits.stream().map(SearchHit::id).toList());
      for (SearchHit hit : hits) {
        Paper paper = found.get(hit.id().base());
        String why = paper == null ? null : why(subscription, paper);
        if (why != null && items.size() < enough && taken.add(hit.id().base())) {
          items.add(item(paper, upvotes(content.listed(), hit.id()), why));
        }
      }
    }
    return List.copyOf(items);
  }

  private List<Digest.Item> recommended(
      Subscription subscription, Map<String, DailyEntry> listed, Set<String> seen) {
    List<Digest.Item> items = new ArrayList<>();
    accounts
        .byId(subscription.memberId())
        .filter(account -> !account.banned())
        .ifPresent(
            account -> {
              List<Recommendation> recommendations =
                  forYou.recommend(account, settings.recommended() * 3);
              Map<String, Paper> found =
                  papers.findAll(recommendations.stream().map(r -> r.hit().id()).toList());
              for (Recommendation r : recommendations) {
                Paper paper = found.get(r.hit().id().base());
                if (paper != null
                    && items.size() < settings.recommended()
                    && seen.add(paper.id().base())) {
                  items.add(item(paper, upvotes(listed, paper.id()), r.reason()));
                }
              }
            });
    return items;
  }

  /** Why the paper matches the subscriber's categories and keywords, or null if it does not. */
  static @Nullable String why(Subscription subscription, Paper paper) {
    String category =
        subscription.categories().isEmpty()
            ? ""
            : paper.categories().stream()
                .filter(subscription.categories()::contains)
                .findFirst()
                .orElse(null);
    if (category == null) {
      return null;
    }
    String keyword = "";
    if (!subscription.keywords().isEmpty()) {
      String text = (paper.title() + " " + paper.abstractText()).toLowerCase(Locale.ROOT);
      keyword = subscription.keywords().stream().filter(text::contains).findFirst().orElse(null);
      if (keyword == null) {
        return null;
      }
    }
    if (category.isEmpty()) {
      return "mentions \u201c" + keyword + "\u201d";
    }
    return keyword.isEmpty()
        ? "in " + category
        : "in " + category + ", mentions \u201c" + keyword + "\u201d";
  }

  private Digest.Item item(Paper paper, int upvotes, String reason) {
    return new Digest.Item(
        paper.id(),
        oneLine(paper.title()),
        AuthorLine.of(paper.authors()),
        summary(paper.abstractText()),
        upvotes,
        site.site() + "/papers/" + paper.id().base(),
        reason);
  }

  private static int upvotes(Map<String, DailyEntry> listed, ArxivId id) {
    DailyEntry entry = listed.get(id.base());
    return entry == null ? 0 : entry.upvotes();
  }

  static String heading(Edition edition) {
    return edition.cadence() == Cadence.DAILY
        ? "Trending papers of " + DAY.format(edition.firstDay())
        : "Trending papers of the week of " + DAY.format(edition.firstDay());
  }

  private static String topHeading(Edition edition) {
    return edition.cadence() == Cadence.DAILY ? "Top papers of the day" : "Top papers of the week";
  }

  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The abstract's first paragraph, cut at a sentence or word near {@value #SUMMARY_MAX} chars. */
  static String summary(String abstractText) {
    String first = abstractText.strip().split("\\n\\s*\\n", 2)[0];
    String text = oneLine(first);
    if (text.length() <= SUMMARY_MAX) {
      return text;
    }
    String cut = text.substring(0, SUMMARY_MAX);
    int sentence = cut.lastIndexOf(". ");
    if (sentence > SUMMARY_MAX / 2) {
      return cut.substring(0, sentence + 1);
    }
    int space = cut.lastIndexOf(' ');
    return (space > 0 ? cut.substring(0, space) : cut) + "\u2026";
  }
}
